//! The reader on small crate sources: re-exports, cfg, Self, generics,
//! traits, impls, aliases, macros, docs, file modules.

use std::path::Path as FsPath;

use keyton_index::{ApiIndex, Cfg, Entry, FnSig, Item, NoFiles, Receiver, TraitRef, Ty};

fn p(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn index(src: &str) -> ApiIndex {
    ApiIndex::from_source("c", src).expect("parses")
}

fn entry<'a>(ix: &'a ApiIndex, path: &[&str]) -> &'a Entry {
    ix.lookup(path)
        .unwrap_or_else(|| panic!("no item at {path:?}; have {:?}", ix.describe()))
}

fn func<'a>(ix: &'a ApiIndex, path: &[&str]) -> &'a FnSig {
    match &entry(ix, path).item {
        Item::Fn(f) => f,
        other => panic!("{path:?} is {other:?}"),
    }
}

fn tr(path: &[&str], args: Vec<Ty>, bindings: Vec<(&str, Ty)>) -> TraitRef {
    TraitRef {
        path: p(path),
        args,
        bindings: bindings
            .into_iter()
            .map(|(n, t)| (n.to_string(), t))
            .collect(),
    }
}

#[test]
fn pub_use_chains_renames_and_globs() {
    let ix = index(
        "mod imp {
            pub struct Inner;
            pub mod deep { pub fn f() -> super::Inner { super::Inner } }
         }
         pub use imp::Inner;
         pub use imp::Inner as Renamed;
         pub mod api { pub use crate::imp::deep::*; }
         pub use self::api::f as g;",
    );
    let inner = entry(&ix, &["c", "Inner"]);
    assert_eq!(inner.canonical_path, p(&["c", "imp", "Inner"]));
    assert_eq!(
        entry(&ix, &["c", "Renamed"]).canonical_path,
        p(&["c", "imp", "Inner"])
    );
    assert_eq!(
        func(&ix, &["c", "api", "f"]).ret,
        Ty::adt(&["c", "imp", "Inner"], vec![])
    );
    assert_eq!(
        entry(&ix, &["c", "g"]).canonical_path,
        p(&["c", "imp", "deep", "f"])
    );
    assert!(
        ix.lookup(&["c", "imp", "Inner"]).is_none(),
        "a private module is not a public path"
    );
    assert_eq!(ix.children(&["c"]), ["Inner", "Renamed", "api", "g"]);
    assert_eq!(
        ix.by_canonical(&p(&["c", "imp", "Inner"]))
            .unwrap()
            .public_path,
        p(&["c", "Inner"])
    );
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn glob_cycles_terminate() {
    let ix = index(
        "pub mod a { pub use super::b::*; pub struct A; }
         pub mod b { pub use super::a::*; pub struct B; }",
    );
    assert_eq!(
        entry(&ix, &["c", "a", "B"]).canonical_path,
        p(&["c", "b", "B"])
    );
    assert_eq!(
        entry(&ix, &["c", "b", "A"]).canonical_path,
        p(&["c", "a", "A"])
    );
}

