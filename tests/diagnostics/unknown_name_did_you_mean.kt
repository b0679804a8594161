# expect: 5:7 unknown name 'totl'; did you mean 'total'?
total = 0
for i in range(3):
    total += i
print(totl)
