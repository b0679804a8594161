//! rustc's errors in generated code, told against the Keyton program: each
//! error's primary span in the generated file is mapped through the line map
//! to the Keyton statement it came from, and rustc's message, label and
//! help become a Keyton [`Diagnostic`]. Errors that map to no Keyton line
//! (a bug in Keyton) are shown as rustc rendered them, under a header saying
//! so; raw rustc output is never shown alone.

use crate::Error;
use keyton_diagnostics::{Diagnostic, Span};
use serde::Deserialize;

/// One diagnostic of `rustc --error-format=json`, the fields used here.
#[derive(Deserialize)]
struct RustcDiagnostic {
    message: String,
    level: String,
    #[serde(default)]
    spans: Vec<RustcSpan>,
    #[serde(default)]
    children: Vec<RustcDiagnostic>,
    rendered: Option<String>,
    #[serde(default)]
    code: Option<Code>,
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

/// What a Keyton user can do about the Rust errors rustc explains in terms
/// of the generated code: ownership, and paths or cases left out.
fn keyton_help(code: &str, message: &str) -> Option<&'static str> {
    match code {
        "E0004" => Some("add `case _:` for every other value"),
        "E0317" => Some(
            "a function with a result type must give a value on every path: add an `else:` branch or a final `return`",
        ),
        "E0308" if message.contains("missing an `else` clause") => Some(
            "a function with a result type must give a value on every path: add an `else:` branch or a final `return`",
        ),
        "E0382" | "E0505" | "E0507" => Some(
            "the value moved (into a function, a variable, or a loop's earlier round); pass a copy with `.clone()`, or borrow it",
        ),
        "E0499" | "E0502" | "E0506" => Some(
            "a value cannot change while it is also being read (in the same statement or loop); copy what you read first, e.g. `items = xs.clone()`",
        ),
        "E0381" => Some("give the variable a value on every path before this line"),
        _ => None,
    }
}

#[derive(Deserialize)]
struct RustcSpan {
    file_name: String,
    line_start: usize,
    is_primary: bool,
    label: Option<String>,
    #[serde(default)]
    suggested_replacement: Option<String>,
    expansion: Option<Box<Expansion>>,
}

/// Where a macro was invoked, for a span inside its expansion.
#[derive(Deserialize)]
struct Expansion {
    span: RustcSpan,
}

/// The error for a failed rustc run, from its stderr (JSON lines).
/// `rust_file` is the generated file as rustc was given it; `span_at` maps
/// one of its lines (1-based) to a Keyton span.
pub fn from_rustc_stderr(
    stderr: &str,
    rust_file: &str,
    span_at: impl Fn(usize) -> Option<Span>,
) -> Error {
    let mut mapped: Vec<Diagnostic> = Vec::new();
    let mut unmapped: Vec<String> = Vec::new();
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(diagnostic) = serde_json::from_str::<RustcDiagnostic>(line) else {
            unmapped.push(line.to_string()); // not JSON: an ICE or a crash
            continue;
        };
        if !diagnostic.level.starts_with("error") || is_summary(&diagnostic) {
            continue; // warnings, notes, "aborting due to ..."
        }
        match to_keyton(&diagnostic, rust_file, &span_at) {
            Some(d) if !mapped.contains(&d) => mapped.push(d),
            Some(_) => {}
            None => unmapped.push(
                diagnostic
                    .rendered
                    .unwrap_or(diagnostic.message)
                    .trim_end()
                    .to_string(),
            ),
        }
    }
    if unmapped.is_empty() && !mapped.is_empty() {
        return Error::Program(mapped);
    }
    if unmapped.is_empty() {
        unmapped.push("rustc failed without reporting an error".to_string());
    }
    Error::GeneratedRust {
        mapped,
        rendered: unmapped.join("\n"),
    }
}

/// The errors of a failed rustc run, from its stderr (JSON lines), each as
/// rustc rendered it: for a caller with no line map (yet), or for logs.
/// Warnings and the closing summary are left out; lines that are not JSON
/// (an ICE, a crash) are kept as they are.
pub fn error_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| match serde_json::from_str::<RustcDiagnostic>(line) {
            Err(_) => Some(line.to_string()),
            Ok(d) if !d.level.starts_with("error") || is_summary(&d) => None,
            Ok(d) => Some(d.rendered.unwrap_or(d.message).trim_end().to_string()),
        })
        .collect()
}

/// rustc's closing line, which repeats what the other errors said.
fn is_summary(diagnostic: &RustcDiagnostic) -> bool {
    diagnostic.spans.is_empty() && diagnostic.message.starts_with("aborting due to")
}

