//! The commands beyond the snapshot suites: `build` makes a working,
//! standalone optimized executable, with the crates it imports linked in;
//! `run` passes the script's arguments through and returns its exit code;
//! `emit` prints Rust; unreadable files are reported plainly.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

const FIB: &str = "\
fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

total = 0
for i in range(25):
    total += fib(i)
print(f\"total {total}\")
";

#[test]
fn build_makes_a_standalone_optimized_executable() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("fib.kt"), FIB).unwrap();
    let output = common::keyton(dir.path())
        .args(["build", "fib.kt", "-o", "fib-bin"])
        .output()
        .unwrap();
    assert_succeeded(&output);
    let exe = dir.path().join("fib-bin");
    // std is linked in, not taken from the toolchain at run time.
    let bytes = fs::read(&exe).unwrap();
    assert!(!bytes.windows(7).any(|w| w == b"libstd-"));
    let output = Command::new(&exe).env_clear().output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout), "total 121392\n");
}

#[test]
fn build_links_imported_crates_statically() {
    // Run from `tests/`: the script's `rimport counter @ "../fixtures/counter"`
    // starts at the script's directory, not at the working directory.
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let out = tempfile::tempdir().unwrap();
    let exe = out.path().join("local-bin");
    let output = common::keyton(&tests)
        .args(["build", "programs/rimport_local_crate.kt", "-o"])
        .arg(&exe)
        .output()
        .unwrap();
    assert_succeeded(&output);
    // Neither std nor the deps layers are loaded at run time.
    let bytes = fs::read(&exe).unwrap();
    assert!(!bytes.windows(7).any(|w| w == b"libstd-"));
    assert!(!bytes.windows(11).any(|w| w == b"keyton_deps"));
    let output = Command::new(&exe).env_clear().output().unwrap();
    assert!(output.status.success());
    let expected = fs::read_to_string(tests.join("programs/rimport_local_crate.stdout")).unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}

#[test]
fn run_passes_arguments_through_and_returns_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let script = "\
rimport std.env
rimport std.process
let args: Vec<String> = std.env.args().collect()
print(len(args) - 1)
for i in range(1, len(args)):
    print(args[i])
std.process.exit(len(args) + 40)
";
    let path = dir.path().join("args.kt");
    fs::write(&path, script).unwrap();
    let output = common::run_script(&path)
        .args(["one", "--help", "three four"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "3\none\n--help\nthree four\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(44));
}

#[test]
fn emit_prints_the_generated_rust() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("fib.kt"), FIB).unwrap();
    let output = common::keyton(dir.path())
        .args(["emit", "fib.kt"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let code = String::from_utf8_lossy(&output.stdout);
    assert!(code.contains("fn main"), "{code}");
}

#[test]
fn emit_imports_crates_and_names_their_layer() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let output = common::keyton(&tests)
        .args(["emit", "programs/rimport_registry_crate.kt"])
        .output()
        .unwrap();
    let code = String::from_utf8_lossy(&output.stdout);
    assert_succeeded(&output);
    assert!(code.contains("extern crate keyton_deps_"), "{code}");
    assert!(code.contains("::itoa::Buffer::new()"), "{code}");
}

#[test]
fn unreadable_scripts_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let output = common::run_script(&dir.path().join("missing.kt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: cannot read `missing.kt`: "),
        "{stderr}"
    );
}

/// A keyton command that failed shows its stderr.
fn assert_succeeded(output: &std::process::Output) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
