# expect: 4:1 tab character in indentation; indent with spaces
x = 1
if x > 0:
	print(x)
