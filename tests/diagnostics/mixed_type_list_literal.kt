# expect: 2:16 list elements must all have one type: expected i64 (the first element), found String
items = [1, 2, "three"]
print(items)
