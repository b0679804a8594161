# Checks Rust format specs after ':' in f-strings: width, alignment, fill, precision, sign, radix, debug
pi = 3.14159
n = 42
word = "ab"
print(f"{pi:.2}")
print(f"{pi:.0}")
print(f"[{n:>5}]")
print(f"[{n:<5}]")
print(f"[{n:^6}]")
print(f"[{n:05}]")
print(f"[{word:*>6}]")
print(f"[{word:-^6}]")
print(f"{255:x} {255:X} {255:#x} {5:b} {8:o}")
print(f"[{pi:8.3}]")
print(f"{n:+}")
print(f"{-7:04}")
print(f"{word:?}")
for i in range(1, 4):
    print(f"{i:>2}|{i * i:>4}|{float(i) / 3.0:.3}")
