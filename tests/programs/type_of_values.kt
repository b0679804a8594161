# Checks that type(x) gives the Keyton type text for literals, collections and results of builtins
from std.collections rimport HashMap
print(type(42))
print(type(4.2))
print(type(true))
print(type("s"))
print(type([1, 2]))
print(type(["a"]))
print(type(Some(1)))
print(type((1, "a")))
m = HashMap.new()
m.insert("k", 1)
print(type(m))
print(type(7 / 7), type(7 // 7), type(2 ** 3))
print(type(len("abc")), type(str(5)))
let xs: Vec<f64> = []
print(type(xs))
print(type(float(3)), type(int(3.5)), type(int("7")))
