//! The same notebook cases in evcxr, the Rust REPL and Jupyter kernel, in
//! the same run, so the table can show Keyton against the tool people use
//! for Rust notebooks today. evcxr is driven through `evcxr_repl` over
//! stdin and stdout: each cell is one line that ends by printing a marker
//! (`@@N`, with the value the Keyton cell computes), and a cell's time is
//! from writing the line to reading its marker.
//!
//! Its cases, named as the Keyton cases they mirror:
//! - `warm 1 + 1`, `warm double(21)`: after warm-up cells, as in
//!   [`crate::cells`];
//! - the long session: cell `k` defines `f{k}` and calls it and `f{k-1}`;
//! - `cold rimport reqwest` (not with `--quick`): `:dep reqwest` and a cell
//!   in a new `EVCXR_TMPDIR` (evcxr builds the crate there);
//! - `restart + rimport reqwest`: a new `evcxr_repl`, `:dep reqwest` and a
//!   cell, in an `EVCXR_TMPDIR` that holds the crate built;
//! - `warm reqwest call`: a blocking GET to the benchmark's server.
//!
//! evcxr is looked for on `PATH`, then in `<cache>/tools/bin`, where
//! `scripts/evcxr` installs it.

use crate::cells::{WARM_UP, window, windows};
use crate::figure::{Figure, Target, figure};
use crate::measure::Measurement;
use std::env;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a cell may take before evcxr is given up on: a cold `:dep
/// reqwest` builds the crate and its dependencies.
const CELL_TIMEOUT: Duration = Duration::from_secs(900);

/// The evcxr on `PATH`, else the one in `<cache>/tools/bin`.
pub fn find(cache_root: &Path) -> Option<PathBuf> {
    let on_path = env::var_os("PATH")
        .map(|path| env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let installed = cache_root.join("tools").join("bin");
    on_path
        .into_iter()
        .chain([installed])
        .map(|dir| dir.join("evcxr"))
        .find(|path| path.is_file())
        .map(|path| path.canonicalize().unwrap_or(path))
}

/// What the report says when [`find`] finds no evcxr.
pub fn missing(cache_root: &Path) -> String {
    let cache_root = cache_root.canonicalize().unwrap_or(cache_root.into());
    format!(
        "evcxr: not found on PATH or in {} (scripts/evcxr installs it): no side-by-side figures",
        cache_root.join("tools").join("bin").display()
    )
}

/// Where evcxr keeps reqwest built between runs: under the temporary
/// directory, not the cache, which may be inside a cargo workspace (the
/// repository's `cache/`) that would claim evcxr's crate as a member.
pub fn crate_dir() -> PathBuf {
    env::temp_dir().join("keyton-bench-evcxr").join("crates")
}

/// How much evcxr is asked to do.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Timed cells of each warm case.
    pub cells: usize,
    /// Restarts timed.
    pub restarts: usize,
    /// Cells of the long session.
    pub session_cells: usize,
    /// Whether to time a cold `:dep reqwest` (a build of minutes).
    pub cold: bool,
    /// The port of the benchmark's HTTP server.
    pub port: u16,
    /// `EVCXR_TMPDIR` of the warm crate cases: kept between runs, so
    /// evcxr builds reqwest there once per machine (see [`crate_dir`]).
    pub crate_dir: PathBuf,
}

/// What evcxr measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Cases named as the Keyton cases they mirror, one measurement each.
    pub figures: Vec<Figure>,
    /// Seconds of each cell of the long session.
    pub curve: Vec<f64>,
}

/// The case of the long session's last five cells.
pub const LONG_SESSION: &str = "long session, last 5 cells";

/// Cells of evcxr's long session with `--quick` (Keyton's has
/// [`crate::cells::SESSION_CELLS`]; the comparison takes the same cells of
/// both).
pub const QUICK_SESSION_CELLS: usize = 50;

/// The `:dep` line: reqwest's newest major version, as Keyton's `rimport
/// reqwest` resolves it, with `blocking` (evcxr cells run no async
/// runtime).
const DEP_REQWEST: &str = r#":dep reqwest = { version = "0.13", features = ["blocking"] }"#;

