# Checks recursive functions with annotated parameters and return types: fib, factorial, gcd
fn fib(n: i64) -> i64:
    if n < 2:
        return n
    fib(n - 1) + fib(n - 2)
fn fact(n: i64) -> i64:
    if n == 0:
        return 1
    n * fact(n - 1)
fn gcd(a: i64, b: i64) -> i64:
    if b == 0:
        return a
    gcd(b, a % b)
fn pow2(n: i64) -> i64:
    1 if n == 0 else 2 * pow2(n - 1)
fibs = []
for i in range(15):
    fibs.push(fib(i))
print(fibs)
print(fib(25))
print(fact(10), fact(20))
print(gcd(1071, 462), gcd(17, 5))
print(pow2(10))
