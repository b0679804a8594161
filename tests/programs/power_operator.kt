# Checks ** on i64 (gives i64) and on f64 (gives f64), and its right associativity
print(2 ** 10)
print(3 ** 0)
print((-2) ** 3)
print(2 ** 3 ** 2)
print(2.0 ** 0.5)
print(9.0 ** 0.5)
print(1.5 ** 2.0)
print(type(2 ** 2), type(2.0 ** 2.0))
print(10 ** 18)
x = 7
print(x ** 2 - 1, 2 * x ** 2)
total = 0
for k in range(5):
    total += 2 ** k
print(total)
