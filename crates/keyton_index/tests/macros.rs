//! Items declared inside macro invocations: the crate's own `macro_rules!`
//! wrappers (reqwest's `if_hyper!`, tokio's `cfg_rt!`) and `cfg_if!`, with
//! the cfgs they add evaluated.

use keyton_index::{ApiIndex, Cfg, Item, NoFiles};
use std::path::Path as FsPath;

fn read(src: &str, cfg: &Cfg) -> ApiIndex {
    ApiIndex::read("c", FsPath::new("lib.rs"), src, &NoFiles, cfg).expect("parses")
}

const WRAPPERS: &str = r#"
    macro_rules! if_wasm {
        ($($item:item)*) => {$(
            #[cfg(target_arch = "wasm32")]
            $item
        )*}
    }
    macro_rules! if_hyper {
        ($($item:item)*) => {$(
            #[cfg(not(target_arch = "wasm32"))]
            $item
        )*}
    }
    macro_rules! cfg_json {
        ($($item:item)*) => {
            $(
                #[cfg(feature = "json")]
                #[cfg_attr(docsrs, doc(cfg(feature = "json")))]
                $item
            )*
        }
    }
    if_hyper! {
        /// A client.
        pub struct Client;
        impl Client { pub fn new() -> Client { Client } }
        pub mod blocking { pub fn get() {} }
    }
    if_wasm! {
        pub struct WasmOnly;
    }
    cfg_json! {
        pub fn json() {}
    }
"#;

#[test]
fn local_wrapper_macros_are_expanded_with_their_cfgs() {
    let ix = read(WRAPPERS, &Cfg::host());
    let client = ix.lookup(&["c", "Client"]).expect("Client from if_hyper!");
    assert!(matches!(&client.item, Item::Struct(s) if s.doc == "A client."));
    assert!(ix.lookup(&["c", "blocking", "get"]).is_some());
    let ty = keyton_index::Ty::adt(&["c", "Client"], vec![]);
    assert_eq!(ix.impls_for(&ty)[0].methods[0].name, "new");
    assert!(
        ix.lookup(&["c", "WasmOnly"]).is_none(),
        "cfg added by the macro"
    );
    assert!(ix.lookup(&["c", "json"]).is_none(), "feature off");
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    let with_json = read(WRAPPERS, &Cfg::host().with_features(["json"]));
    assert!(with_json.lookup(&["c", "json"]).is_some());
}

#[test]
fn rules_with_literals_fragments_and_separators() {
    let ix = read(
        r#"
        macro_rules! consts {
            ($($name:ident = $value:expr),+ $(,)?) => { $( pub const $name: u32 = $value; )+ };
        }
        macro_rules! newtype {
            (struct $name:ident($inner:ty);) => {
                pub struct $name(pub $inner);
                impl $name { pub fn get(&self) -> &$inner { &self.0 } }
            };
            (other) => {};
        }
        macro_rules! nested { ($($m:ident)*) => { $( pub mod $m { pub fn f() -> $crate::Meters { todo!() } } )* }; }
        macro_rules! root {
            () => {
                macro_rules! tri { ($e:expr) => { match $e { Ok(v) => v, Err(e) => return Err(e) } }; }
                macro_rules! all { ($($x:ident)*) => { $( pub fn $x() {} )* }; }
                pub fn from_root() {}
            };
        }
        root!();
        consts! { A = 1, B = 2 + 3, }
        newtype! { struct Meters(f64); }
        nested! { one two }
        "#,
        &Cfg::host(),
    );
    for name in ["A", "B", "Meters", "one", "two", "from_root"] {
        assert!(
            ix.lookup(&["c", name]).is_some(),
            "{name}: {:?}",
            ix.describe()
        );
    }
    let f = ix.lookup(&["c", "two", "f"]).unwrap();
    assert!(
        matches!(&f.item, Item::Fn(sig) if sig.ret == keyton_index::Ty::adt(&["c", "Meters"], vec![]))
    );
}

