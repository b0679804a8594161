fn halve(v):
    v // 2

halve(10)

halve(1 // 1)
r = halve(7)
r

halve("text")

halve(r) // 0

scale = lambda v: v * factor

factor = 3
scale(2)

scale("a")

factor
