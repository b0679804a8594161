# expect: 3:5 unexpected indent: no block was opened by the previous line (missing ':'?)
x = 1
    y = 2
print(x + y)
