//! Cell output capture. At kernel start fd 1 and fd 2 are pointed at pipes;
//! one thread per pipe forwards what arrives, in batches, to a sink (the
//! iopub stream messages). [`Capture::sync`] writes a sentinel to each pipe
//! and waits until its reader has passed it, so that everything a cell wrote
//! before is forwarded before whatever the kernel sends next.

use crate::log::log;
use crate::splitter::{Piece, Splitter};
use jupyter_protocol::Stdio;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{FromRawFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long a reader gathers more text before forwarding what it has: a
/// loop of many small prints becomes a few messages.
const BATCH_WINDOW: Duration = Duration::from_millis(25);
/// Forward at once past this many bytes.
const MAX_BATCH: usize = 256 * 1024;
/// A failure guard: `sync` gives up waiting (and logs) after this long.
const SYNC_GUARD: Duration = Duration::from_secs(30);

/// Where forwarded text goes: the stream's name and its text.
pub type Sink = Arc<dyn Fn(Stdio, String) + Send + Sync>;

/// The capture of fd 1 and fd 2 (see the module doc).
pub struct Capture {
    streams: Vec<Stream>,
}

/// One captured fd: the sentinels written to it and the last one its reader
/// has passed.
struct Stream {
    fd: RawFd,
    marker: Vec<u8>,
    written: AtomicU64,
    passed: Arc<Passed>,
}

#[derive(Default)]
struct Passed {
    number: Mutex<u64>,
    changed: Condvar,
}

impl Capture {
    /// Redirect fd 1 and fd 2 to pipes and start their readers.
    pub fn start(sink: Sink) -> io::Result<Capture> {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let mut streams = Vec::new();
        for (fd, name) in [(1, Stdio::Stdout), (2, Stdio::Stderr)] {
            let marker = format!("\0keyton-sync-{token}-{fd}:").into_bytes();
            let reader = redirect(fd)?;
            let passed = Arc::new(Passed::default());
            let thread_passed = passed.clone();
            let thread_sink = sink.clone();
            let thread_marker = marker.clone();
            std::thread::Builder::new()
                .name(format!("keyton-capture-{fd}"))
                .spawn(move || {
                    forward(reader, thread_marker, name, &thread_sink, &thread_passed)
                })?;
            streams.push(Stream {
                fd,
                marker,
                written: AtomicU64::new(0),
                passed,
            });
        }
        Ok(Capture { streams })
    }

    /// Return once everything written to fd 1 and fd 2 so far (Rust's
    /// buffered stdout included) has been given to the sink.
    pub fn sync(&self) {
        let _ = io::stdout().flush();
        let _ = io::stderr().flush();
        for stream in &self.streams {
            let number = stream.written.fetch_add(1, Ordering::SeqCst) + 1;
            let mut sentinel = stream.marker.clone();
            sentinel.extend_from_slice(format!("{number}\0").as_bytes());
            if let Err(e) = write_fd(stream.fd, &sentinel) {
                log!("cannot write a sync mark to fd {}: {e}", stream.fd);
                continue;
            }
            stream.passed.wait_for(number, stream.fd);
        }
    }
}

impl Passed {
    fn set(&self, number: u64) {
        let mut passed = self.number.lock().unwrap_or_else(|e| e.into_inner());
        *passed = (*passed).max(number);
        self.changed.notify_all();
    }

    fn wait_for(&self, number: u64, fd: RawFd) {
        let deadline = Instant::now() + SYNC_GUARD;
        let mut passed = self.number.lock().unwrap_or_else(|e| e.into_inner());
        while *passed < number {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                log!("fd {fd}: output not forwarded after {SYNC_GUARD:?}; going on");
                return;
            }
            passed = match self.changed.wait_timeout(passed, left) {
                Ok((guard, _)) => guard,
                Err(e) => e.into_inner().0,
            };
        }
    }
}

/// Point `fd` at the write end of a new pipe; the read end, to read from.
fn redirect(fd: RawFd) -> io::Result<File> {
    let mut ends = [0; 2];
    // SAFETY: `ends` has room for the two descriptors pipe writes.
    check(unsafe { libc::pipe(ends.as_mut_ptr()) })?;
    let [read_end, write_end] = ends;
    // SAFETY: plain descriptor calls on descriptors this function owns; the
    // read end is kept from child processes (a cell's subprocesses must
    // not hold it), the write end is closed once fd points at it.
    unsafe {
        check(libc::fcntl(read_end, libc::F_SETFD, libc::FD_CLOEXEC))?;
        check(libc::dup2(write_end, fd))?;
        libc::close(write_end);
    }
    // SAFETY: the read end is owned by the File from here on.
    Ok(unsafe { File::from_raw_fd(read_end) })
}

/// The reader thread of one pipe: until the pipe closes, wait for text,
/// gather more for up to `BATCH_WINDOW`, forward it; mark the sentinels
/// passed as they go by.
fn forward(mut pipe: File, marker: Vec<u8>, name: Stdio, sink: &Sink, passed: &Passed) {
    use std::os::fd::AsRawFd;
    let fd = pipe.as_raw_fd();
    let mut splitter = Splitter::new(marker);
    let mut buf = vec![0u8; 64 * 1024];
    let deliver = |pieces: Vec<Piece>| {
        for piece in pieces {
            match piece {
                Piece::Text(text) => sink(name.clone(), text),
                Piece::Sync(number) => passed.set(number),
            }
        }
    };
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => splitter.push(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                log!("reading captured fd: {e}");
                return;
            }
        }
        let deadline = Instant::now() + BATCH_WINDOW;
        loop {
            deliver(splitter.take(false));
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || splitter.pending() >= MAX_BATCH || !readable(fd, left) {
                break;
            }
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => splitter.push(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        deliver(splitter.take(true));
    }
}

/// Whether `fd` has something to read (or has closed) within `timeout`.
fn readable(fd: RawFd, timeout: Duration) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = timeout.as_millis().clamp(1, i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd, and its count.
    unsafe { libc::poll(&mut poll, 1, millis) > 0 }
}

/// Write all of `bytes` to `fd` (not owned: it stays open).
fn write_fd(fd: RawFd, bytes: &[u8]) -> io::Result<()> {
    // SAFETY: the File is never dropped, so `fd` is not closed.
    let mut file = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    file.write_all(bytes)
}

fn check(result: libc::c_int) -> io::Result<()> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}
