# expect: 4:10 mismatched types: parameter 'r' of area() is f64, found String
fn area(r: f64) -> f64:
    3.14 * r * r
x = area("2.0")
print(x)
