# Benchmark: naive recursive Fibonacci through an annotated fn (sum of fib(30) .. fib(39), then fib(32))
fn fib(n: i64) -> i64:
    if n < 2:
        return n
    fib(n - 1) + fib(n - 2)

total = 0
for n in range(30, 40):
    total += fib(n)
print(total)
print(fib(32))
