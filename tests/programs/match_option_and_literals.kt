# Checks match on integer and string literals, Option patterns (Some/None) and the wildcard
fn name_of(n: i64) -> String:
    match n:
        case 1:
            return "one"
        case 2:
            return "two"
        case _:
            return "many"
for n in [1, 2, 5]:
    print(name_of(n))
fn greet(lang: String):
    match lang:
        case "fr":
            print("bonjour")
        case "de":
            print("hallo")
        case _:
            print("hello")
greet("de")
greet("xx")
xs = [10, 20]
for i in range(4):
    match xs.get(i):
        case Some(v):
            print("got", v)
        case None:
            print("none at", i)
let o: Option<i64> = None
match o:
    case Some(v):
        print("unexpected", v)
    case None:
        print("o is empty")
