//! The group `cells`: how long a notebook waits for a cell, through the real
//! session engine (`keyton_session`), measured against the floor: rustc
//! alone building the same generated file with the same flags (the call
//! [`Session::last_rustc`] gives). Each case runs in a session of its own,
//! all in this process:
//!
//! - `warm 1 + 1`: after a few warm-up cells, one trivial cell after another;
//!   each cell's `execute`, and after it the bare rustc of that cell;
//! - `warm double(21)`: the same, each cell calling a function that an
//!   earlier cell defined (called in place, not re-emitted);
//! - `cell 200 vs cell 5`: a long session whose every cell defines a
//!   function and calls it and the previous cell's ([`long_session`]); the
//!   median of cells 3-7 against that of the last five: a cell's cost must
//!   not grow with the session;
//! - `bare rustc, cell 200 vs cell 5`: that growth in rustc alone, less
//!   noisy: in the last five cells, bare rustc of each and of an early
//!   cell (3-7, still on disk) take turns, so noise slows both alike.
//!
//! Then where the time of a cell goes, phase by phase ([`crate::phases`]),
//! so a regression points at its phase. Cells print nothing: their rich output is thrown away, and `print` would go to
//! this process's stdout, into the report.

pub mod long_session;

pub use long_session::{Curve, SESSION_CELLS, session_cell, window, windows};

use crate::figure::{Figure, Target, figure, figure_table};
use crate::measure::{Measurement, time_run};
use crate::phases::phase_table;
use keyton_compiler::Cache;
use keyton_session::{Session, Timings};
use long_session::{LongSession, last_rustc};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The goal for a warm cell over bare rustc of its generated file.
pub const FLOOR_TARGET: f64 = 1.5;
/// The goal for the last cells of a long session over its first ones.
pub const GROWTH_TARGET: f64 = 1.2;
/// Timed cells of the warm cases per repetition of `keyton bench`.
pub const CELLS_PER_REP: usize = 4;
/// Cells run before a warm case is timed.
pub const WARM_UP: usize = 3;

/// How much the group measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Timed cells of each warm case.
    pub reps: usize,
    /// Cells of the long session (at least 7).
    pub session_cells: usize,
}

impl Settings {
    /// [`CELLS_PER_REP`] cells per repetition, [`SESSION_CELLS`] cells.
    pub fn new(reps: usize) -> Settings {
        Settings {
            reps: reps.max(1) * CELLS_PER_REP,
            session_cells: SESSION_CELLS,
        }
    }
}

/// One timed cell: the wall-clock seconds of `execute` and the session's
/// phases of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sample {
    pub execute: f64,
    pub timings: Timings,
}

/// Everything the group measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub figures: Vec<Figure>,
    /// Columns of the phase table: a label and the cells it summarises.
    pub phases: Vec<(String, Vec<Sample>)>,
    /// Every cell of the long session (empty if it failed).
    pub curve: Curve,
}

/// The cell defining what the `double(21)` cells call (and a template
/// instantiated with ints, as a notebook's helper cell would).
const DEFINE_DOUBLE: &str =
    "fn double(n: i64) -> i64:\n    return n * 2\n\nfn add(a, b):\n    a + b\n\nadd(1, 2)\n";

/// Run the cases, each in a new session in `cache`, bare rustc writing into
/// `work`. Progress and failures go to stderr; a failed case is in the
/// result with its reason.
pub fn run(settings: &Settings, cache: &Cache, work: &Path) -> Results {
    let mut phases = Vec::new();
    let mut figures = Vec::new();
    for (name, setup, code) in [
        ("warm `1 + 1`", &[][..], "1 + 1"),
        ("warm `double(21)`", &[DEFINE_DOUBLE][..], "double(21)"),
    ] {
        eprintln!("cells: timing {name} ({} cells)", settings.reps);
        let timed = new_session(cache, work)
            .and_then(|mut session| warm(&mut session, setup, code, settings.reps, work));
        let measurements = timed.map(|(cells, rustc)| {
            if phases.is_empty() {
                phases.push((format!("{name} ms"), cells.clone()));
            }
            vec![executes("cell", &cells), rustc]
        });
        figures.push(figure(name, measurements, Target::Ratio(FLOOR_TARGET)));
    }
    let cells = settings.session_cells.max(windows(0)[0].1);
    let rounds = settings.reps.div_ceil(CELLS_PER_REP);
    let [early, late] = windows(cells);
    eprintln!("cells: timing a session of {cells} cells");
    let grown =
        new_session(cache, work).and_then(|mut s| long_session::run(&mut s, cells, rounds, work));
    let mut curve = Curve::default();
    let (measurements, rustc) = match grown {
        Ok(LongSession {
            samples,
            rustc,
            curve: timed,
        }) => {
            curve = timed;
            let columns = [early, late].map(|(first, last)| {
                let samples = window(&samples, (first, last)).to_vec();
                (format!("cells {first}-{last}"), samples)
            });
            phases.extend(columns.iter().map(|(l, s)| (format!("{l} ms"), s.clone())));
            let [early, late] = columns.map(|(label, samples)| executes(&label, &samples));
            (Ok(vec![late, early]), Ok(rustc.into()))
        }
        Err(reason) => (Err(reason.clone()), Err(reason)),
    };
    let name = format!("cell {} vs cell 5", late.1);
    figures.push(figure(&name, measurements, Target::Ratio(GROWTH_TARGET)));
    let name = format!("bare rustc, cell {} vs cell 5", late.1);
    figures.push(figure(&name, rustc, Target::Ratio(GROWTH_TARGET)));
    Results {
        figures,
        phases,
        curve,
    }
}