const CFG_SRC: &str = r#"
    #[cfg(feature = "json")] pub fn json() {}
    #[cfg(not(feature = "json"))] pub fn no_json() {}
    #[cfg(all(unix, not(windows)))] pub fn unix_only() {}
    #[cfg(windows)] pub fn win() {}
    #[cfg(any(target_os = "linux", target_os = "macos"))] pub fn linux_or_mac() {}
    #[cfg(target_pointer_width = "64")] pub fn wide() {}
    #[cfg(some_unknown_cfg)] pub fn unknown() {}
    pub struct S { pub a: i32, #[cfg(feature = "json")] pub b: i32 }
    impl S { #[cfg(feature = "json")] pub fn to_json(&self) {} pub fn plain(&self) {} }
"#;

fn with_features(features: &[&str]) -> ApiIndex {
    let cfg = Cfg::host().with_features(features.iter().copied());
    ApiIndex::read("c", FsPath::new("lib.rs"), CFG_SRC, &NoFiles, &cfg).unwrap()
}

#[test]
fn cfg_features_on_and_off() {
    let on = with_features(&["json"]);
    let off = with_features(&[]);
    assert!(on.lookup(&["c", "json"]).is_some() && off.lookup(&["c", "json"]).is_none());
    assert!(on.lookup(&["c", "no_json"]).is_none() && off.lookup(&["c", "no_json"]).is_some());
    let fields = |ix: &ApiIndex| match &entry(ix, &["c", "S"]).item {
        Item::Struct(s) => s.fields.len(),
        _ => unreachable!(),
    };
    assert_eq!((fields(&on), fields(&off)), (2, 1));
    let methods = |ix: &ApiIndex| ix.impls_for(&Ty::adt(&["c", "S"], vec![]))[0].methods.len();
    assert_eq!((methods(&on), methods(&off)), (2, 1));
}

#[test]
fn cfg_target_facts() {
    let ix = with_features(&[]);
    assert_eq!(ix.lookup(&["c", "unix_only"]).is_some(), cfg!(unix));
    assert_eq!(ix.lookup(&["c", "win"]).is_some(), cfg!(windows));
    assert_eq!(
        ix.lookup(&["c", "linux_or_mac"]).is_some(),
        cfg!(any(target_os = "linux", target_os = "macos"))
    );
    assert_eq!(
        ix.lookup(&["c", "wide"]).is_some(),
        cfg!(target_pointer_width = "64")
    );
    assert!(ix.lookup(&["c", "unknown"]).is_none());
    let custom = Cfg::default().with("some_unknown_cfg", None);
    let ix = ApiIndex::read("c", FsPath::new("lib.rs"), CFG_SRC, &NoFiles, &custom).unwrap();
    assert!(ix.lookup(&["c", "unknown"]).is_some() && ix.lookup(&["c", "unix_only"]).is_none());
}

#[test]
fn self_in_impls_and_assoc_types() {
    let ix = index(
        "pub struct Counter { n: u32 }
         impl Counter {
             pub fn new() -> Self { Counter { n: 0 } }
             pub fn get(&self) -> u32 { self.n }
             pub fn bump(&mut self, by: u32) -> &mut Self { self }
             fn private(&self) {}
         }
         impl Iterator for Counter {
             type Item = u32;
             fn next(&mut self) -> Option<Self::Item> { None }
         }",
    );
    let counter = Ty::adt(&["c", "Counter"], vec![]);
    let impls = ix.impls_for(&counter);
    assert_eq!(impls.len(), 2);
    let inherent = impls.iter().find(|i| i.trait_ref.is_none()).unwrap();
    let names: Vec<_> = inherent.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["new", "get", "bump"]);
    assert_eq!(inherent.methods[0].ret, counter);
    assert_eq!(inherent.methods[0].receiver, None);
    assert_eq!(inherent.methods[2].receiver, Some(Receiver::RefMut));
    assert_eq!(
        inherent.methods[2].params,
        [("by".to_string(), Ty::Int(keyton_index::IntTy::U32))]
    );
    let iter = impls.iter().find(|i| i.trait_ref.is_some()).unwrap();
    assert_eq!(
        iter.trait_ref.as_ref().unwrap().path,
        p(&["std", "iter", "Iterator"])
    );
    assert_eq!(
        iter.methods[0].ret,
        Ty::option(Ty::Int(keyton_index::IntTy::U32))
    );
    match &entry(&ix, &["c", "Counter"]).item {
        Item::Struct(s) => assert!(s.fields.is_empty(), "private fields are not listed"),
        _ => unreachable!(),
    }
}

#[test]
fn impl_trait_in_argument_and_return_position() {
    let ix =
        index("pub fn f(x: impl AsRef<str>, n: usize) -> impl Iterator<Item = u8> { todo!() }");
    let f = func(&ix, &["c", "f"]);
    let as_ref = tr(&["std", "convert", "AsRef"], vec![Ty::Str], vec![]);
    assert_eq!(f.generics.len(), 1);
    assert_eq!(f.generics[0].name, "impl AsRef<str>");
    assert_eq!(f.generics[0].bounds, [as_ref]);
    assert_eq!(f.params[0].1, Ty::Param("impl AsRef<str>".into()));
    let u8_ty = Ty::Int(keyton_index::IntTy::U8);
    assert_eq!(
        f.ret,
        Ty::Opaque(vec![tr(
            &["std", "iter", "Iterator"],
            vec![],
            vec![("Item", u8_ty)]
        )])
    );
}

#[test]
fn where_clauses_and_fn_bounds() {
    let ix = index(
        "pub fn g<T, F>(t: T, f: F) -> T where T: Clone + ?Sized, F: FnMut(&T) -> bool { t }
         pub fn h<I: IntoIterator>(i: I) -> Option<I::Item> where I::Item: Ord { None }
         pub fn q<T: Iterator>(t: T) -> <T as Iterator>::Item { todo!() }",
    );
    let g = func(&ix, &["c", "g"]);
    assert_eq!(
        g.generics[0].bounds,
        [tr(&["std", "clone", "Clone"], vec![], vec![])]
    );
    let fn_mut = tr(
        &["std", "ops", "FnMut"],
        vec![Ty::Tuple(vec![Ty::reference(Ty::Param("T".into()))])],
        vec![("Output", Ty::Bool)],
    );
    assert_eq!(g.generics[1].bounds, [fn_mut]);
    let h = func(&ix, &["c", "h"]);
    let item = Ty::Assoc {
        base: Box::new(Ty::Param("I".into())),
        trait_path: Some(p(&["std", "iter", "IntoIterator"])),
        name: "Item".into(),
    };
    assert_eq!(h.ret, Ty::option(item.clone()));
    assert_eq!(
        h.predicates,
        [(item, vec![tr(&["std", "cmp", "Ord"], vec![], vec![])])]
    );
    let q = func(&ix, &["c", "q"]);
    assert!(
        matches!(&q.ret, Ty::Assoc { trait_path: Some(t), .. } if *t == p(&["std", "iter", "Iterator"]))
    );
}

#[test]
fn traits_with_default_methods_and_self() {
    let ix = index(
        "/// Something with an area.
         pub trait Shape: Clone {
             type Unit;
             fn area(&self) -> f64;
             fn describe(&self) -> String { String::new() }
             fn unit(&self) -> Self::Unit;
             fn me(self) -> Self where Self: Sized { self }
             fn rev(self) -> Self where Self: std::fmt::Debug { self }
         }",
    );
    let t = ix.trait_def(&p(&["c", "Shape"])).unwrap();
    assert_eq!(t.doc, "Something with an area.");
    assert_eq!(t.assoc_types, ["Unit"]);
    assert_eq!(
        t.supertraits,
        [tr(&["std", "clone", "Clone"], vec![], vec![])]
    );
    let names: Vec<_> = t.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["area", "describe", "unit", "me", "rev"]);
    let this = Ty::Param("Self".into());
    let unit = Ty::Assoc {
        base: Box::new(this.clone()),
        trait_path: Some(p(&["c", "Shape"])),
        name: "Unit".into(),
    };
    assert_eq!(t.methods[2].ret, unit);
    assert_eq!(
        (&t.methods[3].ret, t.methods[3].predicates.len()),
        (&this, 0),
        "Sized bounds are left out"
    );
    assert_eq!(
        t.methods[4].predicates,
        [(this, vec![tr(&["std", "fmt", "Debug"], vec![], vec![])])]
    );
    assert_eq!(ix.traits().count(), 1);
}

