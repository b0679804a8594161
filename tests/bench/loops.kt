# Benchmark: nested integer loops with arithmetic (1e8 inner iterations on a serial dependency chain)
n = 10_000
acc = 0
total = 0
for i in range(n):
    for j in range(n):
        acc = (acc * 31 + i * j + 7) % 1_000_003
    total += acc
print(acc)
print(total)
