# Checks print with zero or several arguments: Display for scalars and Strings, Debug for collections and Options
print()
print("a", 1, 2.5, true)
print(["quote\"d", "tab\t"])
print([[1.5], [2.0, 3.25]])
print((1, (2.5, "x")), [Some("s"), None])
print(Some(Some(3)))
print("")
print("multi", "", "end")
words = ["x"]
words.push("y z")
print(words, len(words))
print((true, -3), [(1, [2])])
