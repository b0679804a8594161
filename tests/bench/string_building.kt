# Benchmark: build a long String with f-strings and +=, then count a substring and the digits in it
n = 6_000_000
s = ""
for i in range(n):
    s += f"{i % 1000}-{i // 1000}"
    s += ";"
print(len(s))
print(s.matches("7").count())
digits = 0
for c in s.chars():
    if c.is_ascii_digit():
        digits += 1
print(digits)
