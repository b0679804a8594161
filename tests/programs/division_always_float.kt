# Checks that / always gives f64, even when integers divide evenly
a = 9
b = 3
q = a / b
print(q, type(q))
print(1 / 4, 10 / 4)
print(-7 / 2)
avg = (1 + 2 + 3 + 4) / 4
print(avg)
x = 2.5 / 0.5
print(x)
mean = float(17) / float(4)
print(mean == 17 / 4)
print(int(17 / 4))
items = [3, 4, 4]
print(len(items) / 2)
