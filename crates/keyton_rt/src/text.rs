//! Python's text of a float: Rust's shortest round-trip digits (as `{:?}`
//! prints them) with Python's exponent spelling, `1e+20` and `1.5e-07`.

use std::fmt;

/// Displays an `f64` as Python's `str(x)` does.
#[derive(Clone, Copy, Debug)]
pub struct FloatText(pub f64);

#[inline]
pub fn float_text(x: f64) -> FloatText {
    FloatText(x)
}

impl fmt::Display for FloatText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            return f.write_str("nan");
        }
        if x.is_infinite() {
            return f.write_str(if x > 0.0 { "inf" } else { "-inf" });
        }
        let text = format!("{x:?}");
        match text.split_once('e') {
            None => f.write_str(&text),
            Some((mantissa, exp)) => {
                let (sign, digits) = match exp.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', exp),
                };
                write!(f, "{mantissa}e{sign}{digits:0>2}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_as_in_python() {
        let cases = [
            (1.0, "1.0"),
            (2.5, "2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e20, "1e+20"),
            (1.5e-7, "1.5e-07"),
            (1e100, "1e+100"),
            (-0.0, "-0.0"),
            (f64::NAN, "nan"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (x, want) in cases {
            assert_eq!(float_text(x).to_string(), want);
        }
    }
}
