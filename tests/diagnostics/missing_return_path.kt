# A function with a result type must return on every path.
fn sign(n: i64) -> i64:
    if n > 0:
        return 1
    elif n < 0:
        return -1
print(sign(3))
