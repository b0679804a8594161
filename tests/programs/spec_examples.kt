# The examples of the language spec (sections 2, 3, 5 and 6), run as written
from std.collections rimport HashMap
let xs: Vec<f64> = []
out = []
out.push(1.5)
print(xs, out)

x = 7
if x > 10:
    print("big")
elif x > 0:
    print("small")
else:
    pass

n = 3
while n > 0:
    n -= 1
print(n)

for i in range(10):        # range(a, b), range(a, b, step), a..b
    if i == 3:
        continue
    print(i)

text = "to be or not"
for word in text.split(" "):   # any Rust IntoIterator
    print(word)

value = Some(42)
match value:               # Rust enums, Option, literals, tuples
    case Some(v):
        print(v)
    case None:
        print("nothing")
    case _:                # wildcard
        pass

fn add(a, b):              # unannotated parameters: a template, compiled once
    a + b                  # per combination of argument types at call sites;
                           # the last expression is the result
fn area(w: f64, h: f64) -> f64:
    return w * h

print(add(1, 2), add(0.5, 0.25), add("a", "b"), area(2.0, 3.5))
m = HashMap.new()
m.insert("k", -7 // 2)
print(m["k"], -7 % 2, 1 / 2)
