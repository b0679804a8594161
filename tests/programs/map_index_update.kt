# Checks m[k] = v inserting and overwriting, m[k] += 1 on an existing key, and Debug of a BTreeMap
from std.collections rimport BTreeMap
scores = BTreeMap.new()
scores["amy"] = 3
scores["ben"] = 5
scores["amy"] = 4
scores["ben"] += 10
print(scores)
letters = BTreeMap.new()
for c in "hello world".chars():
    if c.is_alphabetic():
        key = str(c)
        if key in letters:
            letters[key] += 1
        else:
            letters[key] = 1
for k, v in letters:
    if v > 1:
        print(k, v)
print(len(letters), letters["h"])
