//! `keyton bench`: Keyton's performance goals, measured rather than hoped
//! for. Keyton promises native speed (a program runs about as fast as the
//! same program written in Rust) and, later, quick cells; this crate builds
//! and times what those promises are about and prints the numbers, with the
//! machine and the date they were measured on.
//!
//! It is a command, not a test suite: the machines it runs on are shared
//! and noisy, so nothing here asserts on a time; people (and the README)
//! read the ratios. The parts:
//!
//! - [`measure`]: the model every group of cases shares: a [`Case`] of
//!   [`Measurement`]s (repetitions of wall-clock seconds; median, min, max),
//!   and the geometric mean of ratios;
//! - [`table`]: the text tables the results are printed as;
//! - [`machine`]: what the report says about the machine and the date;
//! - one module per group of cases: [`runtime`] (Keyton programs against
//!   hand-written Rust), [`cells`] (a session's cells against bare rustc
//!   of their generated code, and cell 100 against cell 5) and [`rimport`]
//!   (importing and calling crates: cold and warm imports, a warm reqwest
//!   cell, a crate call in a loop against Rust).

pub mod cells;
pub mod machine;
pub mod measure;
pub mod rimport;
pub mod runtime;
pub mod table;

pub use measure::{Case, Measurement, Summary};

use keyton_compiler::{Cache, Toolchain};
use std::io;
use std::path::{Path, PathBuf};

/// Which cases `keyton bench` runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Group {
    /// Keyton programs against hand-written Rust ([`runtime`]).
    Runtime,
    /// Session cells against bare rustc ([`cells`]).
    Cells,
    /// Crates in sessions and scripts ([`rimport`]); not part of `All`:
    /// its cold imports take minutes.
    Rimport,
    #[default]
    All,
}

impl Group {
    fn runs_runtime(self) -> bool {
        matches!(self, Group::Runtime | Group::All)
    }

    fn runs_cells(self) -> bool {
        matches!(self, Group::Cells | Group::All)
    }

    fn runs_rimport(self) -> bool {
        self == Group::Rimport
    }
}

/// What `keyton bench` was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub group: Group,
    /// Repetitions of each timed run (the `cells` group times
    /// [`cells::CELLS_PER_REP`] cells per repetition).
    pub reps: usize,
    /// The directory of the `runtime` cases.
    pub dir: PathBuf,
    /// `--quick`: the `rimport` group's cold import runs once, not twice.
    pub quick: bool,
}

impl Options {
    /// Repetitions by default, and with `--quick`.
    pub const REPS: usize = 5;
    pub const QUICK_REPS: usize = 3;

    /// The options from the command line: `reps` wins over `quick`; the
    /// directory defaults to [`Options::default_dir`].
    pub fn new(group: Group, quick: bool, reps: Option<usize>, dir: Option<PathBuf>) -> Options {
        let default_reps = if quick { Self::QUICK_REPS } else { Self::REPS };
        Options {
            group,
            reps: reps.unwrap_or(default_reps).max(1),
            dir: dir.unwrap_or_else(Options::default_dir),
            quick,
        }
    }

    /// `tests/bench` of the repository this binary was built from (without
    /// `..` in it when it exists, as the report prints it).
    pub fn default_dir() -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bench");
        dir.canonicalize().unwrap_or(dir)
    }
}

/// What stops the benchmark as a whole (a failing case does not: it is
/// reported, and the other cases still run).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No toolchain, no cache directory.
    #[error(transparent)]
    Compiler(#[from] keyton_compiler::Error),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no benchmark programs (*.kt) in {} (use --dir)", .0.display())]
    NoPrograms(PathBuf),
}

