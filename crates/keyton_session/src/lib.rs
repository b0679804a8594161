//! The builds of an interactive Keyton session (REPL or notebook kernel).
//!
//! A session runs each cell as a dylib loaded into the host process. Two
//! kinds of build make those dylibs, and they are kept apart because their
//! costs are so different:
//!
//! - [`DepsDylib`]: the **deps dylib**, the crate `keyton_deps` that
//!   re-exports the runtime (`keyton_rt`), the cell ABI (`kayton_api`) and,
//!   later, the crates a session imports. Built by cargo, optimised, with
//!   `-C prefer-dynamic`, once per toolchain and Keyton build, into the
//!   cache; every cell of every session links it, so there is one copy of
//!   each crate's code and statics in the process.
//! - [`CellBuilder`]: one cell, Rust source in, `lib<name>.so` out, by one
//!   direct `rustc` call against the deps dylib and the earlier cells it
//!   uses (no cargo: this is the path the user waits on after every cell).
//!
//! - [`Layers`]: `rimport`: each imported crate is a new dylib, a layer on
//!   top of the deps dylib and the earlier layers, built by cargo in the
//!   same workspace; cells link the newest.
//! - [`Session`]: the cells themselves: check against what earlier cells
//!   defined, build, load into the session's VM, run, keep the state.
//!   Also what a notebook asks between cells ([`Session::complete`],
//!   [`Session::inspect`], [`is_complete`]).
//! - [`build_script`]: a script (`keyton run`, `keyton build`) whose
//!   `rimport`s of crates are imported as a session's are, then built as
//!   an executable linking them.

mod cargo_output;
mod cargo_run;
mod cell_build;
mod complete;
mod deps;
mod imports;
mod layer_build;
mod layers;
mod macro_probe;
mod request;
mod reuse;
mod rust_type;
mod sccache;
mod script;
mod session;

pub use cell_build::{BuildFailure, CellBuilder, CellImports};
pub use complete::{Completions, IsComplete, is_complete};
pub use deps::DepsDylib;
pub use imports::{CrateImport, crate_imports, import_crates, index_dir};
pub use layers::{CrateLibrary, ImportedCrate, Layer, Layers, RimportError};
pub use request::{CrateRequest, CrateSource, RequestError};
pub use script::{Imported, build_script, emit_script};
pub use session::{CellFailure, Interrupter, Options, Output, Session, Timings};

use std::io;
use std::path::PathBuf;

/// Why a session build could not run (as opposed to a cell that rustc
/// rejected: [`BuildFailure::Rejected`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The cache, the toolchain or rustc itself (not found, not runnable).
    #[error(transparent)]
    Compiler(#[from] keyton_compiler::Error),
    #[error(
        "cannot run `cargo` ({0}); Keyton sessions need a Rust toolchain with cargo on PATH (see https://rustup.rs)"
    )]
    NoCargo(#[source] io::Error),
    /// cargo failed to build the deps dylib; `stderr` is cargo's.
    #[error("building the session's deps dylib (keyton_deps) failed:\n{stderr}")]
    DepsBuild { stderr: String },
    /// The embedded workspace template is not what this crate expects: a
    /// bug in Keyton.
    #[error("the workspace template's Cargo.toml cannot be edited (a bug in Keyton): {0}")]
    Template(String),
    /// `rustc -vV` named no host target.
    #[error("`rustc -vV` names no host target:\n{0}")]
    NoHostTarget(String),
    /// A cell's name that is not a Rust crate name.
    #[error(
        "`{0}` cannot name a cell: use ASCII letters, digits and `_`, not starting with a digit"
    )]
    CellName(String),
    /// A cell's name that this session has built already.
    #[error("the session has a cell named `{0}` already: give the new build a new name")]
    CellTaken(String),
    /// A library the session needs could not be loaded.
    #[error("cannot load {}: {message}", path.display())]
    Load { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Error {
    /// An I/O error about `path`.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}
