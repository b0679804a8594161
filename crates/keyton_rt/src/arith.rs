//! Python's arithmetic on `i64` and `f64` where it differs from Rust's
//! operators: `//` and `%` round toward negative infinity (the result of `%`
//! has the sign of the divisor), `/` on integers gives a float, `**` on
//! integers is checked, and dividing a float by zero is an error, not `inf`.

use crate::error::{OVERFLOW_HELP, ZERO_DIVISOR_HELP, fail};

/// `a // b` on integers: the quotient rounded toward negative infinity.
#[track_caller]
#[inline]
pub fn floor_div(a: i64, b: i64) -> i64 {
    if b == 0 {
        fail("division by zero", Some(ZERO_DIVISOR_HELP));
    }
    let Some(q) = a.checked_div(b) else {
        fail("integer overflow in `//`", Some(OVERFLOW_HELP));
    };
    if a % b != 0 && (a < 0) != (b < 0) {
        q - 1
    } else {
        q
    }
}

/// `a % b` on integers: the remainder with the sign of the divisor.
#[track_caller]
#[inline]
pub fn modulo(a: i64, b: i64) -> i64 {
    if b == 0 {
        fail("modulo by zero", Some(ZERO_DIVISOR_HELP));
    }
    // `wrapping_rem` only wraps for `i64::MIN % -1`, whose remainder is 0.
    let r = a.wrapping_rem(b);
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

/// `a // b` on floats, as Python computes it.
#[track_caller]
#[inline]
pub fn floor_div_float(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        fail("division by zero", Some(ZERO_DIVISOR_HELP));
    }
    float_divmod(a, b).0
}

/// `a % b` on floats: the remainder with the sign of the divisor.
#[track_caller]
#[inline]
pub fn modulo_float(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        fail("modulo by zero", Some(ZERO_DIVISOR_HELP));
    }
    float_divmod(a, b).1
}

/// CPython's `float_divmod`: floor quotient and modulo, with its care for
/// signed zeros and results a rounding error away from an integer.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut rem = a % b;
    let mut div = (a - rem) / b;
    if rem != 0.0 {
        if (b < 0.0) != (rem < 0.0) {
            rem += b;
            div -= 1.0;
        }
    } else {
        rem = 0.0f64.copysign(b);
    }
    let floor = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floor, rem)
}

/// `a ** b` on integers, checked; a negative exponent is an error (Python
/// would give a float, which Keyton asks for explicitly).
#[track_caller]
#[inline]
pub fn pow_int(base: i64, exp: i64) -> i64 {
    if exp < 0 {
        fail(
            "negative exponent in `**` on integers",
            Some("use float(a) ** float(b)"),
        );
    }
    let result = match u32::try_from(exp) {
        Ok(exp) => base.checked_pow(exp),
        Err(_) => match base {
            0 | 1 => Some(base),
            -1 => Some(if exp % 2 == 0 { 1 } else { -1 }),
            _ => None,
        },
    };
    match result {
        Some(value) => value,
        None => fail("integer overflow in `**`", Some(OVERFLOW_HELP)),
    }
}

/// `a / b` on integers: always a float, as in Python 3.
#[track_caller]
#[inline]
pub fn true_div_int(a: i64, b: i64) -> f64 {
    if b == 0 {
        fail("division by zero", Some(ZERO_DIVISOR_HELP));
    }
    a as f64 / b as f64
}

/// `a / b` on floats; dividing by zero is an error, as in Python.
#[track_caller]
#[inline]
pub fn true_div_float(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        fail("division by zero", Some(ZERO_DIVISOR_HELP));
    }
    a / b
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
    fn floor_div_and_modulo_follow_python() {
        let table = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (6, 3, 2, 0),
            (-6, 3, -2, 0),
            (0, 5, 0, 0),
            (i64::MIN, 1, i64::MIN, 0),
        ];
        for (a, b, q, r) in table {
            assert_eq!(floor_div(a, b), q, "{a} // {b}");
            assert_eq!(modulo(a, b), r, "{a} % {b}");
        }
        assert_eq!(modulo(i64::MIN, -1), 0);
    }

    #[test]
    fn integer_division_errors() {
        assert_eq!(error_of(|| floor_div(1, 0)).message, "division by zero");
        assert_eq!(error_of(|| modulo(1, 0)).message, "modulo by zero");
        let e = error_of(|| floor_div(i64::MIN, -1));
        assert_eq!(e.message, "integer overflow in `//`");
        assert_eq!(e.help.as_deref(), Some(OVERFLOW_HELP));
    }

    #[test]
    fn float_floor_div_and_modulo_follow_python() {
        let table = [
            (7.5, 2.0, 3.0, 1.5),
            (-7.5, 2.0, -4.0, 0.5),
            (7.5, -2.0, -4.0, -0.5),
            (-7.5, -2.0, 3.0, -1.5),
            (1.0, 0.1, 9.0, 0.09999999999999995),
        ];
        for (a, b, q, r) in table {
            assert_eq!(floor_div_float(a, b), q, "{a} // {b}");
            assert_eq!(modulo_float(a, b), r, "{a} % {b}");
        }
        // The zero keeps the divisor's sign, as in Python.
        assert!(modulo_float(4.0, -2.0).is_sign_negative());
        assert_eq!(
            error_of(|| floor_div_float(1.0, 0.0)).message,
            "division by zero"
        );
        assert_eq!(
            error_of(|| modulo_float(1.0, -0.0)).message,
            "modulo by zero"
        );
    }

    #[test]
    fn pow_int_is_checked() {
        assert_eq!(pow_int(2, 10), 1024);
        assert_eq!(pow_int(-3, 3), -27);
        assert_eq!(pow_int(5, 0), 1);
        assert_eq!(pow_int(1, i64::MAX), 1);
        assert_eq!(pow_int(-1, 1 << 40), 1);
        assert_eq!(pow_int(-1, (1 << 40) + 1), -1);
        assert_eq!(pow_int(0, 1 << 40), 0);
        assert_eq!(
            error_of(|| pow_int(2, 63)).message,
            "integer overflow in `**`"
        );
        assert_eq!(
            error_of(|| pow_int(2, 1 << 40)).message,
            "integer overflow in `**`"
        );
        let e = error_of(|| pow_int(2, -1));
        assert_eq!(e.help.as_deref(), Some("use float(a) ** float(b)"));
    }

    #[test]
    fn true_division_gives_floats_and_refuses_zero() {
        assert_eq!(true_div_int(7, 2), 3.5);
        assert_eq!(true_div_int(-1, 4), -0.25);
        assert_eq!(true_div_float(1.0, 4.0), 0.25);
        assert_eq!(error_of(|| true_div_int(1, 0)).message, "division by zero");
        assert_eq!(
            error_of(|| true_div_float(1.0, 0.0)).message,
            "division by zero"
        );
    }
}
