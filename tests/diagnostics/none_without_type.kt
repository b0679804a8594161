# expect: 2:5 cannot infer the type of None; annotate it, e.g. let x: Option<i64> = None
x = None
print(x)
