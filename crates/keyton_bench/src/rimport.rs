//! The group `rimport`: what a notebook waits for when it uses a Rust
//! crate, through the real session engine, and what a crate call costs in
//! a loop. The cases:
//!
//! - `cold rimport`: the first `rimport reqwest` into a new, empty cache
//!   (the cell alone; the session start before it, which builds the deps
//!   dylib, is a row of its own), with sccache off and, when it is
//!   installed, on;
//! - `restart + rimport`: a new session on a cache that holds the crate
//!   built (a restarted kernel), timing its start and the `rimport` cell;
//! - `warm call`: a cell calling the crate (reqwest: a GET to a server on
//!   127.0.0.1 this process runs), against bare rustc of its generated file;
//! - `crate call loop`: a script calling `counter::mix` (tests/fixtures)
//!   [`LOOP_CALLS`] times, built by `keyton build`, against the same loop in Rust
//!   built with the same flags against the same rlib.
//!
//! The warm cases take a [`Workload`], so a test can run them on the local
//! fixture crate instead of reqwest.

mod crate_loop;

pub use crate_loop::{loop_rust, loop_script};

use crate::cells::{self, Sample, bare_rustc, executes, new_session, run_cell};
use crate::measure::{Case, Measurement};
use crate::table;
use keyton_compiler::Cache;
use keyton_session::Session;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Session start and `rimport` cell after a restart, in seconds.
pub const RESTART_TARGET: f64 = 3.0;
/// A warm cell calling the crate, in seconds.
pub const CALL_TARGET: f64 = 0.5;
/// The Keyton loop over the Rust one.
pub const LOOP_TARGET: f64 = 1.05;
/// Crate calls of the loop case: 10^8, about 0.1 s a run here (10^7
/// runs in 10 ms, where a process's start and the machine's noise are a
/// few percent, as large as the target).
pub const LOOP_CALLS: u64 = 100_000_000;

/// What a case's figures are held against.
#[derive(Clone, Copy, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub case: Case,
    pub target: Target,
    pub note: Option<String>,
}

/// The crate the cases import and the cell that calls it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    /// The `rimport` cell.
    pub import: String,
    /// Cells between the import and the timed calls (making a client).
    pub setup: String,
    /// The timed cell.
    pub call: String,
}

impl Workload {
    /// reqwest, a GET to the server on 127.0.0.1:`port` (see [`serve`]).
    pub fn reqwest(port: u16) -> Workload {
        Workload {
            import: "rimport reqwest".into(),
            setup: "from reqwest rimport Client\nclient = Client.new()\n".into(),
            call: format!("client.get(\"http://127.0.0.1:{port}/\").send().status().as_u16()"),
        }
    }

    /// The local fixture crate `counter`: quick to build, for tests.
    pub fn counter() -> Workload {
        Workload {
            import: format!(
                "rimport counter @ {:?}",
                counter_dir().display().to_string()
            ),
            setup: "x = 41\n".into(),
            call: "counter.mix(x)".into(),
        }
    }

    /// The crate's name, as the table shows it (`reqwest`).
    pub fn name(&self) -> &str {
        let rest = self.import.trim_start_matches("rimport").trim_start();
        rest.split([' ', '[']).next().unwrap_or(rest)
    }
}

/// How much the group measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Restarts, and runs of each loop build.
    pub reps: usize,
    /// Timed cells of the warm call.
    pub cells: usize,
    /// Cold imports for each sccache setting (0: no cold case).
    pub cold_runs: usize,
    pub workload: Workload,
    /// Crate calls of the loop case.
    pub loop_calls: u64,
}

/// Everything the group measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub figures: Vec<Figure>,
    /// The warm call's cells, phase by phase.
    pub calls: Vec<Sample>,
}

/// `tests/fixtures/counter` of this repository.
pub fn counter_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/counter");
    dir.canonicalize().unwrap_or(dir)
}

/// A server on 127.0.0.1 answering every request `200 OK` with a short
/// body, in a thread of its own; its port.
pub fn serve() -> std::io::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let Ok(mut reader) = stream.try_clone().map(BufReader::new) else {
                continue;
            };
            // The request line and headers, up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let mut stream = stream;
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
        }
    });
    Ok(port)
}

