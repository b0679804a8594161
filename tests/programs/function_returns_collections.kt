# Checks functions that build and return Vecs, tuples and Strings, with the last expression as the result
fn evens_up_to(n: i64) -> Vec<i64>:
    out = []
    for i in range(0, n + 1, 2):
        out.push(i)
    out
fn min_max(xs: Vec<i64>) -> (i64, i64):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    (lo, hi)
fn shout(s: String) -> String:
    s.to_uppercase() + "!"
fn pairs_with_squares(n: i64) -> Vec<(i64, i64)>:
    out = []
    for i in range(1, n + 1):
        out.push((i, i * i))
    out
e = evens_up_to(10)
print(e)
lo, hi = min_max([5, -2, 9, 0])
print(lo, hi)
print(shout("hey"))
print(len(evens_up_to(100)))
print(pairs_with_squares(3))