fn to_keyton(
    diagnostic: &RustcDiagnostic,
    rust_file: &str,
    span_at: &impl Fn(usize) -> Option<Span>,
) -> Option<Diagnostic> {
    let primary = diagnostic.spans.iter().find(|s| s.is_primary)?;
    let line = line_in(primary, rust_file)?;
    let span = span_at(line)?;
    let message = match primary.label.as_deref().map(str::trim) {
        _ if let Some(cases) = diagnostic.message.strip_prefix("non-exhaustive patterns: ") => {
            format!("`match` does not cover every value: {cases}")
        }
        Some(label) if !label.is_empty() => format!("{}: {label}", diagnostic.message),
        _ => diagnostic.message.clone(),
    };
    let mut result = Diagnostic::error(span, message);
    let keyton_help = diagnostic
        .code
        .as_ref()
        .and_then(|c| keyton_help(&c.code, &diagnostic.message));
    if let Some(help) = keyton_help.map(String::from).or_else(|| help(diagnostic)) {
        result = result.with_help(help);
    }
    Some(result)
}

/// The generated file's line of a span, following macro expansions back to
/// the invocation when the span is inside a macro's definition.
fn line_in(span: &RustcSpan, rust_file: &str) -> Option<usize> {
    if span.file_name == rust_file {
        return Some(span.line_start);
    }
    line_in(&span.expansion.as_ref()?.span, rust_file)
}

