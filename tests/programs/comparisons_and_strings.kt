# Checks comparisons on numbers and strings, and string concatenation with +
a = "apple"
b = "banana"
print(a < b, a == "apple", a != b)
print("Zebra" < "apple")
full = a + " " + b
print(full, len(full))
print(3 <= 3, 3 >= 4, 2.5 > 2.0)
n = 7
msg = "n=" + str(n) + ", half=" + str(n / 2)
print(msg)
print(a + b == "applebanana")
best = ""
for w in ["pear", "fig", "plum"]:
    if best == "" or w < best:
        best = w
print(best)
print(-1 < 0, 0.1 + 0.2 == 0.3, 1 != 1)
