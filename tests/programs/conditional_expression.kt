# Checks `x if cond else y`, including nesting and use inside larger expressions
fn sign(n: i64) -> String:
    "positive" if n > 0 else ("zero" if n == 0 else "negative")
for n in [-2, 0, 3]:
    print(n, sign(n))
a = 4
b = 9
big = a if a > b else b
print(big)
print(10 + (1 if a % 2 == 0 else 0))
label = "even" if a % 2 == 0 else "odd"
print(f"{a} is {label}")
vals = [1, 2, 3, 4, 5]
total = 0
for v in vals:
    total += v * 2 if v > 2 else v
print(total)
for score in [95, 85, 50]:
    grade = "A" if score >= 90 else "B" if score >= 80 else "C"
    print(grade)
