# The spec: `1 + 2.0` is an error; an int literal adapts only to a float variable.
x = 2.5
print(x * 2)
print(1 + 2.0)
