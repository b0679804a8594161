# expect: 3:17 run-time error: -1 does not fit in usize (argument of repeat)
n = -1
s = "ab".repeat(n)
print(s)
