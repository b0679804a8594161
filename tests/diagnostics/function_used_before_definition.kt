# expect: 2:7 unknown name 'greet' (a function 'greet' is defined later, at line 3; define it before use)
print(greet("a"))
fn greet(n: String) -> String:
    "hi " + n
