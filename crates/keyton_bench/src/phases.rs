//! Where the time of a cell goes, phase by phase (parse and check, codegen,
//! rustc, load, run, and what `execute` spent outside them), so a
//! regression points at its phase: the table both session groups print.

use crate::cells::Sample;
use crate::measure::Summary;
use crate::table::{self, Align, Table};

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

/// Each phase's median (min-max) in milliseconds per column; the share of
/// the first column's median cell; the last column's median over the one
/// before it (the long session's growth, phase by phase).
pub fn phase_table(columns: &[(String, Vec<Sample>)]) -> String {
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