impl Error {
    /// An I/O error about `path`.
    fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Run the benchmark: the header and each group's results on stdout,
/// progress and failures on stderr. `Ok(true)` if every case ran (built,
/// printed what it should, was timed).
pub fn run(options: &Options) -> Result<bool, Error> {
    let programs = if options.group.runs_runtime() {
        runtime::discover(&options.dir)?
    } else {
        Vec::new()
    };
    let toolchain = Toolchain::detect()?;
    let cache = Cache::from_env()?;
    let machine = machine::Machine::detect();
    let rustc = toolchain.version().lines().next().unwrap_or_default();
    println!("keyton bench, {}", machine::now_utc());
    println!("machine: {}", machine.describe());
    println!("toolchain: {rustc}");
    let work = tempfile::Builder::new()
        .prefix("keyton-bench-")
        .tempdir()
        .map_err(Error::io(std::env::temp_dir()))?;
    let mut cases = Vec::new();
    if options.group.runs_runtime() {
        let runs = if options.reps == 1 { "run" } else { "runs" };
        println!(
            "\nruntime: the programs of {}, wall-clock seconds, median (min-max) of {} {runs}\n",
            options.dir.display(),
            options.reps
        );
        let _ = io::Write::flush(&mut io::stdout());
        let runtime = runtime::run(&programs, options.reps, &cache, &toolchain, work.path());
        print!("{}", runtime::report(&runtime));
        cases.extend(runtime);
    }
    if options.group.runs_cells() {
        let settings = cells::Settings::new(options.reps);
        println!(
            "\ncells: one session per case; wall-clock seconds of a cell's execute, median \
             (min-max) of {} cells after {} warm-up cells, against bare rustc of the same \
             generated file; the long session has {} cells, and its bare rustc \
             runs of late and early cells take turns\n",
            settings.reps,
            cells::WARM_UP,
            settings.session_cells
        );
        let _ = io::Write::flush(&mut io::stdout());
        let results = cells::run(&settings, &cache, work.path());
        print!("{}", cells::report(&results));
        cases.extend(results.figures.into_iter().map(|figure| figure.case));
    }
    if options.group.runs_rimport() {
        let port = serve_or_fail()?;
        let settings = rimport::Settings {
            reps: options.reps,
            cells: options.reps * cells::CELLS_PER_REP,
            cold_runs: if options.quick { 1 } else { 2 },
            workload: rimport::Workload::reqwest(port),
            loop_calls: rimport::LOOP_CALLS,
        };
        println!(
            "\nrimport: wall-clock seconds, median (min-max): {} cold imports per sccache \
             setting, each in a new cache; {} restarts (new session + import cell) and {} \
             warm calls in the last cold cache, a call against bare rustc of its generated \
             file; {} runs of each loop build\n",
            settings.cold_runs, settings.reps, settings.cells, settings.reps
        );
        let _ = io::Write::flush(&mut io::stdout());
        let results = rimport::run(&settings, &cache, work.path());
        print!("{}", rimport::report(&results));
        cases.extend(results.figures.into_iter().map(|figure| figure.case));
    }
    let failed: Vec<&str> = cases
        .iter()
        .filter(|case| case.failure.is_some())
        .map(|case| case.name.as_str())
        .collect();
    if !failed.is_empty() {
        eprintln!(
            "error: {} of {} cases FAILED: {} (see above)",
            failed.len(),
            cases.len(),
            failed.join(", ")
        );
    }
    Ok(failed.is_empty())
}

/// The port of the `rimport` group's HTTP server (see [`rimport::serve`]).
fn serve_or_fail() -> Result<u16, Error> {
    rimport::serve().map_err(Error::io("127.0.0.1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_to_five_reps_quick_to_three_and_reps_win() {
        let default = Options::new(Group::All, false, None, None);
        assert_eq!(default.reps, 5);
        assert_eq!(default.group, Group::All);
        assert!(default.dir.ends_with("tests/bench"));
        assert_eq!(Options::new(Group::Cells, true, None, None).reps, 3);
        assert!(Options::new(Group::Rimport, true, None, None).quick && !default.quick);
        assert_eq!(Options::new(Group::Cells, true, Some(7), None).reps, 7);
        assert_eq!(Options::new(Group::Runtime, false, Some(0), None).reps, 1);
        let dir = Options::new(Group::All, false, None, Some("elsewhere".into())).dir;
        assert_eq!(dir, PathBuf::from("elsewhere"));
    }

    #[test]
    fn all_runs_runtime_and_cells_and_rimport_runs_alone() {
        assert!(Group::All.runs_runtime() && Group::All.runs_cells());
        assert!(Group::Runtime.runs_runtime() && !Group::Runtime.runs_cells());
        assert!(!Group::Cells.runs_runtime() && Group::Cells.runs_cells());
        assert!(Group::Rimport.runs_rimport() && !Group::All.runs_rimport());
        assert!(!Group::Rimport.runs_runtime() && !Group::Rimport.runs_cells());
        assert_eq!(Group::default(), Group::All);
    }
}
