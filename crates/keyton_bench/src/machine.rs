//! Where and when a benchmark ran, printed above its results: timings mean
//! little without the machine (CPUs, CPU model), the compiler and the date
//! beside them, and runs are compared across days.

use std::time::{SystemTime, UNIX_EPOCH};

/// The machine a benchmark runs on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Machine {
    /// The CPUs this process may use (what `nproc` prints).
    pub cpus: usize,
    /// The CPU model from `/proc/cpuinfo`, if there is one.
    pub cpu_model: Option<String>,
}

impl Machine {
    pub fn detect() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        Machine {
            cpus: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model: cpu_model(&cpuinfo),
        }
    }

    /// One line: `2 CPUs, <model>`.
    pub fn describe(&self) -> String {
        let model = self.cpu_model.as_deref().unwrap_or("unknown CPU model");
        let plural = if self.cpus == 1 { "" } else { "s" };
        format!("{} CPU{plural}, {model}", self.cpus)
    }
}

/// The load average over the last minute (`/proc/loadavg`), if known: on
/// a shared machine, what else was running says how far to trust a run.
pub fn load_average() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    parse_load_average(&text)
}

/// The first field of a `/proc/loadavg` text.
fn parse_load_average(text: &str) -> Option<f64> {
    text.split_whitespace().next()?.parse().ok()
}

/// The first `model name` of a `/proc/cpuinfo` text.
fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == "model name").then(|| value.trim().to_string())
    })
}

/// The current time in UTC, as `YYYY-MM-DD HH:MM UTC`.
pub fn now_utc() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_utc(seconds)
}

/// Seconds since the Unix epoch as `YYYY-MM-DD HH:MM UTC`.
fn format_utc(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let minutes = seconds % 86_400 / 60;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// Days since 1970-01-01 to a (year, month, day) of the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`): the date without a
/// dependency for it.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year, from March 1
    let mp = (5 * doy + 2) / 153; // month, from March = 0
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_model_is_the_first_model_name() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n";
        assert_eq!(
            cpu_model(cpuinfo).as_deref(),
            Some("Intel(R) Xeon(R) CPU @ 2.20GHz")
        );
        assert_eq!(cpu_model("processor : 0\n"), None);
    }

    #[test]
    fn the_load_average_is_the_first_field() {
        assert_eq!(
            parse_load_average("3.91 6.36 7.71 2/125 23967\n"),
            Some(3.91)
        );
        assert_eq!(parse_load_average(""), None);
    }

    #[test]
    fn machines_are_described_in_one_line() {
        let machine = Machine {
            cpus: 2,
            cpu_model: Some("AMD EPYC".into()),
        };
        assert_eq!(machine.describe(), "2 CPUs, AMD EPYC");
        let machine = Machine {
            cpus: 1,
            cpu_model: None,
        };
        assert_eq!(machine.describe(), "1 CPU, unknown CPU model");
        assert!(Machine::detect().cpus >= 1);
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(format_utc(1_709_210_096), "2024-02-29 12:34 UTC");
        assert_eq!(format_utc(1_767_225_599), "2025-12-31 23:59 UTC");
        assert_eq!(now_utc().len(), "YYYY-MM-DD HH:MM UTC".len());
    }
}
