# Checks operators on Rust types via their trait impls (Duration +, -, *, +=, comparisons), consts, and Debug printing
from std.time rimport Duration
a = Duration.from_secs(2)
b = Duration.from_millis(500)
total = a + b
print(total)
print(total.as_millis())
print(a - b, b * 3)
print(a > b, total == Duration.from_millis(2500))
acc = Duration.ZERO
for i in range(1, 5):
    acc += Duration.from_millis(250 * i)
print(acc, acc.as_secs_f64())
print(acc == total, Duration.from_micros(1500))