/// The sccache a session would use (see keyton_session's `sccache`), if
/// any: `KEYTON_SCCACHE` unless it turns it off, the default cache's
/// `tools/bin/sccache`, or `sccache` on `PATH`.
pub fn sccache() -> Option<PathBuf> {
    if let Some(chosen) = env::var_os("KEYTON_SCCACHE") {
        return (!(chosen.is_empty() || chosen == "0" || chosen == "off")).then(|| chosen.into());
    }
    let installed = Cache::from_env()
        .ok()
        .map(|c| c.root().join("tools/bin/sccache"));
    let on_path = env::var_os("PATH").into_iter().flat_map(|p| {
        env::split_paths(&p)
            .map(|dir| dir.join("sccache"))
            .collect::<Vec<_>>()
    });
    installed.into_iter().chain(on_path).find(|p| p.is_file())
}

/// Set `KEYTON_SCCACHE` (`None`: unset), which sessions read when they
/// build a layer.
fn set_sccache(value: Option<&OsString>) {
    // SAFETY: `keyton bench` runs one case at a time on its main thread;
    // the only other thread it starts, the HTTP server's, never reads the
    // environment.
    unsafe {
        match value {
            Some(value) => env::set_var("KEYTON_SCCACHE", value),
            None => env::remove_var("KEYTON_SCCACHE"),
        }
    }
}

/// Run the cases: the cold ones in new caches under `work`, the warm ones
/// in the last cold cache (or `cache` without cold cases). Progress and
/// failures go to stderr; a failed case is in the result with its reason.
pub fn run(settings: &Settings, cache: &Cache, work: &Path) -> Results {
    let mut figures = Vec::new();
    let name = settings.workload.name().to_string();
    let mut warm_cache = cache.clone();
    if settings.cold_runs > 0 {
        let (cold, last) = cold(settings, work);
        figures.extend(cold);
        warm_cache = last.unwrap_or(warm_cache);
    }
    eprintln!("rimport: timing {} restarts", settings.reps);
    let restarts = restart(settings, &warm_cache, work);
    figures.push(figure(
        &format!("restart + `rimport {name}`"),
        restarts.map(|m| vec![m]),
        Target::Seconds(RESTART_TARGET),
    ));
    eprintln!("rimport: timing {} warm calls", settings.cells);
    let warm = new_session(&warm_cache, work).and_then(|mut s| warm_calls(&mut s, settings, work));
    let mut calls = Vec::new();
    let warm = warm.map(|(samples, rustc)| {
        calls = samples;
        vec![executes("cell", &calls), rustc]
    });
    let call = format!("warm {name} call");
    figures.push(figure(&call, warm, Target::Seconds(CALL_TARGET)));
    eprintln!("rimport: building and timing the crate call loop");
    let looped = crate_loop::run(settings, &warm_cache, work);
    let label = format!("loop of {} counter.mix", power_of_ten(settings.loop_calls));
    figures.push(figure(&label, looped, Target::Ratio(LOOP_TARGET)));
    Results { figures, calls }
}

/// `10^7` for a power of ten, else the number.
pub fn power_of_ten(n: u64) -> String {
    match (0..20).find(|&k| 10u64.checked_pow(k) == Some(n)) {
        Some(k) if k > 1 => format!("10^{k}"),
        _ => n.to_string(),
    }
}

/// A figure (said on stderr if it failed).
fn figure(name: &str, measured: Result<Vec<Measurement>, String>, target: Target) -> Figure {
    if let Err(reason) = &measured {
        eprintln!("error: case `{name}` FAILED: {reason}");
    }
    Figure {
        case: Case::new(name, measured),
        target,
        note: None,
    }
}

