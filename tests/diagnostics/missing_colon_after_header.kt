# expect: 3:9 expected ':' at the end of the if header
x = 1
if x > 0
    print(x)
