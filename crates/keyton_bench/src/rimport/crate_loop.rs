//! The case `crate call loop` of the group `rimport`: a Keyton script
//! calling a crate function in a loop, built by `keyton build`, against the
//! same loop in Rust built with the same flags against the same rlib.

use super::{Settings, counter_dir};
use crate::cells::time_rustc;
use crate::measure::{Measurement, time_run};
use keyton_compiler::{Cache, Profile};
use keyton_session::{Imported, build_script};
use std::fs;
use std::path::Path;
use std::process::Command;

/// The loop of `calls` calls of `counter::mix` in Keyton.
pub fn loop_script(calls: u64) -> String {
    format!(
        "rimport counter @ {:?}\n\ntotal = 0\nfor i in range({calls}):\n    total += counter.mix(i)\nprint(total)\n",
        counter_dir().display().to_string()
    )
}

/// The same loop in Rust.
pub fn loop_rust(calls: u64) -> String {
    format!(
        "fn main() {{\n    let mut total: i64 = 0;\n    for i in 0..{calls}_i64 {{\n        total += counter::mix(i);\n    }}\n    println!(\"{{total}}\");\n}}\n"
    )
}

/// Build the loop both ways, check they print the same, then time them in
/// turns: the Keyton build's seconds, then Rust's.
pub(super) fn run(
    settings: &Settings,
    cache: &Cache,
    work: &Path,
) -> Result<Vec<Measurement>, String> {
    let source = loop_script(settings.loop_calls);
    let dir = work.to_path_buf();
    let built = build_script(
        cache,
        &source,
        "crate_loop.kt",
        &dir,
        Profile::Release,
        &mut |_| {},
    )
    .map_err(|e| format!("keyton build: {e:?}"))?;
    let keyton = work.join("crate_loop-keyton");
    built
        .persist(&keyton)
        .map_err(|e| format!("keyton build: {e}"))?;
    let rust = work.join("crate_loop-rust");
    build_rust_loop(settings.loop_calls, cache, &rust)?;
    let outputs: Vec<String> = [&keyton, &rust]
        .iter()
        .map(|exe| {
            let out = Command::new(exe)
                .output()
                .map_err(|e| format!("{}: {e}", exe.display()))?;
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        })
        .collect::<Result<_, String>>()?;
    if outputs[0] != outputs[1] || outputs[0].trim().is_empty() {
        return Err(format!(
            "keyton printed {:?}, rust {:?}",
            outputs[0], outputs[1]
        ));
    }
    let mut measurements = [
        Measurement::new("keyton build"),
        Measurement::new("rust, same flags"),
    ];
    let exes = [keyton, rust];
    for round in 0..settings.reps {
        for turn in 0..2 {
            let i = (round + turn) % 2;
            let (seconds, status) = time_run(&mut Command::new(&exes[i]))
                .map_err(|e| format!("{}: {e}", exes[i].display()))?;
            if !status.success() {
                return Err(format!("{} {status}", exes[i].display()));
            }
            measurements[i].seconds.push(seconds);
        }
    }
    Ok(measurements.into())
}

/// The Rust loop, by rustc with a Keyton release build's flags, linking
/// the counter rlib a script's import of it links (the same import, in
/// `cache`).
fn build_rust_loop(calls: u64, cache: &Cache, executable: &Path) -> Result<(), String> {
    let script = loop_script(calls);
    let imported = Imported::import(cache, &script, &counter_dir(), &mut |_| {})
        .map_err(|e| e.to_string())?
        .ok_or("the loop script imports no crate")?;
    let (toolchain, deps, layers) = (imported.toolchain(), imported.deps(), imported.layers());
    let source = executable.with_extension("rs");
    fs::write(&source, loop_rust(calls)).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut rustc = Command::new("rustc");
    rustc.args(toolchain.script_flags(Profile::Release));
    for (name, rlib) in layers.crate_externs() {
        rustc
            .arg("--extern")
            .arg(format!("{name}={}", rlib.display()));
    }
    for dir in [
        deps.dependency_dir().to_path_buf(),
        deps.host_dependency_dir(),
    ] {
        rustc.arg("-L").arg(format!("dependency={}", dir.display()));
    }
    rustc.arg("-o").arg(executable).arg(&source);
    time_rustc(&mut rustc).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_loops_call_mix() {
        let script = loop_script(7);
        assert!(script.starts_with("rimport counter @ \""), "{script}");
        assert!(
            script.ends_with("for i in range(7):\n    total += counter.mix(i)\nprint(total)\n")
        );
        assert!(loop_rust(7).contains("for i in 0..7_i64 {\n        total += counter::mix(i);"));
    }
}