/// The cold cases, sccache off then on (when installed): the session
/// start and the import cell, `cold_runs` times each, each in a new cache;
/// and the last cache the crate was built in.
fn cold(settings: &Settings, work: &Path) -> (Vec<Figure>, Option<Cache>) {
    let found = sccache();
    let before = env::var_os("KEYTON_SCCACHE");
    let mut starts = Vec::new();
    let mut cells = Vec::new();
    let mut last = None;
    let mut failure = None;
    let off = OsString::from("off");
    let on = found.clone().map(|p| ("sccache on", p.into()));
    let modes = [Some(("sccache off", off)), on];
    for (label, value) in modes.into_iter().flatten() {
        set_sccache(Some(&value));
        let (mut start, mut cell) = (Measurement::new(label), Measurement::new(label));
        for run in 0..settings.cold_runs {
            eprintln!("rimport: cold import, {label}, run {}", run + 1);
            let root = work.join(format!("cold-{}-{run}", label.replace(' ', "-")));
            let cache = Cache::at(&root);
            let begin = Instant::now();
            let session = new_session(&cache, work);
            start.seconds.push(begin.elapsed().as_secs_f64());
            match session.and_then(|mut s| run_cell(&mut s, &settings.workload.import)) {
                Ok(sample) => cell.seconds.push(sample.execute),
                Err(reason) => failure = Some(reason),
            }
            if let Some(previous) = last.replace(cache) {
                // Not used again: free its disk.
                let _ = fs::remove_dir_all(previous.root());
            }
        }
        starts.push(start);
        cells.push(cell);
    }
    set_sccache(before.as_ref());
    let note = found
        .is_none()
        .then(|| "sccache on: not installed".to_string());
    let name = settings.workload.name();
    let mut figures = Vec::new();
    for (case, measurements) in [
        ("cold session start".to_string(), starts),
        (format!("cold `rimport {name}`"), cells),
    ] {
        // sccache on first: the ratio is on over off.
        let measured = match &failure {
            Some(reason) => Err(reason.clone()),
            None => Ok(measurements.into_iter().rev().collect()),
        };
        let mut figure = figure(&case, measured, Target::None);
        figure.note = note.clone();
        figures.push(figure);
    }
    (figures, failure.is_none().then_some(last).flatten())
}

/// After one untimed restart, `reps` times: a new session on `cache` and
/// its import cell.
fn restart(settings: &Settings, cache: &Cache, work: &Path) -> Result<Measurement, String> {
    let mut measurement = Measurement::new("start + cell");
    for rep in 0..=settings.reps {
        let begin = Instant::now();
        let mut session = new_session(cache, work)?;
        run_cell(&mut session, &settings.workload.import)?;
        if rep > 0 {
            measurement.seconds.push(begin.elapsed().as_secs_f64());
        }
    }
    Ok(measurement)
}

/// The import and setup cells, [`cells::WARM_UP`] calls, then `cells`
/// timed calls, each followed by bare rustc of it.
fn warm_calls(
    session: &mut Session,
    settings: &Settings,
    work: &Path,
) -> Result<(Vec<Sample>, Measurement), String> {
    let workload = &settings.workload;
    let warm_up = [workload.call.as_str(); cells::WARM_UP];
    for cell in [workload.import.as_str(), &workload.setup]
        .into_iter()
        .chain(warm_up)
    {
        run_cell(session, cell)?;
    }
    let mut rustc = Measurement::new("bare rustc");
    let mut samples = Vec::new();
    for _ in 0..settings.cells.max(1) {
        samples.push(run_cell(session, &workload.call)?);
        rustc.seconds.push(bare_rustc(session, work)?);
    }
    Ok((samples, rustc))
}

/// The results as a table (each case's measurements, their ratio, the
/// target), a line naming the cases over their targets, and the warm
/// call's phases.
pub fn report(results: &Results) -> String {
    let mut table = crate::cells::ratio_table();
    let mut over = Vec::new();
    for Figure { case, target, note } in &results.figures {
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
    let mut out = table.render() + &verdict + "\n";
    if !results.calls.is_empty() {
        let columns = [("warm call ms".to_string(), results.calls.clone())];
        out += &format!("\n{}", cells::phase_table(&columns));
    }
    out
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
    fn workloads_name_their_crate() {
        assert_eq!(Workload::reqwest(8080).name(), "reqwest");
        assert!(Workload::reqwest(8080).call.contains("127.0.0.1:8080/"));
        assert_eq!(Workload::counter().name(), "counter");
        assert!(counter_dir().join("Cargo.toml").is_file());
        assert_eq!(power_of_ten(10_000_000), "10^7");
        assert_eq!(power_of_ten(1000), "10^3");
        assert_eq!(power_of_ten(1234), "1234");
        assert_eq!(power_of_ten(1), "1");
    }

    #[test]
    fn the_report_shows_targets_notes_failures_and_phases() {
        let figure = |case, target, note: Option<&str>| Figure {
            case,
            target,
            note: note.map(String::from),
        };
        let results = Results {
            figures: vec![
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
            ],
            calls: vec![Sample {
                execute: 0.01,
                ..Sample::default()
            }],
        };
        let report = report(&results);
        assert!(
            report.contains("over the target: restart (4.000)"),
            "{report}"
        );
        assert!(report.contains("sccache on: not installed"), "{report}");
        assert!(
            report.contains("<= 1.05") && report.contains("broken   FAILED"),
            "{report}"
        );
        assert!(
            report.contains("warm call ms") && report.contains("execute"),
            "{report}"
        );
    }
}