/// rustc's help, then its notes, each on one line, joined. Only children
/// that read without the Rust code: general ones (no span) and suggestions
/// (such as "consider giving `x` an explicit type"); not those pointing into
/// Rust code ("method defined here", "required by a bound in ..."), nor lists
/// of trait implementations.
fn help(diagnostic: &RustcDiagnostic) -> Option<String> {
    let of_level = |level: &'static str| {
        diagnostic
            .children
            .iter()
            .filter(move |c| c.level == level)
            .filter(|c| {
                c.spans.is_empty() || c.spans.iter().any(|s| s.suggested_replacement.is_some())
            })
            .filter(|c| !c.message.lines().next().unwrap_or("").ends_with(':'))
            .map(|c| c.message.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|m| !m.is_empty())
    };
    let parts: Vec<String> = of_level("help").chain(of_level("note")).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real rustc 1.95 output for `let x: i64 = 1.5;` at line 3 of main.rs,
    /// trimmed to the fields read here.
    const MISMATCH: &str = r#"{"$message_type":"diagnostic","message":"mismatched types","code":{"code":"E0308"},"level":"error","spans":[{"file_name":"main.rs","line_start":3,"line_end":3,"column_start":18,"column_end":21,"is_primary":true,"label":"expected `i64`, found floating-point number","expansion":null},{"file_name":"main.rs","line_start":3,"line_end":3,"column_start":12,"column_end":15,"is_primary":false,"label":"expected due to this","expansion":null}],"children":[],"rendered":"error[E0308]: mismatched types\n --> main.rs:3:18\n"}
{"$message_type":"diagnostic","message":"aborting due to 1 previous error","code":null,"level":"error","spans":[],"children":[],"rendered":"error: aborting due to 1 previous error\n\n"}
{"$message_type":"diagnostic","message":"For more information about this error, try `rustc --explain E0308`.","code":null,"level":"failure-note","spans":[],"children":[],"rendered":"For more information about this error, try `rustc --explain E0308`.\n"}"#;

    fn keyton_line_3(line: usize) -> Option<Span> {
        (line == 3).then(|| Span::new(10, 20))
    }

    #[test]
    fn ownership_errors_get_keyton_help_instead_of_rusts() {
        let json = r#"{"message":"cannot move out of `s` because it is borrowed","level":"error","code":{"code":"E0505"},"spans":[{"file_name":"main.rs","line_start":3,"is_primary":true,"label":"move out of `s` occurs here","expansion":null}],"children":[{"message":"consider cloning the value","level":"help","spans":[],"children":[],"rendered":null}],"rendered":"error[E0505]"}"#;
        let Error::Program(diags) = from_rustc_stderr(json, "main.rs", keyton_line_3) else {
            panic!("expected a program error");
        };
        let help = diags[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("`.clone()`"), "{help}");
    }

    #[test]
    fn errors_map_to_keyton_lines_with_message_and_label() {
        let Error::Program(diags) = from_rustc_stderr(MISMATCH, "main.rs", keyton_line_3) else {
            panic!("expected a program error");
        };
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "mismatched types: expected `i64`, found floating-point number"
        );
        assert_eq!(diags[0].primary.span, Span::new(10, 20));
        assert_eq!(diags[0].help, None);
    }

    #[test]
    fn children_become_help_and_macro_spans_map_to_their_call() {
        let json = r#"{"message":"`Foo` doesn't implement `std::fmt::Display`","level":"error","spans":[{"file_name":"/rustlib/src/fmt/macros.rs","line_start":90,"is_primary":true,"label":"cannot be formatted","expansion":{"span":{"file_name":"main.rs","line_start":3,"is_primary":false,"label":null,"expansion":null}}}],"children":[{"message":"the trait `Display` is not implemented for `Foo`","level":"help","spans":[],"children":[],"rendered":null},{"message":"in format strings you may be able to use `{:?}`\n instead","level":"note","spans":[],"children":[],"rendered":null}],"rendered":"error[E0277]"}"#;
        let Error::Program(diags) = from_rustc_stderr(json, "main.rs", keyton_line_3) else {
            panic!("expected a program error");
        };
        assert_eq!(
            diags[0].help.as_deref(),
            Some(
                "the trait `Display` is not implemented for `Foo`; in format strings you may be able to use `{:?}` instead"
            )
        );
    }

    /// Real rustc 1.95 children for `let total = xs.iter().sum();`.
    #[test]
    fn help_keeps_suggestions_and_general_notes_only() {
        let json = r#"{"message":"type annotations needed","level":"error","spans":[{"file_name":"main.rs","line_start":3,"is_primary":true,"label":"cannot infer type","expansion":null}],"children":[
            {"message":"cannot satisfy `_: Sum<&i64>`","level":"note","spans":[],"children":[],"rendered":null},
            {"message":"the following types implement trait `Sum<A>`:\n  `Duration` implements `Sum`\nand 88 others","level":"help","spans":[],"children":[],"rendered":null},
            {"message":"required by a bound in `std::iter::Iterator::sum`","level":"note","spans":[{"file_name":"/rustc/library/core/src/iter/traits/iterator.rs","line_start":3653,"is_primary":true,"label":null,"suggested_replacement":null,"expansion":null}],"children":[],"rendered":null},
            {"message":"consider giving `total` an explicit type","level":"help","spans":[{"file_name":"main.rs","line_start":3,"is_primary":true,"label":null,"suggested_replacement":": /* Type */","expansion":null}],"children":[],"rendered":null}
        ],"rendered":"error[E0282]"}"#
        .replace('\n', ""); // one JSON value per line, as rustc writes them
        let Error::Program(diags) = from_rustc_stderr(&json, "main.rs", keyton_line_3) else {
            panic!("expected a program error");
        };
        assert_eq!(
            diags[0].message,
            "type annotations needed: cannot infer type"
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some("consider giving `total` an explicit type; cannot satisfy `_: Sum<&i64>`")
        );
    }

    #[test]
    fn unmapped_errors_show_rustc_text_under_the_internal_error() {
        let error = from_rustc_stderr(MISMATCH, "main.rs", |_| None);
        let Error::GeneratedRust { mapped, rendered } = &error else {
            panic!("expected an internal error");
        };
        assert!(mapped.is_empty());
        assert!(rendered.starts_with("error[E0308]: mismatched types"));
        assert!(
            error
                .to_string()
                .starts_with("internal error: the generated Rust did not compile\n")
        );
    }

    #[test]
    fn linker_failures_and_non_json_output_are_internal_errors() {
        let stderr = "{\"message\":\"linking with `cc` failed: exit status: 1\",\"level\":\"error\",\"spans\":[],\"children\":[],\"rendered\":\"error: linking with `cc` failed\"}\nthread 'rustc' panicked";
        let Error::GeneratedRust { rendered, .. } =
            from_rustc_stderr(stderr, "main.rs", keyton_line_3)
        else {
            panic!("expected an internal error");
        };
        assert_eq!(
            rendered,
            "error: linking with `cc` failed\nthread 'rustc' panicked"
        );
        let Error::GeneratedRust { rendered, .. } = from_rustc_stderr("", "main.rs", keyton_line_3)
        else {
            panic!("expected an internal error");
        };
        assert!(rendered.contains("without reporting"));
    }

    #[test]
    fn error_messages_are_rendered_errors_and_non_json_lines() {
        let warning = r#"{"message":"unused","level":"warning","spans":[],"children":[],"rendered":"warning: unused"}"#;
        let stderr = format!("{warning}\n{MISMATCH}\nthread 'rustc' panicked\n");
        let messages = error_messages(&stderr);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("error[E0308]: mismatched types"));
        assert_eq!(messages[1], "thread 'rustc' panicked");
    }

    #[test]
    fn warnings_are_ignored_and_duplicates_dropped() {
        let warning = r#"{"message":"unused variable: `x`","level":"warning","spans":[{"file_name":"main.rs","line_start":3,"is_primary":true,"label":null,"expansion":null}],"children":[],"rendered":"warning"}"#;
        let first = MISMATCH.lines().next().unwrap();
        let stderr = format!("{warning}\n{first}\n{first}\n");
        let Error::Program(diags) = from_rustc_stderr(&stderr, "main.rs", keyton_line_3) else {
            panic!("expected a program error");
        };
        assert_eq!(diags.len(), 1);
    }
}
