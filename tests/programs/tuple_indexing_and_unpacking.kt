# Checks tuple indexing with literal indices, unpacking assignments and tuple-returning functions
pair = (3, "three")
print(pair[0], pair[1])
num, word = pair
print(num * 2, word)
a, b = (1, 2)
a, b = (b, a)
print(a, b)
fn div_mod(a: i64, b: i64) -> (i64, i64):
    (a // b, a % b)
q, r = div_mod(17, 5)
print(q, r)
t = div_mod(-17, 5)
print(t, t[0] * 5 + t[1])
x, y, z = (1.5, true, "z")
print(x, y, z)
nested = ((1, 2), 3)
print(nested[0][1] + nested[1])
print(nested)
