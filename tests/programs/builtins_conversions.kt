# Checks the builtins len, str, int and float, and conversions between numbers and strings
print(len("hello"), len([1, 2, 3]), len(""))
print(str(42) + str(7))
print(int("42") + 1, int("-17"))
print(int(3.9), int(-3.9))
print(float(2), float(2) / 4.0)
print(str(2.5), str(true), str(-0.5) + "x")
n = int("1" + "2" + "3")
print(n * 2)
print(float("2.5") * 2.0)
digits = 0
for c in str(2 ** 20).chars():
    digits += int(str(c))
print(digits)
print(len(str(123456)), int(7), float(1.5))
