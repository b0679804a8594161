# expect: 3:4 the if condition must be bool, found i64 (write `n != 0`)
n = 5
if n:
    print("nonzero")
