//! Rich output as Jupyter wants it: a mime bundle whose text types carry
//! the text, JSON types the parsed value, and binary types base64.

use jupyter_protocol::{Media, MediaType};
use serde_json::Value;

/// The bundle of one item of type `mime` whose bytes are `data`.
pub fn media(mime: &str, data: Vec<u8>) -> Media {
    let value = if is_json(mime) {
        serde_json::from_slice(&data)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&data).into_owned()))
    } else if is_binary(mime) {
        Value::String(data_encoding::BASE64.encode(&data))
    } else {
        match String::from_utf8(data) {
            Ok(text) => Value::String(text),
            Err(e) => Value::String(data_encoding::BASE64.encode(e.as_bytes())),
        }
    };
    Media {
        content: vec![MediaType::Other((mime.to_string(), value))],
    }
}

fn is_json(mime: &str) -> bool {
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Images other than SVG (which is text), and other non-text types.
fn is_binary(mime: &str) -> bool {
    (mime.starts_with("image/") && mime != "image/svg+xml")
        || mime.starts_with("audio/")
        || mime.starts_with("video/")
        || mime == "application/pdf"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(mime: &str, data: &[u8]) -> Value {
        serde_json::to_value(media(mime, data.to_vec())).expect("serializes")
    }

    #[test]
    fn png_is_base64_and_text_is_text() {
        assert_eq!(wire("image/png", b"\x89PNG")["image/png"], "iVBORw==");
        assert_eq!(wire("text/html", b"<b>x</b>")["text/html"], "<b>x</b>");
        assert_eq!(wire("image/svg+xml", b"<svg/>")["image/svg+xml"], "<svg/>");
    }

    #[test]
    fn json_is_a_value() {
        assert_eq!(
            wire("application/json", b"{\"a\": 1}")["application/json"]["a"],
            1
        );
    }
}
