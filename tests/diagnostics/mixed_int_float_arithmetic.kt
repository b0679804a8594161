# expect: 3:15 cannot add i64 and f64; convert the i64 side with float(...)
count = 3
total = count + 2.5
print(total)