#[test]
fn blanket_impls_apply_to_every_type() {
    let ix = index(
        "pub trait Describe { fn describe(&self) -> String; }
         impl<T: std::fmt::Debug> Describe for T { fn describe(&self) -> String { format!(\"{self:?}\") } }
         impl<T> Describe for &[T] { fn describe(&self) -> String { String::new() } }",
    );
    let for_int = ix.impls_for(&Ty::I64);
    assert_eq!(for_int.len(), 1);
    assert_eq!(for_int[0].self_ty, Ty::Param("T".into()));
    assert_eq!(
        for_int[0].generics[0].bounds,
        [tr(&["std", "fmt", "Debug"], vec![], vec![])]
    );
    let slice_ref = Ty::reference(Ty::Slice(Box::new(Ty::I64)));
    assert_eq!(ix.impls_for(&slice_ref).len(), 2);
}

#[test]
fn consts_statics_aliases_macros_and_docs() {
    let ix = index(
        r#"
        pub const MAX: u64 = 10;
        pub static NAME: &str = "x";
        pub struct Error;
        pub type Res<T, E = Error> = Result<T, E>;
        /// Parses.
        /// Really.
        pub fn parse() -> Res<i32> { todo!() }
        #[macro_export]
        macro_rules! hello { () => {} }
        mod inner { #[macro_export] macro_rules! deep { () => {} } }
        macro_rules! local { () => {} }
        "#,
    );
    assert_eq!(
        entry(&ix, &["c", "MAX"]).item,
        Item::Const(Ty::Int(keyton_index::IntTy::U64))
    );
    assert_eq!(
        entry(&ix, &["c", "NAME"]).item,
        Item::Static(Ty::reference(Ty::Str))
    );
    let error = Ty::adt(&["c", "Error"], vec![]);
    match &entry(&ix, &["c", "Res"]).item {
        Item::TypeAlias(g, t) => {
            assert_eq!((g[0].name.as_str(), g[1].name.as_str()), ("T", "E"));
            assert_eq!(*t, Ty::result(Ty::Param("T".into()), Ty::Param("E".into())));
        }
        other => panic!("{other:?}"),
    }
    let parse = func(&ix, &["c", "parse"]);
    assert_eq!(
        parse.ret,
        Ty::result(Ty::Int(keyton_index::IntTy::I32), error),
        "aliases are expanded, with their defaults"
    );
    assert_eq!(parse.doc, "Parses.\nReally.");
    assert!(matches!(
        entry(&ix, &["c", "hello"]).item,
        Item::Macro { .. }
    ));
    assert!(ix.lookup(&["c", "deep"]).is_some() && ix.lookup(&["c", "local"]).is_none());
}

#[test]
fn primitive_names_beat_modules_of_that_name() {
    let ix =
        index("pub mod f64 { pub const X: f64 = 1.0; } pub fn h(x: f64, s: &str) -> bool { true }");
    assert_eq!(func(&ix, &["c", "h"]).params[0].1, Ty::F64);
    assert_eq!(entry(&ix, &["c", "f64", "X"]).item, Item::Const(Ty::F64));
    // itoa's `use core::str;` names std's module, not a type.
    let ix = index("use core::str; pub fn s() -> &'static str { \"\" }");
    assert_eq!(func(&ix, &["c", "s"]).ret, Ty::reference(Ty::Str));
}

#[test]
fn reexports_of_other_crates() {
    let ix = index(
        "pub use http::StatusCode;
         pub use http::header::*;
         pub use core::fmt::Display as Disp;
         pub mod h { pub use ::http::header; }
         pub fn status() -> StatusCode { todo!() }",
    );
    assert!(ix.lookup(&["c", "StatusCode"]).is_none());
    assert_eq!(
        ix.external(&["c", "StatusCode"]),
        Some(p(&["http", "StatusCode"]))
    );
    assert_eq!(
        ix.external(&["c", "HeaderMap"]),
        Some(p(&["http", "header", "HeaderMap"]))
    );
    assert_eq!(
        ix.external(&["c", "Disp"]),
        Some(p(&["std", "fmt", "Display"]))
    );
    assert_eq!(
        ix.external(&["c", "h", "header", "ACCEPT"]),
        Some(p(&["http", "header", "ACCEPT"]))
    );
    assert_eq!(ix.external(&["c", "status"]), None);
    assert_eq!(
        func(&ix, &["c", "status"]).ret,
        Ty::adt(&["http", "StatusCode"], vec![])
    );
    assert!(ix.children(&["c"]).contains(&"StatusCode".to_string()));
}

#[test]
fn problems_are_reported() {
    let ix = index("pub fn f() -> Missing { todo!() } if_hyper! { pub fn hidden() {} }");
    assert!(
        ix.warnings().iter().any(|w| w.contains("`Missing`")),
        "{:?}",
        ix.warnings()
    );
    assert!(
        ix.warnings().iter().any(|w| w.contains("if_hyper!")),
        "{:?}",
        ix.warnings()
    );
    let err = ApiIndex::from_source("c", "pub fn f( {}").unwrap_err();
    assert!(err.to_string().starts_with("lib.rs:1:"), "{err}");
    let src = "pub fn a() {}\n\npub struct S;\npub fn b( {}\n\nimpl S {\n    pub fn c() {}\n}\n";
    let err = ApiIndex::from_source("c", src).unwrap_err();
    assert!(err.to_string().starts_with("lib.rs:4:"), "{err}");
}

#[test]
fn describe_lists_items_and_methods() {
    let ix = index(
        "pub mod m { pub struct P { pub x: f64 } impl P { pub fn norm(&self) -> f64 { self.x } } }
         pub use m::P;
         pub fn max<T: Ord>(a: T, b: T) -> T { a }",
    );
    let lines = ix.describe();
    assert!(
        lines.contains(&"c.P  struct  P { x: f64 }  (= c.m.P)".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"c.m.P.norm  method  fn norm(&self) -> f64".to_string()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"c.max  fn  fn max<T: Ord>(a: T, b: T) -> T".to_string()),
        "{lines:#?}"
    );
    assert!(lines.contains(&"c.m  module".to_string()), "{lines:#?}");
}

#[test]
fn std_paths_of_other_crates_are_canonical() {
    let ix = index(
        "use std::collections::HashMap;
         use std::io;
         pub struct Node { pub next: Option<Box<Self>> }
         pub fn counts() -> HashMap<String, i64> { todo!() }
         pub fn save() -> io::Result<()> { todo!() }
         pub fn show<T: std::fmt::Display>(t: T) {}",
    );
    let map = Ty::adt(
        &["std", "collections", "hash_map", "HashMap"],
        vec![Ty::string(), Ty::I64],
    );
    assert_eq!(func(&ix, &["c", "counts"]).ret, map);
    let io_error = Ty::adt(&["std", "io", "Error"], vec![]);
    assert_eq!(
        func(&ix, &["c", "save"]).ret,
        Ty::result(Ty::Unit, io_error),
        "std's aliases are expanded"
    );
    assert_eq!(
        func(&ix, &["c", "show"]).generics[0].bounds,
        [tr(&["std", "fmt", "Display"], vec![], vec![])]
    );
    let node = Ty::adt(&["c", "Node"], vec![]);
    match &entry(&ix, &["c", "Node"]).item {
        Item::Struct(s) => assert_eq!(
            s.fields[0].1,
            Ty::option(Ty::adt(&["std", "boxed", "Box"], vec![node]))
        ),
        other => panic!("{other:?}"),
    }
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn namespaces_keep_a_module_and_a_function_of_one_name() {
    let ix = index(
        "pub mod private {
             use self::not::Bool;
             pub fn not(cond: impl Bool) -> bool { cond.not() }
             mod not { pub trait Bool { fn not(self) -> bool; } }
         }",
    );
    let not = func(&ix, &["c", "private", "not"]);
    assert_eq!(
        not.generics[0].bounds[0].path,
        p(&["c", "private", "not", "Bool"])
    );
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}
