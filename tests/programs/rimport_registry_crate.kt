# A crate from crates.io, imported with rimport: itoa's Buffer formats
# integers into a `&str` without allocating.
rimport itoa

buf = itoa.Buffer.new()
print(buf.format(1234567))
digits = 0
for n in [7, -42, 100]:
    s = buf.format(n * 3)
    digits += len(s)
    print(f"{n} * 3 = {s}")
print(digits)
