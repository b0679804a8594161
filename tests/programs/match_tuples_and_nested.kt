# Checks match on tuples with literal, wildcard and binding parts, and literals nested in Some
fn fizz(n: i64) -> String:
    match (n % 3, n % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(n)
out = []
for n in range(1, 16):
    out.push(fizz(n))
print(out)
fn where_is(p: (i64, i64)) -> String:
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on the y axis at {y}"
        case (x, 0):
            return f"on the x axis at {x}"
        case (x, y):
            return f"at {x},{y}"
print(where_is((0, 0)), "|", where_is((0, 5)))
print(where_is((-2, 0)), "|", where_is((1, 1)))
for o in [Some(0), Some(7), None]:
    match o:
        case Some(0):
            print("zero")
        case Some(v):
            print("value", v)
        case None:
            print("empty")
