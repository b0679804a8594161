# Checks string escapes (\t \n \\ \" \') and single-quoted strings
a = "tab:\tend"
b = 'single "double" inside'
c = "double 'single' inside"
d = "quote: \" and \' and backslash: \\"
e = 'line1\nline2'
print(a)
print(b)
print(c)
print(d)
print(e)
print(len("a\tb"), len("\\n"))
print(["x\ty", 'q"'])
print(a == "tab:" + "\t" + "end")
print('it\'s' == "it's")
