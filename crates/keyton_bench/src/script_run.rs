//! The group `run`: `keyton run` of a small script, as a user types it
//! (the `keyton` executable, a new process each time), from spawn to exit:
//!
//! - `cold cache`: the first run in a new, empty cache directory
//!   (`KEYTON_CACHE_DIR`): it builds the runtime for dev builds, then the
//!   script;
//! - `warm`: the same script again in that cache. `keyton run` keeps no
//!   executable, so a warm run still compiles the script (one rustc call
//!   against the built runtime) before running it.

use crate::figure::{Figure, Target, figure};
use crate::measure::Measurement;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The script: a few functions, a loop and a print, as a small script is.
pub const SCRIPT: &str = "\
fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

total = 0
for i in range(20):
    total += fib(i)
print(total)
";

/// What [`SCRIPT`] prints.
pub const SCRIPT_OUTPUT: &str = "10945\n";

/// Time `keyton run` of [`SCRIPT`] with the executable `keyton`: `cold_runs`
/// runs each in a new cache under `work`, then `reps` warm runs in the last
/// of them. Progress and failures go to stderr.
pub fn run(keyton: &Path, cold_runs: usize, reps: usize, work: &Path) -> Figure {
    let name = "`keyton run` of a small script";
    figure(name, measure(keyton, cold_runs, reps, work), Target::None)
}

fn measure(
    keyton: &Path,
    cold_runs: usize,
    reps: usize,
    work: &Path,
) -> Result<Vec<Measurement>, String> {
    let script = work.join("small_script.kt");
    std::fs::write(&script, SCRIPT).map_err(|e| format!("{}: {e}", script.display()))?;
    let mut cold = Measurement::new("cold cache");
    let mut cache = work.join("run-cache-0");
    for run in 0..cold_runs.max(1) {
        eprintln!("run: `keyton run` in a new cache, run {}", run + 1);
        cache = work.join(format!("run-cache-{run}"));
        cold.seconds.push(keyton_run(keyton, &script, &cache)?);
    }
    eprintln!("run: {reps} warm `keyton run`s");
    let mut warm = Measurement::new("warm");
    for _ in 0..reps.max(1) {
        warm.seconds.push(keyton_run(keyton, &script, &cache)?);
    }
    Ok(vec![cold, warm])
}

/// The seconds of `keyton run script` with `cache` as the cache, which
/// must succeed and print [`SCRIPT_OUTPUT`].
fn keyton_run(keyton: &Path, script: &Path, cache: &Path) -> Result<f64, String> {
    let mut command = Command::new(keyton);
    command
        .arg("run")
        .arg(script)
        .env("KEYTON_CACHE_DIR", cache);
    let start = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", keyton.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || stdout != SCRIPT_OUTPUT {
        return Err(format!(
            "`keyton run` {} printed {stdout:?}, not {SCRIPT_OUTPUT:?}:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(seconds)
}