/// A session in `cache`, its cells' paths relative to `work`.
pub(crate) fn new_session(cache: &Cache, work: &Path) -> Result<Session, String> {
    let options = keyton_session::Options {
        cache: cache.clone(),
        dir: work.to_path_buf(),
    };
    Session::start(options).map_err(|e| format!("cannot start a session: {e}"))
}

/// `setup` and [`WARM_UP`] cells of `code`, then `reps` cells of `code`,
/// each followed by bare rustc of it: the timed cells, and rustc's seconds.
fn warm(
    session: &mut Session,
    setup: &[&str],
    code: &str,
    reps: usize,
    work: &Path,
) -> Result<(Vec<Sample>, Measurement), String> {
    for cell in setup.iter().copied().chain([code; WARM_UP]) {
        run_cell(session, cell)?;
    }
    let mut rustc = Measurement::new("bare rustc");
    let mut cells = Vec::new();
    for _ in 0..reps {
        cells.push(run_cell(session, code)?);
        rustc.seconds.push(bare_rustc(session, work)?);
    }
    Ok((cells, rustc))
}

/// Execute one cell, its output thrown away.
pub(crate) fn run_cell(session: &mut Session, code: &str) -> Result<Sample, String> {
    let start = Instant::now();
    session
        .execute(code, &mut |_| {})
        .map_err(|failure| format!("the cell {code:?} failed: {}", failure.traceback.join("\n")))?;
    Ok(Sample {
        execute: start.elapsed().as_secs_f64(),
        timings: session.timings(),
    })
}

/// The seconds of the rustc call that built the session's last cell, run
/// again on the same file with the same flags, writing into `work`.
pub(crate) fn bare_rustc(session: &Session, work: &Path) -> Result<f64, String> {
    time_rustc(&mut last_rustc(session, work)?)
}

/// The seconds of a successful run of `rustc`.
pub(crate) fn time_rustc(rustc: &mut Command) -> Result<f64, String> {
    let (seconds, status) = time_run(rustc).map_err(|e| format!("cannot run rustc: {e}"))?;
    if !status.success() {
        return Err(format!("bare rustc {status}: {rustc:?}"));
    }
    Ok(seconds)
}

/// The `execute` seconds of `samples` as a measurement.
pub(crate) fn executes(label: &str, samples: &[Sample]) -> Measurement {
    let mut measurement = Measurement::new(label);
    measurement.seconds = samples.iter().map(|s| s.execute).collect();
    measurement
}

/// The results as two tables: each case's cells against its baseline
/// (see [`figure_table`]); and the phases of the cells, in milliseconds.
pub fn report(results: &Results) -> String {
    figure_table(&results.figures) + "\n" + &phase_table(&results.phases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn sample(execute: f64, rustc_ms: u64) -> Sample {
        let ms = Duration::from_millis;
        Sample {
            execute,
            timings: Timings {
                check: ms(1),
                emit: ms(1),
                rustc: ms(rustc_ms),
                load: ms(1),
                run: ms(1),
            },
        }
    }

    fn measurement(label: &str, seconds: &[f64]) -> Measurement {
        let mut measurement = Measurement::new(label);
        measurement.seconds = seconds.to_vec();
        measurement
    }

    #[test]
    fn the_report_shows_ratios_targets_failures_and_phases() {
        let results = Results {
            figures: vec![
                figure(
                    "trivial",
                    Ok(vec![
                        measurement("cell", &[0.2]),
                        measurement("rustc", &[0.1]),
                    ]),
                    Target::Ratio(1.5),
                ),
                figure("broken", Err("cell failed".into()), Target::Ratio(1.5)),
            ],
            curve: Curve::default(),
            phases: vec![
                ("trivial ms".into(), vec![sample(0.1, 90)]),
                ("early ms".into(), vec![sample(0.1, 90)]),
                ("late ms".into(), vec![sample(0.2, 180)]),
            ],
        };
        let expected = "\
case     timed                     s  against                    s  ratio   target
-------  ------  -------------------  -------  -------------------  -----  -------
trivial  cell    0.200 (0.200-0.200)  rustc    0.100 (0.100-0.100)   2.00  <= 1.50
broken   FAILED
over the target: trivial (2.000)

phase                 trivial ms  share             early ms              late ms  late/early
-----------  -------------------  -----  -------------------  -------------------  ----------
parse+check        1.0 (1.0-1.0)     1%        1.0 (1.0-1.0)        1.0 (1.0-1.0)        1.00
codegen            1.0 (1.0-1.0)     1%        1.0 (1.0-1.0)        1.0 (1.0-1.0)        1.00
rustc           90.0 (90.0-90.0)    90%     90.0 (90.0-90.0)  180.0 (180.0-180.0)        2.00
load               1.0 (1.0-1.0)     1%        1.0 (1.0-1.0)        1.0 (1.0-1.0)        1.00
run                1.0 (1.0-1.0)     1%        1.0 (1.0-1.0)        1.0 (1.0-1.0)        1.00
other              6.0 (6.0-6.0)     6%        6.0 (6.0-6.0)     16.0 (16.0-16.0)        2.67
-----------  -------------------  -----  -------------------  -------------------  ----------
execute      100.0 (100.0-100.0)   100%  100.0 (100.0-100.0)  200.0 (200.0-200.0)        2.00
";
        assert_eq!(report(&results), expected);
    }
}
