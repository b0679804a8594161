# Checks that eprint writes to stderr only: stdout holds just the print lines, in order
print("out 1")
eprint("err 1")
x = 3
eprint("err value", x)
print("out", x + 1)
for i in range(3):
    if i == 1:
        eprint("skipping", i)
        continue
    print("loop", i)
eprint([1, 2], Some(2.0))
print("last")
