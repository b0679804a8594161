# Checks Rust integer results mixed with Keyton numbers (become i64), capturing lambdas in map, and chars compared in lambdas
from std.time rimport Duration
k = 2
print([1, 2].iter().map(lambda x: x * k).collect())
xs = [1]
print(xs.len() - 2, Duration.from_secs(90).as_secs() // 60)
print("banana".chars().filter(lambda c: c == "a").count())
o = Some(3)
print(o.map(lambda v: v + k))
