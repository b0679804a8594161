# expect: 3:5 run-time error: int() cannot parse "abc" as an integer
s = "abc"
n = int(s)
print(n)
