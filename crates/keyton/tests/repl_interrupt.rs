//! Ctrl-C (SIGINT) while a cell runs an endless loop stops that cell with a
//! KeyboardInterrupt error; the REPL carries on with the next cell, and the
//! variables keep the values they had when the loop stopped.

#[expect(dead_code, reason = "common also serves the script tests")]
mod common;
#[path = "common/repl.rs"]
mod repl;

use std::io::{BufRead, BufReader, Read};

#[test]
fn sigint_stops_the_running_cell_and_the_session_goes_on() {
    // "looping" is printed once the loop has counted, so whenever the
    // signal lands after it, `n` is already above zero.
    let cells = "n = 0\nwhile true:\n    n += 1\n    if n == 1:\n        print(\"looping\")\n\nprint(\"after\", n > 0)\n";
    let mut child = repl::spawn(&std::env::temp_dir(), cells.as_bytes()).unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "looping\n", "the loop cell did not start");
    // The cell printed, so its loop is running now (or about to).
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(rest, "after true\n", "stderr:\n{stderr}");
    assert!(
        stderr.contains("KeyboardInterrupt") && stderr.contains("cell[1]:2:1"),
        "{stderr}"
    );
    assert_eq!(
        status.code(),
        Some(1),
        "a failed cell makes the exit code 1"
    );
}
