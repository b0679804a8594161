//! Every `tests/programs/*.kt` runs with `keyton run` and must exit 0, print
//! exactly its `.stdout` file, and print nothing on stderr, or exactly its
//! `.stderr` file if it has one (a program that writes to stderr on purpose).

mod common;
mod snapshot;

use datatest_stable::Utf8Path;
use snapshot::failure;

fn program(path: &Utf8Path) -> datatest_stable::Result<()> {
    let expected_path = path.with_extension("stdout");
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|e| failure(format!("cannot read {expected_path}: {e}")))?;
    let expected_stderr =
        std::fs::read_to_string(path.with_extension("stderr")).unwrap_or_default();
    let output = common::run_script(path.as_std_path()).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() && stdout == expected && stderr == expected_stderr {
        return Ok(());
    }
    Err(failure(format!(
        "`keyton run {path}`: {}\n--- expected stdout ({expected_path})\n{expected}\n--- stdout\n{stdout}\n--- expected stderr\n{expected_stderr}\n--- stderr\n{stderr}",
        output.status
    )))
}

datatest_stable::harness! {
    { test = program, root = "../../tests/programs", pattern = r"\.kt$" },
}
