//! Crates of several files: `mod x;` through a loader, `#[path]`, and
//! files on disk.

use std::path::Path as FsPath;

use keyton_index::{ApiIndex, Cfg, DirLoader, Item, Ty};

fn fn_ret(ix: &ApiIndex, path: &[&str]) -> Ty {
    match &ix
        .lookup(path)
        .unwrap_or_else(|| panic!("no {path:?}"))
        .item
    {
        Item::Fn(f) => f.ret.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn file_modules_through_a_loader() {
    let files = |path: &FsPath| -> Option<String> {
        let text = match path.to_str()? {
            "a.rs" => "pub mod b; #[path = \"other.rs\"] pub mod c;",
            "a/b.rs" => "pub fn f() -> crate::Root { todo!() }",
            "other.rs" => "pub mod d;",
            "d/mod.rs" => "pub fn g() {}",
            _ => return None,
        };
        Some(text.to_string())
    };
    let src = "pub mod a; pub mod missing; pub struct Root;";
    let ix = ApiIndex::read("c", FsPath::new("lib.rs"), src, &files, &Cfg::host()).unwrap();
    assert_eq!(
        fn_ret(&ix, &["c", "a", "b", "f"]),
        Ty::adt(&["c", "Root"], vec![])
    );
    assert!(ix.lookup(&["c", "a", "c", "d", "g"]).is_some());
    assert!(
        ix.warnings().iter().any(|w| w.contains("mod missing")),
        "{:?}",
        ix.warnings()
    );
}

#[test]
fn files_on_disk() {
    let dir = std::env::temp_dir().join(format!("keyton_index_files_{}", std::process::id()));
    std::fs::create_dir_all(dir.join("net")).unwrap();
    std::fs::write(
        dir.join("net.rs"),
        "pub mod http; pub use self::http::Client;",
    )
    .unwrap();
    std::fs::write(
        dir.join("net/http.rs"),
        "pub struct Client; impl Client { pub fn new() -> Self { Client } }",
    )
    .unwrap();
    let root = "pub mod net; pub use net::Client;";
    let ix = ApiIndex::read(
        "c",
        FsPath::new("lib.rs"),
        root,
        &DirLoader(dir.clone()),
        &Cfg::host(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let ix = ix.unwrap();
    let client = ix.lookup(&["c", "Client"]).unwrap();
    assert_eq!(client.canonical_path, ["c", "net", "http", "Client"]);
    let ty = Ty::adt(&["c", "net", "http", "Client"], vec![]);
    assert_eq!(ix.impls_for(&ty)[0].methods[0].ret, ty);
}

#[test]
fn parse_errors_name_the_file() {
    let files = |path: &FsPath| (path == FsPath::new("bad.rs")).then(|| "pub fn f(".to_string());
    let err =
        ApiIndex::read("c", FsPath::new("lib.rs"), "mod bad;", &files, &Cfg::host()).unwrap_err();
    assert!(err.to_string().starts_with("bad.rs:1:"), "{err}");
}
