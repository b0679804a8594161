# Checks range(n), range(a, b), range(a, b, step) with positive and negative steps, a..b, and the public fields of a Range value
a = []
for i in range(4):
    a.push(i)
b = []
for i in range(2, 6):
    b.push(i)
c = []
for i in range(0, 10, 3):
    c.push(i)
d = []
for i in range(10, 0, -3):
    d.push(i)
e = []
for i in 3..6:
    e.push(i)
print(a)
print(b)
print(c)
print(d)
print(e)
for i in range(5, 2):
    print("never printed")
lo = 1
hi = 4
total = 0
for i in lo..hi:
    total += i
for i in range(hi, lo - 1, -1):
    total += i * 100
print(total)
r = 2..9
print(r.start, r.end, r.contains(5))
