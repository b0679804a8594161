# expect: 4:7 run-time error: index out of range: the index is 3 but the length is 3
xs = [1, 2, 3]
i = 3
print(xs[i])
