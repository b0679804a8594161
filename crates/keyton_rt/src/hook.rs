//! The panic hook and the `main` wrapper of a generated program: every panic
//! is printed as a Keyton error report, and the program exits with code 1.
//!
//! The hook only prints (it never exits), so a host that runs code in-process
//! (a notebook cell) can catch the panic and carry on.

use crate::report::{SourceMap, describe, render};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Install the panic hook that prints every panic as a Keyton error report.
pub fn install(map: &'static SourceMap) {
    std::panic::set_hook(Box::new(move |info| {
        let report = describe(map, info.payload(), info.location());
        // A closed stderr must not turn this panic into an abort.
        let _ = std::io::stderr().write_all(render(map, &report).as_bytes());
    }));
}

/// Run a generated program's top-level statements: install the hook, run
/// `main`, and exit with code 1 if it panicked (the hook has reported it).
pub fn run_main(map: &'static SourceMap, main: impl FnOnce() + Send) {
    install(map);
    crate::await_::install_linked_executor();
    // Deep recursion is common in scripts: give it a large stack (only the
    // pages it touches are used), on a thread of its own.
    let ok = std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .stack_size(MAIN_STACK)
            .spawn_scoped(scope, || catch_unwind(AssertUnwindSafe(main)).is_ok());
        match thread {
            Ok(t) => t.join().unwrap_or(false),
            Err(e) => {
                eprintln!("error: cannot start the program's main thread: {e}");
                false
            }
        }
    });
    if !ok {
        let _ = std::io::stdout().flush();
        std::process::exit(1);
    }
}

/// The stack of a program's main thread: 1 GiB of address space.
const MAIN_STACK: usize = 1 << 30;
