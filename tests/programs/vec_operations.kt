# Checks Vec methods: push, pop (Option), len, sort, reverse, contains, insert, remove, index assignment
v = [5, 3, 8]
v.push(1)
print(v, len(v), v.len())
last = v.pop()
print(last, v)
v.sort()
print(v)
v.reverse()
print(v)
print(v.contains(3), v.contains(4))
v[0] = 10
v[1] += 5
print(v)
v.insert(1, 7)
removed = v.remove(0)
print(removed, v)
let e: Vec<i64> = []
print(e.pop(), e.is_empty())
v.extend([1, 2])
print(v, v[len(v) - 1])
v.clear()
print(v.len())
