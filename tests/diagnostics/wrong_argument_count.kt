# expect: 4:7 add() takes 2 arguments but 3 were given
fn add(a: i64, b: i64) -> i64:
    a + b
print(add(1, 2, 3))
