# Benchmark: count the keys of a generated pseudo-random sequence in a HashMap, then find the most frequent key
from std.collections rimport HashMap
n = 5_000_000
counts = HashMap.new()
x = 12345
for i in range(n):
    x = x * 48271 % 2147483647
    key = x % 250_000
    counts.entry(key).or_insert(0) += 1
best_key = -1
best = 0
for k, v in counts:
    if v > best or (v == best and k < best_key):
        best = v
        best_key = k
print(len(counts))
print(best_key, best)
print(counts.get(42).unwrap_or(0))
