fn area(w: f64, h: f64) -> f64:
    return w * h

fn twice(v):
    v + v

fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(area(2.0, 3.5), twice(21), fib(20))

twice(String.from("ab"))

twice(1.25)

fn twice(v):
    v * 3

twice(2)

fn describe(n: i64) -> String:
    f"{n} squared is {n * n}, fib is {fib(n)}"

describe(10)

inc = lambda v: v + 1
inc(1)

inc(2.5)

offset = 100
shifted = lambda v: v + offset
shifted(1)

offset = 200
shifted(1)

inc = 5
inc
