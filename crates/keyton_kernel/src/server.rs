//! `keyton kernel run`: read the connection file, catch SIGINT, capture
//! fd 1 and fd 2, start the session on its executor thread, bind the five
//! sockets, and serve until a shutdown_request.

use crate::capture::Capture;
use crate::control::{self, Control};
use crate::error::KernelError;
use crate::executor::Executor;
use crate::interrupt::Sigint;
use crate::iopub::{self, Publisher};
use crate::log::log;
use crate::shell::{self, Shell};
use jupyter_protocol::ConnectionInfo;
use jupyter_zmq_client as zmq;
use keyton_compiler::Cache;
use keyton_session::Options;
use std::path::Path;
use std::sync::Arc;
use tokio::sync::mpsc;
use zeromq::{SocketRecv, SocketSend};

/// Run the kernel of `connection_file` until it is told to shut down.
/// Errors are also written to the kernel's log (fd 2 as it was at start).
pub fn run(connection_file: &Path) -> Result<(), KernelError> {
    crate::log::init();
    let result = start_and_serve(connection_file);
    if let Err(e) = &result {
        log!("error: {e}");
    }
    result
}

fn start_and_serve(connection_file: &Path) -> Result<(), KernelError> {
    let sigint = Sigint::catch().map_err(KernelError::Signal)?;
    let info = read_connection(connection_file)?;
    let (publisher, queue) = Publisher::new();
    let sink_publisher = publisher.clone();
    let sink = Arc::new(move |name, text| sink_publisher.stream(name, text));
    let capture = Capture::start(sink).map_err(KernelError::Capture)?;
    let dir = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let options = Options {
        cache: Cache::from_env()?,
        dir,
    };
    let executor =
        Executor::start(options, capture, publisher.clone()).map_err(KernelError::Session)?;
    sigint
        .forward(executor.interrupter())
        .map_err(KernelError::Signal)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(KernelError::EventLoop)?;
    runtime.block_on(serve(info, executor, publisher, queue))
}

fn read_connection(path: &Path) -> Result<ConnectionInfo, KernelError> {
    let text = std::fs::read_to_string(path).map_err(|source| KernelError::ReadConnection {
        path: path.into(),
        source,
    })?;
    let info: ConnectionInfo =
        serde_json::from_str(&text).map_err(|source| KernelError::BadConnection {
            path: path.into(),
            source,
        })?;
    if info.key.is_empty() {
        log!("the connection file has no key: messages are not signed");
    } else if info.signature_scheme != "hmac-sha256" {
        return Err(KernelError::SignatureScheme(info.signature_scheme));
    }
    Ok(info)
}

async fn serve(
    info: ConnectionInfo,
    executor: Executor,
    publisher: Publisher,
    queue: iopub::Queue,
) -> Result<(), KernelError> {
    let session_id = uuid::Uuid::new_v4().to_string();
    let bind = |channel| move |source| KernelError::Bind { channel, source };
    let iopub_socket = zmq::create_kernel_iopub_xpub_connection(&info, &session_id)
        .await
        .map_err(bind("iopub"))?;
    let shell_socket = zmq::create_kernel_shell_connection(&info, &session_id)
        .await
        .map_err(bind("shell"))?;
    let control_socket = zmq::create_kernel_control_connection(&info, &session_id)
        .await
        .map_err(bind("control"))?;
    let stdin_socket = zmq::create_kernel_stdin_connection(&info, &session_id)
        .await
        .map_err(bind("stdin"))?;
    let heartbeat_socket = zmq::create_kernel_heartbeat_connection(&info)
        .await
        .map_err(bind("heartbeat"))?;
    log!("listening ({})", info.shell_url());

    let (shutdown, mut shutdown_requested) = mpsc::unbounded_channel();
    tokio::spawn(iopub::serve(iopub_socket, queue, session_id.clone()));
    tokio::spawn(heartbeat(heartbeat_socket));
    tokio::spawn(discard_stdin(stdin_socket));
    let control = Control {
        interrupter: executor.interrupter(),
        iopub: publisher.clone(),
        shutdown: shutdown.clone(),
    };
    tokio::spawn(control::serve(control_socket, control));
    let shell = Shell {
        executor,
        iopub: publisher,
        shutdown,
        execution_count: 0,
        history: Default::default(),
    };
    tokio::spawn(shell::serve(shell_socket, shell));
    let restart = shutdown_requested.recv().await.unwrap_or(false);
    log!("shutting down (restart: {restart})");
    Ok(())
}

/// Echo every heartbeat back, as it came.
async fn heartbeat(mut socket: zmq::KernelHeartbeatConnection) {
    loop {
        let ping = match socket.socket.recv().await {
            Ok(ping) => ping,
            Err(zeromq::ZmqError::NoMessage) => return,
            Err(e) => {
                log!("heartbeat: {e}");
                continue;
            }
        };
        if let Err(e) = socket.socket.send(ping).await {
            log!("heartbeat: cannot answer: {e}");
        }
    }
}

/// Cells never ask for input (allow_stdin is not supported): whatever comes
/// on stdin is read and dropped, so it does not pile up.
async fn discard_stdin(mut socket: zmq::KernelStdinConnection) {
    loop {
        match socket.socket.recv().await {
            Ok(_) => log!("stdin: dropped a message (input is not supported)"),
            Err(zeromq::ZmqError::NoMessage) => return,
            Err(e) => log!("stdin: {e}"),
        }
    }
}
