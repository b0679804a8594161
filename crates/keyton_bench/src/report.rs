//! The whole run as data: every group's figures, the long session's
//! latency curves, and Keyton beside evcxr. `keyton bench` prints it as
//! tables and writes it as `bench.json` (this structure, with serde) and
//! as charts ([`crate::plot`]) into its output directory.

use crate::cells::{Curve, window, windows};
use crate::evcxr;
use crate::figure::Figure;
use crate::measure::{Measurement, Summary};
use crate::table::{self, Align, Table};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One run of `keyton bench`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// `YYYY-MM-DD HH:MM UTC`.
    pub date: String,
    pub machine: String,
    pub toolchain: String,
    /// The one-minute load average at the start and at the end.
    pub load_average: [Option<f64>; 2],
    pub quick: bool,
    pub sections: Vec<Section>,
    /// The long session's cells, in Keyton (and evcxr).
    pub curves: Curves,
    /// Keyton beside evcxr, case by case.
    pub evcxr: Comparison,
}

/// The figures of one group of cases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The group: `runtime`, `cells`, `rimport`, `run`.
    pub group: String,
    pub figures: Vec<Figure>,
    /// The tables printed for it.
    pub text: String,
}

/// Every cell of the long session: Keyton's cells and their bare rustc,
/// and evcxr's cells when it ran.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curves {
    pub keyton: Curve,
    pub evcxr: Vec<f64>,
}

/// Keyton beside evcxr: the evcxr found, or why there are no rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The `evcxr` executable that ran, if one was found.
    pub evcxr: Option<String>,
    /// Why it did not run (not installed, not asked for).
    pub note: Option<String>,
    pub rows: Vec<Row>,
}

/// One case in both tools.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub case: String,
    /// What the Keyton figure is (which measurement, which cells).
    pub keyton_label: String,
    pub keyton: Option<Summary>,
    pub evcxr: Option<Summary>,
}

impl Row {
    /// Keyton's median over evcxr's.
    pub fn ratio(&self) -> Option<f64> {
        Some(self.keyton?.median / self.evcxr?.median)
    }
}

impl Report {
    /// The figure named `case` of any section.
    fn figure(&self, case: &str) -> Option<&Figure> {
        let mut figures = self.sections.iter().flat_map(|s| &s.figures);
        figures.find(|f| f.case.name == case && f.case.failure.is_none())
    }

    /// The comparison's rows: each evcxr case beside the Keyton case of
    /// the same name (its measurement of the same label, e.g. `sccache
    /// off`, else its first); the last five cells of evcxr's long session
    /// beside the same cells of Keyton's.
    pub fn compare(&mut self, evcxr: &evcxr::Results) {
        let mut rows = Vec::new();
        for Figure { case, .. } in &evcxr.figures {
            let theirs = case.measurements.first();
            let ours: Option<(String, Measurement)> = if case.name == evcxr::LONG_SESSION {
                // The same cells in both: evcxr's session may be shorter.
                let late = windows(evcxr.curve.len())[1];
                let mut cells = Measurement::new(format!("cells {}-{}", late.0, late.1));
                cells.seconds = window(&self.curves.keyton.cells, late).to_vec();
                Some((cells.label.clone(), cells))
            } else {
                self.figure(&case.name).and_then(|figure| {
                    let measurements = &figure.case.measurements;
                    let label = theirs.map(|m| m.label.as_str());
                    let same = measurements
                        .iter()
                        .find(|m| Some(m.label.as_str()) == label);
                    same.or(measurements.first())
                        .map(|m| (m.label.clone(), m.clone()))
                })
            };
            rows.push(Row {
                case: case.name.clone(),
                keyton_label: ours.as_ref().map_or_else(String::new, |(l, _)| l.clone()),
                keyton: ours.and_then(|(_, m)| m.summary()),
                evcxr: theirs.and_then(Measurement::summary),
            });
        }
        self.evcxr.rows = rows;
        self.curves.evcxr = evcxr.curve.clone();
    }

    /// The comparison as a table, or the line saying why there is none.
    pub fn comparison_table(&self) -> String {
        if let Some(note) = &self.evcxr.note {
            return format!("{note}\n");
        }
        let mut table = Table::new(&[
            ("case", Align::Left),
            ("keyton", Align::Left),
            ("keyton s", Align::Right),
            ("evcxr s", Align::Right),
            ("keyton/evcxr", Align::Right),
        ]);
        let seconds =
            |s: Option<Summary>| s.map_or_else(|| "FAILED".into(), |s| table::seconds(&s));
        for row in &self.evcxr.rows {
            table.row(vec![
                row.case.clone(),
                row.keyton_label.clone(),
                seconds(row.keyton),
                seconds(row.evcxr),
                row.ratio().map_or_else(String::new, table::ratio),
            ]);
        }
        table.render()
    }

    /// Write `bench.json` into `dir`.
    pub fn write_json(&self, dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(dir.join("bench.json"), json + "\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Target, figure};

    #[test]
    fn evcxr_cases_are_set_beside_the_keyton_ones_of_the_same_name() {
        let mut report = Report::default();
        let cold = Ok(vec![
            Measurement::of("sccache on", &[20.0]),
            Measurement::of("sccache off", &[80.0]),
        ]);
        report.sections.push(Section {
            group: "rimport".into(),
            text: String::new(),
            figures: vec![
                figure("cold `rimport reqwest`", cold, Target::None),
                figure(
                    "warm reqwest call",
                    Ok(vec![Measurement::of("cell", &[0.1])]),
                    Target::None,
                ),
            ],
        });
        report.curves.keyton.cells = (1..=10).map(|c| c as f64).collect();
        let evcxr = evcxr::Results {
            figures: vec![
                figure(
                    "cold `rimport reqwest`",
                    Ok(vec![Measurement::of("sccache off", &[160.0])]),
                    Target::None,
                ),
                figure(
                    "warm reqwest call",
                    Err("evcxr exited".into()),
                    Target::None,
                ),
                figure(
                    evcxr::LONG_SESSION,
                    Ok(vec![Measurement::of("evcxr", &[4.0])]),
                    Target::None,
                ),
            ],
            curve: vec![0.3; 8],
        };
        report.compare(&evcxr);
        let rows = &report.evcxr.rows;
        assert_eq!(rows[0].keyton_label, "sccache off");
        assert_eq!(rows[0].ratio(), Some(0.5));
        assert_eq!(rows[1].evcxr, None);
        // evcxr's session had 8 cells: Keyton's cells 4-8 beside its own.
        assert_eq!(rows[2].keyton_label, "cells 4-8");
        assert_eq!(rows[2].ratio(), Some(1.5));
        assert_eq!(report.curves.evcxr.len(), 8);
        let table = report.comparison_table();
        assert!(
            table.contains("0.50") && table.contains("FAILED"),
            "{table}"
        );
        report.evcxr.note = Some("evcxr: not found".into());
        assert_eq!(report.comparison_table(), "evcxr: not found\n");
    }

    #[test]
    fn the_json_holds_the_whole_report() {
        let mut report = Report {
            date: "2026-12-01 17:00 UTC".into(),
            quick: true,
            ..Report::default()
        };
        report.sections.push(Section {
            group: "cells".into(),
            text: "case ...\n".into(),
            figures: vec![figure(
                "warm `1 + 1`",
                Ok(vec![Measurement::of("cell", &[0.1, 0.2])]),
                Target::Ratio(1.5),
            )],
        });
        report.curves.keyton.rustc = vec![(10, 0.09)];
        let dir = tempfile::tempdir().unwrap();
        report.write_json(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join("bench.json")).unwrap();
        let read: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(read, report);
    }
}
