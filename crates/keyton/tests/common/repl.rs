//! `keyton repl` with cells piped on its stdin (then closed), stdout and
//! stderr piped back: the session engine a notebook uses, driven as a test.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};

/// Start `keyton repl` in `dir` (notebook-relative paths start there) with
/// `cells` as its whole input.
pub fn spawn(dir: &Path, cells: &[u8]) -> std::io::Result<Child> {
    let mut child = crate::common::keyton(dir)
        .arg("repl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child.stdin.take().expect("piped").write_all(cells)?;
    Ok(child)
}
