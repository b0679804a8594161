# Checks triple-quoted strings spanning lines (kept verbatim) and raw strings keeping backslashes
poem = """roses are red
  violets are blue"""
print(poem)
lines = 0
for line in poem.split("\n"):
    lines += 1
print(lines)
if true:
    text = """first
second, with "quotes" inside"""
    print(text)
raw = r"C:\new\table"
print(raw)
print(len(raw))
pattern = r"a\nb"
print(pattern == "a\\nb", len(pattern))
one_line = """just one line"""
print(one_line.len())
