// Hand-written Rust twin of hashmap_counting.kt; both must print hashmap_counting.stdout.
// Benchmark: count the keys of a generated pseudo-random sequence in a HashMap, then find the most frequent key
use std::collections::HashMap;

fn main() {
    let n: i64 = 5_000_000;
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut x: i64 = 12345;
    for _ in 0..n {
        x = x * 48271 % 2147483647;
        let key = x % 250_000;
        *counts.entry(key).or_insert(0) += 1;
    }
    let mut best_key = -1;
    let mut best = 0;
    for (&k, &v) in &counts {
        if v > best || (v == best && k < best_key) {
            best = v;
            best_key = k;
        }
    }
    println!("{}", counts.len());
    println!("{} {}", best_key, best);
    println!("{}", counts.get(&42).copied().unwrap_or(0));
}
