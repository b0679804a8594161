# Checks `let x: T = expr` for empty collections, Options and Strings, and element-type inference from push
let xs: Vec<f64> = []
xs.push(1.5)
xs.push(2.0)
print(xs, type(xs))
let name: String = "kay"
print(name, type(name))
let maybe: Option<String> = None
print(maybe)
maybe = Some("x")
print(maybe, type(maybe))
let pairs: Vec<(i64, String)> = []
pairs.push((1, "a"))
print(pairs)
let total: f64 = 0.0
for v in xs:
    total += v
print(total)
let words: Vec<String> = ["b", "a"]
words.sort()
print(words)
out = []
out.push(0.25)
print(out, type(out))
