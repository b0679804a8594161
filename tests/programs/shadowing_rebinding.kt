# Checks rebinding a name with a new type (shadowing) at top level and in a fn, and same-type updates in loops
x = 5
print(x, type(x))
x = "five"
print(x, type(x))
x = [x, "six"]
print(x, type(x))
x = len(x)
print(x, type(x))
x = float(x) / 4.0
print(x, type(x))
count = 0
for i in range(3):
    count = count + i
print(count, type(count))
fn shadow_in_fn(n: i64) -> String:
    n = n * 2
    n = str(n)
    n + "!"
print(shadow_in_fn(21))
