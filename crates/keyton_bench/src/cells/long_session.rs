//! The long session of the group `cells`: [`SESSION_CELLS`] cells, each
//! defining a function and calling it and the previous cell's. Every cell
//! is timed (the latency curve `cells.svg` plots), bare rustc of every
//! [`RUSTC_EVERY`]th cell gives the floor beside it, and two windows give
//! the growth ratio: cells 3-7 against the last five.

use super::{Sample, run_cell, time_rustc};
use crate::measure::Measurement;
use keyton_session::Session;
use serde::{Deserialize, Serialize};
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::Path;
use std::process::Command;

/// Cells of the long session, with `--quick` too: the goal is about cell
/// 200 against cell 5.
pub const SESSION_CELLS: usize = 200;
/// Bare rustc runs again every this many cells for the curve.
pub const RUSTC_EVERY: usize = 10;
/// The cells (1-based, inclusive) the early window covers.
const EARLY: (usize, usize) = (3, 7);

/// The latency of every cell of a session, and the floor at some of them:
/// what `cells.svg` plots and `bench.json` holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curve {
    /// Seconds of cell 1, 2, ... in order.
    pub cells: Vec<f64>,
    /// (cell number, seconds) of bare rustc of that cell's generated file.
    pub rustc: Vec<(usize, f64)>,
}

/// What the long session measured.
pub(crate) struct LongSession {
    pub samples: Vec<Sample>,
    /// Bare rustc of the late window's cells and of the early window's.
    pub rustc: [Measurement; 2],
    pub curve: Curve,
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

/// The rustc call that built the session's last cell, writing into `work`
/// instead.
pub(crate) fn last_rustc(session: &Session, work: &Path) -> Result<Command, String> {
    let library = work.join(format!("{DLL_PREFIX}bare{DLL_SUFFIX}"));
    (session.last_rustc(&library)).ok_or_else(|| "the session built no cell".into())
}

/// The `cells` cells of the long session; bare rustc of every
/// [`RUSTC_EVERY`]th; and bare rustc of its late window's cells and of its
/// early window's, taking turns `rounds` times each during the late window
/// (the late cell's first every other time), so noise slows both alike.
pub(crate) fn run(
    session: &mut Session,
    cells: usize,
    rounds: usize,
    work: &Path,
) -> Result<LongSession, String> {
    let [early, late] = windows(cells);
    let mut rustc = [late, early].map(|(a, b)| Measurement::new(format!("rustc {a}-{b}")));
    let mut early_rustc = Vec::new();
    let mut samples = Vec::new();
    let mut curve = Curve::default();
    for k in 0..cells {
        let sample = run_cell(session, &session_cell(k))?;
        samples.push(sample);
        curve.cells.push(sample.execute);
        let cell = k + 1;
        if cell % RUSTC_EVERY == 0 || cell == 1 {
            let seconds = time_rustc(&mut last_rustc(session, work)?)?;
            curve.rustc.push((cell, seconds));
        }
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
    Ok(LongSession {
        samples,
        rustc,
        curve,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Summary;

    #[test]
    fn windows_are_cells_3_to_7_and_the_last_five() {
        assert_eq!(windows(200), [(3, 7), (196, 200)]);
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
    }
}
