//! Expression trees: literals, precedence, postfix forms, strings and spans.

mod common;

use common::ex;
use keyton_syntax::ast::{Expr, ExprKind, FStrPart};
use keyton_syntax::{Span, parse_expr};

fn parsed(src: &str) -> Expr {
    parse_expr(src).unwrap_or_else(|d| panic!("{src:?}: {d:#?}"))
}

fn text(src: &str, span: Span) -> &str {
    &src[span.start as usize..span.end as usize]
}

#[test]
fn integer_literals() {
    assert_eq!(ex("42"), "42");
    assert_eq!(ex("1_000"), "1000");
    assert_eq!(ex("0xff"), "255");
    assert_eq!(ex("0o17"), "15");
    assert_eq!(ex("0b101"), "5");
    assert_eq!(
        ex("340282366920938463463374607431768211455"),
        u128::MAX.to_string()
    );
}

#[test]
fn float_literals() {
    assert_eq!(ex("1.5"), "1.5");
    assert_eq!(ex("2e-3"), "0.002");
    assert_eq!(ex("1_000.5"), "1000.5");
    assert_eq!(ex("3E2"), "300.0");
    assert_eq!(ex("1..5"), "(.. 1 5)");
}

#[test]
fn keywords_and_names() {
    assert_eq!(ex("true"), "true");
    assert_eq!(ex("false"), "false");
    assert_eq!(ex("None"), "None");
    assert_eq!(ex("größe"), "größe");
    assert_eq!(ex("_x1"), "_x1");
    assert_eq!(ex("名前"), "名前");
}

