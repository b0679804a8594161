//! The requests the kernel answers, read leniently from a message's type and
//! content: fields a client may leave out get their protocol defaults, so a
//! request is never dropped for a missing optional field.

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug)]
pub enum Request {
    KernelInfo,
    Execute(Execute),
    IsComplete {
        code: String,
    },
    Complete {
        code: String,
        cursor_pos: usize,
    },
    Inspect {
        code: String,
        cursor_pos: usize,
    },
    History(History),
    CommInfo,
    CommOpen {
        comm_id: String,
    },
    /// comm_msg and comm_close: there are no comms to take them.
    CommOther,
    Interrupt,
    Shutdown {
        restart: bool,
    },
    /// A type this kernel does not know (its name).
    Unknown(String),
}

#[derive(Debug, Deserialize)]
pub struct Execute {
    pub code: String,
    #[serde(default)]
    pub silent: bool,
    #[serde(default = "yes")]
    pub store_history: bool,
}

#[derive(Debug, Deserialize)]
pub struct History {
    #[serde(default)]
    pub output: Option<bool>,
    pub hist_access_type: String,
    #[serde(default)]
    pub session: Option<i64>,
    #[serde(default)]
    pub start: Option<i64>,
    #[serde(default)]
    pub stop: Option<i64>,
    #[serde(default)]
    pub n: Option<i64>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub unique: Option<bool>,
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

#[derive(Deserialize)]
struct CodeAt {
    code: String,
    cursor_pos: usize,
}

#[derive(Deserialize)]
struct CommId {
    comm_id: String,
}

#[derive(Deserialize)]
struct Shutdown {
    #[serde(default)]
    restart: bool,
}

fn yes() -> bool {
    true
}

impl Request {
    /// The request of type `msg_type` with `content`; an error for a known
    /// type whose content lacks what it must have.
    pub fn parse(msg_type: &str, content: Value) -> serde_json::Result<Request> {
        use serde_json::from_value as from;
        Ok(match msg_type {
            "kernel_info_request" => Request::KernelInfo,
            "execute_request" => Request::Execute(from(content)?),
            "is_complete_request" => Request::IsComplete {
                code: from::<Code>(content)?.code,
            },
            "complete_request" => {
                let CodeAt { code, cursor_pos } = from(content)?;
                Request::Complete { code, cursor_pos }
            }
            "inspect_request" => {
                let CodeAt { code, cursor_pos } = from(content)?;
                Request::Inspect { code, cursor_pos }
            }
            "history_request" => Request::History(from(content)?),
            "comm_info_request" => Request::CommInfo,
            "comm_open" => Request::CommOpen {
                comm_id: from::<CommId>(content)?.comm_id,
            },
            "comm_msg" | "comm_close" => Request::CommOther,
            "interrupt_request" => Request::Interrupt,
            "shutdown_request" => Request::Shutdown {
                restart: from::<Shutdown>(content)?.restart,
            },
            other => Request::Unknown(other.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn execute_fields_default_as_the_protocol_says() {
        let Ok(Request::Execute(e)) = Request::parse("execute_request", json!({"code": "1"}))
        else {
            panic!("not an execute request");
        };
        assert_eq!(
            (e.code.as_str(), e.silent, e.store_history),
            ("1", false, true)
        );
    }

    #[test]
    fn history_needs_only_its_access_type() {
        let parsed = Request::parse("history_request", json!({"hist_access_type": "search"}));
        assert!(matches!(parsed, Ok(Request::History(h)) if h.pattern.is_none()));
    }

    #[test]
    fn a_request_without_its_required_fields_is_an_error() {
        assert!(Request::parse("complete_request", json!({"code": "x"})).is_err());
        assert!(Request::parse("execute_request", json!([])).is_err());
    }
}
