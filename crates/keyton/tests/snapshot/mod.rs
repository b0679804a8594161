//! What the two snapshot suites (programs, diagnostics) share: failures that
//! read well. datatest-stable prints a test's error with `{:?}`, which would
//! quote a `String` and escape its newlines.

use std::fmt;

/// A test failure shown as written.
pub fn failure(text: String) -> Box<dyn std::error::Error> {
    Box::new(Failure(text))
}

struct Failure(String);

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}
