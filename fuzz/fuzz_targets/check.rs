//! Feeds arbitrary UTF-8 that parses to the checker, against std's index
//! and the fixture crate's: it must never panic, and every diagnostic must
//! point into the source.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod world;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(module) = keyton_syntax::parse(source) else {
        return;
    };
    if let Err(diagnostics) = keyton_check::check(&module, world::world()) {
        for d in &diagnostics {
            assert!(d.primary.span.end as usize <= source.len(), "{d:?}");
        }
        let _ = keyton_diagnostics::render_all(&diagnostics, source, "fuzz.kt");
    }
});
