//! Embeds keyton_rt's, kayton_api's and keyton_async's sources and `workspace-template/` in
//! the compiler, so the `keyton` binary can build the runtime, the session's
//! deps dylib and workspaces on a machine that has no copy of the repository.
//! Writes `$OUT_DIR/embedded.rs`: tables of
//! `(relative path, include_str!(absolute path))`, sorted by path.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let rt_src = manifest.join("../keyton_rt/src");
    let api_src = manifest.join("../kayton_api/src");
    let async_src = manifest.join("../keyton_async/src");
    let template = manifest.join("../../workspace-template");
    let mut out = String::new();
    table(&mut out, "RT_SOURCES", &rt_src, |path| {
        path.extension().is_some_and(|e| e == "rs")
    });
    table(&mut out, "API_SOURCES", &api_src, |path| {
        path.extension().is_some_and(|e| e == "rs")
    });
    table(&mut out, "ASYNC_SOURCES", &async_src, |path| {
        path.extension().is_some_and(|e| e == "rs")
    });
    table(&mut out, "WORKSPACE_TEMPLATE", &template, |_| true);
    let dest = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("embedded.rs");
    fs::write(dest, out).expect("write embedded.rs");
}

/// Append `pub static NAME: &[(&str, &str)]` listing the files under
/// `root` (recursively) that `keep` accepts.
fn table(out: &mut String, name: &str, root: &Path, keep: fn(&Path) -> bool) {
    // A directory here makes cargo rerun this script when any file below it changes.
    println!("cargo::rerun-if-changed={}", root.display());
    let root = root
        .canonicalize()
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()));
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.retain(|path| keep(path));
    files.sort();
    assert!(
        !files.is_empty(),
        "no files to embed under {}",
        root.display()
    );
    let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &[");
    for path in files {
        let relative = path.strip_prefix(&root).expect("walked from root");
        let relative: Vec<_> = relative.iter().map(|c| c.to_string_lossy()).collect();
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            relative.join("/"),
            path.display().to_string()
        );
    }
    let _ = writeln!(out, "];");
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}
