# Checks `for k, v in map` over a BTreeMap (sorted pairs) and tuple unpacking in for loops
from std.collections rimport BTreeMap
ages = BTreeMap.new()
ages.insert("carol", 41)
ages.insert("alice", 30)
ages.insert("bob", 25)
for name, age in ages:
    print(name, age)
total = 0
oldest = ""
best = 0
for name, age in ages:
    total += age
    if age > best:
        best = age
        oldest = name.clone()
print(total, oldest)
points = [(1, 2), (3, 4), (5, 6)]
for x, y in points:
    print(x * y)
for i, p in points.iter().enumerate():
    print(i, p[0] + p[1])
print(len(ages), len(points))
