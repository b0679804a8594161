# Crates imported with rimport: a local crate (paths start at the notebook's
# directory) and one from crates.io; their statics stay one object as more
# crates are imported.
rimport counter @ "../fixtures/counter"
from counter rimport Point, Direction, Signed
counter.bump()

counter.bump()
counter.count()

p = Point.new(3.0, 4.0)
p.norm()

p.x = 6.0
p.y = 8.0
p.norm()

d = Direction.Up
d.sign()

match d:
    case Direction.Up:
        print("up")
    case Direction.Down:
        print("down")

xs = [3, 9, 2]
counter.largest(xs)

rimport itoa
buf = itoa.Buffer.new()
buf.format(counter.bump())

p

counter.nothing_here()

rimport no_such_crate_anywhere_kt
