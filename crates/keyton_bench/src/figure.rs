//! A case with what it is held against, and the table every group of
//! cases reports in: each case's timed variant against its baseline, their
//! ratio and the target, then a line naming the cases over their targets.

use crate::measure::{Case, Measurement};
use crate::table::{self, Align, Table};
use serde::{Deserialize, Serialize};

/// What a case's figures are held against.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Target {
    /// Nothing: shown for information.
    None,
    /// The median of the first measurement, at most these seconds.
    Seconds(f64),
    /// The first median over the second, at most this.
    Ratio(f64),
}

impl Target {
    /// How the table shows it.
    pub fn text(self) -> String {
        match self {
            Target::None => String::new(),
            Target::Seconds(s) => format!("<= {s:.3} s"),
            Target::Ratio(r) => format!("<= {}", table::ratio(r)),
        }
    }

    /// The figure over the target (three decimals), if `case` misses it.
    pub fn missed(self, case: &Case) -> Option<String> {
        let (value, limit) = match self {
            Target::None => return None,
            Target::Seconds(limit) => (case.measurements.first()?.summary()?.median, limit),
            Target::Ratio(limit) => (case.ratio(0, 1)?, limit),
        };
        (value > limit).then(|| format!("{value:.3}"))
    }
}

/// A case and its target; a `note` stands in for a missing measurement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub case: Case,
    pub target: Target,
    pub note: Option<String>,
}

/// A figure (said on stderr if it failed).
pub fn figure(name: &str, measured: Result<Vec<Measurement>, String>, target: Target) -> Figure {
    if let Err(reason) = &measured {
        eprintln!("error: case `{name}` FAILED: {reason}");
    }
    Figure {
        case: Case::new(name, measured),
        target,
        note: None,
    }
}

/// The table of `figures`: each case's first two measurements (or the
/// note standing in for the second), their ratio and the target; then a
/// line naming the cases over their targets.
pub fn figure_table(figures: &[Figure]) -> String {
    let mut table = Table::new(&[
        ("case", Align::Left),
        ("timed", Align::Left),
        ("s", Align::Right),
        ("against", Align::Left),
        ("s", Align::Right),
        ("ratio", Align::Right),
        ("target", Align::Right),
    ]);
    let mut over = Vec::new();
    for Figure { case, target, note } in figures {
        let mut cells = vec![case.name.clone()];
        if case.failure.is_some() {
            cells.push("FAILED".into());
            table.row(cells);
            continue;
        }
        for measurement in case.measurements.iter().take(2) {
            cells.push(measurement.label.clone());
            cells.push(
                measurement
                    .summary()
                    .map_or_else(String::new, |s| table::seconds(&s)),
            );
        }
        if case.measurements.len() < 2 {
            cells.push(note.clone().unwrap_or_default());
            cells.push(String::new());
        }
        cells.push(case.ratio(0, 1).map_or_else(String::new, table::ratio));
        cells.push(target.text());
        table.row(cells);
        if let Some(value) = target.missed(case) {
            over.push(format!("{} ({value})", case.name));
        }
    }
    let verdict = if over.is_empty() {
        "every case is within its target".to_string()
    } else {
        format!("over the target: {}", over.join(", "))
    };
    table.render() + &verdict + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, seconds: &[&[f64]]) -> Case {
        let labels = ["a", "b"];
        let measurements = seconds
            .iter()
            .zip(labels)
            .map(|(s, label)| Measurement {
                label: label.into(),
                seconds: s.to_vec(),
            })
            .collect();
        Case::new(name, Ok(measurements))
    }

    #[test]
    fn targets_are_seconds_of_the_first_median_or_a_ratio() {
        let slow = case("slow", &[&[4.0, 2.0, 5.0], &[1.0]]);
        assert_eq!(Target::Seconds(3.0).missed(&slow), Some("4.000".into()));
        assert_eq!(Target::Seconds(4.0).missed(&slow), None);
        assert_eq!(Target::Ratio(1.05).missed(&slow), Some("4.000".into()));
        assert_eq!(Target::None.missed(&slow), None);
        let failed = Case::new("failed", Err("no".into()));
        assert_eq!(Target::Ratio(1.05).missed(&failed), None);
        assert_eq!(Target::Seconds(0.5).text(), "<= 0.500 s");
        assert_eq!(Target::Ratio(1.05).text(), "<= 1.05");
        assert_eq!(Target::None.text(), "");
    }

    #[test]
    fn the_table_shows_targets_notes_and_failures() {
        let figure = |case, target, note: Option<&str>| Figure {
            case,
            target,
            note: note.map(String::from),
        };
        let figures = [
            figure(
                case("cold", &[&[90.0]]),
                Target::None,
                Some("sccache on: not installed"),
            ),
            figure(
                case("restart", &[&[2.0, 4.0, 5.0]]),
                Target::Seconds(3.0),
                None,
            ),
            figure(case("loop", &[&[1.0], &[1.0]]), Target::Ratio(1.05), None),
            figure(Case::new("broken", Err("no".into())), Target::None, None),
        ];
        let expected = "\
case     timed                        s  against                                      s  ratio      target
-------  ------  ----------------------  -------------------------  -------------------  -----  ----------
cold     a       90.000 (90.000-90.000)  sccache on: not installed
restart  a          4.000 (2.000-5.000)                                                         <= 3.000 s
loop     a          1.000 (1.000-1.000)  b                          1.000 (1.000-1.000)   1.00     <= 1.05
broken   FAILED
over the target: restart (4.000)
";
        assert_eq!(figure_table(&figures), expected);
    }
}
