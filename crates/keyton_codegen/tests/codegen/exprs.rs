//! The Rust text of expressions: parentheses, literals, helpers, macros.

use crate::build::*;
use keyton_hir::*;

#[test]
fn operands_are_parenthesized_by_structure() {
    let x = || local("x", Ty::I64);
    let f = || local("f", Ty::F64);
    let neg = |e: Expr| unary(UnaryOp::Neg, e);
    let cast = |e: Expr, to: Ty| {
        self::e(
            ExprKind::As {
                expr: boxed(e),
                to: to.clone(),
            },
            to,
        )
    };
    let got = exprs(vec![
        bin(
            BinaryOp::Mul,
            bin(BinaryOp::Add, x(), int(1), Ty::I64),
            int(2),
            Ty::I64,
        ),
        bin(BinaryOp::Sub, x(), neg(x()), Ty::I64),
        bin(BinaryOp::Lt, cast(x(), Ty::F64), f(), Ty::Bool),
        method(
            bin(BinaryOp::Add, f(), float(1.0), Ty::F64),
            "sqrt",
            vec![],
            Ty::F64,
        ),
        method(float(2.0), "sqrt", vec![], Ty::F64),
        method(float(-2.5), "abs", vec![], Ty::F64),
        unary(
            UnaryOp::Not,
            bin(
                BinaryOp::And,
                local("a", Ty::Bool),
                local("b", Ty::Bool),
                Ty::Bool,
            ),
        ),
        neg(int(9223372036854775808)),
    ]);
    assert_eq!(
        got,
        lines(&[
            "(x + 1i64) * 2i64;",
            "x - (-x);",
            "(x as f64) < f;",
            "(f + 1.0f64).sqrt();",
            "2.0f64.sqrt();",
            "(-2.5f64).abs();",
            "!(a && b);",
            "-9223372036854775808i64;",
        ])
    );
}

#[test]
fn literals_carry_their_types() {
    let got = exprs(vec![
        e(ExprKind::Int(3), Ty::Int(IntTy::Usize)),
        e(ExprKind::Int(2), Ty::F64),
        float(1.0),
        float(1e100),
        e(ExprKind::Float(0.5), Ty::Float(FloatTy::F32)),
        float(f64::NAN),
        float(f64::NEG_INFINITY),
        str_lit("say \"hi\"\n\t{x}"),
        e(ExprKind::Bool(true), Ty::Bool),
        e(ExprKind::Unit, Ty::Unit),
    ]);
    assert_eq!(
        got,
        lines(&[
            "3usize;",
            "2f64;",
            "1.0f64;",
            "1e100f64;",
            "0.5f32;",
            "f64::NAN;",
            "f64::NEG_INFINITY;",
            "\"say \\\"hi\\\"\\n\\t{x}\";",
            "true;",
            "();",
        ])
    );
}

#[test]
fn runtime_helpers_conversions_and_results() {
    let x = || local("x", Ty::I64);
    let parse = method(
        local("s", Ty::string()),
        "parse",
        vec![],
        Ty::result(Ty::I64, Ty::Infer(0)),
    );
    let got = exprs(vec![
        rt(RuntimeFn::FloorDiv, vec![x(), int(2)], Ty::I64),
        rt(
            RuntimeFn::RangeStep,
            vec![int(10), int(0), unary(UnaryOp::Neg, int(3))],
            Ty::Infer(1),
        ),
        e(ExprKind::Convert(boxed(x())), Ty::Int(IntTy::U32)),
        e(
            ExprKind::UnwrapResult {
                expr: boxed(parse),
                call: "parse".into(),
            },
            Ty::I64,
        ),
        e(
            ExprKind::Clone(boxed(local("s", Ty::string()))),
            Ty::string(),
        ),
        e(
            ExprKind::Ref {
                mutable: true,
                expr: boxed(local("v", Ty::vec(Ty::I64))),
            },
            Ty::Unit,
        ),
        e(
            ExprKind::Deref(boxed(local("r", Ty::reference(Ty::I64)))),
            Ty::I64,
        ),
        index("xs", Ty::I64, unary(UnaryOp::Neg, int(1))),
    ]);
    assert_eq!(
        got,
        lines(&[
            "keyton_rt::floor_div(x, 2i64);",
            "keyton_rt::range_step(10i64, 0i64, -3i64);",
            "keyton_rt::convert::<u32, _>(x);",
            "keyton_rt::ok(s.parse(), \"parse\");",
            "s.clone();",
            "&mut v;",
            "*r;",
            "xs[keyton_rt::list_index(-1i64, xs.len())];",
        ])
    );
}

