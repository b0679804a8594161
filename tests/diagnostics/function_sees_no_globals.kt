# expect: 4:9 unknown name 'rate': a function sees only its parameters and other functions (pass 'rate' as an argument)
rate = 3
fn scale(x: i64) -> i64:
    x * rate
print(scale(2))
