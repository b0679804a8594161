//! Turning a panic into a Keyton error report and rendering it.
//!
//! One function, [`describe`], reads any panic (a [`KeytonError`] or one of
//! Rust's own: overflow, index out of bounds, `unwrap` on `None`) into a
//! [`PanicReport`] with a friendly message, help, and the Keyton line and
//! column found through the program's [`SourceMap`]. The panic hook uses it,
//! and so can a notebook host that catches a cell's panic. [`render`] prints
//! a report in the same layout as compile-time diagnostics.

use crate::error::{KeytonError, OVERFLOW_HELP, ZERO_DIVISOR_HELP, index_error};
use std::any::Any;
use std::panic::Location;

/// Where generated Rust lines came from; emitted by codegen as a `static`.
#[derive(Debug)]
pub struct SourceMap {
    /// The Keyton file name shown in reports.
    pub file: &'static str,
    /// The generated Rust file, as `file!()` spells it there; panics located
    /// elsewhere happened inside a crate.
    pub rust_file: &'static str,
    /// The whole Keyton source text.
    pub source: &'static str,
    /// `(rust line, keyton line, keyton column)`, sorted by Rust line; the
    /// entry with the greatest Rust line at or before a panic's line applies.
    /// Keyton line 0 marks generated lines with no Keyton statement.
    pub lines: &'static [(u32, u32, u32)],
}

impl SourceMap {
    /// The Keyton line and column (1-based) of a line of the generated file.
    pub fn keyton_position(&self, rust_line: u32) -> Option<(u32, u32)> {
        let after = self
            .lines
            .partition_point(|&(rust, _, _)| rust <= rust_line);
        let &(_, line, col) = self.lines.get(after.checked_sub(1)?)?;
        (line > 0).then_some((line, col))
    }
}

/// A panic as the user should see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanicReport {
    pub message: String,
    pub help: Option<String>,
    pub place: Place,
}

/// Where a panic happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A Keyton statement (1-based line and column).
    Keyton {
        line: u32,
        col: u32,
    },
    /// Rust code outside the generated file (inside a crate).
    Rust {
        file: String,
        line: u32,
        col: u32,
    },
    Unknown,
}

/// Read a panic's payload and location into a report.
pub fn describe(
    map: &SourceMap,
    payload: &(dyn Any + Send),
    location: Option<&Location<'_>>,
) -> PanicReport {
    let (message, help) = if let Some(e) = payload.downcast_ref::<KeytonError>() {
        (e.message.clone(), e.help.clone())
    } else if let Some(text) = payload.downcast_ref::<&'static str>() {
        friendly(text)
    } else if let Some(text) = payload.downcast_ref::<String>() {
        friendly(text)
    } else {
        (
            "the program stopped with an error that has no message".to_string(),
            None,
        )
    };
    let place = match location {
        Some(loc) if loc.file() == map.rust_file => match map.keyton_position(loc.line()) {
            Some((line, col)) => Place::Keyton { line, col },
            None => rust_place(loc),
        },
        Some(loc) => rust_place(loc),
        None => Place::Unknown,
    };
    PanicReport {
        message,
        help,
        place,
    }
}

fn rust_place(loc: &Location<'_>) -> Place {
    Place::Rust {
        file: loc.file().to_string(),
        line: loc.line(),
        col: loc.column(),
    }
}

