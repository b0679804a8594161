//! API shapes popular crates use, checked against small crates written
//! like them: impls written for a type's default arguments, types named
//! through aliases, functions of traits.

use keyton_index::{ApiIndex, World};
use std::sync::Arc;

/// Shaped like `indexmap`: the constructor lives in an impl for the
/// default hasher only.
const MAPS: &str = r#"
pub struct RandomState;
pub struct Map<K, V, S = RandomState> { k: K, v: V, s: S }
impl<K, V> Map<K, V> { pub fn new() -> Self { todo!() } }
impl<K, V, S> Map<K, V, S> {
    pub fn insert(&mut self, key: K, value: V) -> Option<V> { None }
    pub fn contains_key<Q: ?Sized>(&self, key: &Q) -> bool { false }
}
pub struct Iter<'a, K, V>(&'a K, &'a V);
impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<(&'a K, &'a V)> { None }
}
impl<'a, K, V, S> IntoIterator for &'a Map<K, V, S> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> { todo!() }
}
"#;

/// Shaped like `sha2` 0.10: the hasher is an alias of a generic wrapper,
/// whose functions come from a trait.
const HASHES: &str = r#"
pub struct Wrapper<T>(T);
impl<T> Wrapper<T> { pub fn bytes(&self) -> usize { 0 } }
pub trait Digest {
    fn new() -> Self;
    fn digest(data: impl AsRef<[u8]>) -> Vec<u8>;
}
impl<T> Digest for Wrapper<T> {
    fn new() -> Self { todo!() }
    fn digest(data: impl AsRef<[u8]>) -> Vec<u8> { todo!() }
}
pub type Sha = Wrapper<u32>;
"#;

fn check(krate: &str, source: &str, body: &str) -> Result<String, Vec<String>> {
    let index = ApiIndex::from_source(krate, source).expect("the test crate parses");
    let world = World::std().with(Arc::new(index));
    let program = format!("rimport {krate}\n{body}\n");
    let module = keyton_syntax::parse(&program).expect("the test program parses");
    keyton_check::check(&module, &world)
        .map(|program| format!("{program:?}"))
        .map_err(|diags| diags.into_iter().map(|d| d.message).collect())
}

#[test]
fn a_type_written_without_its_default_arguments_is_the_type_with_them() {
    check(
        "maps",
        MAPS,
        "let m: maps.Map<String, i64> = maps.Map.new()\nm.insert(\"a\", 1)\nfor k, v in m:\n    print(k, v)",
    )
    .expect("`Map<String, i64>` and `new()`'s `Map<K, V>` are `Map<.., RandomState>`, which `&Map<K, V, S>` walks");
}

#[test]
fn an_impl_for_the_default_arguments_gives_its_functions() {
    check(
        "maps",
        MAPS,
        "m = maps.Map.new()\nm.insert(\"a\", 1)\nprint(m.insert(\"a\", 2))",
    )
    .expect("`new` is in the impl for `Map<K, V, RandomState>`");
}

