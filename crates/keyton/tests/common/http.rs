//! A small HTTP server on 127.0.0.1 for the tests of `rimport reqwest`
//! (sessions, scripts and notebooks): a thread with a std `TcpListener` on a
//! port the system picks, answering each connection with one response.
//!
//! Only the tests that make requests include it (`#[path]` beside
//! `mod common;`), so the others do not compile it as dead code.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

/// Starts the server and returns its port. Each connection gets one
/// response, then is closed: `/hello` is `hello from the server` (21
/// bytes) as `text/plain`, `/json` a JSON object, anything else a 404. The
/// thread lives as long as the test process.
pub fn serve() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let port = listener.local_addr().expect("the bound address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let Ok(read_half) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(read_half);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // The headers, up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("");
            let (status, kind, body) = match path {
                "/hello" => ("200 OK", "text/plain", "hello from the server"),
                "/json" => (
                    "200 OK",
                    "application/json",
                    r#"{"name": "keyton", "n": 3}"#,
                ),
                _ => ("404 Not Found", "text/plain", "no such page"),
            };
            let mut stream = stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    port
}
