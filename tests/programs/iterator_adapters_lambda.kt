# Checks iterator adapters with lambdas: map, sum, max, min, enumerate, zip, rev, count, collect
xs = [4, 1, 7, 3]
total = xs.iter().sum()
print(total)
doubled = xs.iter().map(lambda x: x * 2).collect()
print(doubled)
print(xs.iter().max(), xs.iter().min())
for i, x in xs.iter().enumerate():
    print(i, x)
ys = [10, 20, 30, 40]
dot = 0
for a, b in xs.iter().zip(ys.iter()):
    dot += a * b
print(dot)
back = xs.iter().rev().collect()
print(back)
squares = xs.iter().map(lambda x: x * x).sum()
print(squares)
print("a b c d".split(" ").count())
evens = xs.iter().map(lambda x: 1 if x % 2 == 0 else 0).sum()
print(evens)
print(xs)
