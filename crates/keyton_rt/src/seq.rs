//! Sequences the Python way: indexes that count from the end when negative,
//! and `range(start, stop, step)` with any non-zero step.

use crate::error::{fail, index_error};

/// A Python index into a sequence of length `len`: negative counts from the
/// end. Out of range is an error naming the index and the length.
#[track_caller]
#[inline]
pub fn list_index(index: i64, len: usize) -> usize {
    let len_wide = len as i128;
    let real = if index < 0 {
        index as i128 + len_wide
    } else {
        index as i128
    };
    if !(0..len_wide).contains(&real) {
        let (message, help) = index_error(index, len);
        fail(message, Some(&help));
    }
    real as usize
}

/// `range(start, stop, step)`: counts up for a positive step and down for a
/// negative one, stopping before `stop`. A zero step is an error.
#[track_caller]
#[inline]
pub fn range_step(start: i64, stop: i64, step: i64) -> RangeStep {
    if step == 0 {
        fail(
            "range() step must not be zero",
            Some("use a positive step to count up or a negative one to count down"),
        );
    }
    RangeStep {
        next: start.into(),
        stop: stop.into(),
        step: step.into(),
    }
}

/// The iterator of [`range_step`]. It counts in `i128`, so stepping past the
/// ends of `i64` cannot overflow.
#[derive(Clone, Debug)]
pub struct RangeStep {
    next: i128,
    stop: i128,
    step: i128,
}

impl RangeStep {
    fn remaining(&self) -> usize {
        let (distance, step) = if self.step > 0 {
            (self.stop - self.next, self.step)
        } else {
            (self.next - self.stop, -self.step)
        };
        if distance <= 0 {
            0
        } else {
            usize::try_from((distance + step - 1) / step).unwrap_or(usize::MAX)
        }
    }
}

impl Iterator for RangeStep {
    type Item = i64;

    fn next(&mut self) -> Option<i64> {
        if self.remaining() == 0 {
            return None;
        }
        let value = self.next as i64;
        self.next += self.step;
        Some(value)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining();
        (n, Some(n))
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
    fn list_index_counts_from_the_end() {
        assert_eq!(list_index(0, 3), 0);
        assert_eq!(list_index(2, 3), 2);
        assert_eq!(list_index(-1, 3), 2);
        assert_eq!(list_index(-3, 3), 0);
    }

    #[test]
    fn list_index_out_of_range_names_index_and_length() {
        let e = error_of(|| list_index(5, 3));
        assert_eq!(
            e.message,
            "index out of range: index 5, but the length is 3"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("valid indexes are 0 to 2, or -3 to -1 counting from the end")
        );
        assert_eq!(
            error_of(|| list_index(-4, 3)).message,
            "index out of range: index -4, but the length is 3"
        );
        assert_eq!(
            error_of(|| list_index(0, 0)).help.as_deref(),
            Some("the list is empty")
        );
        assert!(
            error_of(|| list_index(i64::MIN, 3))
                .message
                .contains("index -9223372036854775808")
        );
    }

    #[test]
    fn range_step_follows_python() {
        let table: [(i64, i64, i64, &[i64]); 7] = [
            (10, 0, -3, &[10, 7, 4, 1]),
            (0, 10, 3, &[0, 3, 6, 9]),
            (0, 10, 5, &[0, 5]),
            (5, 0, 1, &[]),
            (0, 5, -1, &[]),
            (3, -3, -2, &[3, 1, -1]),
            (i64::MAX - 1, i64::MAX, 5, &[i64::MAX - 1]),
        ];
        for (start, stop, step, want) in table {
            let got: Vec<i64> = range_step(start, stop, step).collect();
            assert_eq!(got, want, "range({start}, {stop}, {step})");
            assert_eq!(
                range_step(start, stop, step).size_hint(),
                (want.len(), Some(want.len()))
            );
        }
        let down: Vec<i64> = range_step(i64::MIN + 1, i64::MIN, -7).collect();
        assert_eq!(down, [i64::MIN + 1]);
        assert_eq!(
            error_of(|| range_step(0, 5, 0)).message,
            "range() step must not be zero"
        );
    }
}
