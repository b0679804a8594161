//! The control channel: interrupts and shutdowns (answered even while a
//! cell runs, since the shell channel is busy then), and kernel_info.

use crate::iopub::Publisher;
use crate::log::log;
use crate::replies::kernel_info;
use crate::requests::Request;
use crate::wire::{self, child};
use jupyter_protocol::{InterruptReply, JupyterMessageContent, ShutdownReply};
use jupyter_zmq_client::KernelControlConnection;
use keyton_session::Interrupter;
use tokio::sync::mpsc;

pub struct Control {
    pub interrupter: Interrupter,
    pub iopub: Publisher,
    /// Told (restart or not) when a shutdown has been answered.
    pub shutdown: mpsc::UnboundedSender<bool>,
}

pub async fn serve(mut socket: KernelControlConnection, control: Control) {
    loop {
        let incoming = match wire::receive(&mut socket).await {
            Ok(incoming) => incoming,
            Err(e) if e.is_closed() => return,
            Err(e) => {
                log!("control: dropped a message: {e}");
                continue;
            }
        };
        let message = incoming.message;
        let reply: JupyterMessageContent = match incoming.request {
            Request::KernelInfo => kernel_info().into(),
            Request::Interrupt => {
                control.interrupter.interrupt();
                InterruptReply::default().into()
            }
            Request::Shutdown { restart } => {
                let reply = ShutdownReply {
                    restart,
                    ..Default::default()
                };
                if let Err(e) = socket.send(child(reply, &message)).await {
                    log!("control: cannot reply: {e}");
                }
                control.iopub.flush().await;
                let _ = control.shutdown.send(restart);
                continue;
            }
            other => {
                log!("control: ignored {other:?}");
                continue;
            }
        };
        if let Err(e) = socket.send(child(reply, &message)).await {
            log!("control: cannot reply: {e}");
        }
    }
}
