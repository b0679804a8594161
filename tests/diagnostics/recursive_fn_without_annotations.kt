# expect: 2:4 recursive function 'fact' needs annotated parameters and a return type, e.g. fn fact(n: i64) -> i64:
fn fact(n):
    if n == 0:
        return 1
    n * fact(n - 1)
print(fact(5))
