# Checks recursion with side effects (printing moves), digit sums, and a Vec threaded through recursive calls
fn hanoi(n: i64, src: i64, dst: i64, via: i64) -> i64:
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    print(f"disk {n}: {src} -> {dst}")
    moves + 1 + hanoi(n - 1, via, dst, src)
total = hanoi(3, 1, 3, 2)
print("moves:", total)
fn digit_sum(n: i64) -> i64:
    if n < 10:
        return n
    n % 10 + digit_sum(n // 10)
print(digit_sum(987654321))
fn count_down(n: i64, acc: Vec<i64>) -> Vec<i64>:
    if n == 0:
        return acc
    acc.push(n)
    count_down(n - 1, acc)
print(count_down(5, []))
