# Checks outer variables updated inside loop bodies keeping their types (int, float, bool, String, Option)
total = 0
product = 1.0
found = false
text = ""
let last: Option<i64> = None
for i in range(1, 6):
    total += i
    product *= 1.5
    text = text + str(i)
    if i == 3:
        found = true
    last = Some(i * 10)
print(total, product, found, text, last)
n = 27
steps = 0
peak = n
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    if n > peak:
        peak = n
    steps += 1
print(steps, peak)
