# expect: 4:9 run-time error: integer division by zero
a = 10
b = 0
print(a // b)
