# expect: 3:17 unknown method join on a string; Rust joins from the list
words = ["a", "b"]
print(", ".join(words))
