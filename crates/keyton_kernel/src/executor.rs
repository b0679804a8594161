//! The executor thread: the one thread that owns the session (which is not
//! `Send`) for the kernel's whole life, on a large stack for deep recursion.
//! The protocol side sends it jobs and awaits their answers; rich output is
//! published as it happens, each time after the captured fd text before it.

use crate::capture::Capture;
use crate::iopub::Publisher;
use crate::log::log;
use crate::media::media;
use jupyter_protocol::{DisplayData, ExecuteResult, JupyterMessage, StreamContent, Transient};
use keyton_session::{CellFailure, Completions, Interrupter, Options, Output, Session};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use tokio::sync::oneshot;

const STACK_SIZE: usize = 1 << 30;

/// A cell to run, as the protocol side describes it.
pub struct Cell {
    pub code: String,
    pub execution_count: usize,
    /// No execute_result is published for a silent cell.
    pub silent: bool,
    pub parent: JupyterMessage,
}

/// What running a cell gave.
pub struct Executed {
    pub result: Result<(), CellFailure>,
    /// The cell's result as plain text (for the history), if it had one.
    pub text_result: Option<String>,
}

enum Job {
    Execute(Box<Cell>, oneshot::Sender<Executed>),
    Complete(String, usize, oneshot::Sender<Completions>),
    Inspect(String, usize, oneshot::Sender<Option<String>>),
}

/// The protocol side's handle on the executor thread.
pub struct Executor {
    jobs: mpsc::Sender<Job>,
    interrupter: Interrupter,
}

impl Executor {
    /// Start the thread and the session on it; the session's error if it
    /// does not start.
    pub fn start(
        options: Options,
        capture: Capture,
        publisher: Publisher,
    ) -> Result<Executor, String> {
        let (jobs, queue) = mpsc::channel();
        let (started, start_result) = mpsc::channel();
        std::thread::Builder::new()
            .name("keyton-executor".into())
            .stack_size(STACK_SIZE)
            .spawn(move || match Session::start(options) {
                Ok(mut session) => {
                    let _ = started.send(Ok(session.interrupter()));
                    serve(&mut session, &queue, &capture, &publisher);
                }
                Err(e) => {
                    let _ = started.send(Err(e.to_string()));
                }
            })
            .map_err(|e| format!("cannot start the executor thread: {e}"))?;
        let interrupter = start_result
            .recv()
            .map_err(|_| "the executor thread stopped while starting".to_string())??;
        Ok(Executor { jobs, interrupter })
    }

    pub fn interrupter(&self) -> Interrupter {
        self.interrupter
    }

    pub async fn execute(&self, cell: Cell) -> Executed {
        let (done, answer) = oneshot::channel();
        let _ = self.jobs.send(Job::Execute(Box::new(cell), done));
        answer.await.unwrap_or_else(|_| Executed {
            result: Err(CellFailure {
                ename: "KernelError".into(),
                evalue: "the executor thread has stopped; restart the kernel".into(),
                traceback: Vec::new(),
            }),
            text_result: None,
        })
    }

    /// Completions at `cursor` (a byte offset), none if the thread is gone.
    pub async fn complete(&self, code: String, cursor: usize) -> Option<Completions> {
        let (done, answer) = oneshot::channel();
        let _ = self.jobs.send(Job::Complete(code, cursor, done));
        answer.await.ok()
    }

    pub async fn inspect(&self, code: String, cursor: usize) -> Option<String> {
        let (done, answer) = oneshot::channel();
        let _ = self.jobs.send(Job::Inspect(code, cursor, done));
        answer.await.ok().flatten()
    }
}

/// The executor thread's loop: run jobs until the kernel drops its handle.
fn serve(session: &mut Session, queue: &mpsc::Receiver<Job>, capture: &Capture, iopub: &Publisher) {
    while let Ok(job) = queue.recv() {
        match job {
            Job::Execute(cell, done) => {
                let _ = done.send(execute(session, *cell, capture, iopub));
            }
            Job::Complete(code, cursor, done) => {
                let _ = done.send(session.complete(&code, cursor));
            }
            Job::Inspect(code, cursor, done) => {
                let _ = done.send(session.inspect(&code, cursor));
            }
        }
    }
}

fn execute(session: &mut Session, cell: Cell, capture: &Capture, iopub: &Publisher) -> Executed {
    iopub.set_current(&cell.parent);
    let parent = &cell.parent;
    let mut text_result = None;
    let mut publish = |output: Output| {
        capture.sync();
        match output {
            Output::Stdout(text) => iopub.send(StreamContent::stdout(&text), parent),
            Output::Stderr(text) | Output::Progress(text) => {
                iopub.send(StreamContent::stderr(&text), parent)
            }
            Output::Display { mime, data } => {
                iopub.send(DisplayData::new(media(&mime, data)), parent);
            }
            Output::Result { mime, data } => {
                if mime == "text/plain" {
                    text_result = Some(String::from_utf8_lossy(&data).into_owned());
                }
                if !cell.silent {
                    let result = ExecuteResult {
                        execution_count: cell.execution_count.into(),
                        data: media(&mime, data),
                        metadata: Default::default(),
                        transient: Some(Transient { display_id: None }),
                    };
                    iopub.send(result, parent);
                }
            }
        }
    };
    let run = catch_unwind(AssertUnwindSafe(|| {
        session.execute(&cell.code, &mut publish)
    }));
    let result = run.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        log!("the session panicked running a cell: {what}");
        Err(CellFailure {
            ename: "InternalError".into(),
            evalue: format!("the kernel's session panicked (a bug in Keyton): {what}"),
            traceback: Vec::new(),
        })
    });
    capture.sync();
    Executed {
        result,
        text_result,
    }
}
