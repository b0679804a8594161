//! `keyton bench`: Keyton's performance goals, measured rather than hoped
//! for. Keyton promises native speed (a program runs about as fast as the
//! same program written in Rust) and quick cells; this crate builds and
//! times what those promises are about, in one process and one run, and
//! prints the numbers with the machine and the date they were measured on.
//! It also writes them as `bench.json` and draws `cells.svg` and
//! `imports.svg` (see [`report`] and [`plot`]).
//!
//! It is a command, not a test suite: the machines it runs on are shared
//! and noisy, so nothing here asserts on a time; people (and the README)
//! read the ratios. The parts:
//!
//! - [`measure`]: the model every group of cases shares: a [`Case`] of
//!   [`Measurement`]s (repetitions of wall-clock seconds; median, min, max),
//!   and the geometric mean of ratios; [`figure`]: a case with its target,
//!   and the table most groups print;
//! - [`table`]: the text tables; [`machine`]: the machine and the date;
//! - one module per group of cases: [`runtime`] (Keyton programs against
//!   hand-written Rust), [`cells`] (a session's cells against bare rustc
//!   of their generated code, a 200-cell session, and [`phases`], where a
//!   cell's time goes), [`rimport`] (cold and warm imports of reqwest with
//!   sccache on and off, a warm reqwest cell, a crate call in a loop
//!   against Rust), [`script_run`] (`keyton run`, cold and warm) and
//!   [`evcxr`] (the notebook cases in evcxr, side by side).

pub mod cells;
pub mod evcxr;
pub mod figure;
pub mod machine;
pub mod measure;
pub mod phases;
pub mod plot;
pub mod report;
pub mod rimport;
pub mod runtime;
pub mod script_run;
pub mod table;

pub use measure::{Case, Measurement, Summary};

use figure::{Figure, Target};
use keyton_compiler::{Cache, Toolchain};
use report::{Report, Section};
use std::io;
use std::path::{Path, PathBuf};

/// Which cases `keyton bench` runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Group {
    /// Keyton programs against hand-written Rust ([`runtime`]).
    Runtime,
    /// Session cells against bare rustc ([`cells`]).
    Cells,
    /// Crates in sessions and scripts ([`rimport`]).
    Rimport,
    /// `keyton run` of a small script ([`script_run`]).
    Run,
    /// All of them, and evcxr side by side ([`evcxr`]).
    #[default]
    All,
}

impl Group {
    fn runs(self, group: Group) -> bool {
        self == group || self == Group::All
    }
}

/// What `keyton bench` was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub group: Group,
    /// Repetitions of each timed run (the session groups time
    /// [`cells::CELLS_PER_REP`] cells per repetition).
    pub reps: usize,
    /// The directory of the `runtime` cases.
    pub dir: PathBuf,
    /// `--quick`: fewer repetitions; one cold import (sccache on when it is
    /// installed) of the fixture crate `counter` instead of two of reqwest
    /// with sccache off and two on; one cold `keyton run`; no cold evcxr
    /// build.
    pub quick: bool,
    /// Where `bench.json` and the charts go; `None`: `<cache>/bench`.
    pub out: Option<PathBuf>,
    /// The `keyton` executable `keyton run` is timed with (`None`: the
    /// `run` group is skipped, said in its table).
    pub keyton: Option<PathBuf>,
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
            out: None,
            keyton: None,
        }
    }

    /// `tests/bench` of the repository this binary was built from (without
    /// `..` in it when it exists, as the report prints it).
    pub fn default_dir() -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bench");
        dir.canonicalize().unwrap_or(dir)
    }

    /// Cold imports per sccache setting, cold `keyton run`s.
    fn cold_runs(&self) -> usize {
        if self.quick { 1 } else { 2 }
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
    #[error("{0}")]
    Chart(String),
}

