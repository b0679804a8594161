# Checks f-string interpolation of names, expressions, method calls, conditionals and {{ }} escapes
name = "Ada"
age = 36
xs = [1, 2, 3]
print(f"{name} is {age}")
print(f"{age} + 4 = {age + 4}")
print(f"upper: {name.to_uppercase()}, len: {len(name)}")
print(f"list: {xs}, first: {xs[0]}, last: {xs[len(xs) - 1]}")
print(f"{{literal}} and {{{age}}}")
ratio = 7 / 2
print(f"ratio={ratio} half={ratio / 2.0}")
print(f"{'adult' if age > 18 else 'minor'}")
flag = age > 30
print(f"flag={flag}")
o = Some(4)
print(f"{o}")
greeting = f"Hi {name}" + f", {age * 2}"
print(greeting)
print(f"no placeholders")
