# Checks std.collections.VecDeque as a queue: push_back, push_front, pop_front/pop_back (Option), breadth-first order
from std.collections rimport VecDeque
q = VecDeque.new()
q.push_back(1)
q.push_back(2)
q.push_front(0)
print(q, q.len())
print(q.pop_front(), q.pop_back())
print(q)
# breadth-first order of the implicit binary tree 1..7 (children of n are 2n and 2n+1)
order = []
let work: VecDeque<i64> = VecDeque.new()
work.push_back(1)
while not work.is_empty():
    node = work.pop_front().unwrap()
    order.push(node)
    if node * 2 <= 7:
        work.push_back(node * 2)
    if node * 2 + 1 <= 7:
        work.push_back(node * 2 + 1)
print(order)