/// Rust's own panic messages, said the Keyton way.
fn friendly(text: &str) -> (String, Option<String>) {
    let overflow = |op: &str| {
        (
            format!("integer overflow in `{op}`"),
            Some(OVERFLOW_HELP.to_string()),
        )
    };
    let shift = |op: &str| {
        (
            format!("shift amount too large in `{op}`"),
            Some("shift by less than the number of bits of the integer type".to_string()),
        )
    };
    match text {
        "attempt to add with overflow" => overflow("+"),
        "attempt to subtract with overflow" => overflow("-"),
        "attempt to multiply with overflow" => overflow("*"),
        "attempt to divide with overflow" => overflow("/"),
        "attempt to calculate the remainder with overflow" => overflow("%"),
        "attempt to negate with overflow" => overflow("-x"),
        "attempt to shift left with overflow" => shift("<<"),
        "attempt to shift right with overflow" => shift(">>"),
        "attempt to divide by zero" => ("division by zero".into(), Some(ZERO_DIVISOR_HELP.into())),
        "attempt to calculate the remainder with a divisor of zero" => {
            ("modulo by zero".into(), Some(ZERO_DIVISOR_HELP.into()))
        }
        "called `Option::unwrap()` on a `None` value" => (
            "unwrap() on None".into(),
            Some("check with `is_some()` or use `unwrap_or(default)`".into()),
        ),
        _ => {
            if let Some((len, index)) = out_of_bounds(text) {
                let (message, help) = index_error(index, len);
                (message, Some(help))
            } else if let Some(err) =
                text.strip_prefix("called `Result::unwrap()` on an `Err` value: ")
            {
                (
                    format!("unwrap() on an error: {err}"),
                    Some("check with `is_ok()` or use `unwrap_or(default)`".into()),
                )
            } else {
                (text.to_string(), None)
            }
        }
    }
}

/// `(len, index)` from "index out of bounds: the len is 3 but the index is 5".
fn out_of_bounds(text: &str) -> Option<(usize, usize)> {
    let rest = text.strip_prefix("index out of bounds: the len is ")?;
    let (len, index) = rest.split_once(" but the index is ")?;
    Some((len.parse().ok()?, index.parse().ok()?))
}

