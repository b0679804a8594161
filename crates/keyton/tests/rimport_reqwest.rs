//! The issue's example, for real: `rimport reqwest` in a session, against
//! an HTTP server this test runs on 127.0.0.1, through `keyton repl` (the
//! session engine a notebook uses). reqwest is built once per test run into
//! the shared test cache; a later run finds it built.

mod common;
#[path = "common/http.rs"]
mod http;
#[path = "common/repl.rs"]
mod repl;

use std::net::TcpListener;

use http::serve;

fn repl(cells: &str) -> (String, String, Option<i32>) {
    let child = repl::spawn(&std::env::temp_dir(), cells.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn the_issue_example_runs_in_a_session_and_a_client_is_reused_across_cells() {
    let port = serve();
    let cells = format!(
        r#"rimport reqwest
from reqwest rimport Client, StatusCode
client = Client.new()
resp = client.get("http://127.0.0.1:{port}/hello").send()
print(resp.status() == StatusCode.OK)
print(resp.headers().get("content-type").unwrap().to_str().unwrap())
body = resp.text()
len(body)

body

missing = client.get("http://127.0.0.1:{port}/nothing").send()
missing.status().as_u16()

data = client.get("http://127.0.0.1:{port}/json").send().text()
data.contains("keyton")
"#
    );
    let (stdout, stderr, code) = repl(&cells);
    assert_eq!(
        stdout, "true\ntext/plain\n21\n\"hello from the server\"\n404\ntrue\n",
        "stderr:\n{stderr}"
    );
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
}

#[test]
fn a_request_that_fails_stops_the_cell_with_the_error_at_its_line() {
    // A port nothing listens on: bind one, then free it.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cells = format!(
        "rimport reqwest\nfrom reqwest rimport Client\nclient = Client.new()\n\nok = 1\nresp = client.get(\"http://127.0.0.1:{port}/\").send()\n\nok + 1\n"
    );
    let (stdout, stderr, code) = repl(&cells);
    assert_eq!(stdout, "2\n", "stderr:\n{stderr}");
    assert!(
        stderr.contains("cell[2]:2:1") && stderr.contains("error sending request"),
        "{stderr}"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn features_blocking_and_json() {
    let port = serve();
    let cells = format!(
        r#"rimport reqwest[blocking, json]
rimport serde_json
from serde_json rimport Value
text = reqwest.blocking.get("http://127.0.0.1:{port}/hello").text()
text

client = reqwest.Client.new()
let v: Value = client.get("http://127.0.0.1:{port}/json").send().json()
v["name"]

v["n"].as_i64()
"#
    );
    let (stdout, stderr, code) = repl(&cells);
    assert_eq!(
        stdout, "\"hello from the server\"\nString(\"keyton\")\nSome(3)\n",
        "stderr:\n{stderr}"
    );
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
}

#[test]
fn the_issue_example_runs_as_a_script_and_as_a_standalone_build() {
    let port = serve();
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("fetch.kt");
    std::fs::write(
        &script,
        format!(
            "rimport reqwest\nfrom reqwest rimport Client, StatusCode\nclient = Client.new()\nresp = client.get(\"http://127.0.0.1:{port}/hello\").send()\nprint(resp.status() == StatusCode.OK)\nprint(resp.text())\n"
        ),
    )
    .unwrap();
    let expected = "true\nhello from the server\n";
    let run = common::run_script(&script).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        expected,
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let binary = dir.path().join("fetch");
    let build = common::keyton(dir.path())
        .args(["build", "fetch.kt", "-o"])
        .arg(&binary)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    // Standalone: it runs with no cache and no toolchain in its environment.
    let ran = std::process::Command::new(&binary)
        .env_clear()
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), expected);
}
