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
//! - `cell 100 vs cell 5`: a long session whose every cell defines a
//!   function and calls it and the previous cell's; the median of cells
//!   3-7 against that of the last five: a cell's cost must not grow with
//!   the session;
//! - `bare rustc, cell 100 vs cell 5`: that growth in rustc alone, less
//!   noisy: in the last five cells, bare rustc of each and of an early
//!   cell (3-7, still on disk) take turns, so noise slows both alike.
//!
//! Then where the time of a cell goes, phase by phase (parse and check,
//! codegen, rustc, load, run), so a regression points at its phase. Cells
//! print nothing: their rich output is thrown away, and `print` would go to
//! this process's stdout, into the report.

use crate::measure::{Case, Measurement, Summary, time_run};
use crate::table::{self, Align, Table};
use keyton_compiler::Cache;
use keyton_session::{Session, Timings};
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The goal for a warm cell over bare rustc of its generated file.
pub const FLOOR_TARGET: f64 = 1.5;
/// The goal for the last cells of a long session over its first ones.
pub const GROWTH_TARGET: f64 = 1.2;
/// Cells of the long session, with `--quick` too: the target is about
/// cell 100.
pub const SESSION_CELLS: usize = 100;
/// Timed cells of the warm cases per repetition of `keyton bench`.
pub const CELLS_PER_REP: usize = 4;
/// Cells run before a warm case is timed.
pub const WARM_UP: usize = 3;
/// The cells (1-based, inclusive) the long session starts being timed at.
const EARLY: (usize, usize) = (3, 7);

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

/// A case's figures: its two measurements (the cells, then what they are
/// compared with) and the goal for their ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub case: Case,
    pub target: f64,
}

/// Everything the group measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub figures: Vec<Figure>,
    /// Columns of the phase table: a label and the cells it summarises.
    pub phases: Vec<(String, Vec<Sample>)>,
}

/// The first and last cell (1-based, inclusive) of the early and the late
/// window of a session of `cells` cells: 3-7 and the last five.
pub fn windows(cells: usize) -> [(usize, usize); 2] {
    let cells = cells.max(EARLY.1);
    [EARLY, (cells + 1 - (EARLY.1 - EARLY.0 + 1), cells)]
}

/// Cells `first..=last` (1-based) of `all`, as many as there are.
pub fn window<T>(all: &[T], (first, last): (usize, usize)) -> &[T] {
    let end = last.min(all.len());
    &all[(first.max(1) - 1).min(end)..end]
}

