//! Items that other crates' macros declare (`bitflags!`, `lazy_static!`,
//! `thread_local!`), read by the index's own reader of each, and methods
//! a crate's own macro writes inside an impl block or a trait.

use keyton_index::{ApiIndex, Cfg, Item, NoFiles, Ty};
use std::path::Path as FsPath;

fn read(src: &str) -> ApiIndex {
    ApiIndex::from_source("c", src).expect("parses")
}

/// The names of the methods of the `n`th impl block for `ty`.
fn method_names<'a>(ix: &'a ApiIndex, ty: &Ty, n: usize) -> Vec<&'a str> {
    let methods = &ix.impls_for(ty)[n].methods;
    methods.iter().map(|m| m.name.as_str()).collect()
}

fn trait_names(ix: &ApiIndex, ty: &Ty) -> Vec<String> {
    ix.impls_for(ty)
        .iter()
        .filter_map(|i| i.trait_ref.as_ref())
        .map(|t| t.path.join("::"))
        .collect()
}

#[test]
fn bitflags_declares_a_struct_with_a_const_per_flag_methods_and_operators() {
    let ix = read(
        "use bitflags::bitflags;
        bitflags! {
            /// Permissions.
            #[derive(Debug, Clone, Copy, PartialEq)]
            pub struct Perms: u32 {
                /// May read.
                const READ = 1;
                const WRITE = 1 << 1;
                const RW = Self::READ.bits() | Self::WRITE.bits();
                const _ = !0;
            }
            struct Private: u8 { const A = 1; }
        }
        bitflags::bitflags! { pub struct Other: u64 { const X = 1; } }
        bitflags! { #[cfg(feature = \"off\")] pub struct Off: u8 { const X = 1; } }",
    );
    let off = Ty::adt(&["c", "Off"], vec![]);
    assert!(ix.lookup(&["c", "Off"]).is_none() && ix.impls_for(&off).is_empty());
    let perms = ix.lookup(&["c", "Perms"]).expect("the struct");
    assert!(
        matches!(&perms.item, Item::Struct(s) if s.doc == "Permissions." && s.fields.is_empty())
    );
    assert!(
        ix.lookup(&["c", "Private"]).is_none(),
        "its visibility is kept"
    );
    assert!(
        ix.lookup(&["c", "Other"]).is_some(),
        "a qualified invocation"
    );
    let ty = Ty::adt(&["c", "Perms"], vec![]);
    let inherent: Vec<_> = ix
        .impls_for(&ty)
        .into_iter()
        .filter(|i| i.trait_ref.is_none())
        .collect();
    let consts: Vec<&str> = inherent[0].consts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(consts, ["READ", "WRITE", "RW"]);
    let method = |name: &str| {
        inherent[0]
            .methods
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(method("bits").ret, Ty::Int(keyton_index::IntTy::U32));
    assert_eq!(
        method("from_bits").ret,
        Ty::adt(&["std", "option", "Option"], vec![ty.clone()])
    );
    for name in [
        "empty", "all", "contains", "insert", "remove", "toggle", "union",
    ] {
        method(name);
    }
    let traits = trait_names(&ix, &ty);
    for t in ["BitOr", "BitAnd", "BitXor", "Sub", "Not"] {
        assert!(
            traits.contains(&format!("std::ops::{t}")),
            "{t} in {traits:?}"
        );
    }
    for t in ["std::fmt::Debug", "std::clone::Clone", "bitflags::Flags"] {
        assert!(traits.iter().any(|x| x == t), "{t} in {traits:?}");
    }
    let lines = ix.describe().join("\n");
    for line in [
        "c.Perms.READ  const  READ: c.Perms",
        "c.Perms.contains  method",
    ] {
        assert!(lines.contains(line), "{line} in {lines}");
    }
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn lazy_static_and_thread_local_declare_statics() {
    let ix = read(
        "use std::cell::Cell;
        lazy_static::lazy_static! {
            /// Names.
            pub static ref NAMES: Vec<String> = Vec::new();
            static ref HIDDEN: u8 = 1;
            #[cfg(feature = \"off\")]
            pub static ref OFF: u8 = 1;
        }
        thread_local! {
            pub static COUNT: Cell<i64> = const { Cell::new(0) };
            static MINE: u8 = 1
        }",
    );
    let names = ix.lookup(&["c", "NAMES"]).expect("NAMES");
    let vec_of_string = Ty::adt(
        &["std", "vec", "Vec"],
        vec![Ty::adt(&["std", "string", "String"], vec![])],
    );
    assert_eq!(names.item, Item::LazyStatic(vec_of_string));
    assert!(ix.lookup(&["c", "HIDDEN"]).is_none() && ix.lookup(&["c", "OFF"]).is_none());
    let count = ix.lookup(&["c", "COUNT"]).expect("COUNT");
    let Item::Static(Ty::Adt { path, args }) = &count.item else {
        panic!("{:?}", count.item)
    };
    assert_eq!(path.join("::"), "std::thread::LocalKey");
    assert_eq!(args[0].adt_name(), Some("Cell"));
    assert!(ix.lookup(&["c", "MINE"]).is_none());
    let lines = ix.describe().join("\n");
    assert!(
        lines.contains("c.NAMES  static  ref NAMES: Vec<String>"),
        "{lines}"
    );
}

#[test]
fn a_crate_macro_inside_an_impl_block_adds_its_items() {
    let ix = read(
        "macro_rules! getter {
            ($name:ident: $ty:ty) => { pub fn $name(&self) -> $ty { self.$name } };
        }
        macro_rules! both {
            ($a:ident, $b:ident) => { getter!($a: i64); getter!($b: bool); };
        }
        pub struct Entry { size: i64, open: bool, kind: i64 }
        impl Entry {
            pub fn new() -> Entry { todo!() }
            getter!(size: i64);
            both!(kind, open);
            unknown_macro!(x);
        }
        macro_rules! twice { () => { twice!{} twice!{} }; }
        impl Entry { twice!{} }",
    );
    let ty = Ty::adt(&["c", "Entry"], vec![]);
    let names = method_names(&ix, &ty, 0);
    assert_eq!(names, ["new", "size", "kind", "open"]);
    let w = ix.warnings().join("\n");
    assert!(w.contains("`unknown_macro!` in an impl"), "{w}");
}

#[test]
fn associated_type_constraints_of_bounds_are_recorded() {
    let ix = read(
        "pub trait TryRng { type Error; }
        pub trait Rng {}
        pub enum Infallible {}
        impl<R> Rng for R where R: TryRng<Error = Infallible> {}",
    );
    let blanket = &ix.impls_for(&Ty::Param("X".into()))[0];
    let bound = &blanket.generics[0].bounds[0];
    assert_eq!(bound.path, ["c", "TryRng"]);
    assert_eq!(
        bound.bindings,
        [("Error".to_string(), Ty::adt(&["c", "Infallible"], vec![]))]
    );
}

#[test]
fn bitflags_1_derives_the_usual_traits_itself() {
    let src = "bitflags::bitflags! { pub struct Mode: u8 { const A = 1; } }";
    let cfg = Cfg::host().with_dependencies([("bitflags", "1.3.2")]);
    let ix = ApiIndex::read("c", FsPath::new("lib.rs"), src, &NoFiles, &cfg).expect("parses");
    let ty = Ty::adt(&["c", "Mode"], vec![]);
    let traits = trait_names(&ix, &ty);
    for t in [
        "std::fmt::Debug",
        "std::clone::Clone",
        "std::cmp::PartialEq",
        "std::ops::BitOr",
    ] {
        assert!(traits.iter().any(|x| x == t), "{t} in {traits:?}");
    }
    assert!(
        !traits.iter().any(|x| x == "bitflags::Flags"),
        "bitflags 2's trait"
    );
    let methods: Vec<&str> = ix
        .impls_for(&ty)
        .iter()
        .filter(|i| i.trait_ref.is_none())
        .flat_map(|i| &i.methods)
        .map(|m| m.name.as_str())
        .collect();
    assert!(
        methods.contains(&"contains") && !methods.contains(&"iter"),
        "{methods:?}"
    );
}

#[test]
fn a_crate_macro_inside_a_trait_adds_its_methods() {
    let ix = read(
        "macro_rules! provided { ($name:ident) => { fn $name(&self) -> i64 { 0 } }; }
        pub trait Sized2 { fn width(&self) -> i64; provided!(height); }",
    );
    let Item::Trait(t) = &ix.lookup(&["c", "Sized2"]).expect("the trait").item else {
        panic!("a trait")
    };
    let names: Vec<&str> = t.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["width", "height"]);
}

#[test]
fn paste_makes_identifiers_of_pieces() {
    let ix = read(
        "pub struct S { width: i64 }
        macro_rules! getters {
            ($($f:ident: $t:ty),*) => {
                paste::paste! { impl S { $(pub fn [<get_ $f>](&self) -> $t { todo!() })* } }
            };
        }
        getters!(width: i64, height_px: i64);
        paste::paste! {
            pub struct [<Http Request>];
            pub fn [<make_ \"thing\">]() {}
            pub const [<max_len:upper>]: usize = 1;
            pub struct [<http_client:camel>];
            pub fn [<HttpClient:snake>]() {}
        }
        impl S { paste::paste! { pub fn [<set_ width>](&mut self, w: i64) {} } }",
    );
    let ty = Ty::adt(&["c", "S"], vec![]);
    let names = method_names(&ix, &ty, 0);
    assert_eq!(names, ["get_width", "get_height_px"]);
    assert_eq!(method_names(&ix, &ty, 1), ["set_width"]);
    for path in [
        "HttpRequest",
        "make_thing",
        "MAX_LEN",
        "HttpClient",
        "http_client",
    ] {
        assert!(
            ix.lookup(&["c", path]).is_some(),
            "{path}: {:?}",
            ix.warnings()
        );
    }
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}
