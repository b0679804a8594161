# Checks a BTreeMap with Vec values: grouping words by length, iterated in key order
from std.collections rimport BTreeMap
words = ["pear", "fig", "apple", "kiwi", "plum", "banana", "date"]
groups = BTreeMap.new()
for w in words:
    n = len(w)
    if not (n in groups):
        groups[n] = []
    groups.get_mut(n).unwrap().push(w.clone())
for n, ws in groups:
    print(n, ws)
print(groups[4])
longest = 0
for n, ws in groups:
    if len(ws) > longest:
        longest = len(ws)
print(longest, len(groups))
