# expect: 4:5 'return' outside a function
x = 3
if x > 2:
    return x
