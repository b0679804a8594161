//! Feeds arbitrary UTF-8 to a session's checker as a notebook: the input is
//! split into cells at blank lines, and each cell that parses is checked
//! (and, when it checks, emitted as a cell crate) against what the earlier
//! cells left, with std's and the fixture crate's APIs. Nothing may panic,
//! and every diagnostic must point into its cell.

#![no_main]

use keyton_check::SessionEnv;
use libfuzzer_sys::fuzz_target;

mod world;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let world = world::world();
    let mut env = SessionEnv::default();
    for (n, cell) in source.split("\n\n").enumerate() {
        let Ok(module) = keyton_syntax::parse(cell) else {
            continue;
        };
        let name = format!("cell_{}", n + 1);
        match keyton_check::check_cell(&module, world, &env, &name) {
            Ok(checked) => {
                let _ = keyton_codegen::emit_cell(&checked.program, cell, &name, &[]);
                env = checked.env;
            }
            Err(diagnostics) => {
                for d in &diagnostics {
                    assert!(d.primary.span.end as usize <= cell.len(), "{d:?}");
                }
                let _ = keyton_diagnostics::render_all(&diagnostics, cell, &name);
            }
        }
    }
});
