//! What a benchmark records, whatever it measures: a [`Case`] holds one
//! [`Measurement`] per variant (Keyton, Rust by hand, another tool), each the
//! wall-clock seconds of every repetition. Reports use medians, with min and
//! max beside them, because the machines this runs on are shared: the median
//! shrugs off a repetition that another process slowed down, and the spread
//! shows how noisy the run was. Ratios of medians are summarised by their
//! geometric mean, the mean that treats 2x faster and 2x slower alike.

use serde::{Deserialize, Serialize};
use std::io;
use std::process::{Command, ExitStatus, Stdio};
use std::time::Instant;

/// The repetitions of one variant of a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// What was run, e.g. `keyton` or `rust -O`.
    pub label: String,
    /// Wall-clock seconds, one per repetition, in the order they ran.
    pub seconds: Vec<f64>,
}

impl Measurement {
    pub fn new(label: impl Into<String>) -> Measurement {
        Measurement {
            label: label.into(),
            seconds: Vec::new(),
        }
    }

    /// A measurement of the given repetitions (for tests of what is made
    /// of measurements: tables, charts, JSON).
    #[cfg(test)]
    pub fn of(label: &str, seconds: &[f64]) -> Measurement {
        Measurement {
            label: label.to_string(),
            seconds: seconds.to_vec(),
        }
    }

    /// Median, min and max of the repetitions; `None` before the first.
    pub fn summary(&self) -> Option<Summary> {
        Summary::of(&self.seconds)
    }
}

/// One benchmark case: its variants' measurements, or why it could not be
/// measured (a build failed, an output was wrong).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub name: String,
    pub measurements: Vec<Measurement>,
    pub failure: Option<String>,
}

impl Case {
    /// A case of `measured`'s measurements, or failed for its reason.
    pub fn new(name: impl Into<String>, measured: Result<Vec<Measurement>, String>) -> Case {
        let (measurements, failure) = match measured {
            Ok(measurements) => (measurements, None),
            Err(reason) => (Vec::new(), Some(reason)),
        };
        Case {
            name: name.into(),
            measurements,
            failure,
        }
    }

    /// The median of measurement `numerator` over that of `denominator`;
    /// `None` if the case failed or either has no repetitions.
    pub fn ratio(&self, numerator: usize, denominator: usize) -> Option<f64> {
        if self.failure.is_some() {
            return None;
        }
        let top = self.measurements.get(numerator)?.summary()?.median;
        let bottom = self.measurements.get(denominator)?.summary()?.median;
        Some(top / bottom)
    }
}

/// Median, min and max of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// `None` for no samples. An even count's median is the mean of the two
    /// middle samples.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let (&min, &max) = (sorted.first()?, sorted.last()?);
        let mid = sorted.len() / 2;
        let median = if sorted.len() % 2 == 1 {
            sorted[mid]
        } else {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        };
        Some(Summary { median, min, max })
    }
}

/// The geometric mean of positive values; `None` if there are none.
pub fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

/// Run `command` to completion with no input and its output thrown away;
/// its wall-clock seconds (spawn to exit) and how it ended.
pub fn time_run(command: &mut Command) -> io::Result<(f64, ExitStatus)> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let status = command.status()?;
    Ok((start.elapsed().as_secs_f64(), status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_take_the_middle_and_the_extremes() {
        let odd = Summary::of(&[3.0, 1.0, 2.0, 10.0, 0.5]).unwrap();
        assert_eq!(
            odd,
            Summary {
                median: 2.0,
                min: 0.5,
                max: 10.0
            }
        );
        let even = Summary::of(&[4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!((even.median, even.min, even.max), (2.5, 1.0, 4.0));
        let one = Summary::of(&[7.0]).unwrap();
        assert_eq!((one.median, one.min, one.max), (7.0, 7.0, 7.0));
        assert_eq!(Summary::of(&[]), None);
    }

    #[test]
    fn the_geometric_mean_treats_faster_and_slower_alike() {
        assert_eq!(geometric_mean(&[]), None);
        let even = geometric_mean(&[2.0, 0.5]).unwrap();
        assert!((even - 1.0).abs() < 1e-12);
        let mean = geometric_mean(&[1.0, 2.0, 4.0]).unwrap();
        assert!((mean - 2.0).abs() < 1e-12);
    }

    #[test]
    fn ratios_are_of_medians_and_absent_for_failed_cases() {
        let mut keyton = Measurement::new("keyton");
        keyton.seconds = vec![1.1, 5.0, 1.0];
        let mut rust = Measurement::new("rust");
        rust.seconds = vec![0.5, 0.4, 0.6];
        let mut case = Case {
            name: "loops".into(),
            measurements: vec![keyton, rust, Measurement::new("none")],
            failure: None,
        };
        assert!((case.ratio(0, 1).unwrap() - 2.2).abs() < 1e-12);
        assert_eq!(case.ratio(0, 2), None); // no repetitions
        assert_eq!(case.ratio(0, 3), None); // no such measurement
        case.failure = Some("outputs differ".into());
        assert_eq!(case.ratio(0, 1), None);
    }

    #[test]
    fn time_run_reports_the_exit_status() {
        // Only the status is checked: timings are never asserted on.
        let (seconds, status) = time_run(Command::new("rustc").arg("-V")).unwrap();
        assert!(status.success() && seconds >= 0.0);
        assert!(time_run(&mut Command::new("/nonexistent/program")).is_err());
    }
}
