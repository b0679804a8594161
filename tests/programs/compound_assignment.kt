# Checks += -= *= /= on integers, floats, strings and list elements
n = 10
n += 5
n -= 3
n *= 2
print(n)
f = 1.0
f += 0.5
f *= 4.0
f /= 3.0
f -= 1.0
print(f)
s = "ab"
s += "cd"
s += f"{n}"
print(s)
xs = [1, 2, 3]
xs[0] += 10
xs[2] *= 3
xs[1] -= xs[0]
print(xs)
ys = [0.5, 1.0]
ys[1] /= 4.0
print(ys)
