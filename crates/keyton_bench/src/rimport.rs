//! The group `rimport`: what a notebook waits for when it uses a Rust
//! crate, through the real session engine, and what a crate call costs in
//! a loop. The cases:
//!
//! - `cold rimport`: the first `rimport reqwest` into a new, empty cache
//!   (the cell alone; the session start before it, which builds the deps
//!   dylib, is a row of its own), with sccache off and, when it is
//!   installed, on (`--quick`: the fixture crate `counter`, which builds
//!   in seconds: the fixed cost of an import, not reqwest's compile);
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
use crate::figure::{Figure, Target, figure, figure_table};
use crate::measure::Measurement;
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
    /// Which sccache settings the cold imports run with.
    pub cold_modes: ColdModes,
    /// The crate the cold imports import: [`Settings::workload`]'s, whose
    /// last cold cache the warm cases then use, or another (the warm
    /// cases then use the cache `run` is given).
    pub cold_workload: Workload,
    pub workload: Workload,
    /// Crate calls of the loop case.
    pub loop_calls: u64,
}

/// The sccache settings of the cold imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColdModes {
    /// sccache off, then on (when it is installed).
    Both,
    /// One setting: on when sccache is installed (its cache is warm, as on
    /// a second machine sharing it or after a cleaned cache), else off.
    Quick,
}

impl ColdModes {
    /// What the heading says about them.
    pub fn describe(self) -> &'static str {
        match self {
            ColdModes::Both => "sccache off, then on when installed",
            ColdModes::Quick => "--quick: sccache on when installed, else off",
        }
    }

    /// The settings to run, as (label, `KEYTON_SCCACHE` value), given the
    /// sccache found; the note for the setting left out, if one is.
    fn settings(self, found: Option<&Path>) -> (Vec<(&'static str, OsString)>, Option<String>) {
        let off = ("sccache off", OsString::from("off"));
        let on = found.map(|path| ("sccache on", path.as_os_str().to_owned()));
        match (self, on) {
            (ColdModes::Both, Some(on)) => (vec![off, on], None),
            (ColdModes::Quick, Some(on)) => (vec![on], Some("sccache off: full run only".into())),
            (_, None) => (vec![off], Some("sccache on: not installed".into())),
        }
    }
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
/// in the last cold cache if it imported the same crate, else in `cache`.
/// Progress and failures go to stderr; a failed case is in the result with
/// its reason.
pub fn run(settings: &Settings, cache: &Cache, work: &Path) -> Results {
    let mut figures = Vec::new();
    let name = settings.workload.name().to_string();
    let mut warm_cache = cache.clone();
    if settings.cold_runs > 0 {
        let (cold, last) = cold(settings, work);
        figures.extend(cold);
        if settings.cold_workload == settings.workload {
            warm_cache = last.unwrap_or(warm_cache);
        }
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
    let (modes, note) = settings.cold_modes.settings(found.as_deref());
    for (label, value) in modes {
        set_sccache(Some(&value));
        let (mut start, mut cell) = (Measurement::new(label), Measurement::new(label));
        for run in 0..settings.cold_runs {
            eprintln!("rimport: cold import, {label}, run {}", run + 1);
            let root = work.join(format!("cold-{}-{run}", label.replace(' ', "-")));
            let cache = Cache::at(&root);
            let begin = Instant::now();
            let session = new_session(&cache, work);
            start.seconds.push(begin.elapsed().as_secs_f64());
            match session.and_then(|mut s| run_cell(&mut s, &settings.cold_workload.import)) {
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
    let name = settings.cold_workload.name();
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

/// The results as a table (see [`figure_table`]) and the warm call's
/// phases.
pub fn report(results: &Results) -> String {
    let mut out = figure_table(&results.figures);
    if !results.calls.is_empty() {
        let columns = [("warm call ms".to_string(), results.calls.clone())];
        out += &format!("\n{}", crate::phases::phase_table(&columns));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cold_imports_run_with_sccache_off_and_on_or_once_quickly() {
        let sccache = Path::new("/opt/sccache");
        let labels = |(modes, note): (Vec<(&str, OsString)>, Option<String>)| {
            let labels: Vec<&str> = modes.iter().map(|(label, _)| *label).collect();
            (labels.join(", "), note)
        };
        let both = labels(ColdModes::Both.settings(Some(sccache)));
        assert_eq!(both, ("sccache off, sccache on".into(), None));
        let quick = labels(ColdModes::Quick.settings(Some(sccache)));
        assert_eq!(
            quick,
            (
                "sccache on".into(),
                Some("sccache off: full run only".into())
            )
        );
        for modes in [ColdModes::Both, ColdModes::Quick] {
            let missing = labels(modes.settings(None));
            assert_eq!(
                missing,
                (
                    "sccache off".into(),
                    Some("sccache on: not installed".into())
                )
            );
        }
        let (on, _) = ColdModes::Quick.settings(Some(sccache));
        assert_eq!(on[0].1, OsString::from("/opt/sccache"));
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
}
