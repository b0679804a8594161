//! Every `tests/sessions/*.kt` is a notebook session replayed through the
//! REPL: `keyton repl` reads it on stdin as cells (separated by blank lines
//! before a top-level statement), and must print exactly its `.stdout` and
//! `.stderr` files. A session with a `.stderr` file has failing cells, so
//! the REPL must exit with 1; one without must exit with 0.
//! `KEYTON_BLESS=1` writes both files instead, to be reviewed.

#[expect(dead_code, reason = "common also serves the script tests")]
mod common;
#[path = "common/repl.rs"]
mod repl;
mod snapshot;

use datatest_stable::Utf8Path;
use snapshot::failure;

fn session(path: &Utf8Path) -> datatest_stable::Result<()> {
    let cells = std::fs::read(path)?;
    let dir = path.parent().expect("a file in tests/sessions");
    let child = repl::spawn(dir.as_std_path(), &cells)?;
    let output = child.wait_with_output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let (stdout_path, stderr_path) = (path.with_extension("stdout"), path.with_extension("stderr"));
    if std::env::var_os("KEYTON_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&stdout_path, stdout.as_bytes())?;
        if stderr.is_empty() {
            let _ = std::fs::remove_file(&stderr_path);
        } else {
            std::fs::write(&stderr_path, stderr.as_bytes())?;
        }
        return Ok(());
    }
    let expected_stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let expected_stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let expected_code = if expected_stderr.is_empty() { 0 } else { 1 };
    if output.status.code() == Some(expected_code)
        && stdout == expected_stdout
        && stderr == expected_stderr
    {
        return Ok(());
    }
    Err(failure(format!(
        "`keyton repl < {path}`: {} (expected exit code {expected_code}; KEYTON_BLESS=1 rewrites the expected files)\n--- expected stdout\n{expected_stdout}\n--- stdout\n{stdout}\n--- expected stderr\n{expected_stderr}\n--- stderr\n{stderr}",
        output.status
    )))
}

datatest_stable::harness! {
    { test = session, root = "../../tests/sessions", pattern = r"\.kt$" },
}