/// Cell `k` of the long session: `f0` first, then each cell defines `f{k}`
/// and calls it and the previous cell's function.
pub fn session_cell(k: usize) -> String {
    if k == 0 {
        return "fn f0(n: i64) -> i64:\n    return n\n".to_string();
    }
    format!(
        "fn f{k}(n: i64) -> i64:\n    return n + {k}\n\nf{k}(1) + f{}(1)\n",
        k - 1
    )
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
        figures.push(figure(name, measurements, FLOOR_TARGET));
    }
    let cells = settings.session_cells.max(EARLY.1);
    let rounds = settings.reps.div_ceil(CELLS_PER_REP);
    let [early, late] = windows(cells);
    eprintln!("cells: timing a session of {cells} cells");
    let grown =
        new_session(cache, work).and_then(|mut s| long_session(&mut s, cells, rounds, work));
    let (measurements, rustc) = match grown {
        Ok((samples, rustc)) => {
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
    figures.push(figure(&name, measurements, GROWTH_TARGET));
    let name = format!("bare rustc, cell {} vs cell 5", late.1);
    figures.push(figure(&name, rustc, GROWTH_TARGET));
    Results { figures, phases }
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

/// The rustc call that built the session's last cell, writing into
/// `work` instead.
fn last_rustc(session: &Session, work: &Path) -> Result<Command, String> {
    let library = work.join(format!("{DLL_PREFIX}bare{DLL_SUFFIX}"));
    (session.last_rustc(&library)).ok_or_else(|| "the session built no cell".into())
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

/// The `cells` cells of the long session, and bare rustc of its late
/// window's cells and of its early window's, taking turns `rounds` times
/// each during the late window (the late cell's first every other time).
fn long_session(
    session: &mut Session,
    cells: usize,
    rounds: usize,
    work: &Path,
) -> Result<(Vec<Sample>, [Measurement; 2]), String> {
    let [early, late] = windows(cells);
    let mut rustc = [late, early].map(|(a, b)| Measurement::new(format!("rustc {a}-{b}")));
    let mut early_rustc = Vec::new();
    let mut samples = Vec::new();
    for k in 0..cells {
        samples.push(run_cell(session, &session_cell(k))?);
        let cell = k + 1;
        if (early.0..=early.1).contains(&cell) {
            early_rustc.push(last_rustc(session, work)?);
        }
        if (late.0..=late.1).contains(&cell) {
            // The windows are as wide, and the late one starts no earlier.
            let turn = cell - late.0;
            let mut pair = [last_rustc(session, work)?, early_rustc.remove(0)];
            for round in turn * rounds..(turn + 1) * rounds {
                for i in [round % 2, 1 - round % 2] {
                    rustc[i].seconds.push(time_rustc(&mut pair[i])?);
                }
            }
        }
    }
    Ok((samples, rustc))
}

/// The `execute` seconds of `samples` as a measurement.
pub(crate) fn executes(label: &str, samples: &[Sample]) -> Measurement {
    let mut measurement = Measurement::new(label);
    measurement.seconds = samples.iter().map(|s| s.execute).collect();
    measurement
}

/// A case of two measurements (or why it has none), said on stderr if it
/// failed.
fn figure(name: &str, measured: Result<Vec<Measurement>, String>, target: f64) -> Figure {
    if let Err(reason) = &measured {
        eprintln!("error: case `{name}` FAILED: {reason}");
    }
    let case = Case::new(name, measured);
    Figure { case, target }
}

/// The rows of the phase table: each phase, what `execute` spent outside
/// them, and the whole cell (`execute`).
const PHASES: [&str; 7] = [
    "parse+check",
    "codegen",
    "rustc",
    "load",
    "run",
    "other",
    "execute",
];

/// A cell's seconds in each of [`PHASES`].
fn phase_seconds(sample: &Sample) -> [f64; 7] {
    let t = &sample.timings;
    let [check, emit, rustc, load, run] =
        [t.check, t.emit, t.rustc, t.load, t.run].map(|d| d.as_secs_f64());
    let other = sample.execute - (check + emit + rustc + load + run);
    [check, emit, rustc, load, run, other, sample.execute]
}

/// The table both session groups report in: each case's timed variant
/// against its baseline, their ratio and the target.
pub(crate) fn ratio_table() -> Table {
    Table::new(&[
        ("case", Align::Left),
        ("timed", Align::Left),
        ("s", Align::Right),
        ("against", Align::Left),
        ("s", Align::Right),
        ("ratio", Align::Right),
        ("target", Align::Right),
    ])
}

/// The results as two tables: each case's cells against its baseline with
/// the ratio and its target, then a line naming the cases over their
/// targets; and the phases of the cells, in milliseconds.
pub fn report(results: &Results) -> String {
    let mut table = ratio_table();
    let mut over = Vec::new();
    for Figure { case, target } in &results.figures {
        let Some(ratio) = case.ratio(0, 1) else {
            table.row(vec![case.name.clone(), "FAILED".into()]);
            continue;
        };
        let mut cells = vec![case.name.clone()];
        for measurement in &case.measurements {
            cells.push(measurement.label.clone());
            cells.extend(measurement.summary().map(|s| table::seconds(&s)));
        }
        cells.push(table::ratio(ratio));
        cells.push(format!("<= {}", table::ratio(*target)));
        table.row(cells);
        if ratio > *target {
            // Three decimals: a ratio shown as 1.50 may still be over.
            over.push(format!("{} ({ratio:.3})", case.name));
        }
    }
    let verdict = if over.is_empty() {
        "every ratio is within its target".to_string()
    } else {
        format!("over the target: {}", over.join(", "))
    };
    table.render() + &verdict + "\n\n" + &phase_table(&results.phases)
}

/// Each phase's median (min-max) in milliseconds per column; the share of
/// the first column's median cell; the last column's median over the one
/// before it (the long session's growth, phase by phase).
pub(crate) fn phase_table(columns: &[(String, Vec<Sample>)]) -> String {
    let mut headers = vec![("phase", Align::Left)];
    for (i, (label, _)) in columns.iter().enumerate() {
        headers.push((label, Align::Right));
        if i == 0 {
            headers.push(("share", Align::Right));
        }
    }
    let growth = columns.len() >= 3;
    if growth {
        headers.push(("late/early", Align::Right));
    }
    let mut table = Table::new(&headers);
    // Per column, per phase, the summary of its cells.
    let summaries: Vec<Vec<Option<Summary>>> = columns
        .iter()
        .map(|(_, samples)| {
            let seconds: Vec<[f64; 7]> = samples.iter().map(phase_seconds).collect();
            (0..PHASES.len())
                .map(|phase| Summary::of(&seconds.iter().map(|s| s[phase]).collect::<Vec<_>>()))
                .collect()
        })
        .collect();
    let median = |column: &[Option<Summary>], phase: usize| column[phase].map(|s| s.median);
    for (phase, name) in PHASES.iter().enumerate() {
        if phase == PHASES.len() - 1 {
            table.rule();
        }
        let mut cells = vec![name.to_string()];
        for (i, column) in summaries.iter().enumerate() {
            cells.push(column[phase].map_or_else(String::new, |s| table::millis(&s)));
            if i == 0 {
                let share = median(column, phase).zip(median(column, PHASES.len() - 1));
                cells.push(
                    share.map_or_else(String::new, |(p, c)| format!("{:.0}%", 100.0 * p / c)),
                );
            }
        }
        if let (true, [.., early, late]) = (growth, &summaries[..]) {
            let ratio = median(early, phase).zip(median(late, phase));
            let ratio = ratio.filter(|&(e, _)| e > 0.0).map(|(e, l)| l / e);
            cells.push(ratio.map_or_else(String::new, table::ratio));
        }
        table.row(cells);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn windows_are_cells_3_to_7_and_the_last_five() {
        assert_eq!(windows(100), [(3, 7), (96, 100)]);
        assert_eq!(windows(8), [(3, 7), (4, 8)]);
        assert_eq!(windows(2), [(3, 7), (3, 7)]);
        let cells: Vec<usize> = (1..=100).collect();
        assert_eq!(window(&cells, (3, 7)), [3, 4, 5, 6, 7]);
        assert_eq!(window(&cells, (96, 100)), [96, 97, 98, 99, 100]);
        assert_eq!(window(&cells[..5], (3, 7)), [3, 4, 5]);
        assert!(window(&cells[..2], (3, 7)).is_empty());
        let medians = [(3, 7), (96, 100)].map(|w| {
            let seconds: Vec<f64> = window(&cells, w).iter().map(|&c| c as f64).collect();
            Summary::of(&seconds).unwrap().median
        });
        assert_eq!(medians, [5.0, 98.0]);
    }

    #[test]
    fn session_cells_call_their_function_and_the_previous_one() {
        assert_eq!(session_cell(0), "fn f0(n: i64) -> i64:\n    return n\n");
        assert_eq!(
            session_cell(5),
            "fn f5(n: i64) -> i64:\n    return n + 5\n\nf5(1) + f4(1)\n"
        );
        assert_eq!(Settings::new(3).reps, 3 * CELLS_PER_REP);
        assert_eq!(Settings::new(0).session_cells, SESSION_CELLS);
    }

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
        let case = |name: &str, measurements| Case {
            name: name.into(),
            measurements,
            failure: None,
        };
        let mut failed = case("broken", Vec::new());
        failed.failure = Some("cell failed".into());
        let results = Results {
            figures: vec![
                Figure {
                    case: case(
                        "trivial",
                        vec![measurement("cell", &[0.2]), measurement("rustc", &[0.1])],
                    ),
                    target: 1.5,
                },
                Figure {
                    case: failed,
                    target: 1.5,
                },
            ],
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
