//! Real crates from crates.io, through a real scratch workspace and `cargo
//! metadata` (sources are fetched into the shared CARGO_HOME once per
//! machine). Each test reads the index cold into a fresh cache, then again
//! from the cache, and prints both times (`--nocapture` shows them).

use std::sync::Arc;
use std::time::Instant;

use keyton_crates::{CrateIndexer, CrateRequest, scratch_workspace};
use keyton_index::{ApiIndex, FnSig, Item, Ty};

/// The index of `request`'s crate read cold, then from the cache.
fn read_twice(request: &CrateRequest) -> Arc<ApiIndex> {
    let tmp = tempfile::tempdir().unwrap();
    let dir = scratch_workspace(&tmp.path().join("ws"), request).unwrap();
    let cache = Some(tmp.path().join("index"));
    let indexer = CrateIndexer::new(&dir, cache.clone()).unwrap();
    let start = Instant::now();
    let cold = indexer.index(&request.name).unwrap();
    let cold_time = start.elapsed();
    let indexer = CrateIndexer::new(&dir, cache).unwrap();
    let start = Instant::now();
    let cached = indexer.index(&request.name).unwrap();
    let cached_time = start.elapsed();
    println!(
        "{}: {} entries, {} impls; cold {cold_time:.2?}, cached {cached_time:.2?}",
        request.name,
        cold.entries().len(),
        cold.impls().len()
    );
    assert_eq!(cached.describe(), cold.describe());
    cold
}

fn item<'a>(ix: &'a ApiIndex, path: &[&str]) -> &'a Item {
    &ix.lookup(path)
        .unwrap_or_else(|| panic!("no {path:?} in {}", ix.crate_name()))
        .item
}

/// The inherent method `name` of the type public at `ty`.
fn method<'a>(ix: &'a ApiIndex, ty: &[&str], name: &str) -> &'a FnSig {
    let canonical = ix.lookup(ty).expect("the type").canonical_path.clone();
    let adt = Ty::Adt {
        path: canonical,
        args: Vec::new(),
    };
    ix.impls_for(&adt)
        .into_iter()
        .filter(|i| i.trait_ref.is_none())
        .flat_map(|i| &i.methods)
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no method {name} on {ty:?}"))
}

#[test]
fn serde_json() {
    let ix = read_twice(&CrateRequest::new("serde_json"));
    assert!(matches!(
        item(&ix, &["serde_json", "from_str"]),
        Item::Fn(f) if f.params[0].1 == Ty::reference(Ty::Str)
    ));
    assert!(matches!(item(&ix, &["serde_json", "Value"]), Item::Enum(_)));
    assert!(matches!(item(&ix, &["serde_json", "Map"]), Item::Struct(_)));
    assert!(matches!(
        item(&ix, &["serde_json", "json"]),
        Item::Macro { .. }
    ));
    assert!(
        method(&ix, &["serde_json", "Value"], "as_str")
            .receiver
            .is_some()
    );
}

#[test]
fn regex() {
    let ix = read_twice(&CrateRequest::new("regex"));
    let new = method(&ix, &["regex", "Regex"], "new");
    assert!(new.receiver.is_none() && new.params.len() == 1);
    method(&ix, &["regex", "Regex"], "find_iter");
    method(&ix, &["regex", "Regex"], "captures");
    assert_eq!(
        ix.lookup(&["regex", "Regex"]).unwrap().canonical_path,
        ["regex", "regex", "string", "Regex"]
    );
}

#[test]
fn reqwest() {
    let request = CrateRequest {
        version: Some("0.12".into()),
        ..CrateRequest::new("reqwest")
    };
    let ix = read_twice(&request);
    let client = &["reqwest", "Client"];
    assert!(method(&ix, client, "new").receiver.is_none());
    method(&ix, client, "get");
    let send = method(&ix, &["reqwest", "RequestBuilder"], "send");
    let text = method(&ix, &["reqwest", "Response"], "text");
    assert!(text.is_async);
    assert!(
        send.is_async || matches!(send.ret, Ty::Opaque(_)),
        "send is async: {send:?}"
    );
    // Re-exports of dependency crates, canonical where they are defined.
    let status = ix.lookup(&["reqwest", "StatusCode"]).unwrap();
    assert_eq!(status.canonical_path, ["http", "status", "StatusCode"]);
    let code = Ty::adt(&["http", "status", "StatusCode"], vec![]);
    let consts: Vec<&str> = ix
        .impls_for(&code)
        .iter()
        .flat_map(|i| &i.consts)
        .map(|(n, _)| n.as_str())
        .collect();
    assert!(
        consts.contains(&"OK") && consts.contains(&"NOT_FOUND"),
        "{consts:?}"
    );
    assert_eq!(method(&ix, &["reqwest", "Response"], "status").ret, code);
    let url = ix.lookup(&["reqwest", "Url"]).unwrap();
    assert_eq!(url.canonical_path[0], "url");
    method(&ix, &["reqwest", "Url"], "parse");
    // Declared inside `if_hyper! { .. }` in reqwest's lib.rs.
    assert!(ix.lookup(&["reqwest", "get"]).is_some());
    assert!(ix.lookup(&["reqwest", "Client"]).is_some());
    assert!(ix.lookup(&["reqwest", "header", "CONTENT_TYPE"]).is_some());
}
