# A local crate's API through rimport: consts and statics, an enum with
# tuple and struct-like variants, a generic struct, a generic function its
# arguments do not instantiate, a macro, an async fn, a Result-returning fn,
# closures of each kind, public fields written. A generic its arguments
# do not fix is picked among Keyton's types, the crate's types and those
# of the session's values when one alone meets its bounds; a bound none
# meets is an error.
rimport counter @ "../fixtures/counter"
from counter rimport Shape, Stack, Point
print(counter.LIMIT, counter.NAME)

shapes = [Shape.Dot, Shape.Circle(1.0), Shape.Rect(w=2.0, h=3.0)]
for s in shapes:
    match s:
        case Shape.Dot:
            print("dot", s.area())
        case Shape.Circle(r):
            print("circle", r, s.area())
        case Shape.Rect(w=w, h=h):
            print("rect", w, h, s.area())

st = Stack.new()
st.push(3)
st.push(4)
print(st.len(), st.peek())

st.pop()

z = counter.zero()
print(counter.zero(), z)

z + 1

let sq: i64 = counter.square!(7)
sq

counter.later(41)

counter.half(10)

counter.half(7)

k = 10
counter.apply(lambda x: x * k, 4)

counter.iterate(3, 1, lambda acc: acc * 2)

counter.consume("hello", lambda s: s.len())

counter.origin()

counter.placeholder()

p = Point.new(1.0, 2.0)
p.x = 3.0
p.y = 4.0
p.norm()

counter.origin()

let f: f64 = counter.one()
f

counter.one()

from counter rimport bumpp

m = counter.Marker
print(m, m.label())

from counter rimport Marker
Marker

rimport counter as ctr
from ctr rimport Direction
print(ctr.count() >= 0, Direction.Up)