#[test]
fn compound_values() {
    let point = seg(&["geo", "Point"]);
    let p = || local("p", Ty::Tuple(vec![Ty::I64, Ty::I64]));
    let n_plus_1 = bin(BinaryOp::Add, local("n", Ty::I64), int(1), Ty::I64);
    let got = exprs(vec![
        e(ExprKind::Tuple(vec![int(1)]), Ty::Tuple(vec![Ty::I64])),
        e(ExprKind::Tuple(vec![int(1), str_lit("a")]), Ty::Unit),
        e(
            ExprKind::TupleField {
                base: boxed(p()),
                index: 1,
            },
            Ty::I64,
        ),
        e(
            ExprKind::Field {
                base: boxed(local("q", Ty::Unit)),
                name: "type".into(),
            },
            Ty::I64,
        ),
        e(ExprKind::List(vec![int(1), int(2)]), Ty::vec(Ty::I64)),
        e(ExprKind::List(vec![]), Ty::vec(Ty::string())),
        e(ExprKind::List(vec![]), Ty::vec(Ty::Infer(4))),
        path(&["None"], Ty::option(Ty::I64)),
        path(&["std", "f64", "consts", "PI"], Ty::F64),
        path(&["i64", "MAX"], Ty::I64),
        e(
            ExprKind::StructLit {
                path: point,
                fields: vec![("x".into(), float(1.0))],
            },
            Ty::Unit,
        ),
        e(
            ExprKind::Range {
                start: boxed(int(0)),
                end: boxed(n_plus_1),
            },
            Ty::Unit,
        ),
    ]);
    assert_eq!(
        got,
        lines(&[
            "(1i64,);",
            "(1i64, \"a\");",
            "p.1;",
            "q.r#type;",
            "vec![1i64, 2i64];",
            "::std::vec::Vec::<::std::string::String>::new();",
            "vec![];",
            "None::<i64>;",
            "::std::f64::consts::PI;",
            "i64::MAX;",
            "::geo::Point { x: 1.0f64 };",
            "0i64..(n + 1i64);",
        ])
    );
}

#[test]
fn format_and_print() {
    let parts = vec![
        FmtPart::Lit("{literal} ".into()),
        FmtPart::Arg {
            expr: local("x", Ty::F64),
            spec: ":.2".into(),
        },
        FmtPart::Lit("\"q\"".into()),
        FmtPart::Arg {
            expr: local("n", Ty::I64),
            spec: ":>5".into(),
        },
    ];
    let got = exprs(vec![
        e(ExprKind::Format(parts.clone()), Ty::string()),
        e(
            ExprKind::Print {
                parts,
                stderr: true,
                newline: true,
            },
            Ty::Unit,
        ),
        e(
            ExprKind::Print {
                parts: vec![],
                stderr: false,
                newline: true,
            },
            Ty::Unit,
        ),
    ]);
    assert_eq!(
        got,
        lines(&[
            "format!(\"{{literal}} {:.2}\\\"q\\\"{:>5}\", x, n);",
            "eprintln!(\"{{literal}} {:.2}\\\"q\\\"{:>5}\", x, n);",
            "println!();",
        ])
    );
}

