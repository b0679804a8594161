//! What a cell said, in the order it said it: the session drains these
//! after each cell and turns them into stream, display and result messages
//! (Jupyter) or terminal output (REPL). Errors are kept apart because they
//! end a cell and are shown after its output, with their Keyton place.

/// One piece of a cell's output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputEvent {
    /// Text to stdout; consecutive writes are joined into one event.
    Stdout(String),
    /// Text to stderr; consecutive writes are joined into one event.
    Stderr(String),
    /// Rich output shown now (`display(x)`).
    Display { mime: String, data: Vec<u8> },
    /// The cell's result, its last expression (Jupyter's `execute_result`).
    Result { mime: String, data: Vec<u8> },
}

/// An error a cell reported, at a Keyton line and column (1-based; 0 when
/// unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub message: String,
    pub line: u32,
    pub col: u32,
}

/// Append `text` to the stream events, joining it to the last event when
/// that is text of the same stream, so a loop of `print`s is one message.
pub(crate) fn push_text(events: &mut Vec<OutputEvent>, text: &str, stderr: bool) {
    match (events.last_mut(), stderr) {
        (Some(OutputEvent::Stdout(last)), false) | (Some(OutputEvent::Stderr(last)), true) => {
            last.push_str(text)
        }
        _ if stderr => events.push(OutputEvent::Stderr(text.to_string())),
        _ => events.push(OutputEvent::Stdout(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_only_the_same_stream_and_keeps_the_order() {
        let mut events = Vec::new();
        push_text(&mut events, "a", false);
        push_text(&mut events, "b", false);
        push_text(&mut events, "c", true);
        push_text(&mut events, "d", false);
        assert_eq!(
            events,
            [
                OutputEvent::Stdout("ab".into()),
                OutputEvent::Stderr("c".into()),
                OutputEvent::Stdout("d".into()),
            ]
        );
    }
}
