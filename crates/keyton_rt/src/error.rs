//! Keyton run-time errors: a panic whose payload is a [`KeytonError`], so the
//! panic hook (and later a notebook host) can tell them from Rust's own panics
//! and show their help text.

use std::fmt;

/// The payload of a Keyton run-time error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeytonError {
    pub message: String,
    /// What the user can do about it.
    pub help: Option<String>,
}

impl fmt::Display for KeytonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KeytonError {}

/// Stop the program with a Keyton error, reported at the caller's line.
#[track_caller]
#[inline]
pub fn fail(message: impl Into<String>, help: Option<&str>) -> ! {
    std::panic::panic_any(KeytonError {
        message: message.into(),
        help: help.map(str::to_string),
    })
}

/// Help for every integer overflow, ours and Rust's.
pub(crate) const OVERFLOW_HELP: &str =
    "the result does not fit in i64; use float() for big numbers";

/// Help for division and modulo by zero.
pub(crate) const ZERO_DIVISOR_HELP: &str = "check that the divisor is not zero before dividing";

/// The message for an index outside a sequence, shared by [`crate::list_index`]
/// and the translation of Rust's "index out of bounds" panic.
pub(crate) fn index_error(index: impl fmt::Display, len: usize) -> (String, String) {
    let message = format!("index out of range: index {index}, but the length is {len}");
    let help = match len {
        0 => "the list is empty".to_string(),
        n => format!(
            "valid indexes are 0 to {}, or -{n} to -1 counting from the end",
            n - 1
        ),
    };
    (message, help)
}
