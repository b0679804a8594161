//! The group `runtime`: is a Keyton program as fast as the same program
//! written in Rust? Each `NAME.kt` of the bench directory has a hand-written
//! twin `NAME.rs` (std only) and the output both must print, `NAME.stdout`.
//! Every case is built three ways:
//!
//! - `keyton`: `NAME.kt` exactly as `keyton build` builds it;
//! - `rust, same flags`: `NAME.rs` by rustc with every flag a Keyton release
//!   build gets (overflow checks on, as the language requires): the fair
//!   comparison, and the one the 1.10 target is about;
//! - `rust -O`: `NAME.rs` by `rustc -O`, Rust's usual release build
//!   (overflow checks off), for reference.
//!
//! All three must print exactly `NAME.stdout`, else the case fails loudly
//! and is not timed. The three are then run in turn, each repetition in
//! another order, so a noisy neighbour slows all of them alike.

use crate::Error;
use crate::measure::{Case, Measurement, geometric_mean, time_run};
use crate::table::{self, Align, Table};
use keyton_compiler::{Cache, Profile, Toolchain, build_script};
use keyton_diagnostics::render_all;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The ways each case is built, in the order of the table's columns.
pub const VARIANTS: [&str; 3] = ["keyton", "rust, same flags", "rust -O"];

/// The goal for `keyton` over `rust, same flags`.
pub const TARGET: f64 = 1.10;

/// One program of the bench directory.
#[derive(Clone, Debug)]
pub struct Program {
    name: String,
    kt: PathBuf,
    rs: PathBuf,
    stdout: PathBuf,
}

/// Build, check and time every program `reps` times, writing the
/// executables into `work`. Progress and failures go to stderr as they
/// happen; a failed case is in the result with its reason.
pub fn run(
    programs: &[Program],
    reps: usize,
    cache: &Cache,
    toolchain: &Toolchain,
    work: &Path,
) -> Vec<Case> {
    let built: Vec<Result<[PathBuf; 3], String>> = programs
        .iter()
        .map(|program| {
            eprintln!("building and checking {}", program.name);
            let built = build(program, cache, toolchain, work).and_then(|executables| {
                check_output(program, &executables)?;
                Ok(executables)
            });
            loudly(&program.name, built)
        })
        .collect();
    programs
        .iter()
        .zip(built)
        .map(|(program, built)| {
            let timed = built.and_then(|executables| {
                eprintln!("timing {} ({reps} repetitions)", program.name);
                loudly(&program.name, time(&program.name, &executables, reps))
            });
            Case::new(&program.name, timed)
        })
        .collect()
}

/// `result`, after saying on stderr that case `name` failed if it did.
fn loudly<T>(name: &str, result: Result<T, String>) -> Result<T, String> {
    if let Err(reason) = &result {
        eprintln!("error: case `{name}` FAILED: {reason}");
    }
    result
}

