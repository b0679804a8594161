//! The report as two SVG charts, so a reader sees at a glance where the
//! time goes: `cells.svg`, the latency of each cell of the long session
//! (Keyton, bare rustc of the same cells, evcxr); and `imports.svg`, the
//! crate and script cases (cold, warm, sccache on and off, evcxr) as bars
//! on a log scale. Drawn with plotters' SVG backend, which writes text as
//! SVG text: no font is read or rendered.

use crate::figure::Figure;
use crate::measure::Summary;
use crate::report::Report;
use plotters::prelude::*;
use std::path::Path;

/// One bar of `imports.svg`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The case and what was timed, e.g. `cold rimport reqwest, sccache on`.
    pub label: String,
    /// `keyton` or `evcxr`.
    pub tool: &'static str,
    pub seconds: Summary,
}

/// The cases `imports.svg` shows, by figure name prefix.
const IMPORT_CASES: [&str; 4] = [
    "cold `rimport",
    "restart + `rimport",
    "warm reqwest",
    "`keyton run`",
];

/// Draw `cells.svg` and `imports.svg` of `report` into `dir`.
pub fn draw(report: &Report, dir: &Path) -> Result<(), String> {
    let caption = format!("{}, {}", report.date, report.machine);
    cells(report, &dir.join("cells.svg"), &caption).map_err(|e| format!("cells.svg: {e}"))?;
    let bars = import_bars(report);
    imports(&bars, &dir.join("imports.svg"), &caption).map_err(|e| format!("imports.svg: {e}"))
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Latency (ms) against cell number.
fn cells(report: &Report, path: &Path, caption: &str) -> Drawn {
    let curves = &report.curves;
    let ms = |s: f64| 1e3 * s;
    let keyton: Vec<(f64, f64)> = numbered(&curves.keyton.cells);
    let rustc: Vec<(f64, f64)> = (curves.keyton.rustc.iter())
        .map(|&(cell, s)| (cell as f64, ms(s)))
        .collect();
    let evcxr = numbered(&curves.evcxr);
    let all = keyton.iter().chain(&rustc).chain(&evcxr);
    let top = scale_top(all.map(|&(_, y)| y).collect());
    let last = keyton.len().max(evcxr.len()).max(1) as f64;
    let root = SVGBackend::new(path, (960, 540)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("cell latency along one session ({caption})"),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..last + 1.0, 0.0..top)?;
    chart
        .configure_mesh()
        .x_desc("cell")
        .y_desc("ms")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .light_line_style(WHITE)
        .draw()?;
    let series = [("keyton cell", &keyton, BLUE), ("evcxr cell", &evcxr, RED)];
    for (label, points, color) in series {
        if points.is_empty() {
            continue;
        }
        chart
            .draw_series(LineSeries::new(points.iter().copied(), color))?
            .label(label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color));
    }
    chart
        .draw_series(
            rustc
                .iter()
                .map(|&point| Circle::new(point, 3, BLACK.filled())),
        )?
        .label("bare rustc of the keyton cell")
        .legend(|(x, y)| Circle::new((x + 10, y), 3, BLACK.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE)
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

/// (cell number, ms) of per-cell seconds.
fn numbered(seconds: &[f64]) -> Vec<(f64, f64)> {
    (seconds.iter().enumerate())
        .map(|(i, s)| ((i + 1) as f64, 1e3 * s))
        .collect()
}

/// The top of a linear axis for `values`: above all of them, but not
/// stretched by one outlier (a cell another process slowed down) beyond
/// twice the 95th percentile.
fn scale_top(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let Some(&max) = values.last() else {
        return 1.0;
    };
    let p95 = values[(values.len() - 1) * 95 / 100];
    max.min(2.0 * p95) * 1.1
}

/// The bars of `imports.svg`: every measurement of the crate and script
/// cases, Keyton's then evcxr's.
pub fn import_bars(report: &Report) -> Vec<Bar> {
    let shown = |figure: &&Figure| {
        let name = &figure.case.name;
        IMPORT_CASES.iter().any(|prefix| name.starts_with(prefix))
    };
    let figures = report
        .sections
        .iter()
        .flat_map(|s| &s.figures)
        .filter(shown);
    let mut bars = Vec::new();
    for figure in figures {
        for measurement in &figure.case.measurements {
            if let Some(seconds) = measurement.summary() {
                let label = format!(
                    "{}, {}",
                    figure.case.name.replace('`', ""),
                    measurement.label
                );
                bars.push(Bar {
                    label,
                    tool: "keyton",
                    seconds,
                });
            }
        }
    }
    for row in &report.evcxr.rows {
        let shown = IMPORT_CASES
            .iter()
            .any(|prefix| row.case.starts_with(prefix));
        if let (true, Some(seconds)) = (shown, row.evcxr) {
            let label = format!(
                "{} (evcxr)",
                row.case
                    .replace("rimport reqwest", ":dep reqwest")
                    .replace('`', "")
            );
            bars.push(Bar {
                label,
                tool: "evcxr",
                seconds,
            });
        }
    }
    bars
}

/// Horizontal bars (median, with a min-max line) on a log scale of
/// seconds, each labelled with its case and median.
fn imports(bars: &[Bar], path: &Path, caption: &str) -> Drawn {
    let high = bars.iter().map(|b| b.seconds.max).fold(1.0, f64::max) * 20.0;
    let low = bars.iter().map(|b| b.seconds.min).fold(1.0, f64::min) / 2.0;
    let height = 120 + 36 * bars.len().max(1) as u32;
    let root = SVGBackend::new(path, (960, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let rows = bars.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("crates and scripts, seconds: blue keyton, red evcxr ({caption})"),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(10)
        .build_cartesian_2d((low..high).log_scale(), -0.5..rows - 0.5)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .light_line_style(WHITE)
        .x_desc("seconds (log scale)")
        .draw()?;
    for (i, bar) in bars.iter().enumerate() {
        // The first bar at the top.
        let y = rows - 1.0 - i as f64;
        let color = if bar.tool == "evcxr" { RED } else { BLUE };
        let s = bar.seconds;
        chart.draw_series([Rectangle::new(
            [(low, y - 0.3), (s.median, y + 0.3)],
            color.mix(0.6).filled(),
        )])?;
        chart.draw_series([PathElement::new(vec![(s.min, y), (s.max, y)], BLACK)])?;
        let text = format!("{}: {:.3} s", bar.label, s.median);
        chart.draw_series([Text::new(
            text,
            (s.max * 1.15, y + 0.15),
            ("sans-serif", 13),
        )])?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Target, figure};
    use crate::measure::Measurement;
    use crate::report::{Row, Section};

    #[test]
    fn the_charts_are_svg_with_every_series_and_bar() {
        let mut report = Report::default();
        let cold = vec![
            Measurement::of("sccache on", &[20.0]),
            Measurement::of("sccache off", &[80.0, 90.0]),
        ];
        report.sections.push(Section {
            group: "rimport".into(),
            text: String::new(),
            figures: vec![
                figure("cold `rimport reqwest`", Ok(cold), Target::None),
                figure(
                    "loop of 10^8 counter.mix",
                    Ok(vec![Measurement::of("keyton build", &[0.1])]),
                    Target::None,
                ),
            ],
        });
        report.curves.keyton.cells = vec![0.08, 0.07, 0.09];
        report.curves.keyton.rustc = vec![(1, 0.07)];
        report.curves.evcxr = vec![0.2, 0.25];
        report.evcxr.rows.push(Row {
            case: "restart + `rimport reqwest`".into(),
            keyton_label: "start + cell".into(),
            keyton: None,
            evcxr: Summary::of(&[1.5]),
        });
        let bars = import_bars(&report);
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "cold rimport reqwest, sccache on",
                "cold rimport reqwest, sccache off",
                "restart + :dep reqwest (evcxr)"
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        draw(&report, dir.path()).unwrap();
        let cells = std::fs::read_to_string(dir.path().join("cells.svg")).unwrap();
        assert!(cells.starts_with("<svg") && cells.trim_end().ends_with("</svg>"));
        for series in [
            "keyton cell",
            "evcxr cell",
            "bare rustc of the keyton cell",
            "<polyline",
            "<circle",
        ] {
            assert!(cells.contains(series), "{series} missing from cells.svg");
        }
        let imports = std::fs::read_to_string(dir.path().join("imports.svg")).unwrap();
        assert!(imports.starts_with("<svg") && imports.trim_end().ends_with("</svg>"));
        for label in [
            "cold rimport reqwest, sccache off: 85.000 s",
            "restart + :dep reqwest (evcxr): 1.500 s",
        ] {
            assert!(imports.contains(label), "{label} missing from imports.svg");
        }
    }

    #[test]
    fn one_slow_cell_does_not_squash_the_curve() {
        let mut values = vec![0.1; 99];
        values.push(5.0);
        assert!((scale_top(values) - 0.22).abs() < 1e-9);
        assert!((scale_top(vec![1.0, 2.0]) - 2.2).abs() < 1e-9);
        assert_eq!(scale_top(Vec::new()), 1.0);
    }
}
