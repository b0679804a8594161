# Checks that Copy values are copied, .clone() gives an independent value, and moves into new names
a = 5
b = a
b += 1
print(a, b)
xs = [1, 2]
ys = xs.clone()
ys.push(3)
print(xs, ys)
zs = xs
zs.push(9)
print(zs)
s = "hi"
t = s.clone()
t += "!"
print(s, t)
fn with_item(v: Vec<i64>, x: i64) -> Vec<i64>:
    v.push(x)
    v
zs = with_item(zs, 4)
print(zs)
p = (1, 2.5)
q = p
print(p, q)