/// A report in the layout of compile-time diagnostics:
///
/// ```text
/// error: <message>
///  --> <file>:<line>:<col>
///   |
/// 4 | <the Keyton source line>
///   |       ^
///   = help: <help>
/// ```
pub fn render(map: &SourceMap, report: &PanicReport) -> String {
    let mut out = format!("error: {}\n", report.message);
    let mut pad = " ".to_string();
    match &report.place {
        Place::Keyton { line, col } => {
            pad = " ".repeat(line.to_string().len());
            let index = (*line as usize).checked_sub(1);
            let text = index
                .and_then(|i| map.source.split('\n').nth(i))
                .unwrap_or("");
            let text = text.strip_suffix('\r').unwrap_or(text);
            // The place is a statement: underline it to the end of its line.
            let skip = (*col as usize).saturating_sub(1);
            let under = " ".repeat(skip);
            let width = text
                .chars()
                .skip(skip)
                .collect::<String>()
                .trim_end()
                .chars()
                .count();
            let carets = "^".repeat(width.max(1));
            out.push_str(&format!("{pad}--> {}:{line}:{col}\n", map.file));
            out.push_str(&format!(
                "{pad} |\n{line} | {text}\n{pad} | {under}{carets}\n"
            ));
        }
        Place::Rust { file, line, col } => {
            out.push_str(&format!(
                "{pad} = note: in Rust code at {file}:{line}:{col}\n"
            ));
        }
        Place::Unknown => {}
    }
    if let Some(help) = &report.help {
        out.push_str(&format!("{pad} = help: {help}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static MAP: SourceMap = SourceMap {
        file: "demo.kt",
        rust_file: file!(),
        source: "xs = [1, 2, 3]\nprint(xs[5])\n",
        lines: &[(1, 0, 0), (10, 1, 1), (12, 2, 1)],
    };

    fn report(message: &str, help: Option<&str>, place: Place) -> PanicReport {
        PanicReport {
            message: message.into(),
            help: help.map(Into::into),
            place,
        }
    }

    #[test]
    fn positions_use_the_last_entry_at_or_before_the_line() {
        assert_eq!(MAP.keyton_position(0), None);
        assert_eq!(MAP.keyton_position(5), None);
        assert_eq!(MAP.keyton_position(10), Some((1, 1)));
        assert_eq!(MAP.keyton_position(11), Some((1, 1)));
        assert_eq!(MAP.keyton_position(400), Some((2, 1)));
    }

    #[test]
    fn rust_panic_messages_become_friendly() {
        assert_eq!(
            friendly("attempt to add with overflow"),
            ("integer overflow in `+`".into(), Some(OVERFLOW_HELP.into()))
        );
        assert_eq!(
            friendly("attempt to multiply with overflow").0,
            "integer overflow in `*`"
        );
        assert_eq!(
            friendly("attempt to negate with overflow").0,
            "integer overflow in `-x`"
        );
        assert_eq!(
            friendly("attempt to shift left with overflow").0,
            "shift amount too large in `<<`"
        );
        assert_eq!(friendly("attempt to divide by zero").0, "division by zero");
        assert_eq!(
            friendly("index out of bounds: the len is 3 but the index is 5").0,
            "index out of range: index 5, but the length is 3"
        );
        assert_eq!(
            friendly("called `Option::unwrap()` on a `None` value"),
            (
                "unwrap() on None".into(),
                Some("check with `is_some()` or use `unwrap_or(default)`".into())
            )
        );
        assert_eq!(
            friendly("called `Result::unwrap()` on an `Err` value: ParseIntError").0,
            "unwrap() on an error: ParseIntError"
        );
        assert_eq!(friendly("something else"), ("something else".into(), None));
    }

    #[test]
    fn describe_reads_keyton_errors_and_rust_panics() {
        let here = Location::caller();
        let keyton = KeytonError {
            message: "boom".into(),
            help: Some("stop".into()),
        };
        let got = describe(&MAP, &keyton, Some(here));
        assert_eq!(
            got,
            report("boom", Some("stop"), Place::Keyton { line: 2, col: 1 })
        );

        let payload = std::panic::catch_unwind(|| {
            let xs = [1, 2, 3];
            xs[std::hint::black_box(5)]
        })
        .expect_err("out of bounds");
        let got = describe(&MAP, payload.as_ref(), None);
        assert_eq!(
            got.message,
            "index out of range: index 5, but the length is 3"
        );
        assert_eq!(got.place, Place::Unknown);
    }

    #[test]
    fn panics_outside_the_generated_file_keep_their_rust_location() {
        let elsewhere = SourceMap {
            rust_file: "other.rs",
            ..MAP
        };
        let here = Location::caller();
        let got = describe(&elsewhere, &"plain text", Some(here));
        assert_eq!(
            got.place,
            Place::Rust {
                file: file!().into(),
                line: here.line(),
                col: here.column()
            }
        );
    }

    #[test]
    fn renders_like_compile_time_diagnostics() {
        let r = report(
            "index out of range: index 5, but the length is 3",
            Some("valid indexes are 0 to 2"),
            Place::Keyton { line: 2, col: 7 },
        );
        assert_eq!(
            render(&MAP, &r),
            "error: index out of range: index 5, but the length is 3\n --> demo.kt:2:7\n  |\n2 | print(xs[5])\n  |       ^^^^^^\n  = help: valid indexes are 0 to 2\n"
        );
    }

    #[test]
    fn the_gutter_grows_with_the_line_number() {
        let source: String = (1..=12).map(|i| format!("line{i}\n")).collect();
        let map = SourceMap {
            source: Box::leak(source.into_boxed_str()),
            ..MAP
        };
        let r = report("oops", None, Place::Keyton { line: 12, col: 3 });
        assert_eq!(
            render(&map, &r),
            "error: oops\n  --> demo.kt:12:3\n   |\n12 | line12\n   |   ^^^^\n"
        );
    }

    #[test]
    fn rust_locations_are_a_note() {
        let r = report(
            "unwrap() on None",
            Some("check"),
            Place::Rust {
                file: "src/lib.rs".into(),
                line: 4,
                col: 9,
            },
        );
        assert_eq!(
            render(&MAP, &r),
            "error: unwrap() on None\n  = note: in Rust code at src/lib.rs:4:9\n  = help: check\n"
        );
    }
}
