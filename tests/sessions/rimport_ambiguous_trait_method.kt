# Two imported traits give `shout`: the call says so, and importing one
# trait by name picks it.
rimport counter @ "../fixtures/counter"
p = counter.Point.new(1.0, 2.0)

p.shout()

from counter rimport Quiet
p.shout()
