# expect: 3:8 '[' was never closed
x = 1
nums = [1, 2,
    3
