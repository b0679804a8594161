//! What every end-to-end test needs: the real `keyton` binary, pointed at
//! one cache shared by the whole test run, so the runtime is built once and
//! parallel tests (one process each under nextest) exercise its locking.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The cache of every test of this run, under cargo's target directory.
pub fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("keyton-test-cache")
}

/// `keyton` run in `dir`, with the shared cache and no stdin.
pub fn keyton(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_keyton"));
    command
        .current_dir(dir)
        .env("KEYTON_CACHE_DIR", cache_dir())
        .stdin(Stdio::null());
    command
}

/// `keyton run NAME` in the directory holding the script, NAME being its
/// file name, so that messages say `NAME` wherever the script lives.
pub fn run_script(path: &Path) -> Command {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut command = keyton(dir);
    command
        .arg("run")
        .arg(path.file_name().expect("a script file"));
    command
}