#[test]
fn an_alias_names_its_type_for_functions_and_annotations() {
    let program = check(
        "hashes",
        HASHES,
        "from hashes rimport Sha\nlet h: Sha = Sha.new()\nprint(h.bytes())",
    )
    .expect("`Sha` is `Wrapper<u32>`");
    assert!(
        program.contains(r#"Path(["hashes", "Sha", "new"])"#),
        "called through the alias, as Rust allows: {program}"
    );
    assert!(
        program.contains(r#"Adt { path: ["hashes", "Wrapper"], args: [Int(U32)] }"#),
        "{program}"
    );
}

#[test]
fn a_trait_function_called_on_a_type_brings_its_trait_into_scope() {
    let program = check("hashes", HASHES, "print(hashes.Wrapper.digest(\"abc\"))")
        .expect("`digest` is `Digest`'s");
    assert!(
        program.ends_with(r#"traits: [["hashes", "Digest"]] }"#),
        "Rust needs `Digest` in scope: {program}"
    );
}

/// Shaped like `num-bigint`: operators by value and on references, with
/// several integer types on the right.
const NUMBERS: &str = r#"
use std::ops::{Mul, Neg};
#[derive(Debug)]
pub struct Big(Vec<u32>);
impl Big { pub fn from_i64(n: i64) -> Big { todo!() } }
impl Mul<Big> for Big { type Output = Big; fn mul(self, o: Big) -> Big { todo!() } }
impl Mul<&Big> for &Big { type Output = Big; fn mul(self, o: &Big) -> Big { todo!() } }
impl Mul<u8> for &Big { type Output = Big; fn mul(self, o: u8) -> Big { todo!() } }
impl Mul<i64> for &Big { type Output = Big; fn mul(self, o: i64) -> Big { todo!() } }
impl Mul<&Big> for i64 { type Output = Big; fn mul(self, o: &Big) -> Big { todo!() } }
impl Neg for Big { type Output = Big; fn neg(self) -> Big { todo!() } }
impl Neg for &Big { type Output = Big; fn neg(self) -> Big { todo!() } }
"#;

#[test]
fn operators_borrow_variables_where_impls_for_references_exist() {
    let program = check(
        "numbers",
        NUMBERS,
        "a = numbers.Big.from_i64(3)\nb = a * a\nc = -a\nprint(a, b, c)",
    )
    .expect("`a` is borrowed by `*` and `-`, so usable after");
    assert_eq!(
        program
            .matches(r#"Ref { mutable: false, expr: Expr { kind: Local("a")"#)
            .count(),
        3,
        "{program}"
    );
}

#[test]
fn an_integer_literal_operand_is_i64_where_an_impl_takes_i64() {
    let program = check(
        "numbers",
        NUMBERS,
        "a = numbers.Big.from_i64(3)\nprint(a * 300)",
    )
    .expect("`&Big * i64` exists");
    assert!(program.contains("Int(300), ty: Int(I64)"), "{program}");
}

#[test]
fn an_i64_on_the_left_finds_the_crates_impls_on_i64() {
    let program = check(
        "numbers",
        NUMBERS,
        "a = numbers.Big.from_i64(3)\nn = 2\nprint(3 * a, n * a)",
    )
    .expect("`i64 * &Big` exists");
    assert!(program.contains("Int(3), ty: Int(I64)"), "{program}");
}

/// Shaped like `textwrap`: a width or a whole options struct, through
/// `Into`; lines borrowed from the text where they can be.
const WRAPPING: &str = r#"
use std::borrow::Cow;
pub struct Options { pub width: usize }
impl From<usize> for Options { fn from(width: usize) -> Options { Options { width } } }
pub fn wrap<Opt: Into<Options>>(text: &str, width_or_options: Opt) -> Vec<Cow<'_, str>> { todo!() }
"#;

#[test]
fn an_integer_literal_for_an_into_generic_takes_a_type_it_converts_from() {
    let program = check("wrapping", WRAPPING, "print(wrapping.wrap(\"a b c\", 2))")
        .expect("`Options` is `From<usize>`");
    assert!(program.contains("Int(2), ty: Int(Usize)"), "{program}");
}

#[test]
fn a_cow_of_str_reads_as_text() {
    check(
        "wrapping",
        WRAPPING,
        "for line in wrapping.wrap(\"a b c\", 2):\n    print(line, line.len(), line.is_borrowed())\n    let s: String = line.into_owned()",
    )
    .expect("`Cow<str>` shows, derefs to `str` and gives a `String`");
}

#[test]
fn an_impl_display_result_prints_with_display() {
    let program = check(
        "shown",
        "pub fn label() -> impl std::fmt::Display { 1 }",
        "print(shown.label())",
    )
    .expect("`impl Display` prints");
    assert!(
        program.contains(r#"spec: "" }"#),
        "Display, not Debug: {program}"
    );
}

/// Shaped like `csv`: a reader over anything readable, records indexed
/// to unsized text.
const RECORDS: &str = r#"
pub struct Reader<R>(R);
impl<R> Reader<R> { pub fn from_reader(rdr: R) -> Reader<R> { todo!() } }
pub struct Record(Vec<String>);
impl Record { pub fn new() -> Record { todo!() } }
impl std::ops::Index<usize> for Record { type Output = str; fn index(&self, i: usize) -> &str { todo!() } }
"#;

#[test]
fn an_index_impl_giving_unsized_text_is_borrowed() {
    let program = check(
        "records",
        RECORDS,
        "r = records.Record.new()\nx = r[1]\nprint(x, r[0])",
    )
    .expect("`r[1]` is `&str`, kept as a `String`");
    assert!(
        program.contains(r#"Ref { mutable: false, expr: Expr { kind: Index"#),
        "`&r[1]`: {program}"
    );
}

#[test]
fn a_session_value_holding_a_reference_stays_in_its_cell() {
    let index = ApiIndex::from_source("records", RECORDS).expect("the test crate parses");
    let world = World::std().with(Arc::new(index));
    let cell = |source: &str, env: &keyton_check::SessionEnv, name: &str| {
        let module = keyton_syntax::parse(source).expect("the cell parses");
        keyton_check::check_cell(&module, &world, env, name)
    };
    let first = cell(
        "rimport records\ndata = \"a,b\"\nrdr = records.Reader.from_reader(data.as_bytes())\nwords = data.split(\",\").collect()\nprint(words)",
        &Default::default(),
        "cell_1",
    )
    .unwrap_or_else(|d| panic!("the first cell checks: {d:?}"));
    for name in ["rdr", "words"] {
        let Err(errors) = cell(name, &first.env, "cell_2") else {
            panic!("`{name}` stayed in cell 1");
        };
        let help = errors[0].help.clone().unwrap_or_default();
        assert!(
            help.contains("lived only in the cell that made it"),
            "{help}"
        );
    }
}

#[test]
fn an_impl_display_result_has_the_blanket_to_string() {
    let program = check(
        "shown",
        "pub fn label() -> impl std::fmt::Display { 1 }",
        "let s: String = shown.label().to_string()\nprint(s)",
    )
    .expect("`ToString` is implemented for every `Display`");
    assert!(program.contains(r#"method: "to_string""#), "{program}");
}

#[test]
fn a_method_of_a_trait_from_a_crate_not_imported_is_an_error_naming_it() {
    let deep = ApiIndex::from_source("deep", "pub trait Signed { fn abs(&self) -> Self; }")
        .expect("the trait crate parses");
    let big = ApiIndex::from_source(
        "big",
        "pub struct Big;\nimpl Big { pub fn one() -> Big { Big } }\nimpl deep::Signed for Big { fn abs(&self) -> Big { Big } }",
    )
    .expect("the test crate parses");
    let world = World::std()
        .with(Arc::new(big))
        .with_impls_of(Arc::new(deep));
    let module = keyton_syntax::parse("rimport big\nx = big.Big.one()\ny = x.abs()\n")
        .expect("the test program parses");
    let errors = keyton_check::check(&module, &world).expect_err("`deep` is not imported");
    assert_eq!(
        errors[0].message,
        "`abs` comes from the trait `deep.Signed` of the crate `deep`, which is not imported"
    );
}

/// Shaped like `indexmap`'s indexing: by key, by position, by range.
const INDEXED: &str = r#"
use std::ops::{Index, Range};
pub struct Slice<V>(V);
pub struct Map<V>(V);
impl<V> Map<V> {
    pub fn new() -> Map<V> { todo!() }
    pub fn insert(&mut self, key: String, value: V) {}
}
impl<V> Index<Range<usize>> for Map<V> { type Output = Slice<V>; fn index(&self, r: Range<usize>) -> &Slice<V> { todo!() } }
impl<V> Index<usize> for Map<V> { type Output = V; fn index(&self, i: usize) -> &V { todo!() } }
impl<V, Q: ?Sized> Index<&Q> for Map<V> { type Output = V; fn index(&self, key: &Q) -> &V { todo!() } }
"#;

#[test]
fn indexing_uses_the_index_impl_for_the_index_given() {
    check(
        "indexed",
        INDEXED,
        "m = indexed.Map.new()\nm.insert(\"a\", 1)\nprint(m[\"a\"] + 1, m[0] + 1)",
    )
    .expect("by key and by position, each an i64");
}

#[test]
fn in_asks_a_crate_map_its_contains_key() {
    let program = check(
        "maps",
        MAPS,
        "m = maps.Map.new()\nm.insert(\"a\", 1)\nprint(\"a\" in m, \"b\" not in m)",
    )
    .expect("`in` works on a crate's map");
    assert!(program.contains(r#"method: "contains_key""#), "{program}");
}

/// A unit struct next to one whose fields are all private: both list no
/// public fields, only the first is a value by its path.
const MARKERS: &str = r#"
pub struct Unit;
impl Unit { pub fn label(&self) -> String { String::new() } }
pub struct Hidden { secret: u8 }
"#;

#[test]
fn a_unit_struct_path_is_a_value_of_its_type() {
    check(
        "markers",
        MARKERS,
        "u = markers.Unit\nlet s: String = u.label()\nfrom markers rimport Unit\nv = Unit\nprint(v.label())",
    )
    .expect("`markers.Unit` is the value of the unit struct `Unit`");
    let errors = check("markers", MARKERS, "h = markers.Hidden").expect_err("not a value");
    assert!(errors[0].contains("Hidden"), "{errors:?}");
}

#[test]
fn items_are_imported_from_a_crate_through_its_alias() {
    check(
        "markers",
        MARKERS,
        "rimport markers as mk\nfrom mk rimport Unit\nmk.Unit.label()",
    )
    .expect("`mk` is `markers`");
}

/// Shaped like `sha2` with `hex`: a trait function whose result mentions
/// `Self`, passed straight to a generic function.
const OUTPUTS: &str = r#"
pub struct Wrap<T>(T);
pub trait Make { fn make(x: i64) -> Wrap<Self> where Self: Sized; }
pub struct Ty;
impl Make for Ty { fn make(x: i64) -> Wrap<Ty> { todo!() } }
pub fn take<T>(data: T) -> i64 { 0 }
"#;

#[test]
fn a_trait_functions_result_passed_inline_keeps_its_own_generics() {
    check("outs", OUTPUTS, "w = outs.take(outs.Ty.make(1))\nprint(w)").unwrap();
}
