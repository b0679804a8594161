//! Running a notebook cell's statements: a panic becomes a rendered Keyton
//! error report handed back to the caller (the cell's entry point passes it
//! to the host), never printed, never fatal; and an interrupt from the host
//! stops the cell at its next loop iteration.

use crate::error::KeytonError;
use crate::report::{PanicReport, Place, SourceMap, describe, render};
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the host to stop the running cell. Exported under a fixed name so
/// a host that loaded this runtime as part of a session's deps library
/// finds it with `dlsym` (any thread, any time: it is an atomic).
#[unsafe(no_mangle)]
pub static KEYTON_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// The message of an interrupted cell; hosts recognise it to name the error
/// `KeyboardInterrupt`, as Jupyter users know it.
pub const INTERRUPTED: &str = "KeyboardInterrupt: the cell was interrupted";

/// Checked at the top of every loop body of cell code: stop if the host
/// asked to. One relaxed load: free next to any loop body.
#[track_caller]
#[inline]
pub fn interrupt_point() {
    if KEYTON_INTERRUPT.load(Ordering::Relaxed) {
        KEYTON_INTERRUPT.store(false, Ordering::Relaxed);
        std::panic::panic_any(KeytonError {
            message: INTERRUPTED.to_string(),
            help: Some("the variables keep the values they had when it stopped".to_string()),
        });
    }
}

/// Why a cell stopped: its report rendered like a compile-time diagnostic,
/// and its Keyton place (0 when it happened outside the cell's code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellStop {
    pub rendered: String,
    pub message: String,
    pub line: u32,
    pub col: u32,
}

thread_local! {
    /// The report of the latest panic on this thread, made by the hook
    /// (which alone sees where the panic happened).
    static LAST: RefCell<Option<PanicReport>> = const { RefCell::new(None) };
}

/// Run a cell's statements, catching any panic as a [`CellStop`].
pub fn run_cell(map: &'static SourceMap, body: impl FnOnce()) -> Result<(), CellStop> {
    std::panic::set_hook(Box::new(move |info| {
        let report = describe(map, info.payload(), info.location());
        LAST.with_borrow_mut(|last| *last = Some(report));
    }));
    let outcome = catch_unwind(AssertUnwindSafe(body));
    let _ = std::panic::take_hook();
    let payload = match outcome {
        Ok(()) => return Ok(()),
        Err(payload) => payload,
    };
    let report = LAST
        .with_borrow_mut(Option::take)
        .unwrap_or_else(|| describe(map, payload.as_ref(), None));
    let (line, col) = match report.place {
        Place::Keyton { line, col } => (line, col),
        _ => (0, 0),
    };
    Err(CellStop {
        rendered: render(map, &report),
        message: report.message,
        line,
        col,
    })
}