#[test]
fn cfg_if_and_pin_project() {
    let src = r#"
        cfg_if::cfg_if! {
            if #[cfg(target_arch = "wasm32")] {
                pub fn wasm() {}
            } else if #[cfg(any(unix, windows))] {
                pub fn native() {}
                /// Docs survive.
                pub const N: u8 = 1;
            } else {
                pub fn other() {}
            }
        }
        cfg_if! { if #[cfg(feature = "x")] { pub fn x() {} } }
        pin_project_lite::pin_project! {
            /// A future.
            pub struct Pending<F> { #[pin] inner: F }
        }
    "#;
    let ix = read(src, &Cfg::host());
    assert!(ix.lookup(&["c", "native"]).is_some());
    assert!(ix.lookup(&["c", "N"]).is_some());
    assert!(
        ix.lookup(&["c", "Pending"]).is_some(),
        "pin_project! declares it"
    );
    for absent in ["wasm", "other", "x"] {
        assert!(ix.lookup(&["c", absent]).is_none(), "{absent}");
    }
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn macros_that_do_not_match_or_recurse_forever_are_reported() {
    let ix = read(
        "macro_rules! only_fns { ($(fn $f:ident;)*) => { $( pub fn $f() {} )* } }
         macro_rules! forever { () => { forever! {} } }
         only_fns! { struct S; }
         forever! {}
         unknown! { pub fn hidden() {} }",
        &Cfg::host(),
    );
    let w = ix.warnings().join("\n");
    assert!(
        w.contains("only_fns!") && w.contains("forever!") && w.contains("unknown!"),
        "{w}"
    );
    assert!(ix.lookup(&["c", "hidden"]).is_none());
}

#[test]
fn exported_macros_are_at_the_crate_root_with_their_doc() {
    let ix = read(
        "mod m {
            /// Makes a map.
            #[macro_export]
            macro_rules! map { ($($k:expr => $v:expr),*) => {{ }} }
            #[doc(hidden)]
            #[macro_export]
            macro_rules! __bytes_map { () => {} }
         }
         pub mod bytes { pub use crate::__bytes_map as map; }",
        &Cfg::host(),
    );
    let Item::Macro { doc, rules } = &ix.lookup(&["c", "map"]).unwrap().item else {
        panic!("a macro")
    };
    assert_eq!(doc, "Makes a map.");
    let rules = rules
        .as_deref()
        .expect("its rules, for crates that invoke it");
    assert!(rules.starts_with("($ ($ k : expr"), "{rules}");
    let reexported = ix.lookup(&["c", "bytes", "map"]).expect("`use` of a macro");
    assert_eq!(reexported.canonical_path, ["c", "__bytes_map"]);
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn method_docs_are_kept() {
    let ix = ApiIndex::from_source(
        "c",
        "pub struct S; impl S { /// Makes one.\n pub fn new() -> S { S } }
         pub trait T { /// Required.\n fn a(&self); /// Provided.\n fn b(&self) {} }",
    )
    .unwrap();
    let s = keyton_index::Ty::adt(&["c", "S"], vec![]);
    assert_eq!(ix.impls_for(&s)[0].methods[0].doc, "Makes one.");
    let t = ix.trait_def(&["c".into(), "T".into()]).unwrap();
    let docs: Vec<&str> = t.methods.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(docs, ["Required.", "Provided."]);
}

#[test]
fn proc_macro_crates_export_their_macros() {
    let ix = ApiIndex::from_source(
        "derive_it",
        "/// Derives it.
         #[proc_macro_derive(Serialize, attributes(serde))]
         pub fn derive_serialize(input: TokenStream) -> TokenStream { input }
         #[proc_macro_attribute]
         pub fn main(a: TokenStream, i: TokenStream) -> TokenStream { i }
         #[proc_macro]
         pub fn html(i: TokenStream) -> TokenStream { i }",
    )
    .unwrap();
    let names: Vec<String> = ix.children(&["derive_it"]);
    assert_eq!(names, ["Serialize", "html", "main"]);
    assert_eq!(
        ix.lookup(&["derive_it", "Serialize"]).unwrap().item,
        Item::Macro {
            doc: "Derives it.".into(),
            rules: None
        }
    );
}

#[test]
fn an_exported_macro_defined_after_its_use_is_expanded() {
    let ix = ApiIndex::from_source(
        "c",
        "pub mod style {
            pub struct Bold;
            crate::impl_display!(for Bold);
        }
        mod macros {
            #[macro_export]
            macro_rules! impl_display {
                (for $($t:ty),+) => { $(impl ::std::fmt::Display for $t {})* };
            }
        }",
    )
    .expect("parses");
    let ty = keyton_index::Ty::adt(&["c", "style", "Bold"], vec![]);
    let display = ix.impls_for(&ty).iter().any(|i| {
        i.trait_ref
            .as_ref()
            .is_some_and(|t| t.path == ["std", "fmt", "Display"])
    });
    assert!(display, "{:?}", ix.warnings());
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn a_type_fragment_stays_one_piece_where_it_is_put() {
    let ix = ApiIndex::from_source(
        "c",
        "pub trait Bits { fn top(&self) -> u64; }
        macro_rules! bits {
            ($t:ty, $n:expr) => {
                impl Bits for $t { fn top(&self) -> u64 { (1 as $t << $n) as u64 } }
            };
        }
        bits!(u32, 31);",
    )
    .expect("parses");
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    assert_eq!(
        ix.impls_for(&keyton_index::Ty::Int(keyton_index::IntTy::U32))
            .len(),
        1
    );
}

#[test]
fn a_tt_fragment_takes_a_compound_operator_whole() {
    let ix = ApiIndex::from_source(
        "c",
        "macro_rules! op {
            ($name:ident, $op:tt, $assign:tt) => { pub fn $name(mut a: i64, b: i64) -> i64 { a $assign b; a $op b } };
        }
        op!(add, +, +=);
        op!(shl, <<, <<=);",
    )
    .expect("parses");
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    assert!(ix.lookup(&["c", "add"]).is_some() && ix.lookup(&["c", "shl"]).is_some());
}

#[test]
fn recursion_as_deep_as_a_tuple_of_twelve_and_a_doubling_macro_stops() {
    let ix = ApiIndex::from_source(
        "c",
        "pub trait Arity { fn arity() -> usize; }
        macro_rules! one { ($($t:ident)*) => { impl<$($t,)*> Arity for ($($t,)*) { fn arity() -> usize { 0 } } }; }
        macro_rules! all {
            ($($t:ident)*) => { all!{[] $($t)*} };
            ([$($p:ident)*] $h:ident $($rest:ident)*) => { one!{$($p)*} all!{[$($p)* $h] $($rest)*} };
            ([$($p:ident)*]) => { one!{$($p)*} };
        }
        all! {A B C D E F G H I J K L}
        macro_rules! twice { () => { twice!{} twice!{} }; }
        twice!{}",
    )
    .expect("parses");
    let twelve = keyton_index::Ty::Tuple(vec![keyton_index::Ty::Param("A".into()); 12]);
    assert!(!ix.impls_for(&twelve).is_empty(), "{:?}", ix.warnings());
    assert!(ix.warnings().iter().any(|w| w.contains("twice")));
}
