# Checks unannotated (template) functions instantiated once per combination of argument types
fn add(a, b):
    a + b
fn twice(x):
    x + x
fn first_of(xs):
    xs[0]
fn describe(x):
    f"<{x}>"
print(add(2, 3))
print(add(1.5, 2.25))
print(add("ab", "cd"))
print(twice(21), twice(0.5), twice("ha"))
print(first_of([7, 8]), first_of([1.5, 9.0]))
print(describe(1), describe("s"), describe(2.0), describe(true))
fn larger(a, b):
    a if a > b else b
print(larger(3, 9), larger(2.5, -1.0), larger("pear", "apple"))
total = add(add(1, 2), twice(3))
print(total)
