//! Plain-text tables for benchmark reports: aligned columns that read well
//! in a terminal and paste unchanged into a README code block. Each group
//! of cases fills one; the cell formats for seconds and ratios live here so
//! every group shows them alike.

use crate::measure::Summary;

/// How a column's cells line up: names to the left, numbers to the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Clone, Debug)]
enum Line {
    Cells(Vec<String>),
    Rule,
}

/// A table built row by row, then rendered as text.
#[derive(Clone, Debug)]
pub struct Table {
    headers: Vec<(String, Align)>,
    lines: Vec<Line>,
}

/// Space between two columns.
const GAP: &str = "  ";

impl Table {
    pub fn new(headers: &[(&str, Align)]) -> Table {
        Table {
            headers: headers.iter().map(|&(h, a)| (h.to_string(), a)).collect(),
            lines: Vec::new(),
        }
    }

    /// Add a row; missing trailing cells are blank, extra ones are dropped.
    pub fn row(&mut self, cells: Vec<String>) {
        self.lines.push(Line::Cells(cells));
    }

    /// Add a rule (a line of dashes under each column), e.g. before a total.
    pub fn rule(&mut self) {
        self.lines.push(Line::Rule);
    }

    /// The table as text: the headers, a rule, then the rows, each line
    /// ending in a newline and without trailing spaces.
    pub fn render(&self) -> String {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                let cells = self.lines.iter().filter_map(|line| match line {
                    Line::Cells(cells) => cells.get(i),
                    Line::Rule => None,
                });
                cells
                    .chain([&self.headers[i].0])
                    .map(|c| c.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let headers: Vec<String> = self.headers.iter().map(|(h, _)| h.clone()).collect();
        let mut out = String::new();
        for line in [Line::Cells(headers), Line::Rule].iter().chain(&self.lines) {
            let cells = self.headers.iter().zip(&widths).enumerate();
            let text: Vec<String> = cells
                .map(|(i, ((_, align), &width))| match line {
                    Line::Rule => "-".repeat(width),
                    Line::Cells(cells) => {
                        let cell = cells.get(i).map_or("", String::as_str);
                        match align {
                            Align::Left => format!("{cell:<width$}"),
                            Align::Right => format!("{cell:>width$}"),
                        }
                    }
                })
                .collect();
            out.push_str(text.join(GAP).trim_end());
            out.push('\n');
        }
        out
    }
}

/// Seconds as `median (min-max)`, to the millisecond.
pub fn seconds(summary: &Summary) -> String {
    format!(
        "{:.3} ({:.3}-{:.3})",
        summary.median, summary.min, summary.max
    )
}

/// Seconds as milliseconds `median (min-max)`, to a tenth: for the phases
/// of a cell, some of which take well under a millisecond.
pub fn millis(summary: &Summary) -> String {
    format!(
        "{:.1} ({:.1}-{:.1})",
        1e3 * summary.median,
        1e3 * summary.min,
        1e3 * summary.max
    )
}

/// A ratio to two decimals.
pub fn ratio(value: f64) -> String {
    format!("{value:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_aligned_with_a_rule_under_the_headers() {
        let mut table = Table::new(&[("case", Align::Left), ("time", Align::Right)]);
        table.row(vec!["loops".into(), "1.000".into()]);
        table.row(vec!["x".into(), "12.5".into()]);
        table.rule();
        table.row(vec!["all".into()]);
        let expected = "\
case    time
-----  -----
loops  1.000
x       12.5
-----  -----
all
";
        assert_eq!(table.render(), expected);
    }

    #[test]
    fn headers_wider_than_cells_set_the_width_and_extra_cells_are_dropped() {
        let mut table = Table::new(&[("ratio", Align::Right), ("name", Align::Left)]);
        table.row(vec!["1.05".into(), "ü".into(), "dropped".into()]);
        assert_eq!(table.render(), "ratio  name\n-----  ----\n 1.05  ü\n");
    }

    #[test]
    fn seconds_and_ratios_have_fixed_precision() {
        let summary = Summary {
            median: 1.23456,
            min: 1.2,
            max: 10.0,
        };
        assert_eq!(seconds(&summary), "1.235 (1.200-10.000)");
        assert_eq!(millis(&summary), "1234.6 (1200.0-10000.0)");
        assert_eq!(ratio(1.0), "1.00");
        assert_eq!(ratio(1.104), "1.10");
    }
}
