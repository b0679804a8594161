# Checks Rust-named String methods: trim, to_uppercase, split, contains, starts_with, replace, find, repeat, join
s = "  Hello, Keyton  "
t = s.trim()
print(f"[{t}]")
print(t.to_uppercase(), t.to_lowercase())
print(t.len(), len(t))
print(t.starts_with("Hell"), t.ends_with("ton"), t.contains(", "))
print(t.replace("l", "L"))
for part in t.split(", "):
    print(part)
print("a-b-c".split("-").count())
print(t.find("K"), t.find("z"))
print("x".repeat(3) + "y")
print(["a", "b", "c"].join("+"))
print("  pad ".trim_start() + "|")
print("Mississippi".matches("ss").count())
let backwards: String = t.chars().rev().collect()
print(backwards)
print(t.is_empty(), "".is_empty())
