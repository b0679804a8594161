# Checks `rimport std.cmp` with dotted calls, `from std.cmp rimport max, min`, an `as` alias, std.mem and Ordering
rimport std.cmp
rimport std.mem
from std.cmp rimport max, min, Ordering
from std.collections rimport BTreeMap as Tree
print(std.cmp.max(3, 7), std.cmp.min(3, 7))
print(max(10, -2), min(10, -2))
print(max("pear", "apple"))
t = Tree.new()
t.insert(2, "b")
t.insert(1, "a")
print(t)
a = [1]
b = [2, 3]
std.mem.swap(a, b)
print(a, b)
for y in [1, 3, 5]:
    match y.cmp(3):
        case Ordering.Less:
            print(y, "less")
        case Ordering.Equal:
            print(y, "equal")
        case Ordering.Greater:
            print(y, "greater")
