//! Programs using items of a crate read from source: type aliases in
//! annotations and as types, defaulted type arguments left out,
//! `lazy_static!` statics, methods called on a const or static, slice
//! methods on arrays, blanket-impl methods on `impl Iterator` values, and
//! bounds that constrain an associated type, and a macro imported by the
//! name of its crate.

use keyton_index::{ApiIndex, World};
use std::sync::Arc;

const LIB: &str = "
    pub struct Error;
    #[macro_export]
    macro_rules! lib { ($($t:tt)*) => { $crate::Error }; }
    impl std::fmt::Debug for Error {}
    pub type Result<T, E = Error> = std::result::Result<T, E>;
    pub struct Meters(f64);
    impl Meters {
        pub const ZERO: Meters = Meters(0.0);
        pub fn new(m: f64) -> Meters { Meters(m) }
        pub fn value(&self) -> f64 { self.0 }
    }
    pub type Distance = Meters;
    lazy_static::lazy_static! {
        pub static ref NAMES: Vec<String> = Vec::new();
    }
    pub trait Counted: Iterator { fn counted(self) -> i64 where Self: Sized { 0 } }
    impl<T: Iterator + ?Sized> Counted for T {}
    pub fn numbers() -> impl Iterator<Item = i64> { 0..3 }
    pub fn bytes() -> &'static [u8; 4] { &[1, 2, 3, 4] }
    pub struct State;
    pub struct Map<K, V, S = State>(K, V, S);
    impl<K, V> Map<K, V> { pub fn new() -> Self { todo!() } }
    pub enum Never {}
    pub trait TryRoll { type Error; }
    pub trait Roll { fn roll(&mut self) -> i64 { 4 } }
    impl<R: TryRoll<Error = Never>> Roll for R {}
    pub struct Sure;
    impl TryRoll for Sure { type Error = Never; }
    pub struct Unsure;
    impl TryRoll for Unsure { type Error = String; }
";

fn check(program: &str) -> Result<(), String> {
    let lib = ApiIndex::from_source("lib", LIB).expect("the crate reads");
    let world = World::std().with(Arc::new(lib));
    let module = keyton_syntax::parse(program).map_err(|d| format!("{d:?}"))?;
    keyton_check::check(&module, &world).map(drop).map_err(|d| {
        d.iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

#[test]
fn aliases_lazy_statics_and_methods_of_values() {
    let program = "rimport lib
from lib rimport Distance, Meters, Counted
let r: lib.Result<i64> = Ok(1)
let e: lib.Result<i64, String> = Err(\"no\")
d = Distance.new(2.0)
print(d.value(), Meters.ZERO.value())
print(lib.NAMES.len())
print(lib.numbers().counted())
print(lib.bytes().len())
let m: lib.Map<i64, String> = lib.Map.new()
";
    check(program).unwrap();
}

#[test]
fn an_alias_with_too_many_arguments_is_an_error() {
    let err = check("rimport lib\nlet r: lib.Result<i64, String, i64> = Ok(1)\n").unwrap_err();
    assert!(err.contains("takes 2 type argument(s), found 3"), "{err}");
}

#[test]
fn a_blanket_impl_applies_only_where_associated_types_match_its_bound() {
    check("rimport lib\nfrom lib rimport Sure, Roll\nr = Sure()\nprint(r.roll())\n").unwrap();
    let err = check("rimport lib\nfrom lib rimport Unsure, Roll\nr = Unsure()\nprint(r.roll())\n")
        .unwrap_err();
    assert!(err.contains("roll"), "{err}");
}

#[test]
fn a_macro_imported_by_its_crate_name_leaves_the_crate_in_paths() {
    check("rimport lib\nfrom lib rimport lib\nlet e: lib.Error = lib!(\"x\")\n").unwrap();
}
