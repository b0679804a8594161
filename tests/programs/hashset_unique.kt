# Checks HashSet insert (bool result), contains and len, and a sorted Vec of its elements
from std.collections rimport HashSet
seen = HashSet.new()
dups = []
for x in [3, 1, 3, 2, 1, 5, 3]:
    if seen.contains(x):
        dups.push(x)
    else:
        seen.insert(x)
print(len(seen), dups)
print(seen.contains(5), seen.contains(4))
fresh = seen.insert(9)
again = seen.insert(9)
print(fresh, again, seen.len())
uniq = []
for x in seen:
    uniq.push(x)
uniq.sort()
print(uniq)