/// The programs (`*.kt`) of `dir`, sorted by name; a `NAME.rs` or
/// `NAME.stdout` missing beside one fails its case, not the discovery.
pub fn discover(dir: &Path) -> Result<Vec<Program>, Error> {
    let entries = fs::read_dir(dir).map_err(Error::io(dir))?;
    let mut programs = Vec::new();
    for entry in entries {
        let path = entry.map_err(Error::io(dir))?.path();
        if path.extension().is_some_and(|e| e == "kt") {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            programs.push(Program {
                name: name.into_owned(),
                rs: path.with_extension("rs"),
                stdout: path.with_extension("stdout"),
                kt: path,
            });
        }
    }
    if programs.is_empty() {
        return Err(Error::NoPrograms(dir.to_path_buf()));
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

/// The three executables of a program, in the order of [`VARIANTS`].
fn build(
    program: &Program,
    cache: &Cache,
    toolchain: &Toolchain,
    work: &Path,
) -> Result<[PathBuf; 3], String> {
    let [keyton, same, plain] = VARIANTS.map(|variant| {
        let suffix: String = variant
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        work.join(format!("{}-{suffix}", program.name))
    });
    build_keyton(program, cache, &keyton)?;
    let mut rustc = Command::new("rustc");
    rustc.args(toolchain.script_flags(Profile::Release));
    build_rust(program, rustc, &same)?;
    let mut rustc = Command::new("rustc");
    rustc.args(["--edition", "2024", "-O"]);
    build_rust(program, rustc, &plain)?;
    Ok([keyton, same, plain])
}

/// `keyton build NAME.kt -o executable`, through the library.
fn build_keyton(program: &Program, cache: &Cache, executable: &Path) -> Result<(), String> {
    let name = program.kt.display().to_string();
    let source = fs::read_to_string(&program.kt).map_err(|e| format!("{name}: {e}"))?;
    build_script(cache, &source, &name, Profile::Release)
        .and_then(|built| built.persist(executable))
        .map_err(|error| match error {
            keyton_compiler::Error::Program(diagnostics) => {
                format!(
                    "keyton build:\n{}",
                    render_all(&diagnostics, &source, &name)
                )
            }
            other => format!("keyton build: {other}"),
        })
}

/// `rustc` (with its flags) on `NAME.rs`.
fn build_rust(program: &Program, mut rustc: Command, executable: &Path) -> Result<(), String> {
    if !program.rs.is_file() {
        return Err(format!("{} is missing", program.rs.display()));
    }
    rustc.arg("-o").arg(executable).arg(&program.rs);
    let output = rustc
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{:?} failed:\n{}",
            rustc,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// Each executable prints exactly `NAME.stdout` and succeeds. This run is
/// also the warm-up: the executables are in the page cache when timed.
fn check_output(program: &Program, executables: &[PathBuf; 3]) -> Result<(), String> {
    let expected = fs::read_to_string(&program.stdout)
        .map_err(|e| format!("{}: {e}", program.stdout.display()))?;
    for (variant, executable) in VARIANTS.iter().zip(executables) {
        let output = Command::new(executable)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", executable.display()))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() || stdout != expected {
            return Err(format!(
                "the {variant} build printed something other than {}\n\
                 --- expected\n{expected}--- {variant} printed ({})\n{stdout}{}",
                program.stdout.display(),
                output.status,
                String::from_utf8_lossy(&output.stderr),
            ));
        }
    }
    Ok(())
}

/// `reps` rounds of one run of each executable; round `r` starts with
/// variant `r mod 3`, so none of them is always first or last.
fn time(name: &str, executables: &[PathBuf; 3], reps: usize) -> Result<Vec<Measurement>, String> {
    let mut measurements = VARIANTS.map(Measurement::new);
    for round in 0..reps {
        for turn in 0..VARIANTS.len() {
            let variant = (round + turn) % VARIANTS.len();
            let executable = &executables[variant];
            let (seconds, status) = time_run(&mut Command::new(executable))
                .map_err(|e| format!("cannot run {}: {e}", executable.display()))?;
            if !status.success() {
                return Err(format!(
                    "the {} build of {name} {status}",
                    VARIANTS[variant]
                ));
            }
            measurements[variant].seconds.push(seconds);
        }
    }
    Ok(measurements.into())
}

/// The results as a table: each case's medians and ranges, the ratios of
/// `keyton` to each Rust build, and their geometric means; then a line
/// naming the cases over [`TARGET`].
pub fn report(cases: &[Case]) -> String {
    let mut table = Table::new(&[
        ("case", Align::Left),
        ("keyton s", Align::Right),
        ("rust, same flags s", Align::Right),
        ("keyton/same", Align::Right),
        ("rust -O s", Align::Right),
        ("keyton/-O", Align::Right),
    ]);
    let (mut to_same, mut to_plain) = (Vec::new(), Vec::new());
    for case in cases {
        let (Some(same), Some(plain)) = (case.ratio(0, 1), case.ratio(0, 2)) else {
            table.row(vec![case.name.clone(), "FAILED".into()]);
            continue;
        };
        to_same.push(same);
        to_plain.push(plain);
        let mut cells = vec![case.name.clone()];
        for (measurement, ratio) in case
            .measurements
            .iter()
            .zip([None, Some(same), Some(plain)])
        {
            cells.extend(measurement.summary().map(|s| table::seconds(&s)));
            cells.extend(ratio.map(table::ratio));
        }
        table.row(cells);
    }
    table.rule();
    let mean = |ratios: &[f64]| geometric_mean(ratios).map_or_else(String::new, table::ratio);
    table.row(vec![
        "geometric mean".into(),
        String::new(),
        String::new(),
        mean(&to_same),
        String::new(),
        mean(&to_plain),
    ]);
    let over: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let ratio = case.ratio(0, 1)?;
            // Three decimals: a ratio shown as 1.10 may still be over.
            (ratio > TARGET).then(|| format!("{} ({ratio:.3})", case.name))
        })
        .collect();
    let verdict = if over.is_empty() {
        format!("every keyton/same ratio is within the target, {TARGET:.2}")
    } else {
        format!(
            "over the target keyton/same <= {TARGET:.2}: {}",
            over.join(", ")
        )
    };
    table.render() + &verdict + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, seconds: [&[f64]; 3]) -> Case {
        let measurements = VARIANTS
            .iter()
            .zip(seconds)
            .map(|(label, seconds)| Measurement {
                label: label.to_string(),
                seconds: seconds.to_vec(),
            })
            .collect();
        Case {
            name: name.into(),
            measurements,
            failure: None,
        }
    }

    #[test]
    fn the_report_shows_medians_ratios_their_means_and_failures() {
        let mut failed = case("broken", [&[], &[], &[]]);
        failed.failure = Some("outputs differ".into());
        let cases = [
            case(
                "loops",
                [&[1.0, 1.2, 0.9], &[1.0, 1.1, 1.0], &[0.5, 0.5, 0.6]],
            ),
            failed,
            case("recursion", [&[0.9], &[1.0], &[0.45]]),
        ];
        let expected = "\
case                       keyton s   rust, same flags s  keyton/same            rust -O s  keyton/-O
--------------  -------------------  -------------------  -----------  -------------------  ---------
loops           1.000 (0.900-1.200)  1.000 (1.000-1.100)         1.00  0.500 (0.500-0.600)       2.00
broken                       FAILED
recursion       0.900 (0.900-0.900)  1.000 (1.000-1.000)         0.90  0.450 (0.450-0.450)       2.00
--------------  -------------------  -------------------  -----------  -------------------  ---------
geometric mean                                                   0.95                            2.00
every keyton/same ratio is within the target, 1.10
";
        assert_eq!(report(&cases), expected);
    }

    #[test]
    fn cases_over_the_target_are_named() {
        let cases = [
            case("slow", [&[1.2], &[1.0], &[1.0]]),
            case("fine", [&[1.1], &[1.0], &[1.0]]),
        ];
        let report = report(&cases);
        assert!(
            report.ends_with("over the target keyton/same <= 1.10: slow (1.200)\n"),
            "{report}"
        );
    }

    #[test]
    fn the_bench_directory_holds_complete_cases() {
        let programs = discover(&crate::Options::default_dir()).unwrap();
        let names: Vec<&str> = programs.iter().map(|p| p.name.as_str()).collect();
        for expected in [
            "hashmap_counting",
            "loops",
            "recursion",
            "string_building",
            "vec_arithmetic",
        ] {
            assert!(names.contains(&expected), "{names:?}");
        }
        for program in &programs {
            assert!(
                program.rs.is_file() && program.stdout.is_file(),
                "{program:?}"
            );
        }
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(discover(empty.path()), Err(Error::NoPrograms(_))));
    }

    #[test]
    fn the_same_flags_build_has_overflow_checks_and_the_release_opt_level() {
        let flags = Toolchain::detect().unwrap().script_flags(Profile::Release);
        for flag in ["overflow-checks=on", "opt-level=3"] {
            assert!(flags.iter().any(|f| f == flag), "{flags:?}");
        }
    }
}