impl Error {
    /// An I/O error about `path`.
    fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Print a group's heading (flushed: the group takes a while).
fn heading(text: &str) {
    println!("\n{text}\n");
    let _ = io::Write::flush(&mut io::stdout());
}

/// Run the benchmark: the header and each group's results on stdout,
/// progress and failures on stderr; then `bench.json` and the charts into
/// the output directory. `Ok(true)` if every case ran (built, printed what
/// it should, was timed).
pub fn run(options: &Options) -> Result<bool, Error> {
    let programs = if options.group.runs(Group::Runtime) {
        runtime::discover(&options.dir)?
    } else {
        Vec::new()
    };
    let toolchain = Toolchain::detect()?;
    let cache = Cache::from_env()?;
    let out = (options.out.clone()).unwrap_or_else(|| cache.root().join("bench"));
    std::fs::create_dir_all(&out).map_err(Error::io(&out))?;
    let machine = machine::Machine::detect();
    let mut report = Report {
        date: machine::now_utc(),
        machine: machine.describe(),
        toolchain: toolchain
            .version()
            .lines()
            .next()
            .unwrap_or_default()
            .into(),
        quick: options.quick,
        ..Report::default()
    };
    println!(
        "keyton bench{}, {}",
        if options.quick { " --quick" } else { "" },
        report.date
    );
    report.load_average[0] = machine::load_average();
    let load = report.load_average[0].map_or_else(String::new, |l| {
        format!(", load average {l:.1} at the start")
    });
    println!("machine: {}{load}", report.machine);
    println!("toolchain: {}", report.toolchain);
    let work = tempfile::Builder::new()
        .prefix("keyton-bench-")
        .tempdir()
        .map_err(Error::io(std::env::temp_dir()))?;
    let mut section = |group: &str, figures: Vec<Figure>, text: String| {
        print!("{text}");
        report.sections.push(Section {
            group: group.into(),
            figures,
            text,
        });
    };
    if options.group.runs(Group::Runtime) {
        let runs = if options.reps == 1 { "run" } else { "runs" };
        heading(&format!(
            "runtime: the programs of {}, wall-clock seconds, median (min-max) of {} {runs}",
            options.dir.display(),
            options.reps
        ));
        let cases = runtime::run(&programs, options.reps, &cache, &toolchain, work.path());
        let text = runtime::report(&cases);
        let figures = cases.into_iter().map(|case| Figure {
            case,
            target: Target::Ratio(runtime::TARGET),
            note: None,
        });
        section("runtime", figures.collect(), text);
    }
    let mut curve = cells::Curve::default();
    if options.group.runs(Group::Cells) {
        let settings = cells::Settings::new(options.reps);
        heading(&format!(
            "cells: one session per case; wall-clock seconds of a cell's execute, median \
             (min-max) of {} cells after {} warm-up cells, against bare rustc of the same \
             generated file; the long session has {} cells, and its bare rustc \
             runs of late and early cells take turns",
            settings.reps,
            cells::WARM_UP,
            settings.session_cells
        ));
        let results = cells::run(&settings, &cache, work.path());
        let text = cells::report(&results);
        curve = results.curve;
        section("cells", results.figures, text);
    }
    let port = if options.group.runs(Group::Rimport) || options.group == Group::All {
        Some(rimport::serve().map_err(Error::io("127.0.0.1"))?)
    } else {
        None
    };
    if let (true, Some(port)) = (options.group.runs(Group::Rimport), port) {
        let settings = rimport_settings(options, port);
        heading(&format!(
            "rimport: wall-clock seconds, median (min-max): {} cold import(s) of {} per \
             sccache setting ({}), each in a new cache; {} restarts (new session + import \
             cell) and {} warm calls, a call against bare rustc of its generated file; {} \
             runs of each loop build",
            settings.cold_runs,
            settings.cold_workload.name(),
            settings.cold_modes.describe(),
            settings.reps,
            settings.cells,
            settings.reps
        ));
        let results = rimport::run(&settings, &cache, work.path());
        let text = rimport::report(&results);
        section("rimport", results.figures, text);
    }
    if options.group.runs(Group::Run) {
        heading(&format!(
            "run: `keyton run` of a small script, spawn to exit, seconds: cold cache = the \
             first run in a new cache (builds the runtime), {} run(s); warm = the same script \
             again, {} runs (compiled again: `keyton run` keeps no executable)",
            options.cold_runs(),
            options.reps
        ));
        let figure = match &options.keyton {
            Some(keyton) => script_run::run(keyton, options.cold_runs(), options.reps, work.path()),
            None => figure::figure(
                "`keyton run` of a small script",
                Err("no keyton executable to time (run it as `keyton bench`)".into()),
                Target::None,
            ),
        };
        let figures = vec![figure];
        let text = figure::figure_table(&figures);
        section("run", figures, text);
    }
    report.curves.keyton = curve;
    if options.group == Group::All {
        compare_with_evcxr(options, &cache, port, &mut report, work.path());
    }
    report.load_average[1] = machine::load_average();
    report
        .write_json(&out)
        .map_err(Error::io(out.join("bench.json")))?;
    plot::draw(&report, &out).map_err(Error::Chart)?;
    let load = report.load_average[1].map_or_else(String::new, |l| {
        format!(" (load average {l:.1} at the end)")
    });
    println!(
        "\nwrote {} and the charts cells.svg, imports.svg{load}",
        out.join("bench.json").display()
    );
    let cases = report.sections.iter().flat_map(|s| &s.figures);
    let failed: Vec<&str> = cases
        .clone()
        .filter(|figure| figure.case.failure.is_some())
        .map(|figure| figure.case.name.as_str())
        .collect();
    if !failed.is_empty() {
        eprintln!(
            "error: {} of {} cases FAILED: {} (see above)",
            failed.len(),
            cases.count(),
            failed.join(", ")
        );
    }
    Ok(failed.is_empty())
}

/// The `rimport` group's settings for `options`: reqwest against the
/// server on `port`.
fn rimport_settings(options: &Options, port: u16) -> rimport::Settings {
    rimport::Settings {
        reps: options.reps,
        cells: options.reps * cells::CELLS_PER_REP,
        cold_runs: options.cold_runs(),
        cold_modes: if options.quick {
            rimport::ColdModes::Quick
        } else {
            rimport::ColdModes::Both
        },
        cold_workload: if options.quick {
            rimport::Workload::counter()
        } else {
            rimport::Workload::reqwest(port)
        },
        workload: rimport::Workload::reqwest(port),
        loop_calls: rimport::LOOP_CALLS,
    }
}

/// The notebook cases in evcxr, if it is installed, set beside Keyton's in
/// `report` and printed; or a line saying why they are not.
fn compare_with_evcxr(
    options: &Options,
    cache: &Cache,
    port: Option<u16>,
    report: &mut Report,
    work: &Path,
) {
    let found = evcxr::find(cache.root());
    let (Some(evcxr_path), Some(port)) = (found, port) else {
        report.evcxr.note = Some(evcxr::missing(cache.root()));
        heading("evcxr");
        print!("{}", report.comparison_table());
        return;
    };
    let settings = evcxr::Settings {
        cells: options.reps * cells::CELLS_PER_REP,
        restarts: options.reps,
        session_cells: if options.quick {
            evcxr::QUICK_SESSION_CELLS
        } else {
            cells::SESSION_CELLS
        },
        cold: !options.quick,
        port,
        crate_dir: evcxr::crate_dir(),
    };
    heading(&format!(
        "evcxr ({}) side by side: the same cases in the same run, seconds, median \
         (min-max); Keyton's figures from the tables above; {}",
        evcxr_path.display(),
        if settings.cold {
            "cold = `:dep reqwest` in a new EVCXR_TMPDIR (evcxr has no sccache here)".into()
        } else {
            format!(
                "--quick: no cold evcxr build, and a session of {} cells",
                settings.session_cells
            )
        }
    ));
    let results = evcxr::run(&evcxr_path, &settings, work);
    report.evcxr.evcxr = Some(evcxr_path.display().to_string());
    report.compare(&results);
    print!("{}", report.comparison_table());
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
        assert_eq!((default.out, default.keyton), (None, None));
    }

    #[test]
    fn all_runs_every_group_and_a_group_runs_alone() {
        for group in [Group::Runtime, Group::Cells, Group::Rimport, Group::Run] {
            assert!(Group::All.runs(group) && group.runs(group));
            assert!(!Group::Runtime.runs(group) || group == Group::Runtime);
        }
        assert!(!Group::Cells.runs(Group::Rimport));
        assert_eq!(Group::default(), Group::All);
    }

    #[test]
    fn quick_runs_one_cold_import_and_the_full_run_both_sccache_settings() {
        let quick = rimport_settings(&Options::new(Group::All, true, None, None), 1);
        assert_eq!(
            (quick.cold_runs, quick.cold_modes),
            (1, rimport::ColdModes::Quick)
        );
        let full = rimport_settings(&Options::new(Group::All, false, None, None), 1);
        assert_eq!(
            (full.cold_runs, full.cold_modes),
            (2, rimport::ColdModes::Both)
        );
        assert_eq!(full.workload.name(), "reqwest");
        assert_eq!(full.cold_workload, full.workload);
    }
}
