//! The Keyton Jupyter kernel (messaging protocol 5.3).
//!
//! [`run`] serves one kernel: the wire protocol (`server`, `wire`,
//! `requests`, `shell`, `control`, `iopub`, `replies`, `history`), the
//! executor thread that owns the session (`executor`, `media`), capture of
//! what cells write to fd 1 and fd 2 (`capture`, `splitter`), and SIGINT
//! (`interrupt`). [`install`] writes the kernelspec.

mod capture;
mod control;
mod error;
mod executor;
mod history;
mod install;
mod interrupt;
mod iopub;
mod log;
mod media;
mod replies;
mod requests;
mod server;
mod shell;
mod splitter;
mod wire;

pub use error::KernelError;
pub use install::{Location, install};
pub use server::run;
