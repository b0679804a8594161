# Checks integer and float literal forms: underscores, hex, exponents, booleans
a = 1_000
b = 0xff
c = 1_000_000 + 0x10
d = 1.5
e = 2e-3
f = 1.5e2
print(a, b, c)
print(d, e, f)
print(a * 2, b + 1)
print(e * 1000.0)
print(-a, -d)
print(true, false)
print(0xFF == 255, 1_0 == 10)
print(type(e), type(b))
