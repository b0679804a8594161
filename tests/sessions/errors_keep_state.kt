xs = [1, 2, 3]
count = 0

count = count + 1
xs.push(4)
boom = xs[10]
count = 100

print(count, xs)

let y: i64 = "text"

print("still here", count)

fn half(n: i64) -> i64:
    return n // 2

half(7)
z = half(1) // 0
print("not reached")

print(half(9), count)

undefined_name + 1

count
