# Checks full-line and trailing comments, '#' inside strings, and blank lines inside blocks
x = 5  # trailing comment

# a comment between statements
if x > 3:
    # a comment inside a block

    print("hash # inside a string")   # trailing comment after a string
    print('single # too', f"{x}#{x}")

    print(x)
# a comment at column 0 between a block and the next statement
for i in range(2):

    print(i)
   # a comment line at an unusual indentation is ignored like a blank line
print("done")  # the end
