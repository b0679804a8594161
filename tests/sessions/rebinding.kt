x = 1
x

x = "now a string"
x

x = x + "!"
print(x)
x = 2.5
x

items = []
items.push("first")
items

items.push("second")
print(len(items), items)
