//! Generics only a call's result mentions: picked among Keyton's types by
//! the bounds the index knows, an error when several or none fit, left to
//! rustc when the index cannot judge.

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
"#;

fn check(body: &str) -> Result<String, Vec<String>> {
    let tiny = ApiIndex::from_source("tiny", TINY).expect("the test crate parses");
    let world = World::std().with(Arc::new(tiny));
    let source = format!("rimport tiny\n{body}\n");
    let module = keyton_syntax::parse(&source).expect("the test program parses");
    keyton_check::check(&module, &world)
        .map(|program| format!("{program:?}"))
        .map_err(|diags| diags.into_iter().map(|d| d.message).collect())
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
    let errors = check("print(tiny.origin())").expect_err("only Meter is Origin");
    assert_eq!(
        errors,
        ["no candidate for `T` of `tiny.origin` implements `tiny.Origin`"]
    );
}

#[test]
fn bounds_the_index_cannot_judge_are_left_to_rustc() {
    check("print(tiny.mystery())").expect("an unknown trait is rustc's to judge");
    // `collect`'s `FromIterator<B>` ties `parse`'s result to the annotation.
    check("let xs: Vec<i64> = \"1 2\".split(\" \").map(lambda s: s.parse().unwrap()).collect()\nprint(xs)")
        .expect("rustc decides parse's type through collect");
}
