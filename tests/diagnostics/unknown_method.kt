# expect: 3:4 no method named 'append' on Vec<i64>; did you mean 'push'?
xs = [1, 2]
xs.append(3)
print(xs)
