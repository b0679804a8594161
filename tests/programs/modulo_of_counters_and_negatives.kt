# Checks % and // where the dividend is a counter (never negative) and where a variable later goes negative (Python's sign rules must hold)
acc = 0
for i in range(20):
    acc = (acc * 7 + i) % 11
print(acc, acc // 3)
x = 10
for k in range(3):
    print(x % 4, x // 4)
    x -= 9
fn wrap(n, size):
    n % size
print(wrap(-1, 5), wrap(7, 5))
evens = 0
for j in range(0, 30, 3):
    if j % 2 == 0:
        evens += 1
print(evens, -7 % 3, -7 // 3)
