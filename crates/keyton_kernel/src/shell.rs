//! The shell channel: requests are answered one at a time, in order, each
//! between a busy and an idle status on iopub. Cells, completions and
//! inspections go to the executor thread; the execution count and the
//! history live here.

use crate::executor::{Cell, Executor};
use crate::history::{self, Entry, History};
use crate::iopub::Publisher;
use crate::log::log;
use crate::replies::kernel_info;
use crate::requests::{self, Request};
use crate::wire::{self, child, json_content};
use jupyter_protocol::{
    CommClose, CommInfoReply, CompleteReply, ErrorOutput, ExecuteInput, ExecuteReply,
    ExecutionState, InspectReply, IsCompleteReply, IsCompleteReplyStatus, JupyterMessage,
    JupyterMessageContent, Media, MediaType, ReplyError, ReplyStatus, ShutdownReply,
};
use jupyter_zmq_client::KernelShellConnection;
use keyton_session::IsComplete;
use serde_json::json;
use tokio::sync::mpsc;

pub struct Shell {
    pub executor: Executor,
    pub iopub: Publisher,
    /// Told (restart or not) when a shutdown has been answered.
    pub shutdown: mpsc::UnboundedSender<bool>,
    pub execution_count: usize,
    pub history: History,
}

pub async fn serve(mut socket: KernelShellConnection, mut shell: Shell) {
    loop {
        let incoming = match wire::receive(&mut socket).await {
            Ok(incoming) => incoming,
            Err(e) if e.is_closed() => return,
            Err(e) => {
                log!("shell: dropped a message: {e}");
                continue;
            }
        };
        let message = incoming.message;
        shell.iopub.status(ExecutionState::Busy, &message);
        let shutdown = match incoming.request {
            Request::Shutdown { restart } => Some(restart),
            _ => None,
        };
        if let Some(reply) = shell.handle(incoming.request, &message).await
            && let Err(e) = socket.send(child(reply, &message)).await
        {
            log!("shell: cannot reply: {e}");
        }
        shell.iopub.status(ExecutionState::Idle, &message);
        if let Some(restart) = shutdown {
            shell.iopub.flush().await;
            let _ = shell.shutdown.send(restart);
        }
    }
}

impl Shell {
    /// The reply to `request`, if it has one.
    async fn handle(
        &mut self,
        request: Request,
        message: &JupyterMessage,
    ) -> Option<JupyterMessageContent> {
        Some(match request {
            Request::KernelInfo => kernel_info().into(),
            Request::Execute(execute) => self.execute(execute, message).await.into(),
            Request::IsComplete { code } => is_complete(&code).into(),
            Request::Complete { code, cursor_pos } => {
                let cursor = byte_offset(&code, cursor_pos);
                let completions = self.executor.complete(code.clone(), cursor).await;
                let (matches, start, end) = completions.map_or((Vec::new(), cursor, cursor), |c| {
                    (c.matches, c.start, c.end)
                });
                CompleteReply {
                    matches,
                    cursor_start: code_points(&code, start),
                    cursor_end: code_points(&code, end),
                    ..Default::default()
                }
                .into()
            }
            Request::Inspect { code, cursor_pos } => {
                let cursor = byte_offset(&code, cursor_pos);
                let text = self.executor.inspect(code, cursor).await;
                InspectReply {
                    found: text.is_some(),
                    data: Media {
                        content: text.map(MediaType::Plain).into_iter().collect(),
                    },
                    ..Default::default()
                }
                .into()
            }
            Request::History(query) => self.history_reply(&query),
            Request::CommInfo => CommInfoReply::default().into(),
            Request::CommOpen { comm_id } => {
                // No comm targets: close it, as a kernel does for an
                // unknown target.
                let close = CommClose {
                    comm_id: comm_id.into(),
                    data: Default::default(),
                };
                self.iopub.send(close, message);
                return None;
            }
            Request::CommOther => return None,
            Request::Interrupt => {
                self.executor.interrupter().interrupt();
                jupyter_protocol::InterruptReply::default().into()
            }
            Request::Shutdown { restart } => ShutdownReply {
                restart,
                ..Default::default()
            }
            .into(),
            Request::Unknown(msg_type) => {
                log!("shell: ignored a message of unknown type `{msg_type}`");
                return None;
            }
        })
    }

    async fn execute(
        &mut self,
        request: requests::Execute,
        message: &JupyterMessage,
    ) -> ExecuteReply {
        let store = request.store_history && !request.silent;
        if store {
            self.execution_count += 1;
        }
        let execution_count = self.execution_count;
        if !request.silent {
            let input = ExecuteInput {
                code: request.code.clone(),
                execution_count: execution_count.into(),
            };
            self.iopub.send(input, message);
        }
        let cell = Cell {
            code: request.code.clone(),
            execution_count,
            silent: request.silent,
            parent: message.clone(),
        };
        let executed = self.executor.execute(cell).await;
        if store {
            self.history.push(Entry {
                line: execution_count,
                input: request.code,
                output: executed.text_result,
            });
        }
        let mut reply = ExecuteReply {
            execution_count: execution_count.into(),
            user_expressions: Some(Default::default()),
            ..Default::default()
        };
        if let Err(failure) = executed.result {
            let error = ErrorOutput {
                ename: failure.ename.clone(),
                evalue: failure.evalue.clone(),
                traceback: failure.traceback.clone(),
            };
            self.iopub.send(error, message);
            reply.status = ReplyStatus::Error;
            reply.error = Some(Box::new(ReplyError {
                ename: failure.ename,
                evalue: failure.evalue,
                traceback: failure.traceback,
            }));
        }
        reply
    }

    fn history_reply(&self, query: &requests::History) -> JupyterMessageContent {
        let with_output = query.output.unwrap_or(false);
        let entries: Vec<_> = self
            .history
            .query(query)
            .into_iter()
            .map(|e| {
                if with_output {
                    json!([history::SESSION, e.line, [e.input, e.output]])
                } else {
                    json!([history::SESSION, e.line, e.input])
                }
            })
            .collect();
        json_content("history_reply", json!({"status": "ok", "history": entries}))
    }
}

fn is_complete(code: &str) -> IsCompleteReply {
    match keyton_session::is_complete(code) {
        IsComplete::Complete => {
            IsCompleteReply::new(IsCompleteReplyStatus::Complete, String::new())
        }
        IsComplete::Incomplete { indent } => {
            IsCompleteReply::new(IsCompleteReplyStatus::Incomplete, indent)
        }
        IsComplete::Invalid => IsCompleteReply::new(IsCompleteReplyStatus::Invalid, String::new()),
    }
}

/// The byte offset of code point `cursor_pos` (Jupyter counts code points).
fn byte_offset(code: &str, cursor_pos: usize) -> usize {
    code.char_indices()
        .nth(cursor_pos)
        .map_or(code.len(), |(i, _)| i)
}

/// The code point index of byte offset `offset` (clamped to the code, and
/// to the character it falls in).
fn code_points(code: &str, offset: usize) -> usize {
    code.char_indices().take_while(|&(i, _)| i < offset).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_positions_convert_between_code_points_and_bytes() {
        let code = "é = \"☃\"; pr";
        assert_eq!(byte_offset(code, 1), 2);
        assert_eq!(byte_offset(code, code.chars().count()), code.len());
        assert_eq!(byte_offset(code, 999), code.len());
        for n in 0..=code.chars().count() {
            assert_eq!(code_points(code, byte_offset(code, n)), n);
        }
        assert_eq!(code_points(code, 999), code.chars().count());
    }
}
