# Checks i64 arithmetic with large values, the i64 limits, factorial by loop and integer methods
big = 9_000_000_000
print(big * 1000)
print(9223372036854775807)
print(-9223372036854775807 - 1)
print(2 + 3 * 4, (2 + 3) * 4)
print(10 - 3 - 2, -3 * -3)
print(100 // 7 * 7 + 100 % 7)
n = 1
for i in range(1, 21):
    n *= i
print(n)
x = -5
print(x.abs(), x.pow(3), x * x)
y = 17
print(y.max(4), y.min(4))
m = 1
while m < 1_000_000_000_000:
    m *= 10
print(m, m - 1)
