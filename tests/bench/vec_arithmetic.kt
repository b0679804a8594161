# Benchmark: fill two Vec<f64>, then 400 passes of a dot product and an element-wise update, then the means
n = 1_000_000
passes = 400
xs = []
ys = []
for i in range(n):
    xs.push(float(i % 1000) / 1000.0)
    ys.push(float((i * 7) % 1000) / 500.0)
total = 0.0
for p in range(passes):
    dot = 0.0
    for i in range(n):
        dot += xs[i] * ys[i]
    total += dot / float(n)
    for i in range(n):
        xs[i] = xs[i] * 0.999 + 0.001
sum_x = 0.0
for x in xs:
    sum_x += x
sum_y = 0.0
for y in ys:
    sum_y += y
print(f"{total:.6}")
print(f"{sum_x / float(n):.6} {sum_y / float(n):.6}")
