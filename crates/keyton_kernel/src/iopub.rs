//! The iopub channel: every part of the kernel publishes through a
//! [`Publisher`] (any thread); one task sends in that order on the XPUB
//! socket and greets each new subscriber with `iopub_welcome` (JEP 65), so a
//! client knows when it will see what follows.

use crate::log::log;
use crate::wire::child;
use bytes::Bytes;
use jupyter_protocol::{ExecutionState, Stdio};
use jupyter_protocol::{
    IoPubWelcome, JupyterMessage, JupyterMessageContent, Status, StreamContent,
};
use jupyter_zmq_client::{KernelIoPubXPubConnection, SubscriptionEvent};
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, oneshot};

#[derive(Clone)]
pub struct Publisher {
    queue: mpsc::UnboundedSender<Outgoing>,
    /// The request that stream text captured from fd 1 and fd 2 belongs to:
    /// the execute_request running, or the last one.
    current: Arc<Mutex<Option<JupyterMessage>>>,
}

/// What the iopub task takes messages from.
pub type Queue = mpsc::UnboundedReceiver<Outgoing>;

pub enum Outgoing {
    Message(Box<JupyterMessage>),
    /// Answered once everything queued before it has been sent.
    Flush(oneshot::Sender<()>),
}

impl Publisher {
    pub fn new() -> (Publisher, Queue) {
        let (queue, receiver) = mpsc::unbounded_channel();
        let current = Arc::new(Mutex::new(None));
        (Publisher { queue, current }, receiver)
    }

    /// Publish `content` about `parent`.
    pub fn send(&self, content: impl Into<JupyterMessageContent>, parent: &JupyterMessage) {
        // The task is gone only when the kernel is shutting down.
        let _ = self
            .queue
            .send(Outgoing::Message(Box::new(child(content, parent))));
    }

    /// Return once everything published so far has been sent.
    pub async fn flush(&self) {
        let (done, flushed) = oneshot::channel();
        if self.queue.send(Outgoing::Flush(done)).is_ok() {
            let _ = flushed.await;
        }
    }

    pub fn status(&self, state: ExecutionState, parent: &JupyterMessage) {
        self.send(
            Status {
                execution_state: state,
            },
            parent,
        );
    }

    /// From now on, captured text belongs to `parent`.
    pub fn set_current(&self, parent: &JupyterMessage) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some(parent.clone());
    }

    /// Publish captured text as a stream message of the current request
    /// (text written before any request goes to the log instead).
    pub fn stream(&self, name: Stdio, text: String) {
        let current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        match current.as_ref() {
            Some(parent) => self.send(StreamContent { name, text }, parent),
            None => log!("output outside a cell: {text}"),
        }
    }
}

/// Send what `queue` gives, in order, until every publisher is gone; answer
/// subscriptions with a welcome.
pub async fn serve(mut socket: KernelIoPubXPubConnection, mut queue: Queue, kernel_id: String) {
    loop {
        // Both futures are cancel-safe: an unfinished one loses nothing.
        let (message, topic) = tokio::select! {
            event = socket.recv_subscription() => match event {
                // The welcome goes out under the topic subscribed to, so
                // that this subscriber, whatever its filter, gets it.
                Ok(SubscriptionEvent::Subscribe(topic)) => {
                    let mut welcome = JupyterMessage::new(IoPubWelcome::new(topic.clone()), None);
                    welcome.header.username = "keyton".into();
                    (welcome, topic)
                }
                Ok(_) => continue,
                Err(e) => {
                    log!("iopub: {e}");
                    continue;
                }
            },
            message = queue.recv() => match message {
                Some(Outgoing::Flush(done)) => {
                    let _ = done.send(());
                    continue;
                }
                Some(Outgoing::Message(message)) => {
                    let topic = format!("kernel.{kernel_id}.{}", message.message_type());
                    (*message, topic)
                }
                None => return,
            },
        };
        let message = message.with_zmq_identities(vec![Bytes::from(topic)]);
        if let Err(e) = socket.send(message).await {
            log!("iopub: cannot send: {e}");
        }
    }
}
