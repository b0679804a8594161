# expect: 5:23 run-time error: called unwrap() on a None value
from std.collections rimport HashMap
ages = HashMap.new()
ages.insert("ann", 31)
print(ages.get("bob").unwrap())
