# expect: 3:7 run-time error: integer overflow: 9223372036854775807 + 1 does not fit in i64
x = 9223372036854775807
y = x + 1
print(y)