#[test]
fn closures_and_conditional_expressions() {
    let x = || local("x", Ty::I64);
    let closure = e(
        ExprKind::Closure {
            params: vec![("x".into(), Ty::I64), ("y".into(), Ty::Infer(2))],
            body: boxed(bin(BinaryOp::Add, x(), local("y", Ty::I64), Ty::I64)),
        },
        Ty::Infer(3),
    );
    let mapped = method(
        local("xs", Ty::vec(Ty::I64)),
        "map",
        vec![closure],
        Ty::Infer(5),
    );
    let cond = |c: Expr, a: Expr, b: Expr| {
        let ty = a.ty.clone();
        e(
            ExprKind::IfElse {
                cond: boxed(c),
                then: boxed(a),
                orelse: boxed(b),
            },
            ty,
        )
    };
    let is_pos = bin(BinaryOp::Gt, x(), int(0), Ty::Bool);
    let is_neg = bin(BinaryOp::Lt, x(), int(0), Ty::Bool);
    let sign = cond(
        is_pos,
        int(1),
        cond(is_neg, unary(UnaryOp::Neg, int(1)), int(0)),
    );
    let got = body_of(vec![
        StmtKind::Expr(mapped),
        let_("s", None, sign.clone()),
        StmtKind::Expr(bin(BinaryOp::Add, sign, int(1), Ty::I64)),
    ]);
    assert_eq!(
        got,
        lines(&[
            "xs.map(|x: i64, y| x + y);",
            "let mut s = if x > 0i64 { 1i64 } else if x < 0i64 { -1i64 } else { 0i64 };",
            "(if x > 0i64 { 1i64 } else if x < 0i64 { -1i64 } else { 0i64 }) + 1i64;",
        ])
    );
}

#[test]
fn closures_with_block_bodies_get_markers_too() {
    let src = "f = lambda: ...\n";
    let inner = stmt(
        StmtKind::Expr(print(vec![str_lit("hi")])),
        span_of(src, "...", 0),
    );
    let body = e(ExprKind::Block(block(vec![inner], Some(int(1)))), Ty::I64);
    let closure = e(
        ExprKind::Closure {
            params: vec![],
            body: boxed(body),
        },
        Ty::Infer(0),
    );
    let main = vec![stmt(let_("f", None, closure), span_of(src, "f =", 0))];
    let generated = emit(&program(vec![], main), src);
    assert_eq!(
        main_body(&generated.code),
        lines(&[
            "let mut f = || {",
            "    println!(\"{}\", \"hi\");",
            "    1i64",
            "};"
        ])
    );
    let line_of = |text: &str| {
        generated
            .code
            .lines()
            .position(|l| l.trim() == text)
            .unwrap()
            + 1
    };
    assert_eq!(
        generated.line_map.span_at(line_of("let mut f = || {")),
        Some(span_of(src, "f =", 0))
    );
    assert_eq!(
        generated
            .line_map
            .span_at(line_of("println!(\"{}\", \"hi\");")),
        Some(span_of(src, "...", 0))
    );
    assert_eq!(
        generated.line_map.span_at(line_of("};")),
        Some(span_of(src, "f =", 0))
    );
}

#[test]
fn macro_calls_pass_tokens_through() {
    let mac = |path: &[&str], delimiter: char, tokens: &str| {
        e(
            ExprKind::MacroCall {
                path: seg(path),
                delimiter,
                tokens: tokens.into(),
                vars: vec![],
            },
            Ty::Infer(0),
        )
    };
    let got = exprs(vec![
        mac(&["serde_json", "json"], '(', "{\"a\": 1}"),
        mac(&["vec"], '[', "0; 3"),
        mac(&["m"], '(', "\"unterminated"),
    ]);
    assert_eq!(
        got,
        lines(&[
            "::serde_json::json!({ \"a\" : 1 });",
            "vec![0; 3];",
            "compile_error!(",
            "    \"the tokens inside `m!(...)` are not valid Rust tokens: cannot parse string into token stream\"",
            ");",
        ])
    );
}

#[test]
fn session_variables_in_macro_tokens_are_read_through_their_guards() {
    let global = local(&keyton_hir::global_local("n"), Ty::I64);
    let plain = local("k", Ty::I64);
    let call = e(
        ExprKind::MacroCall {
            path: seg(&["serde_json", "json"]),
            delimiter: '(',
            tokens: "[n, k, n.abs(), k.n]".into(),
            vars: vec![("n".into(), global), ("k".into(), plain)],
        },
        Ty::Infer(0),
    );
    assert_eq!(
        exprs(vec![call]),
        lines(&[
            "::serde_json::json!(",
            "    [(* keyton_global__n), k, (* keyton_global__n).abs(), k.n]",
            ");",
        ])
    );
}
