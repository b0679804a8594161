# Checks that `for x in xs` over a variable leaves it usable afterwards (elements copied or borrowed)
nums = [1, 2, 3]
names = ["ann", "bo"]
s = 0
for n in nums:
    s += n
for n in nums:
    s += n * 10
print(s, nums)
for name in names:
    print(name, len(name))
print(names)
total_len = 0
for name in names:
    total_len += len(name)
print(total_len, len(names))
joined = ""
for name in names:
    joined += name
print(joined, names[0])
