//! Running cargo for a layer build: its status lines ("Compiling tokio
//! v1.48.0") passed on as they come, its JSON messages collected, and its
//! errors cut down to what a person reads.

use crate::Error;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;

/// At most this many lines of cargo's errors are reported, each cut at
/// [`LINE_CHARS`] characters (cargo lists every version of a crate on one).
const ERROR_LINES: usize = 12;
const LINE_CHARS: usize = 200;

/// The first words of cargo's status lines that are worth showing while a
/// build runs.
const STATUS: &[&str] = &[
    "Adding",
    "Blocking",
    "Compiling",
    "Downgrading",
    "Downloaded",
    "Downloading",
    "Finished",
    "Locking",
    "Removing",
    "Updating",
];

/// What a cargo run left.
pub(crate) struct CargoRun {
    pub success: bool,
    /// Everything cargo wrote to stderr.
    pub stderr: String,
    /// Each line of stdout that is a JSON object (with
    /// `--message-format=json...`); other lines are left out.
    pub messages: Vec<serde_json::Value>,
    /// stdout's lines that are not JSON (`cargo tree`'s output).
    pub stdout_lines: Vec<String>,
}

/// Run `cargo`, passing each status line of its stderr to `progress`
/// (trimmed) as it comes.
pub(crate) fn run(mut cargo: Command, progress: &mut dyn FnMut(&str)) -> Result<CargoRun, Error> {
    let mut child = cargo
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(Error::NoCargo)?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err(Error::NoCargo(std::io::Error::other("no pipes to cargo")));
    };
    let (lines, received) = mpsc::channel::<String>();
    let stderr_reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let stdout_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = BufReader::new(stdout).read_to_string(&mut text);
        text
    });
    let mut stderr_text = String::new();
    for line in received {
        if is_status(&line) {
            progress(line.trim());
        }
        stderr_text.push_str(&line);
        stderr_text.push('\n');
    }
    let _ = stderr_reader.join();
    let stdout_text = stdout_reader.join().unwrap_or_default();
    let status = child.wait().map_err(Error::NoCargo)?;
    let mut messages = Vec::new();
    let mut stdout_lines = Vec::new();
    for line in stdout_text.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value @ serde_json::Value::Object(_)) => messages.push(value),
            _ => stdout_lines.push(line.to_string()),
        }
    }
    Ok(CargoRun {
        success: status.success(),
        stderr: stderr_text,
        messages,
        stdout_lines,
    })
}

fn is_status(line: &str) -> bool {
    let word = line.trim_start().split(' ').next().unwrap_or("");
    STATUS.contains(&word)
}

/// The part of cargo's stderr that says what went wrong: from its first
/// `error` line, at most [`ERROR_LINES`] lines, and how many more errors
/// there were. All of it, cut, when no line starts with `error`.
pub(crate) fn brief_errors(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !is_status(line) && !line.starts_with("warning: build failed"))
        // Where the requirement came from: the layer package, which the
        // user never wrote.
        .filter(|line| {
            !line
                .trim_start_matches([' ', '.'])
                .starts_with("required by package `keyton_deps")
        })
        .collect();
    let first = lines
        .iter()
        .position(|line| line.starts_with("error"))
        .unwrap_or(0);
    let shown: Vec<String> = lines[first..]
        .iter()
        .take(ERROR_LINES)
        .map(|line| match line.char_indices().nth(LINE_CHARS) {
            Some((end, _)) => format!("{} ...", &line[..end]),
            None => line.to_string(),
        })
        .collect();
    let more = lines[first..]
        .iter()
        .skip(ERROR_LINES)
        .filter(|line| line.starts_with("error"))
        .count();
    let mut brief = shown.join("\n").trim_end().to_string();
    if more > 0 {
        brief.push_str(&format!("\n... and {more} more error lines"));
    }
    brief
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_cut_to_the_first_lines() {
        let mut stderr = String::from("    Updating crates.io index\nwarning: unused\n");
        stderr.push_str("error: no matching package named `nope` found\n");
        stderr.push_str("location searched: crates.io index\n");
        stderr.push_str("required by package `keyton_deps_2_0123 v0.0.0 (/x)`\n");
        for n in 0..40 {
            stderr.push_str(&format!("error[E0425]: cannot find value `x{n}`\n"));
        }
        let brief = brief_errors(&stderr);
        assert!(brief.starts_with("error: no matching package named `nope`"));
        assert_eq!(brief.lines().count(), ERROR_LINES + 1);
        assert!(brief.ends_with("and 30 more error lines"), "{brief}");
        assert!(!brief.contains("Updating"));
        assert!(!brief.contains("required by"));
        let long = format!("error: versions: {}", "1.0.0, ".repeat(100));
        let brief = brief_errors(&long);
        assert!(
            brief.len() < LINE_CHARS + 10 && brief.ends_with(" ..."),
            "{brief}"
        );
    }

    #[test]
    fn status_lines_are_recognised() {
        assert!(is_status("   Compiling tokio v1.48.0"));
        assert!(is_status("  Downloaded itoa v1.0.15"));
        assert!(!is_status("error: could not compile"));
        assert!(!is_status("   = note: see"));
    }
}
