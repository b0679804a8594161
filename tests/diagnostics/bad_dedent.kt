# expect: 5:3 dedent to column 3 does not match any enclosing indentation level (1 or 5)
x = 1
if x > 0:
    print("a")
  print("b")
