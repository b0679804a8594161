total = 0
last = 0
for i in range(5):
    total += i
    last = i * 10
print(total, last)

while total < 100:
    total *= 2
total

evens = [0, 2, 4]
evens
