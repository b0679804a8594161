# A sieve of Eratosthenes over a Vec<bool>, then statistics about the primes it finds
fn sieve(limit: i64) -> Vec<i64>:
    is_prime = []
    for i in range(limit + 1):
        is_prime.push(i >= 2)
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = false
        p += 1
    primes = []
    for i, flag in is_prime.iter().enumerate():
        if flag:
            primes.push(i)
    primes
ps = sieve(100)
print(len(ps), ps[len(ps) - 1])
first = []
for i in range(10):
    first.push(ps[i])
print(first)
twins = 0
for i in range(1, len(ps)):
    if ps[i] - ps[i - 1] == 2:
        twins += 1
print("twin pairs below 100:", twins)
big = sieve(100000)
total = big.iter().sum()
print(len(big), total)
