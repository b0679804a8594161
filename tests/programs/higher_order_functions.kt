# Checks passing lambdas and named functions to template functions that call them
fn apply(f, x):
    f(x)
fn apply_n(f, x, n: i64):
    r = x
    for i in range(n):
        r = f(r)
    r
fn square(n: i64) -> i64:
    n * n
inc = lambda v: v + 1
print(apply(inc, 41))
print(apply(lambda s: s + "!", "hey"))
print(apply_n(lambda v: v * 2, 1, 10))
print(apply(square, 9))
print(apply_n(square, 2, 3))
print(apply_n(lambda x: x / 2.0, 10.0, 2))
