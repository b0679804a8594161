# expect: 4:5 'break' outside a loop
x = 1
if x == 1:
    break
print(x)
