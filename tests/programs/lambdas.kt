# Checks lambdas bound to names and called, nested calls, captured variables, and lambdas passed to map
add = lambda x, y: x + y
sq = lambda x: x * x
print(add(2, 3), sq(7))
print(add(sq(2), sq(3)))
k = 10
scale = lambda x: x * k
print(scale(4))
fadd = lambda a, b: a + b + 0.5
print(fadd(1.0, 2.0))
xs = [1, 2, 3]
ys = xs.iter().map(lambda x: x * 10).collect()
print(ys)
is_big = lambda n: n > 100
print(is_big(150), is_big(5))
greet = lambda name: "hi " + name
print(greet("bo"))
no_args = lambda: 42
print(no_args() + 1)
