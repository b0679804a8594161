# Checks annotated parameters and return types, early return, unit functions and tuple results
fn area(w: f64, h: f64) -> f64:
    return w * h
fn clamp(x: i64, lo: i64, hi: i64) -> i64:
    if x < lo:
        return lo
    if x > hi:
        return hi
    x
fn banner(title: String, width: i64):
    line = "=".repeat(width)
    print(line)
    print(title)
    print(line)
fn stats(xs: Vec<f64>) -> (f64, f64):
    total = 0.0
    for x in xs:
        total += x
    (total, total / float(len(xs)))
print(area(2.0, 3.5))
print(clamp(-5, 0, 10), clamp(5, 0, 10), clamp(50, 0, 10))
banner("Hi", 4)
print(stats([1.0, 2.0, 4.5]))
s, m = stats([0.5, 0.25])
print(s, m)
