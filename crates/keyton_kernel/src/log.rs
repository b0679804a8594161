//! The kernel's own log: lines on the stderr the kernel was started with
//! (Jupyter's server log), never on fd 2 as cells see it, since fd 2 is
//! captured into the notebook once the kernel runs.

use std::fs::File;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::sync::{Mutex, OnceLock};

static LOG: OnceLock<Mutex<File>> = OnceLock::new();

/// Keep a duplicate of the current fd 2 as the log. Called once, before fd 2
/// is redirected; later calls keep the first log.
pub fn init() {
    // SAFETY: dup returns a new descriptor that nothing else owns, or -1.
    let fd = unsafe { libc::dup(2) };
    if fd >= 0 {
        // SAFETY: `fd` is a fresh descriptor, owned by the File from here on.
        let file = unsafe { File::from_raw_fd(fd) };
        let _ = LOG.set(Mutex::new(file));
    }
}

/// Write one line to the log (to fd 2 if `init` was not called).
pub fn write(args: std::fmt::Arguments<'_>) {
    let line = format!("[keyton kernel] {args}\n");
    match LOG.get() {
        Some(log) => {
            let mut file = log.lock().unwrap_or_else(|e| e.into_inner());
            let _ = file.write_all(line.as_bytes());
        }
        None => {
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
    }
}

/// `log!("format", args...)`: one line in the kernel's log.
macro_rules! log {
    ($($arg:tt)*) => {
        $crate::log::write(format_args!($($arg)*))
    };
}
pub(crate) use log;
