# Checks Option values: Some/None, unwrap, unwrap_or, is_some/is_none, `is None`, Options from Rust methods
a = Some(10)
let b: Option<i64> = None
print(a, b)
print(a.unwrap() + 1)
print(b.unwrap_or(-1))
print(a.is_some(), b.is_some(), b.is_none())
print(a is None, b is None, a is not None)
xs = [4, 8, 15]
print(xs.iter().max(), xs.iter().min())
let empty: Vec<i64> = []
print(empty.iter().max())
first = xs.first()
print(first)
if first is not None:
    print("first is", first.unwrap())
tripled = a.map(lambda v: v * 3)
print(tripled)
b = Some(2)
print(b.unwrap_or(-1) + a.unwrap_or(0))
