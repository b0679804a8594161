//! Times `rimport`s in a session of its own:
//!
//! ```text
//! cargo run --release -p keyton_session --example rimport -- CACHE_DIR REQUEST...
//! ```
//!
//! Each REQUEST is `name`, `name==VERSION`, `name@/abs/path`, with
//! `[feature,-default]` after the name if wanted. Prints each import's wall
//! time and cargo's "Compiling" lines; `KEYTON_SCCACHE=off` turns sccache
//! off, `KEYTON_OFFLINE=1` makes cargo run offline.

use keyton_compiler::Cache;
use keyton_session::{CrateRequest, Options, Session};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(cache) = args.next() else {
        eprintln!("usage: rimport CACHE_DIR REQUEST...");
        std::process::exit(2);
    };
    let start = Instant::now();
    let mut session = match Session::start(Options {
        cache: Cache::at(&cache),
        dir: cache.clone().into(),
    }) {
        Ok(session) => session,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("session start: {:.2} s", start.elapsed().as_secs_f64());
    for arg in args {
        let request = parse(&arg);
        let start = Instant::now();
        let mut compiled = 0;
        let result = session.rimport(&request, &mut |line| {
            if line.starts_with("Compiling") {
                compiled += 1;
            }
            eprintln!("  {line}");
        });
        let seconds = start.elapsed().as_secs_f64();
        match result {
            Ok(imported) => println!(
                "rimport {request}: {seconds:.2} s, {compiled} crates compiled, {} v{}",
                imported.package, imported.version
            ),
            Err(e) => println!("rimport {request}: {seconds:.2} s, failed: {e}"),
        }
    }
}

/// `name[features]==version` or `name[features]@path`.
fn parse(arg: &str) -> CrateRequest {
    let (head, source) = match arg.split_once("==") {
        Some((head, version)) => (head, Some(("==", version))),
        None => match arg.split_once('@') {
            Some((head, path)) => (head, Some(("@", path))),
            None => (arg, None),
        },
    };
    let (name, features) = match head.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']')),
        None => (head, ""),
    };
    let mut request = CrateRequest::new(name.trim())
        .features(features.split(',').map(str::trim).filter(|f| !f.is_empty()));
    match source {
        Some(("==", version)) => request = request.version(version.trim()),
        Some((_, path)) => request = request.path(path.trim()),
        None => {}
    }
    request
}
