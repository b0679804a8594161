// Hand-written Rust twin of string_building.kt; both must print string_building.stdout.
// Benchmark: build a long String with f-strings and +=, then count a substring and the digits in it
use std::fmt::Write;

fn main() {
    let n: i64 = 6_000_000;
    let mut s = String::new();
    for i in 0..n {
        write!(s, "{}-{}", i % 1000, i / 1000).unwrap();
        s.push(';');
    }
    println!("{}", s.len());
    println!("{}", s.matches("7").count());
    let mut digits: i64 = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        }
    }
    println!("{}", digits);
}