/// Run the cases with the evcxr at `evcxr`, its scratch directories under
/// `work`. Progress and failures go to stderr.
pub fn run(evcxr: &Path, settings: &Settings, work: &Path) -> Results {
    let mut figures = Vec::new();
    for (name, setup, value) in [
        ("warm `1 + 1`", None, "1 + 1"),
        (
            "warm `double(21)`",
            Some("fn double(n: i64) -> i64 { n * 2 }"),
            "double(21)",
        ),
    ] {
        eprintln!("evcxr: timing {name} ({} cells)", settings.cells);
        let timed = Repl::start(evcxr, &work.join("evcxr-cells"))
            .and_then(|mut repl| repl.warm(setup, value, settings.cells));
        figures.push(figure(name, timed.map(|m| vec![m]), Target::None));
    }
    eprintln!("evcxr: a session of {} cells", settings.session_cells);
    let session = Repl::start(evcxr, &work.join("evcxr-cells")).and_then(|mut repl| {
        (0..settings.session_cells)
            .map(|k| repl.cell(&session_cell(k), &session_value(k)))
            .collect::<Result<Vec<f64>, String>>()
    });
    let curve = session.clone().unwrap_or_default();
    let [_, late] = windows(settings.session_cells);
    let late = session.map(|cells| {
        let mut measurement = Measurement::new("evcxr");
        measurement.seconds = window(&cells, late).to_vec();
        vec![measurement]
    });
    figures.push(figure(LONG_SESSION, late, Target::None));
    if settings.cold {
        eprintln!("evcxr: a cold `:dep reqwest` (builds reqwest)");
        let fresh = work.join("evcxr-cold");
        let cold = Repl::start(evcxr, &fresh).and_then(|mut repl| repl.import());
        let cold = cold.map(|seconds| {
            let mut measurement = Measurement::new("sccache off");
            measurement.seconds.push(seconds);
            vec![measurement]
        });
        figures.push(figure("cold `rimport reqwest`", cold, Target::None));
    }
    eprintln!(
        "evcxr: timing {} restarts with `:dep reqwest`",
        settings.restarts
    );
    let restarts = restarts(evcxr, settings);
    figures.push(figure(
        "restart + `rimport reqwest`",
        restarts,
        Target::None,
    ));
    eprintln!("evcxr: timing {} warm reqwest calls", settings.cells);
    let calls = Repl::start(evcxr, &settings.crate_dir).and_then(|mut repl| {
        repl.import()?;
        repl.cell("let client = reqwest::blocking::Client::new();", "")?;
        let call = format!(
            "client.get(\"http://127.0.0.1:{}/\").send().unwrap().status().as_u16()",
            settings.port
        );
        repl.warm(None, &call, settings.cells)
    });
    figures.push(figure(
        "warm reqwest call",
        calls.map(|m| vec![m]),
        Target::None,
    ));
    Results { figures, curve }
}

/// After one untimed restart (which builds reqwest in `crate_dir` if it is
/// not there yet), `restarts` times a new evcxr, `:dep` and a cell.
fn restarts(evcxr: &Path, settings: &Settings) -> Result<Vec<Measurement>, String> {
    let mut measurement = Measurement::new("evcxr");
    for rep in 0..=settings.restarts {
        let start = Instant::now();
        let mut repl = Repl::start(evcxr, &settings.crate_dir)?;
        repl.import()?;
        if rep > 0 {
            measurement.seconds.push(start.elapsed().as_secs_f64());
        }
    }
    Ok(vec![measurement])
}

/// Cell `k` of the long session in Rust, as [`crate::cells::session_cell`]
/// is in Keyton.
pub fn session_cell(k: usize) -> String {
    match k {
        0 => "fn f0(n: i64) -> i64 { n }".to_string(),
        _ => format!("fn f{k}(n: i64) -> i64 {{ n + {k} }}"),
    }
}

/// The expression cell `k` prints (nothing for the first).
fn session_value(k: usize) -> String {
    match k {
        0 => String::new(),
        _ => format!("f{k}(1) + f{}(1)", k - 1),
    }
}

/// A running `evcxr_repl`: its stdin, and its stdout's lines as they come.
struct Repl {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    markers: usize,
}

