//! The two exports of a cell dylib, written by [`keyton_cell!`](crate::keyton_cell),
//! and [`run_cell`], the body of its entry point: check the context, run the
//! cell's code, and turn an `Err` or a panic into a reported error, because
//! nothing may unwind across the C ABI into the host.

use crate::abi::{CELL_FAILED, CELL_OK, CELL_REFUSED_CONTEXT, KaytonContext};
use crate::ctx::Ctx;
use crate::error::CellError;
use crate::global::{CurrentContext, flush_stdout};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Export a cell: `keyton_cell_abi` (the ABI stamp the host checks when it
/// loads the dylib) and `keyton_cell_main` (runs `$body`, a
/// `FnOnce(&mut Ctx) -> Result<(), CellError>`, through [`run_cell`]).
///
/// ```
/// kayton_api::keyton_cell!(|ctx: &mut kayton_api::Ctx<'_>| {
///     let n = ctx.get_i64("n")?;
///     ctx.set_i64("m", n + 1)?;
///     Ok(())
/// });
/// ```
///
/// Every cell exports the same two names; the host finds each cell's own
/// through that cell's library handle (`dlsym` searches the library itself
/// before its dependencies, earlier cells included).
#[macro_export]
macro_rules! keyton_cell {
    ($body:expr) => {
        /// The `kayton_api` ABI this cell was built against.
        #[unsafe(no_mangle)]
        pub extern "C" fn keyton_cell_abi() -> $crate::KaytonAbiStamp {
            $crate::KaytonAbiStamp::CURRENT
        }

        /// Run the cell against the host's context.
        ///
        /// # Safety
        /// The contract of `kayton_api::CellMainFn`.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn keyton_cell_main(ctx: *const $crate::KaytonContext) -> i32 {
            // SAFETY: the host calls this entry under `CellMainFn`'s
            // contract, which is `run_cell`'s.
            unsafe { $crate::run_cell(ctx, $body) }
        }
    };
}

/// Run a cell's code against the host's context and return the entry
/// point's code: [`CELL_OK`]; [`CELL_FAILED`] after reporting the error
/// (an `Err`, or a panic, whose message is reported); or
/// [`CELL_REFUSED_CONTEXT`] when the context is of another ABI.
///
/// # Safety
/// `ctx` must satisfy [`Ctx::from_raw`] for the whole call.
pub unsafe fn run_cell<F>(ctx: *const KaytonContext, body: F) -> i32
where
    F: FnOnce(&mut Ctx<'_>) -> Result<(), CellError>,
{
    // SAFETY: the caller's promise, passed on.
    let ctx_ptr = ctx;
    let Ok(mut ctx) = (unsafe { Ctx::from_raw(ctx) }) else {
        return CELL_REFUSED_CONTEXT;
    };
    let current = CurrentContext::enter(ctx_ptr);
    let outcome = catch_unwind(AssertUnwindSafe(|| body(&mut ctx)));
    flush_stdout();
    drop(current);
    let error = match outcome {
        Ok(Ok(())) => return CELL_OK,
        Ok(Err(error)) => error,
        Err(payload) => CellError::at(
            format!("the cell panicked: {}", panic_message(payload.as_ref())),
            0,
            0,
        ),
    };
    // If even the report is refused, the host still sees CELL_FAILED and
    // says that the cell stopped without a message.
    let _ = ctx.report_error(&error.message, error.line, error.col);
    CELL_FAILED
}

/// The text of a panic payload (`panic!` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "a panic without a message"
    }
}
