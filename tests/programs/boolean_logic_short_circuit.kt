# Checks and/or/not, their precedence, and short-circuit evaluation
fn loud(label: String, v: bool) -> bool:
    print("eval", label)
    v
a = true
b = false
print(a and b, a or b, not a)
print(not a or b, not (a or b))
print(a and not b)
r1 = false and loud("x", true)
r2 = true or loud("y", true)
r3 = true and loud("z", false)
r4 = false or loud("w", true)
print(r1, r2, r3, r4)
x = 5
print(x > 3 and x < 10, x < 3 or x == 5)
print(not x == 5)
print(true or false and false, not true and false)
