//! The C ABI between a Keyton session's host and its notebook cells.
//!
//! Every cell is compiled to its own dylib and run inside the host process
//! (kernel or REPL). Values that outlive a cell live in the host's VM
//! (`kayton_vm`); a cell reaches them, and the cell's output and errors
//! reach the host, only through this crate's `#[repr(C)]` [`KaytonContext`]
//! and its versioned [`KaytonVtable`] of `extern "C"` entries.
//!
//! - [`abi`]: the raw layouts, status codes, and the ownership rule of
//!   every entry (who frees what). This is the contract for host authors.
//! - [`Ctx`]: the safe wrappers generated cell code calls
//!   (`ctx.get_i64("n")?`, `ctx.set_string(..)`, `ctx.stdout(..)`,
//!   `ctx.display(mime, bytes)`, `ctx.dyn_put(..)`, `ctx.dyn_get(..)`).
//! - [`keyton_cell!`] and [`run_cell`]: a cell's two exports,
//!   `keyton_cell_abi` (its [`KaytonAbiStamp`], checked by the host when it
//!   loads the dylib) and `keyton_cell_main` (the [`CellMainFn`] entry).
//!
//! - [`Global`], [`show_result`], [`display`]: what generated cell code
//!   uses while it runs: the session's variables as guards that write
//!   themselves back (also when a statement panics), and rich output.
//!
//! A cell built against another ABI is refused on both sides, with a
//! message naming both versions, before anything is read past the frozen
//! version fields: never misread.
//!
//! This crate has no dependencies: the session compiles it with a bare
//! `rustc --crate-type dylib` next to the cells.

pub mod abi;
mod cell;
mod ctx;
mod dyn_store;
mod error;
mod global;

pub use abi::{
    ABI_VERSION, CELL_FAILED, CELL_OK, CELL_REFUSED_CONTEXT, CellAbiFn, CellMainFn, KStatus,
    KaytonAbiStamp, KaytonContext, KaytonVtable,
};
pub use cell::run_cell;
pub use ctx::Ctx;
pub use dyn_store::{DynKind, Fingerprint, drop_box};
pub use error::{ApiError, CellError, ErrorKind};
pub use global::{Boxed, Global, Plain, Storage, display, show_result};
