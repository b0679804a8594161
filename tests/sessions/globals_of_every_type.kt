# Each paragraph is one cell, as in a notebook.
n = 41
x = 2.5
ok = true
name = "Ada"
nums = [3, 1, 2]
floats = [0.5, 1.5]
words = ["a", "b"]
pair = (1, "one")

n += 1
x *= 2.0
ok = not ok
name += " Lovelace"
nums.push(10)
floats.push(2.5)
words.push("c")
print(n, x, ok, name, nums, floats, words, pair)

from std.collections rimport HashMap
let counts: HashMap<String, i64> = HashMap.new()
for w in ["x", "y", "x"]:
    counts[w] = counts.get(w).unwrap_or(0) + 1

counts["x"]

counts["z"] = 9
len(counts)

rows = [(1, 2.0), (3, 4.0)]
rows.push((5, 6.0))

total = 0.0
for a, b in rows:
    total += float(a) * b
total
