# expect: 3:7 'total' is i64, not a function
total = 10
print(total(3))
