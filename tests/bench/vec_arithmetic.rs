// Hand-written Rust twin of vec_arithmetic.kt; both must print vec_arithmetic.stdout.
// Benchmark: fill two Vec<f64>, then 400 passes of a dot product and an element-wise update, then the means
fn main() {
    let n: usize = 1_000_000;
    let passes = 400;
    let mut xs: Vec<f64> = Vec::with_capacity(n);
    let mut ys: Vec<f64> = Vec::with_capacity(n);
    for i in 0..n as i64 {
        xs.push((i % 1000) as f64 / 1000.0);
        ys.push(((i * 7) % 1000) as f64 / 500.0);
    }
    let mut total = 0.0;
    for _ in 0..passes {
        let dot: f64 = xs.iter().zip(&ys).map(|(x, y)| x * y).sum();
        total += dot / n as f64;
        for x in xs.iter_mut() {
            *x = *x * 0.999 + 0.001;
        }
    }
    let mean_x = xs.iter().sum::<f64>() / n as f64;
    let mean_y = ys.iter().sum::<f64>() / n as f64;
    println!("{:.6}", total);
    println!("{:.6} {:.6}", mean_x, mean_y);
}
