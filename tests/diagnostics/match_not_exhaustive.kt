# A match over integers needs a `case _:`.
x = 3
match x:
    case 1:
        print("one")
    case 2:
        print("two")
