# Checks if/elif/else chains, nested ifs, pass, and returns from every branch
fn describe(n: i64) -> String:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 7, 42]:
    print(n, describe(n))
x = 15
if x % 3 == 0:
    if x % 5 == 0:
        print("fizzbuzz")
    else:
        pass
else:
    print("not a multiple of 3")
if x > 100:
    print("unreachable")
elif x > 10:
    print("over ten")
if false:
    pass
print("end")
