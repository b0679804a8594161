//! What can stop the kernel from starting or installing.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    #[error("cannot read the connection file {}: {source}", path.display())]
    ReadConnection { path: PathBuf, source: io::Error },
    #[error("the connection file {} is not valid: {source}", path.display())]
    BadConnection {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("signature scheme `{0}` is not supported (Keyton signs with hmac-sha256)")]
    SignatureScheme(String),
    #[error("cannot bind the {channel} socket: {source}")]
    Bind {
        channel: &'static str,
        source: jupyter_zmq_client::RuntimeError,
    },
    #[error("cannot capture cell output: {0}")]
    Capture(io::Error),
    #[error("cannot handle SIGINT: {0}")]
    Signal(io::Error),
    #[error("cannot start the kernel's event loop: {0}")]
    EventLoop(io::Error),
    #[error(transparent)]
    Cache(#[from] keyton_compiler::Error),
    #[error("the session did not start: {0}")]
    Session(String),
    #[error("cannot write the kernelspec in {}: {source}", path.display())]
    Install { path: PathBuf, source: io::Error },
    #[error("no HOME: cannot find the user's Jupyter data directory (set JUPYTER_DATA_DIR)")]
    NoHome,
    #[error(
        "no Python environment for --sys-prefix: activate one (VIRTUAL_ENV) or put python3 on \
         PATH, or use --user or --prefix"
    )]
    NoSysPrefix,
}
