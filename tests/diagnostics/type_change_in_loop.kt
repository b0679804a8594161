# expect: 5:5 'x' is i64 outside the loop and cannot become String inside the loop body
x = 0
for i in range(3):
    x = i
    x = str(i)
print(x)
