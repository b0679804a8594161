# A local crate imported with rimport (its path starts at the script's
# directory): a free function, a static shared by its functions, a struct
# with public fields and methods, an enum to match, a trait method and a
# generic function.
rimport counter @ "../fixtures/counter"
from counter rimport Point, Direction, Signed

counter.bump()
print(counter.bump())
print(counter.count())

p = Point.new(3.0, 4.0)
print(p.norm())
p.x = 6.0
p.y = 8.0
print(p.norm())
print(p.x + p.y)

for d in [Direction.Up, Direction.Down]:
    match d:
        case Direction.Up:
            print(f"up {d.sign()}")
        case Direction.Down:
            print(f"down {d.sign()}")

print(counter.largest([3, 9, 2]))
print(counter.largest([1.5, -2.0]))

# Consts, a struct-like variant built by keywords, a generic struct,
# generics only the result fixes (one of Keyton's types, one of the
# crate's), an async fn and a Result fn in a script.
print(counter.LIMIT, counter.NAME)
from counter rimport Shape, Stack
area = Shape.Rect(w=2.0, h=3.0).area()
print(area)
names = Stack.new()
names.push("a")
names.push("b")
print(names.pop(), names.len())
print(counter.zero() + counter.later(1) + counter.half(8))
print(counter.iterate(4, 1, lambda acc: acc * 3))
origin = counter.origin()
print(origin.x, counter.origin().norm())
