# Checks blocks with different indentation depths and dedents to an enclosing depth
fn classify(n: i64) -> String:
  if n % 2 == 0:
        if n % 3 == 0:
           return "multiple of six"
        return "even"
  return "odd"

count = 0
for i in range(1, 8):
   if i > 2:
         count += i
         if i == 5:
          print("five")
   print(i, classify(i))
print(count)
