# expect: 3:12 unknown method join on a string; Rust joins from the list
words = ["a", "b"]
print(", ".join(words))
