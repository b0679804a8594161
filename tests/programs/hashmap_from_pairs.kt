from std.collections rimport HashMap, BTreeMap
ages = HashMap.from_iter([("ann", 31), ("bob", 27)])
print(len(ages))
print(ages["bob"])
sorted = BTreeMap.from_iter([(3, "c"), (1, "a"), (2, "b")])
for k, v in sorted.iter():
    print(k, v)
