//! Conversions that can fail at run time: `int()` and `float()` of text and of
//! floats, checked conversions between integer types (an `i64` passed where a
//! Rust function wants a `u32`), and unwrapping a `Result`.

use crate::error::{OVERFLOW_HELP, fail};
use std::fmt::Display;
use std::num::IntErrorKind;

/// `int(text)`: whitespace around the number is ignored and single
/// underscores between digits are allowed, as in Python.
#[track_caller]
#[inline]
pub fn parse_int(text: &str) -> i64 {
    let Some(digits) = without_underscores(text.trim()) else {
        fail(format!("invalid integer: {text:?}"), Some(INT_HELP));
    };
    match digits.parse::<i64>() {
        Ok(value) => value,
        Err(e)
            if matches!(
                e.kind(),
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow
            ) =>
        {
            fail(format!("integer too large: {text:?}"), Some(OVERFLOW_HELP))
        }
        Err(_) => fail(format!("invalid integer: {text:?}"), Some(INT_HELP)),
    }
}

const INT_HELP: &str = "int() of text accepts a whole number like \"42\" or \"-7\"";

/// `float(text)`: decimal and exponent forms, `inf` and `nan`, with the same
/// whitespace and underscore rules as [`parse_int`].
#[track_caller]
#[inline]
pub fn parse_float(text: &str) -> f64 {
    match without_underscores(text.trim()).and_then(|t| t.parse::<f64>().ok()) {
        Some(value) => value,
        None => fail(
            format!("invalid float: {text:?}"),
            Some("float() of text accepts a number like \"2.5\", \"-1e3\" or \"inf\""),
        ),
    }
}

/// The text with Python's digit-group underscores removed, or `None` if an
/// underscore is not between two digits.
fn without_underscores(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '_' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1);
            if !before.is_some_and(|b| b.is_ascii_digit())
                || !after.is_some_and(char::is_ascii_digit)
            {
                return None;
            }
        }
    }
    Some(chars.into_iter().filter(|c| *c != '_').collect())
}

/// `int(x)` of a float: truncates toward zero; NaN, infinities and values
/// outside `i64` are errors.
#[track_caller]
#[inline]
pub fn float_to_int(x: f64) -> i64 {
    const HELP: &str = "only a finite float can become an integer";
    if x.is_nan() {
        fail("cannot convert NaN to an integer", Some(HELP));
    }
    if x.is_infinite() {
        fail("cannot convert infinity to an integer", Some(HELP));
    }
    let t = x.trunc();
    // 2^63 is exactly representable; i64's range is [-2^63, 2^63).
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        fail(
            format!("{x:?} is too large for an integer"),
            Some(OVERFLOW_HELP),
        );
    }
    t as i64
}

/// A Rust integer type, with what an error message needs to say about it.
pub trait Integer: Copy + Display {
    const NAME: &'static str;
    const MIN: Self;
    const MAX: Self;
}

macro_rules! integer {
    ($($t:ident)*) => {$(
        impl Integer for $t {
            const NAME: &'static str = stringify!($t);
            const MIN: $t = $t::MIN;
            const MAX: $t = $t::MAX;
        }
    )*};
}

integer!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A checked conversion between integer types; generated code spells it
/// `::keyton_rt::convert::<u32, _>(x)`. Out of range is an error at the
/// caller's line.
#[track_caller]
#[inline]
pub fn convert<T, S>(value: S) -> T
where
    T: Integer + TryFrom<S>,
    S: Integer,
{
    match T::try_from(value) {
        Ok(converted) => converted,
        Err(_) => fail(
            format!("integer out of range: {value} does not fit in {}", T::NAME),
            Some(&format!(
                "{} holds values from {} to {}",
                T::NAME,
                T::MIN,
                T::MAX
            )),
        ),
    }
}

/// The `Ok` value; an `Err` stops the program with the error's text and
/// the call (`call`, as Keyton spells it) that returned it.
#[track_caller]
#[inline]
pub fn ok<T, E: Display>(result: Result<T, E>, call: &str) -> T {
    match result {
        Ok(value) => value,
        Err(e) => fail(
            format!("`{call}` failed: {e}"),
            Some(
                "to handle the error instead, keep the Result: `match` the call, or write its type (`let r: Result<T, E> = ...`)",
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::KeytonError;

    fn error_of<T: std::fmt::Debug>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> KeytonError {
        let payload = std::panic::catch_unwind(f).expect_err("should fail");
        *payload.downcast::<KeytonError>().expect("a KeytonError")
    }

    #[test]
    fn parse_int_follows_python() {
        assert_eq!(parse_int("42"), 42);
        assert_eq!(parse_int("  -7\n"), -7);
        assert_eq!(parse_int("+5"), 5);
        assert_eq!(parse_int("007"), 7);
        assert_eq!(parse_int("1_000_000"), 1_000_000);
        for bad in ["", "abc", "1.5", "_1", "1_", "1__0", "- 1", "0x10"] {
            let e = error_of(move || parse_int(bad));
            assert_eq!(e.message, format!("invalid integer: {bad:?}"));
        }
        let e = error_of(|| parse_int("99999999999999999999"));
        assert_eq!(e.message, "integer too large: \"99999999999999999999\"");
    }

    #[test]
    fn parse_float_follows_python() {
        assert_eq!(parse_float("2.5"), 2.5);
        assert_eq!(parse_float(" -1e3 "), -1000.0);
        assert_eq!(parse_float("1_0.5"), 10.5);
        assert_eq!(parse_float(".5"), 0.5);
        assert_eq!(parse_float("inf"), f64::INFINITY);
        assert_eq!(parse_float("-Infinity"), f64::NEG_INFINITY);
        assert!(parse_float("nan").is_nan());
        assert_eq!(
            error_of(|| parse_float("x1")).message,
            "invalid float: \"x1\""
        );
    }

    #[test]
    fn float_to_int_truncates_and_checks() {
        assert_eq!(float_to_int(2.9), 2);
        assert_eq!(float_to_int(-2.9), -2);
        assert_eq!(float_to_int(i64::MIN as f64), i64::MIN);
        assert_eq!(
            error_of(|| float_to_int(f64::NAN)).message,
            "cannot convert NaN to an integer"
        );
        assert_eq!(
            error_of(|| float_to_int(f64::NEG_INFINITY)).message,
            "cannot convert infinity to an integer"
        );
        assert_eq!(
            error_of(|| float_to_int(9.3e18)).message,
            "9.3e18 is too large for an integer"
        );
    }

    #[test]
    fn convert_checks_the_range() {
        assert_eq!(convert::<u32, i64>(7), 7u32);
        assert_eq!(convert::<i64, u8>(255), 255i64);
        assert_eq!(convert::<usize, usize>(3), 3usize);
        let e = error_of(|| convert::<u8, i64>(300));
        assert_eq!(e.message, "integer out of range: 300 does not fit in u8");
        assert_eq!(e.help.as_deref(), Some("u8 holds values from 0 to 255"));
        assert_eq!(
            error_of(|| convert::<u64, i64>(-1)).message,
            "integer out of range: -1 does not fit in u64"
        );
    }

    #[test]
    fn ok_unwraps_or_stops_with_the_error_text() {
        assert_eq!(ok::<i64, String>(Ok(3), "f"), 3);
        let e = error_of(|| ok::<i64, _>("x".parse::<i64>(), "parse"));
        assert_eq!(e.message, "`parse` failed: invalid digit found in string");
        assert!(e.help.is_some_and(|h| h.contains("keep the Result")));
    }
}
