# Checks HashMap counting with contains_key, index read/write, insert, get (Option) and a sorted key list
from std.collections rimport HashMap
text = "the cat and the dog and the bird"
counts = HashMap.new()
for word in text.split(" "):
    w = word.to_string()
    if counts.contains_key(w):
        counts[w] = counts[w] + 1
    else:
        counts.insert(w, 1)
print(counts.len(), len(counts))
print(counts["the"], counts["and"], counts.get("cat"), counts.get("cow"))
keys = []
for k, v in counts:
    keys.push(k.clone())
keys.sort()
for k in keys:
    print(k, counts[k])
