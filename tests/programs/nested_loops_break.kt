# Checks that break and continue apply to the innermost loop only (for in for, while in for)
pairs = []
for i in range(1, 5):
    for j in range(1, 5):
        if j > i:
            break
        if (i + j) % 2 == 1:
            continue
        pairs.push((i, j))
print(pairs)
count = 0
for i in range(3):
    j = 0
    while true:
        j += 1
        if j == i + 2:
            break
        count += 1
print(count)
primes = []
for n in range(2, 20):
    is_prime = true
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            is_prime = false
            break
    if is_prime:
        primes.push(n)
print(primes)
