# Generics a call's arguments do not fix: one that two of Keyton's types
# could be is an error listing them and how to pick one (`counter.zero`,
# met by i64 alone, needs nothing).
rimport counter @ "../fixtures/counter"
print(counter.zero())
x = counter.one()
print(x)
n = "42".parse()
print(n)
