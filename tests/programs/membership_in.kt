# Checks `in` for list elements, substrings and map keys
from std.collections rimport HashMap
xs = [3, 5, 7]
print(5 in xs, 4 in xs)
s = "hello world"
print("wor" in s, "xyz" in s)
m = HashMap.new()
m.insert("one", 1)
print("one" in m, "two" in m)
names = ["ann", "bob"]
print("bob" in names)
who = "ann"
if who in names:
    print(who, "found")
if not ("zed" in names):
    print("zed missing")
count = 0
for c in "banana".chars():
    if str(c) in "an":
        count += 1
print(count)
print(2 + 3 in xs, "" in s)
