// Hand-written Rust twin of loops.kt; both must print loops.stdout.
// Benchmark: nested integer loops with arithmetic (1e8 inner iterations on a serial dependency chain)
fn main() {
    let n: i64 = 10_000;
    let mut acc: i64 = 0;
    let mut total: i64 = 0;
    for i in 0..n {
        for j in 0..n {
            acc = (acc * 31 + i * j + 7) % 1_000_003;
        }
        total += acc;
    }
    println!("{}", acc);
    println!("{}", total);
}
