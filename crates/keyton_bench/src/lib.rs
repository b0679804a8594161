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
//!   hand-written Rust).

pub mod machine;
pub mod measure;
pub mod runtime;
pub mod table;

pub use measure::{Case, Measurement, Summary};

use keyton_compiler::{Cache, Toolchain};
use std::io;
use std::path::{Path, PathBuf};

/// What `keyton bench` was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Repetitions of each timed run.
    pub reps: usize,
    /// The directory of the `runtime` cases.
    pub dir: PathBuf,
}

impl Options {
    /// Repetitions by default, and with `--quick`.
    pub const REPS: usize = 5;
    pub const QUICK_REPS: usize = 3;

    /// The options from the command line: `reps` wins over `quick`; the
    /// directory defaults to [`Options::default_dir`].
    pub fn new(quick: bool, reps: Option<usize>, dir: Option<PathBuf>) -> Options {
        let default_reps = if quick { Self::QUICK_REPS } else { Self::REPS };
        Options {
            reps: reps.unwrap_or(default_reps).max(1),
            dir: dir.unwrap_or_else(Options::default_dir),
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

/// Run the benchmark: the header and the results table on stdout, progress
/// and failures on stderr. `Ok(true)` if every case built, printed what it
/// should and was timed.
pub fn run(options: &Options) -> Result<bool, Error> {
    let programs = runtime::discover(&options.dir)?;
    let toolchain = Toolchain::detect()?;
    let cache = Cache::from_env()?;
    let machine = machine::Machine::detect();
    let rustc = toolchain.version().lines().next().unwrap_or_default();
    println!("keyton bench, {}", machine::now_utc());
    println!("machine: {}", machine.describe());
    println!("toolchain: {rustc}");
    let runs = if options.reps == 1 { "run" } else { "runs" };
    println!(
        "runtime: the programs of {}, wall-clock seconds, median (min-max) of {} {runs}",
        options.dir.display(),
        options.reps
    );
    println!();
    let work = tempfile::Builder::new()
        .prefix("keyton-bench-")
        .tempdir()
        .map_err(Error::io(std::env::temp_dir()))?;
    let cases = runtime::run(&programs, options.reps, &cache, &toolchain, work.path());
    print!("{}", runtime::report(&cases));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_to_five_reps_quick_to_three_and_reps_win() {
        let default = Options::new(false, None, None);
        assert_eq!(default.reps, 5);
        assert!(default.dir.ends_with("tests/bench"));
        assert_eq!(Options::new(true, None, None).reps, 3);
        assert_eq!(Options::new(true, Some(7), None).reps, 7);
        assert_eq!(Options::new(false, Some(0), None).reps, 1);
        let dir = Options::new(false, None, Some("elsewhere".into())).dir;
        assert_eq!(dir, PathBuf::from("elsewhere"));
    }
}
