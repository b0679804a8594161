# Checks while loops with break and continue, `while true`, and break/continue in for loops
i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    odds.push(i)
print(odds, i)
n = 100
steps = 0
while true:
    if n < 10:
        break
    n = n // 3
    steps += 1
print(n, steps)
found = -1
for k in range(2, 50):
    if k % 7 != 0:
        continue
    if k % 5 == 0:
        found = k
        break
print(found)
