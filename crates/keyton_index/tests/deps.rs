//! Re-exports of dependency crates' items, resolved through a `DepLoader`:
//! the entry is public at the importing crate's path and canonical at the
//! defining crate's; dependencies are read only when a re-export needs them.

use std::cell::RefCell;
use std::path::Path as FsPath;
use std::sync::Arc;

use keyton_index::{ApiIndex, Cfg, DepLoader, Item, NoFiles, Ty};

const HTTP: &str = "
    pub mod status {
        /// An HTTP status code.
        pub struct StatusCode(u16);
        impl StatusCode {
            pub const OK: StatusCode = StatusCode(200);
            pub fn as_u16(&self) -> u16 { self.0 }
        }
    }
    pub use status::StatusCode;
    pub use header::Header;
    pub mod header {
        pub struct HeaderMap;
        pub struct HeaderName;
        pub trait Header {}
        pub const ACCEPT: HeaderName = HeaderName;
    }
    pub mod method { pub struct Method; }
";

const CLIENT: &str = "
    pub use http::StatusCode;
    pub use http::header;
    pub use http::method::*;
    pub use link::Url;
    pub use http::Missing;
    pub use http::Header;
    pub use http_derive::Header;
    pub fn status() -> http::StatusCode { todo!() }
    pub fn url() -> link::Url { todo!() }
    pub fn never() -> unread::Thing { todo!() }
    fn private() -> hidden::Thing { todo!() }
";

/// Dependencies by the name the client uses; `link` is a rename of `url`.
struct Deps {
    asked: RefCell<Vec<String>>,
}

impl DepLoader for Deps {
    fn dependency(&self, name: &str) -> Option<Arc<ApiIndex>> {
        self.asked.borrow_mut().push(name.to_string());
        let (krate, src) = match name {
            "http" => ("http", HTTP),
            "link" => ("url", "mod parser { pub struct Url; } pub use parser::Url;"),
            "http_derive" => (
                "http_derive",
                "#[proc_macro_derive(Header)] pub fn h(i: TokenStream) -> TokenStream { i }",
            ),
            _ => return None,
        };
        Some(Arc::new(ApiIndex::from_source(krate, src).unwrap()))
    }
}

fn p(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn client() -> (ApiIndex, Vec<String>) {
    let deps = Deps {
        asked: RefCell::default(),
    };
    let ix = ApiIndex::read_with_deps(
        "client",
        FsPath::new("lib.rs"),
        CLIENT,
        &NoFiles,
        &Cfg::host(),
        &deps,
    )
    .unwrap();
    (ix, deps.asked.into_inner())
}

#[test]
fn reexported_items_are_public_here_and_canonical_there() {
    let (ix, asked) = client();
    let status = ix.lookup(&["client", "StatusCode"]).expect("resolved");
    assert_eq!(status.canonical_path, p(&["http", "status", "StatusCode"]));
    assert!(matches!(&status.item, Item::Struct(s) if s.doc == "An HTTP status code."));
    let code = Ty::adt(&["http", "status", "StatusCode"], vec![]);
    let impls = ix.impls_for(&code);
    assert_eq!(impls.len(), 1, "the type's impls come along");
    assert_eq!(impls[0].consts[0].0, "OK");
    let url = ix.lookup(&["client", "Url"]).unwrap();
    assert_eq!(
        url.canonical_path,
        p(&["url", "parser", "Url"]),
        "rename followed"
    );
    let mut asked = asked;
    asked.sort();
    assert_eq!(
        asked,
        ["http", "http_derive", "link", "unread"],
        "only crates the public API names are asked for"
    );
}

#[test]
fn modules_and_globs_of_dependencies() {
    let (ix, _) = client();
    let accept = ix.lookup(&["client", "header", "ACCEPT"]).unwrap();
    assert_eq!(accept.canonical_path, p(&["http", "header", "ACCEPT"]));
    assert!(ix.lookup(&["client", "header", "HeaderMap"]).is_some());
    assert_eq!(
        ix.lookup(&["client", "Method"]).unwrap().canonical_path,
        p(&["http", "method", "Method"])
    );
    assert!(
        ix.children(&["client", "header"])
            .contains(&"HeaderName".to_string())
    );
}

#[test]
fn own_signatures_name_the_canonical_paths() {
    let (ix, _) = client();
    let ret = |name: &str| match &ix.lookup(&["client", name]).unwrap().item {
        Item::Fn(f) => f.ret.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        ret("status"),
        Ty::adt(&["http", "status", "StatusCode"], vec![])
    );
    assert_eq!(ret("url"), Ty::adt(&["url", "parser", "Url"], vec![]));
    assert_eq!(
        ret("never"),
        Ty::adt(&["unread", "Thing"], vec![]),
        "not read: as written"
    );
    let w = ix.warnings().join("\n");
    assert!(w.contains("`http::Missing` is not public in `http`"), "{w}");
}

#[cfg(feature = "serde")]
#[test]
fn an_index_survives_a_round_trip_through_json() {
    let (ix, _) = client();
    let json = serde_json::to_string(&ix).unwrap();
    let back: ApiIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back.describe(), ix.describe());
    assert_eq!(back.warnings(), ix.warnings());
    let code = Ty::adt(&["http", "status", "StatusCode"], vec![]);
    assert_eq!(back.impls_for(&code), ix.impls_for(&code));
    assert_eq!(
        back.external(&["client", "Url"]),
        ix.external(&["client", "Url"])
    );
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
fn extern_crate_renames_hold_in_every_module() {
    let ix = ApiIndex::from_source(
        "c",
        "extern crate serde_core as serde;
         pub mod de { pub fn f<T: serde::de::Deserialize>() -> serde::Thing { todo!() } }",
    )
    .unwrap();
    match &ix.lookup(&["c", "de", "f"]).unwrap().item {
        Item::Fn(f) => {
            assert_eq!(f.ret, Ty::adt(&["serde_core", "Thing"], vec![]));
            assert_eq!(
                f.generics[0].bounds[0].path,
                p(&["serde_core", "de", "Deserialize"])
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_through_a_glob_of_another_crate() {
    let ix = ApiIndex::from_source(
        "c",
        "mod lib { mod core { pub use std::*; } pub use self::core::fmt::{self, Display}; }
         pub fn show(f: &mut lib::fmt::Formatter) -> impl lib::Display { todo!() }",
    )
    .unwrap();
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    match &ix.lookup(&["c", "show"]).unwrap().item {
        Item::Fn(f) => {
            let formatter = Ty::adt(&["std", "fmt", "Formatter"], vec![]);
            assert_eq!(
                f.params[0].1,
                Ty::Ref {
                    mutable: true,
                    inner: Box::new(formatter)
                }
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_crate_reexported_whole_is_a_module_leading_there() {
    let deps = Deps {
        asked: RefCell::default(),
    };
    let ix = ApiIndex::read_with_deps(
        "client",
        FsPath::new("lib.rs"),
        "pub use http::{self, StatusCode};",
        &NoFiles,
        &Cfg::host(),
        &deps,
    )
    .unwrap();
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    assert_eq!(ix.lookup(&["client", "http"]).unwrap().item, Item::Module);
    assert_eq!(ix.crate_reexport("http"), Some(&p(&["client", "http"])));
    assert_eq!(
        ix.external(&["client", "http", "status", "StatusCode"]),
        Some(p(&["http", "status", "StatusCode"]))
    );
}
