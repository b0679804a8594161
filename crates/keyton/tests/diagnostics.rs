//! Every `tests/diagnostics/*.kt` runs with `keyton run` and must fail with
//! exactly its `.stderr` file on stderr (compile-time errors and run-time
//! errors alike). `KEYTON_BLESS=1` writes the `.stderr` files instead, to be
//! reviewed before committing.

mod common;
mod snapshot;

use datatest_stable::Utf8Path;
use snapshot::failure;

fn diagnostic(path: &Utf8Path) -> datatest_stable::Result<()> {
    let expected_path = path.with_extension("stderr");
    let output = common::run_script(path.as_std_path()).output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        return Err(failure(format!(
            "`keyton run {path}` succeeded; expected an error\n--- stderr\n{stderr}"
        )));
    }
    if std::env::var_os("KEYTON_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&expected_path, stderr.as_bytes())?;
        return Ok(());
    }
    let Ok(expected) = std::fs::read_to_string(&expected_path) else {
        return Err(failure(format!(
            "{expected_path} is missing: run the tests with KEYTON_BLESS=1 to write it, and review it\n--- stderr\n{stderr}"
        )));
    };
    if stderr == expected {
        return Ok(());
    }
    Err(failure(format!(
        "stderr of `keyton run {path}` differs from {expected_path} (if the new text is right, rerun with KEYTON_BLESS=1 and review the diff)\n--- expected\n{expected}\n--- actual\n{stderr}"
    )))
}

datatest_stable::harness! {
    { test = diagnostic, root = "../../tests/diagnostics", pattern = r"\.kt$" },
}