impl Repl {
    /// Start evcxr with `tmpdir` as `EVCXR_TMPDIR` and no user
    /// configuration (an empty `EVCXR_CONFIG_DIR` beside it: inside, evcxr
    /// would take it for part of its crate).
    fn start(evcxr: &Path, tmpdir: &Path) -> Result<Repl, String> {
        let config = tmpdir.with_extension("config");
        std::fs::create_dir_all(&config).map_err(|e| format!("{}: {e}", config.display()))?;
        let mut child = Command::new(evcxr)
            .env("EVCXR_TMPDIR", tmpdir)
            .env("EVCXR_CONFIG_DIR", &config)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", evcxr.display()))?;
        let (stdin, stdout, mut stderr) = (
            child.stdin.take().expect("piped"),
            child.stdout.take().expect("piped"),
            child.stderr.take().expect("piped"),
        );
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let errors = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&errors);
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = stderr.read(&mut buffer) {
                let text = String::from_utf8_lossy(&buffer[..n]);
                sink.lock().expect("stderr sink").push_str(&text);
            }
        });
        Ok(Repl {
            child,
            stdin,
            lines,
            stderr: errors,
            markers: 0,
        })
    }

    /// Run one cell: `items` (definitions or statements, may be empty),
    /// then a print of the marker and of `value` (if any); its seconds.
    fn cell(&mut self, items: &str, value: &str) -> Result<f64, String> {
        self.markers += 1;
        let marker = format!("@@{}", self.markers);
        let print = match value {
            "" => format!("println!(\"{marker}\");"),
            _ => format!("println!(\"{marker} {{:?}}\", {value});"),
        };
        self.line(&format!("{items} {print}"), &marker)
    }

    /// Write `line` and wait for a stdout line starting with `marker`.
    fn line(&mut self, line: &str, marker: &str) -> Result<f64, String> {
        let start = Instant::now();
        writeln!(self.stdin, "{line}")
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("evcxr stopped reading: {e}{}", self.errors()))?;
        loop {
            let left = CELL_TIMEOUT.saturating_sub(start.elapsed());
            match self.lines.recv_timeout(left) {
                // A prompt may come before the output on the same line.
                Ok(out) if out.trim_start_matches(">> ").starts_with(marker) => {
                    let after = &out[out.find(marker).unwrap_or(0) + marker.len()..];
                    // `@@1` must not be taken for `@@12`.
                    if after.is_empty() || after.starts_with(' ') {
                        return Ok(start.elapsed().as_secs_f64());
                    }
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!(
                        "evcxr gave no {marker} for `{line}` in {CELL_TIMEOUT:?}{}",
                        self.errors()
                    ));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("evcxr exited during `{line}`{}", self.errors()));
                }
            }
        }
    }

    /// `:dep reqwest` and a cell after it (evcxr builds a dependency when
    /// it next compiles); their seconds.
    fn import(&mut self) -> Result<f64, String> {
        let start = Instant::now();
        writeln!(self.stdin, "{DEP_REQWEST}").map_err(|e| format!("evcxr stopped reading: {e}"))?;
        self.cell("", "")?;
        Ok(start.elapsed().as_secs_f64())
    }

    /// `setup`, [`WARM_UP`] cells of `value`, then `cells` timed ones.
    fn warm(
        &mut self,
        setup: Option<&str>,
        value: &str,
        cells: usize,
    ) -> Result<Measurement, String> {
        if let Some(setup) = setup {
            self.cell(setup, "")?;
        }
        for _ in 0..WARM_UP {
            self.cell("", value)?;
        }
        let mut measurement = Measurement::new("evcxr");
        for _ in 0..cells.max(1) {
            measurement.seconds.push(self.cell("", value)?);
        }
        Ok(measurement)
    }

    /// What evcxr said on stderr, for an error message.
    fn errors(&self) -> String {
        let errors = self.stderr.lock().map(|e| e.clone()).unwrap_or_default();
        match errors.trim() {
            "" => String::new(),
            text => format!("; evcxr said:\n{text}"),
        }
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        // evcxr exits at the end of its input; kill it if it does not.
        let _ = writeln!(self.stdin, ":quit");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cells_are_the_keyton_ones_in_rust() {
        assert_eq!(session_cell(0), "fn f0(n: i64) -> i64 { n }");
        assert_eq!(session_cell(5), "fn f5(n: i64) -> i64 { n + 5 }");
        assert_eq!(session_value(5), "f5(1) + f4(1)");
        assert_eq!(session_value(0), "");
    }

    #[test]
    fn evcxr_is_found_in_the_cache_tools() {
        let cache = tempfile::tempdir().unwrap();
        let bin = cache.path().join("tools/bin");
        std::fs::create_dir_all(&bin).unwrap();
        // What PATH holds is not this test's to decide; the cache's copy
        // is found when PATH has none.
        if find(cache.path()).is_none() {
            let note = missing(cache.path());
            assert!(note.contains("scripts/evcxr installs it"), "{note}");
            assert!(note.contains(&bin.display().to_string()), "{note}");
            std::fs::write(bin.join("evcxr"), "").unwrap();
            assert_eq!(find(cache.path()), Some(bin.join("evcxr")));
        }
    }
}
