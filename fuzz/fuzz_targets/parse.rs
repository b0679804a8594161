//! Feeds arbitrary UTF-8 to the parser: it must never panic, overflow its
//! stack or loop forever, and every diagnostic must point into the source
//! (and render).

#![no_main]

use keyton_syntax::{Diagnostic, parse, parse_expr};
use libfuzzer_sys::fuzz_target;

fn check_diagnostics(source: &str, diagnostics: &[Diagnostic]) {
    assert!(!diagnostics.is_empty());
    let len = source.len() as u32;
    for d in diagnostics {
        let spans = std::iter::once(&d.primary).chain(&d.secondary);
        for label in spans {
            assert!(
                label.span.start <= label.span.end && label.span.end <= len,
                "{d:?}"
            );
        }
        assert!(d.help.is_some(), "no help: {d:?}");
    }
    let _ = keyton_diagnostics::render_all(diagnostics, source, "fuzz.kt");
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match parse(source) {
        Ok(module) => {
            for stmt in &module.stmts {
                assert!(stmt.span.end as usize <= source.len());
            }
        }
        Err(diagnostics) => check_diagnostics(source, &diagnostics),
    }
    if let Err(diagnostics) = parse_expr(source) {
        check_diagnostics(source, &diagnostics);
    }
});
