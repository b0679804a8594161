# expect: 2:18 mismatched types: expected i64 (from the annotation), found String
let count: i64 = "many"
print(count)
