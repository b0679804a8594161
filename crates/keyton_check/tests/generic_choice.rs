//! Generics only a call's result mentions: picked among Keyton's types and
//! the imported crates' by the bounds the index knows, an error when several
//! or none fit, left to rustc when the index cannot judge.

use keyton_index::{ApiIndex, World};
use std::sync::Arc;

const TINY: &str = r#"
pub trait Zero { fn zero() -> Self; }
impl Zero for i64 { fn zero() -> i64 { 0 } }
pub fn zero<T: Zero>() -> T { T::zero() }

pub trait One { fn one() -> Self; }
impl One for i64 { fn one() -> i64 { 1 } }
impl One for f64 { fn one() -> f64 { 1.0 } }
pub fn one<T: One>() -> T { T::one() }

pub struct Meter(pub f64);
pub trait Origin { fn origin() -> Self; }
impl Origin for Meter { fn origin() -> Meter { Meter(0.0) } }
pub fn origin<T: Origin>() -> T { T::origin() }

pub trait Loud {}
impl Loud for f64 {}
pub trait Shout {}
impl<T: Loud> Shout for T {}
pub fn shout<T: Shout + Default>() -> T { T::default() }

pub fn mystery<T: elsewhere::Unknown>() -> T { T::make() }

pub trait Blank { fn blank() -> Self; }
pub fn blank<T: Blank>() -> T { T::blank() }

pub trait Unit { fn unit() -> Self; }
pub trait Named {}
impl Named for Meter {}
impl<T: Named> Unit for T { fn unit() -> T { unimplemented!() } }
pub fn unit<T: Unit>() -> T { T::unit() }

pub struct Boxed<T>(pub T);
impl<T> Origin for Boxed<T> { fn origin() -> Boxed<T> { unimplemented!() } }
pub struct Tagged<T = i64>(pub T);
pub trait Tag { fn tag() -> Self; }
impl<T> Tag for Tagged<T> { fn tag() -> Tagged<T> { unimplemented!() } }
pub fn tag<T: Tag>() -> T { T::tag() }

mod hidden { pub struct Inner; impl crate::Blank for Inner { fn blank() -> Inner { Inner } } }
"#;

/// A crate with many types that implement `Many`.
fn many_types(count: usize) -> String {
    let mut source =
        "pub trait Many { fn many() -> Self; }\npub fn many<T: Many>() -> T { T::many() }\n"
            .to_string();
    for i in 0..count {
        source.push_str(&format!(
            "pub struct T{i};\nimpl Many for T{i} {{ fn many() -> T{i} {{ T{i} }} }}\n"
        ));
    }
    source
}

fn check(body: &str) -> Result<String, Vec<String>> {
    check_with(TINY, body).map_err(|diags| diags.into_iter().map(|(message, _)| message).collect())
}

/// Check `body` with the crate `tiny` read from `crate_source`: the
/// program, or the errors' messages and helps.
fn check_with(crate_source: &str, body: &str) -> Result<String, Vec<(String, String)>> {
    let tiny = ApiIndex::from_source("tiny", crate_source).expect("the test crate parses");
    let world = World::std().with(Arc::new(tiny));
    let source = format!("rimport tiny\n{body}\n");
    let module = keyton_syntax::parse(&source).expect("the test program parses");
    keyton_check::check(&module, &world)
        .map(|program| format!("{program:?}"))
        .map_err(|diags| {
            let help = |d: &keyton_diagnostics::Diagnostic| d.help.clone().unwrap_or_default();
            diags.iter().map(|d| (d.message.clone(), help(d))).collect()
        })
}

#[test]
fn one_fitting_candidate_is_the_instantiation() {
    let program = check("print(tiny.zero())").expect("zero has one instantiation");
    assert!(
        program.contains(r#"GenericPath { path: ["tiny", "zero"], generics: [Int(I64)] }"#),
        "{program}"
    );
}

#[test]
fn blanket_impls_are_followed_through_their_bounds() {
    let program = check("print(tiny.shout())").expect("f64 is Loud, so Shout");
    assert!(program.contains("generics: [Float(F64)]"), "{program}");
}

#[test]
fn several_fitting_candidates_are_an_ambiguity() {
    let errors = check("x = tiny.one()\nprint(x)").expect_err("i64 and f64 are One");
    assert_eq!(
        errors,
        ["ambiguous: `T` of `tiny.one` could be `i64`, `f64`"]
    );
}

#[test]
fn a_method_call_on_the_result_needs_the_choice_there() {
    check("print(tiny.zero().abs())").expect("zero gives i64");
    let errors = check("print(tiny.one().abs())").expect_err("one could be i64 or f64");
    assert_eq!(
        errors,
        ["ambiguous: `T` of `tiny.one` could be `i64`, `f64`"]
    );
}

#[test]
fn what_the_program_says_later_decides_first() {
    check("x = tiny.one()\nprint(x + 1.5)").expect("x is f64 by its use");
    check("let x: f64 = tiny.one()\nprint(x)").expect("x is f64 by its annotation");
    check("n = \"4\".parse()\nprint(n + 1)").expect("n is i64 by its use");
}

#[test]
fn no_fitting_candidate_names_the_bound() {
    let errors = check("print(tiny.blank())").expect_err("no public type is Blank");
    assert_eq!(
        errors,
        ["no candidate for `T` of `tiny.blank` implements `tiny.Blank`"]
    );
}

#[test]
fn the_imported_crates_types_are_candidates() {
    // `Boxed<T>` is Origin too, but its argument would be one more guess.
    let program = check("print(tiny.origin())").expect("only Meter is Origin");
    assert!(
        program.contains(r#"generics: [Adt { path: ["tiny", "Meter"], args: [] }]"#),
        "{program}"
    );
    let program = check("print(tiny.unit())").expect("Meter is Named, so Unit");
    assert!(program.contains(r#"path: ["tiny", "Meter"]"#), "{program}");
    let program = check("print(tiny.tag())").expect("Tagged's argument has a default");
    assert!(
        program.contains(r#"path: ["tiny", "Tagged"], args: [Int(I64)]"#),
        "{program}"
    );
}

#[test]
fn errors_name_a_bounded_number_of_candidates() {
    let errors = check_with(&many_types(11), "print(tiny.many())").expect_err("11 types are Many");
    let [(message, _)] = errors.as_slice() else {
        panic!("one error: {errors:?}");
    };
    assert_eq!(
        message,
        "ambiguous: `T` of `tiny.many` could be `tiny.T0`, `tiny.T1`, `tiny.T2`, `tiny.T3`, `tiny.T4`, `tiny.T5`, `tiny.T6`, `tiny.T7` and 3 more"
    );
    let errors = check_with(TINY, "print(tiny.blank())").expect_err("no public type is Blank");
    assert_eq!(
        errors[0].1,
        "the candidates are `i64`, `f64`, `&str`, `String`, `Vec<i64>`, `Vec<f64>`; write the type you want, `let x: Type = ...`"
    );
}

#[test]
fn bounds_the_index_cannot_judge_are_left_to_rustc() {
    check("print(tiny.mystery())").expect("an unknown trait is rustc's to judge");
    // `collect`'s `FromIterator<B>` ties `parse`'s result to the annotation.
    check("let xs: Vec<i64> = \"1 2\".split(\" \").map(lambda s: s.parse().unwrap()).collect()\nprint(xs)")
        .expect("rustc decides parse's type through collect");
}