#[test]
fn arithmetic_precedence() {
    assert_eq!(ex("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(ex("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(ex("a / b // c % d"), "(% (// (/ a b) c) d)");
    assert_eq!(ex("(1 + 2) * 3"), "(* (+ 1 2) 3)");
    assert_eq!(ex("-x * y"), "(* (neg x) y)");
}

#[test]
fn power_is_right_assoc_and_tighter_than_unary_minus() {
    assert_eq!(ex("-2**2"), "(neg (** 2 2))");
    assert_eq!(ex("2**3**2"), "(** 2 (** 3 2))");
    assert_eq!(ex("2**-1"), "(** 2 (neg 1))");
    assert_eq!(ex("- - x"), "(neg (neg x))");
    assert_eq!(ex("a.b**2"), "(** (. a b) 2)");
}

#[test]
fn comparisons_and_logic() {
    assert_eq!(ex("a < b and b < c"), "(and (< a b) (< b c))");
    assert_eq!(ex("a or b and c"), "(or a (and b c))");
    assert_eq!(ex("not a == b"), "(not (== a b))");
    assert_eq!(ex("not not a"), "(not (not a))");
    assert_eq!(ex("x in xs"), "(in x xs)");
    assert_eq!(ex("x not in xs"), "(not in x xs)");
    assert_eq!(ex("x is None"), "(is-none x)");
    assert_eq!(ex("x is not None"), "(is-not-none x)");
    assert_eq!(ex("a != b or c >= d"), "(or (!= a b) (>= c d))");
    assert_eq!(ex("a <= b"), "(<= a b)");
}

#[test]
fn range_sits_between_comparison_and_addition() {
    assert_eq!(ex("0..n + 1"), "(.. 0 (+ n 1))");
    assert_eq!(ex("i in 0..10"), "(in i (.. 0 10))");
}

#[test]
fn conditional_expression_and_lambda() {
    assert_eq!(ex("a if c else b"), "(if c a b)");
    assert_eq!(ex("a if c else b if d else e"), "(if c a (if d b e))");
    assert_eq!(ex("lambda x, y: x + y"), "(lambda (x y) (+ x y))");
    assert_eq!(ex("lambda: 1"), "(lambda () 1)");
    assert_eq!(ex("lambda x: x if x else 0"), "(lambda (x) (if x x 0))");
    assert_eq!(
        ex("f(lambda x: x + 1, 2)"),
        "(call f (lambda (x) (+ x 1)) 2)"
    );
}

#[test]
fn postfix_forms() {
    assert_eq!(ex("f()"), "(call f)");
    assert_eq!(ex("f(1, x=2,)"), "(call f 1 x=2)");
    assert_eq!(ex("a.b.c(1)[0]"), "(index (call (. (. a b) c) 1) 0)");
    assert_eq!(ex("String.from(\"x\")"), "(call (. String from) \"x\")");
    assert_eq!(ex("opt.or(y)"), "(call (. opt or) y)");
    assert_eq!(ex("xs[1..3]"), "(index xs (.. 1 3))");
    assert_eq!(ex("Point(x=1.0, y=2.0)"), "(call Point x=1.0 y=2.0)");
    assert_eq!(ex("f(a == b)"), "(call f (== a b))");
}

#[test]
fn lists_and_tuples() {
    assert_eq!(ex("[]"), "[]");
    assert_eq!(ex("[1, 2, 3,]"), "[1 2 3]");
    assert_eq!(ex("()"), "(tuple )");
    assert_eq!(ex("(x,)"), "(tuple x)");
    assert_eq!(ex("(1, \"a\")"), "(tuple 1 \"a\")");
    assert_eq!(ex("(x)"), "x");
    assert_eq!(ex("[\n  1,\n  2,\n]"), "[1 2]");
}

#[test]
fn macro_calls_keep_raw_tokens() {
    assert_eq!(ex("vec![1, 2]"), "(macro vec [ \"1, 2\")");
    assert_eq!(
        ex("serde_json.json!({\"a\": [1, \")\"], 'b': '}'})"),
        "(macro serde_json.json ( \"{\\\"a\\\": [1, \\\")\\\"], 'b': '}'}\")"
    );
    assert_eq!(ex("m!{ r#\"}\"# }"), "(macro m { \" r#\\\"}\\\"# \")");
    assert_eq!(ex("a.b.f!(x)(1)"), "(call (macro a.b.f ( \"x\") 1)");
}

#[test]
fn string_literals_and_escapes() {
    assert_eq!(ex(r#""a\nb\t\"q\"""#), r#""a\nb\t\"q\"""#);
    assert_eq!(ex(r"'it\'s'"), r#""it's""#);
    assert_eq!(ex(r#""\u{1F600}\0\\""#), "\"😀\\0\\\\\"");
    assert_eq!(ex(r#"r"C:\dir\n""#), r#""C:\\dir\\n""#);
    assert_eq!(
        ex("\"\"\"line1\n  \"line2\"\n\"\"\""),
        r#""line1\n  \"line2\"\n""#
    );
    assert_eq!(ex("'''a\\\nb'''"), r#""ab""#);
    assert_eq!(ex("r\"\"\"raw\\n\n\"\"\""), r#""raw\\n\n""#);
    assert_eq!(ex("\"\""), "\"\"");
}

#[test]
fn fstrings() {
    assert_eq!(
        ex(r#"f"{name} is {age:>3}""#),
        r#"(f {name} " is " {age:>3})"#
    );
    assert_eq!(ex(r#"f"{{literal}} {x:.2}""#), r#"(f "{literal} " {x:.2})"#);
    assert_eq!(ex(r#"f"{m["k"]}""#), r#"(f {(index m "k")})"#);
    assert_eq!(ex(r#"f"{f(x, y)}!""#), r#"(f {(call f x y)} "!")"#);
    assert_eq!(ex(r#"f'{a + b}\n'"#), r#"(f {(+ a b)} "\n")"#);
    assert_eq!(ex("f\"\"\"\n{x}\n\"\"\""), r#"(f "\n" {x} "\n")"#);
    assert_eq!(
        ex(r#"f"{(lambda x: x)(1)}""#),
        r#"(f {(call (lambda (x) x) 1)})"#
    );
    assert_eq!(ex(r#"f"""#), "(f )");
}

#[test]
fn fstring_expression_spans_point_into_the_source() {
    let src = r#"f"ab {x + yy:>4} {m["k"]}""#;
    let ExprKind::FStr(parts) = parsed(src).kind else {
        panic!()
    };
    let FStrPart::Expr { expr, spec } = &parts[1] else {
        panic!()
    };
    assert_eq!(text(src, expr.span), "x + yy");
    assert_eq!(spec.as_deref(), Some(">4"));
    let ExprKind::Binary { rhs, .. } = &expr.kind else {
        panic!()
    };
    assert_eq!(text(src, rhs.span), "yy");
    let FStrPart::Expr { expr, .. } = &parts[3] else {
        panic!()
    };
    assert_eq!(text(src, expr.span), r#"m["k"]"#);
}

#[test]
fn expression_spans() {
    let src = "a.b(1, c=[2]) + -x ** 2";
    let e = parsed(src);
    assert_eq!(e.span, Span::new(0, src.len()));
    let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(text(src, lhs.span), "a.b(1, c=[2])");
    assert_eq!(text(src, rhs.span), "-x ** 2");
    let ExprKind::Call { func, args } = &lhs.kind else {
        panic!()
    };
    assert_eq!(text(src, func.span), "a.b");
    assert_eq!(text(src, args[1].value.span), "[2]");
    assert_eq!(text(src, args[1].name.as_ref().unwrap().span), "c");
    let src = "(a + b) * c";
    let ExprKind::Binary { lhs, .. } = parsed(src).kind else {
        panic!()
    };
    assert_eq!(text(src, lhs.span), "(a + b)");
    let src = "x is not None";
    assert_eq!(parsed(src).span, Span::new(0, src.len()));
    let src = "json!( 1 )";
    assert_eq!(parsed(src).span, Span::new(0, src.len()));
}

#[test]
fn deep_nesting_within_the_limit_parses() {
    let src = format!("{}1{}", "(".repeat(60), ")".repeat(60));
    assert_eq!(ex(&src), "1");
    let src = format!("{}x", "-".repeat(60));
    assert!(parse_expr(&src).is_ok());
    // Long chains are loops, not nesting: hundreds of links are fine.
    let src = format!("x{}", ".a".repeat(500));
    assert!(parse_expr(&src).is_ok());
    let src = format!("1{}", " + 1".repeat(500));
    assert!(parse_expr(&src).is_ok());
}
