//! Loading a cell dylib and running it against the VM.
//!
//! Loading checks the cell's ABI stamp before anything else of the cell is
//! used, so a cell built against another `kayton_api` is refused with both
//! versions named, never misread. The VM keeps every library it loaded
//! loaded for the life of the process: a dyn value's drop function and its
//! type's code live in the dylib of the cell that made it, and Rust
//! libraries cannot be unloaded safely (thread-local destructors).

use crate::Vm;
use crate::output::CellError;
use kayton_api::abi::{CELL_ABI_SYMBOL, CELL_MAIN_SYMBOL};
use kayton_api::{
    CELL_FAILED, CELL_OK, CELL_REFUSED_CONTEXT, CellAbiFn, CellMainFn, KaytonAbiStamp,
};
use libloading::Library;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

/// A cell loaded into a VM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellId(usize);

/// How a cell run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellOutcome {
    /// It ran to the end.
    Completed,
    /// It stopped early; [`Vm::take_errors`] says why (there is always at
    /// least one error).
    Failed,
}

/// Why a cell dylib was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot load the cell library {path}: {source}")]
    Open {
        path: PathBuf,
        source: libloading::Error,
    },
    #[error("{path} is not a Keyton cell: it has no `{symbol}` export")]
    NotACell { path: PathBuf, symbol: &'static str },
    #[error(
        "the cell {path} was built against kayton_api ABI v{} (vtable of {} bytes), but this \
         session speaks ABI v{} (vtable of {} bytes): rebuild the cell with this session's \
         kayton_api",
        cell.abi_version, cell.vtable_size, host.abi_version, host.vtable_size
    )]
    AbiMismatch {
        path: PathBuf,
        cell: KaytonAbiStamp,
        host: KaytonAbiStamp,
    },
}

/// A loaded cell library and its entry point.
pub(crate) struct LoadedCell {
    main: CellMainFn,
    /// Keeps `main` loaded. Never unloaded: Rust code in the library (its
    /// std, the deps dylib's) registers thread-local destructors that run
    /// when threads exit, after any VM is gone, so unloading it would leave
    /// them pointing at unmapped code.
    _library: ManuallyDrop<Library>,
}

impl Vm {
    /// Load the cell dylib at `path`, refusing it unless it was built
    /// against this `kayton_api`'s ABI. Each cell needs its own file: the
    /// loader hands back the already-loaded library for a path it has seen.
    pub fn load_cell(&mut self, path: &Path) -> Result<CellId, LoadError> {
        let owned = || path.to_path_buf();
        // SAFETY: loading runs the library's initialisers; a cell dylib is
        // generated Rust, which has none of its own.
        let library = unsafe { Library::new(path) }.map_err(|source| LoadError::Open {
            path: owned(),
            source,
        })?;
        let missing = |symbol: &'static str| LoadError::NotACell {
            path: owned(),
            symbol,
        };
        // SAFETY: `keyton_cell_abi` has this frozen signature in every ABI
        // version; the copied pointer is used while `library` is alive.
        let stamp_of: CellAbiFn = *unsafe { library.get::<CellAbiFn>(CELL_ABI_SYMBOL) }
            .map_err(|_| missing("keyton_cell_abi"))?;
        let (cell, host) = (stamp_of(), KaytonAbiStamp::CURRENT);
        if cell != host {
            return Err(LoadError::AbiMismatch {
                path: owned(),
                cell,
                host,
            });
        }
        // SAFETY: the stamp matches, so `keyton_cell_main` is this ABI's
        // `CellMainFn`; the copied pointer is kept with `library`.
        let main: CellMainFn = *unsafe { library.get::<CellMainFn>(CELL_MAIN_SYMBOL) }
            .map_err(|_| missing("keyton_cell_main"))?;
        self.cells.push(LoadedCell {
            main,
            _library: ManuallyDrop::new(library),
        });
        Ok(CellId(self.cells.len() - 1))
    }

    /// Run a loaded cell, handing its output to `sink` as it happens (so a
    /// `display` shows while the cell still runs) instead of keeping it.
    pub fn run_cell_with(
        &mut self,
        cell: CellId,
        sink: &mut dyn FnMut(crate::OutputEvent),
    ) -> CellOutcome {
        let sink: *mut (dyn FnMut(crate::OutputEvent) + '_) = sink;
        // SAFETY: only the lifetime is erased; the pointer is cleared below,
        // before `sink`'s borrow ends, and used only during `run_cell`.
        let sink: *mut (dyn FnMut(crate::OutputEvent) + 'static) =
            unsafe { std::mem::transmute(sink) };
        self.sink = Some(sink);
        let outcome = self.run_cell(cell);
        self.sink = None;
        outcome
    }

    /// Run a loaded cell against this VM. Output and errors are recorded
    /// in the VM; a failed run always leaves at least one error.
    ///
    /// # Panics
    /// If `cell` was loaded by another VM with more cells than this one.
    pub fn run_cell(&mut self, cell: CellId) -> CellOutcome {
        let main = self.cells[cell.0].main;
        let errors_before = self.errors.len();
        let code = {
            let context = self.context();
            // SAFETY: `main` is the entry of a library this VM keeps loaded,
            // checked against this ABI when loaded; the context is valid for
            // the whole call, on this VM's thread, and not reentered.
            unsafe { main(context.as_ptr()) }
        };
        let unexplained = match code {
            CELL_OK => return CellOutcome::Completed,
            CELL_FAILED if self.errors.len() > errors_before => return CellOutcome::Failed,
            CELL_FAILED => "the cell stopped without saying why".to_string(),
            CELL_REFUSED_CONTEXT => {
                "the cell refused this session's context (another kayton_api ABI)".to_string()
            }
            other => format!("the cell stopped with an unknown code {other}"),
        };
        self.errors.push(CellError {
            message: unexplained,
            line: 0,
            col: 0,
        });
        CellOutcome::Failed
    }
}
