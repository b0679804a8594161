//! The runtime library every generated Keyton program links.
//!
//! Generated code calls these helpers where Keyton's meaning differs from
//! Rust's operators (Python's floor division and modulo, `**`, `/` giving a
//! float, negative list indexes, `int()` and `float()` of text, `range` with
//! a step, checked integer conversions, stopping on `Err`), and wraps `main`
//! in [`run_main`] so that every panic, ours or Rust's, is shown like a
//! compile-time diagnostic: message, Keyton `file:line:col`, the source line
//! with a caret, and help.
//!
//! This crate has no dependencies and must build with a bare
//! `rustc --edition 2024 --crate-type rlib --crate-name keyton_rt src/lib.rs`:
//! the driver compiles it that way into the user's cache.
//!
//! Every helper is `#[track_caller]`, so a failure is reported at the line of
//! generated code that called it, which the [`SourceMap`] maps back to Keyton.

mod arith;
mod await_;
mod cell;
mod convert;
mod error;
mod hook;
mod report;
mod seq;
mod text;

pub use arith::{
    floor_div, floor_div_float, modulo, modulo_float, pow_int, true_div_float, true_div_int,
};
pub use await_::{Executor, block_on, set_executor};
pub use cell::{CellStop, INTERRUPTED, KEYTON_INTERRUPT, interrupt_point, run_cell};
pub use convert::{Integer, convert, float_to_int, ok, parse_float, parse_int};
pub use error::{KeytonError, fail};
pub use hook::{install, run_main};
pub use report::{PanicReport, Place, SourceMap, describe, render};
pub use seq::{RangeStep, list_index, range_step};
pub use text::{FloatText, float_text};
