# Checks Python-style floor division and modulo with negative operands
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(6 // 3, -6 // 3, -6 % 3)
print(-1 % 5, -13 // 4)
ok = 0
for a in range(-6, 7):
    for b in [4, -4]:
        if (a // b) * b + a % b == a:
            ok += 1
print(ok)
n = 90210
digits = []
while n > 0:
    digits.push(n % 10)
    n = n // 10
print(digits)
hour = (3 - 5) % 24
print(hour)
