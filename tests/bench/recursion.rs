// Hand-written Rust twin of recursion.kt; both must print recursion.stdout.
// Benchmark: naive recursive Fibonacci through an annotated fn (sum of fib(30) .. fib(39), then fib(32))
fn fib(n: i64) -> i64 {
    if n < 2 {
        return n;
    }
    fib(n - 1) + fib(n - 2)
}

fn main() {
    let mut total = 0;
    for n in 30..40 {
        total += fib(n);
    }
    println!("{}", total);
    println!("{}", fib(32));
}
