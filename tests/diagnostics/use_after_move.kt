# expect: 5:7 use of moved value 'a' (moved at line 3); write `b = a.clone()` at line 3 to keep using 'a'
a = [1, 2, 3]
b = a
print(b)
print(a)
