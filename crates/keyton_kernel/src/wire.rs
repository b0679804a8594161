//! Messages off and onto the sockets. Frames are split and their signature
//! checked by `jupyter-zmq-client`; the envelope is read here, and the
//! content leniently by [`Request::parse`]. Anything that fails is an error
//! for the caller to log and drop: it is never answered or run.

use crate::requests::Request;
use jupyter_protocol::{JupyterMessage, JupyterMessageContent, UnknownMessage};
use jupyter_zmq_client::{Connection, RawMessage, RuntimeError};
use serde_json::Value;
use zeromq::SocketRecv;

/// A request and the message it came in (to reply to).
pub struct Incoming {
    pub message: JupyterMessage,
    pub request: Request,
}

#[derive(Debug, thiserror::Error)]
pub enum WireError {
    /// Missing frames, or a signature that does not match the key.
    #[error("{0}")]
    Frames(#[from] RuntimeError),
    #[error("{0}")]
    Socket(#[from] zeromq::ZmqError),
    #[error("malformed {part}: {source}")]
    Json {
        part: &'static str,
        source: serde_json::Error,
    },
}

impl WireError {
    /// Whether the socket has closed (nothing more will come).
    pub fn is_closed(&self) -> bool {
        matches!(self, WireError::Socket(zeromq::ZmqError::NoMessage))
    }
}

/// The next message on `connection`, its signature checked.
pub async fn receive<S: SocketRecv>(connection: &mut Connection<S>) -> Result<Incoming, WireError> {
    let frames = connection.socket.recv().await?;
    let raw = RawMessage::from_multipart(frames, &connection.mac)?;
    decode(raw)
}

fn decode(raw: RawMessage) -> Result<Incoming, WireError> {
    let json = |part, index: usize| {
        serde_json::from_slice::<Value>(&raw.jparts[index])
            .map_err(|source| WireError::Json { part, source })
    };
    let header = serde_json::from_value::<jupyter_protocol::Header>(json("header", 0)?).map_err(
        |source| WireError::Json {
            part: "header",
            source,
        },
    )?;
    // An empty parent header (`{}`) is no parent.
    let parent_header = serde_json::from_slice(&raw.jparts[1]).ok();
    let metadata = json("metadata", 2).unwrap_or_default();
    let content = json("content", 3)?;
    let request = Request::parse(&header.msg_type, content).map_err(|source| WireError::Json {
        part: "content",
        source,
    })?;
    let message = JupyterMessage {
        zmq_identities: raw.zmq_identities,
        content: JupyterMessageContent::UnknownMessage(UnknownMessage {
            msg_type: header.msg_type.clone(),
            content: Value::Object(Default::default()),
        }),
        header,
        parent_header,
        metadata,
        buffers: raw.jparts[4..].to_vec(),
        channel: None,
    };
    Ok(Incoming { message, request })
}

/// A message answering (or published about) `parent`.
pub fn child(content: impl Into<JupyterMessageContent>, parent: &JupyterMessage) -> JupyterMessage {
    let mut message = JupyterMessage::new(content, Some(parent));
    message.header.username = "keyton".into();
    message
}

/// Content of type `msg_type` given as JSON, for the replies whose exact
/// shape the typed structs cannot give.
pub fn json_content(msg_type: &str, content: Value) -> JupyterMessageContent {
    JupyterMessageContent::UnknownMessage(UnknownMessage {
        msg_type: msg_type.into(),
        content,
    })
}
