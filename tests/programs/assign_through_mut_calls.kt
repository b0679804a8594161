# Checks assignment through calls that give &mut (the entry API, last_mut) and s += f"..." appending in place
from std.collections rimport BTreeMap
counts = BTreeMap.new()
for w in "to be or not to be".split(" "):
    counts.entry(w.to_string()).or_insert(0) += 1
print(counts)
lengths = BTreeMap.new()
for w in ["aa", "b", "cc"]:
    lengths.entry(len(w)).or_insert(Vec.new()).push(w.clone())
print(lengths)
v = [1, 2, 3]
v.last_mut().unwrap() *= 10
v.first_mut().unwrap() = -1
print(v)
s = "log:"
for i in range(3):
    s += f" {i}={i * i:>2}"
print(s)
