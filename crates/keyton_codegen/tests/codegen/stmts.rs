//! The Rust text of statements, patterns and whole programs, and their line map.

use crate::build::*;
use keyton_hir::*;

#[test]
fn a_whole_program() {
    let src = "fn add(a: i64, b: i64) -> i64:\n    a + b\nprint(add(1, 2))\n";
    let add = Function {
        name: "add".into(),
        params: vec![("a".into(), Ty::I64), ("b".into(), Ty::I64)],
        ret: Ty::I64,
        body: block(
            vec![],
            Some(Expr {
                span: span_of(src, "a + b", 0),
                ..bin(
                    BinaryOp::Add,
                    local("a", Ty::I64),
                    local("b", Ty::I64),
                    Ty::I64,
                )
            }),
        ),
        span: span_of(src, "fn add", 0),
    };
    let main = vec![stmt(
        StmtKind::Expr(print(vec![call("add", vec![int(1), int(2)], Ty::I64)])),
        span_of(src, "print", 0),
    )];
    let generated = emit(&program(vec![add], main), src);
    assert_eq!(
        generated.code,
        lines(&[
            "#![allow(warnings, arithmetic_overflow, unconditional_panic)]",
            "pub fn add(mut a: i64, mut b: i64) -> i64 {",
            "    a + b",
            "}",
            "fn main() {",
            "    keyton_rt::run_main(",
            "        &KEYTON_SOURCE_MAP,",
            "        || {",
            "            println!(\"{}\", add(1i64, 2i64));",
            "        },",
            "    );",
            "}",
            "",
            "/// Where the lines above came from, for run-time error reports.",
            "static KEYTON_SOURCE_MAP: keyton_rt::SourceMap = keyton_rt::SourceMap {",
            "    file: \"test.kt\",",
            "    rust_file: file!(),",
            "    source: \"fn add(a: i64, b: i64) -> i64:\\n    a + b\\nprint(add(1, 2))\\n\",",
            "    lines: &[",
            "        (1, 0, 0),",
            "        (2, 1, 1),",
            "        (3, 2, 5),",
            "        (4, 1, 1),",
            "        (5, 0, 0),",
            "        (9, 3, 1),",
            "        (10, 0, 0),",
            "    ],",
            "};",
            "",
        ])
    );
    assert_eq!(generated.line_map.span_at(1), None);
    assert_eq!(
        generated.line_map.span_at(2),
        Some(span_of(src, "fn add", 0))
    );
    assert_eq!(
        generated.line_map.span_at(3),
        Some(span_of(src, "a + b", 0))
    );
    assert_eq!(
        generated.line_map.span_at(9),
        Some(span_of(src, "print", 0))
    );
    assert_eq!(generated.line_map.span_at(10), None);
    assert_eq!(generated.line_map.span_at(1000), None);
}

#[test]
fn nested_statements_map_to_the_innermost_one() {
    let src = "if a:\n    f()\nelse:\n    g()\nh()\n";
    let call_stmt = |name: &str| {
        let text = format!("{name}()");
        stmt(
            StmtKind::Expr(call(name, vec![], Ty::Unit)),
            span_of(src, &text, 0),
        )
    };
    let if_ = StmtKind::If {
        branches: vec![(local("a", Ty::Bool), block(vec![call_stmt("f")], None))],
        orelse: Some(block(vec![call_stmt("g")], None)),
    };
    let main = vec![stmt(if_, span_of(src, "if a", 0)), call_stmt("h")];
    let generated = emit(&program(vec![], main), src);
    let line_of = |text: &str| {
        generated
            .code
            .lines()
            .position(|l| l.trim() == text)
            .unwrap()
            + 1
    };
    let span_at = |text: &str| generated.line_map.span_at(line_of(text));
    assert_eq!(span_at("if a {"), Some(span_of(src, "if a", 0)));
    assert_eq!(span_at("f();"), Some(span_of(src, "f()", 0)));
    assert_eq!(span_at("} else {"), Some(span_of(src, "if a", 0)));
    assert_eq!(span_at("g();"), Some(span_of(src, "g()", 0)));
    assert_eq!(span_at("h();"), Some(span_of(src, "h()", 0)));
}

#[test]
fn bindings_and_assignments() {
    let x = || local("x", Ty::I64);
    let pair = Ty::Tuple(vec![Ty::I64, Ty::string()]);
    let b = pat(PatKind::Bind {
        name: "b".into(),
        mutable: false,
    });
    let unpack = pat(PatKind::Tuple(vec![bind("a"), b]));
    let got = body_of(vec![
        let_("x", Some(Ty::I64), int(1)),
        let_("it", Some(Ty::Opaque(vec![])), int(1)),
        StmtKind::Let {
            pat: unpack,
            ty: None,
            value: local("pair", pair),
        },
        StmtKind::Declare {
            name: "type".into(),
            ty: Ty::vec(Ty::Infer(0)),
        },
        StmtKind::Assign {
            place: x(),
            value: int(2),
        },
        StmtKind::CompoundAssign {
            place: x(),
            op: BinaryOp::Add,
            value: int(3),
        },
        StmtKind::CompoundAssign {
            place: local("f", Ty::F64),
            op: BinaryOp::Rem,
            value: float(2.0),
        },
        StmtKind::CompoundAssign {
            place: x(),
            op: BinaryOp::Eq,
            value: int(3),
        },
    ]);
    assert_eq!(
        got,
        lines(&[
            "let mut x: i64 = 1i64;",
            "let mut it: _ = 1i64;",
            "let (mut a, b) = pair;",
            "let mut r#type: ::std::vec::Vec<_>;",
            "x = 2i64;",
            "x += 3i64;",
            "f %= 2.0f64;",
            "compile_error!(\"internal error: `Eq` is not a compound assignment\");",
        ])
    );
}

#[test]
fn control_flow() {
    let x = || local("x", Ty::I64);
    let say = |s: &str| stmt(StmtKind::Expr(print(vec![str_lit(s)])), Span::default());
    let gt = |n: u128| bin(BinaryOp::Gt, x(), int(n), Ty::Bool);
    let if_ = StmtKind::If {
        branches: vec![
            (gt(10), block(vec![say("big")], None)),
            (gt(0), block(vec![say("small")], None)),
        ],
        orelse: Some(block(vec![], None)),
    };
    let break_ = block(vec![stmt(StmtKind::Break, Span::default())], None);
    let loop_body = block(
        vec![
            stmt(
                StmtKind::If {
                    branches: vec![(gt(5), break_)],
                    orelse: None,
                },
                Span::default(),
            ),
            stmt(StmtKind::Continue, Span::default()),
        ],
        None,
    );
    let for_ = StmtKind::For {
        pat: pat(PatKind::Tuple(vec![bind("k"), bind("v")])),
        iter: method(local("m", Ty::Unit), "iter", vec![], Ty::Unit),
        body: block(vec![], None),
    };
    let got = body_of(vec![
        if_,
        StmtKind::While {
            cond: gt(0),
            body: loop_body,
        },
        for_,
        StmtKind::Return(Some(int(1))),
        StmtKind::Return(None),
    ]);
    assert_eq!(
        got,
        lines(&[
            "if x > 10i64 {",
            "    println!(\"{}\", \"big\");",
            "} else if x > 0i64 {",
            "    println!(\"{}\", \"small\");",
            "} else {}",
            "while x > 0i64 {",
            "    if x > 5i64 {",
            "        break;",
            "    }",
            "    continue;",
            "}",
            "for (mut k, mut v) in m.iter() {}",
            "return 1i64;",
            "return;",
        ])
    );
}

#[test]
fn match_and_patterns() {
    let arm = |pat: Pat, guard: Option<Expr>| Arm {
        pat,
        guard,
        body: block(vec![], None),
        span: Span::default(),
    };
    let lit = |e: Expr| pat(PatKind::Lit(e));
    let some_v = pat(PatKind::Path {
        path: seg(&["Some"]),
        args: Some(vec![bind("v")]),
    });
    let positive = bin(BinaryOp::Gt, local("v", Ty::I64), int(0), Ty::Bool);
    let less = pat(PatKind::Path {
        path: seg(&["std", "cmp", "Ordering", "Less"]),
        args: None,
    });
    let one_or_minus_one = pat(PatKind::Or(vec![
        lit(int(1)),
        lit(unary(UnaryOp::Neg, int(1))),
    ]));
    let origin_x = pat(PatKind::Struct {
        path: seg(&["geo", "Point"]),
        fields: vec![("x".into(), lit(float(0.0)))],
    });
    let str_or_any = pat(PatKind::Or(vec![lit(str_lit("a")), pat(PatKind::Wild)]));
    let arms = vec![
        arm(some_v, Some(positive)),
        arm(less, None),
        arm(one_or_minus_one, None),
        arm(origin_x, None),
        arm(pat(PatKind::Ref(Box::new(bind("r")))), None),
        arm(pat(PatKind::Ref(Box::new(str_or_any))), None),
        arm(pat(PatKind::Wild), None),
    ];
    let got = body_of(vec![StmtKind::Match {
        scrutinee: local("value", Ty::Unit),
        arms,
    }]);
    assert_eq!(
        got,
        lines(&[
            "match value {",
            "    Some(mut v) if v > 0i64 => {}",
            "    ::std::cmp::Ordering::Less => {}",
            "    1i64 | -1i64 => {}",
            "    ::geo::Point { x: 0.0f64, .. } => {}",
            "    &(mut r) => {}",
            "    &(\"a\" | _) => {}",
            "    _ => {}",
            "}",
        ])
    );
}

#[test]
fn struct_literals_in_loop_heads_are_parenthesized() {
    let lit = e(
        ExprKind::StructLit {
            path: seg(&["geo", "Points"]),
            fields: vec![],
        },
        Ty::Unit,
    );
    let got = body_of(vec![StmtKind::For {
        pat: bind("p"),
        iter: lit,
        body: block(vec![], None),
    }]);
    assert_eq!(got, "for mut p in (::geo::Points {}) {}");
}

#[test]
fn invalid_trees_become_a_compile_error() {
    let broken = bin(BinaryOp::Add, path(&[], Ty::I64), int(1), Ty::I64);
    let got = emit(
        &program(vec![], vec![stmt(StmtKind::Expr(broken), Span::default())]),
        "",
    );
    assert!(
        got.code.starts_with(
            "compile_error!(\n    \"internal error: keyton_codegen built invalid Rust"
        ),
        "{}",
        got.code
    );
    assert!(got.code.contains("fn main() {}"));
}

#[test]
fn written_places_evaluate_computed_indexes_first() {
    let grid_ty = Ty::vec(Ty::vec(Ty::I64));
    let row = e(
        ExprKind::Index {
            base: boxed(local("grid", grid_ty)),
            index: boxed(local("i", Ty::Int(IntTy::Usize))),
        },
        Ty::vec(Ty::I64),
    );
    let cell = e(
        ExprKind::Index {
            base: boxed(row),
            index: boxed(local("j", Ty::Int(IntTy::Usize))),
        },
        Ty::I64,
    );
    let field = e(
        ExprKind::Field {
            base: boxed(local("p", Ty::Unit)),
            name: "x".into(),
        },
        Ty::F64,
    );
    let borrow = e(
        ExprKind::Ref {
            mutable: true,
            expr: boxed(index("xs", Ty::I64, int(0))),
        },
        Ty::Unit,
    );
    let got = body_of(vec![
        StmtKind::Assign {
            place: index("xs", Ty::I64, unary(UnaryOp::Neg, int(1))),
            value: int(5),
        },
        StmtKind::CompoundAssign {
            place: cell,
            op: BinaryOp::Add,
            value: int(1),
        },
        StmtKind::Assign {
            place: field,
            value: float(1.0),
        },
        StmtKind::Expr(call("bump", vec![borrow], Ty::Unit)),
    ]);
    assert_eq!(
        got,
        lines(&[
            "(*{",
            "    let __keyton_index = keyton_rt::list_index(-1i64, xs.len());",
            "    &mut xs[__keyton_index]",
            "}) = 5i64;",
            "grid[i][j] += 1i64;",
            "p.x = 1.0f64;",
            "bump(",
            "    &mut (*{",
            "        let __keyton_index = keyton_rt::list_index(0i64, xs.len());",
            "        &mut xs[__keyton_index]",
            "    }),",
            ");",
        ])
    );
}

#[test]
fn method_receivers_evaluate_computed_indexes_first() {
    let rows_ty = Ty::vec(Ty::vec(Ty::I64));
    let last_row = index_of(
        local("rows", rows_ty),
        Ty::vec(Ty::I64),
        unary(UnaryOp::Neg, int(1)),
    );
    let cell = index_of(last_row.clone(), Ty::I64, int(0));
    let got = exprs(vec![
        method(last_row, "push", vec![int(3)], Ty::Unit),
        method(cell, "abs", vec![], Ty::I64),
        method(
            index("xs", Ty::I64, local("i", Ty::I64)),
            "abs",
            vec![],
            Ty::I64,
        ),
    ]);
    assert_eq!(
        got,
        lines(&[
            "({",
            "    let __keyton_index0 = keyton_rt::list_index(-1i64, rows.len());",
            "    rows[__keyton_index0].push(3i64)",
            "});",
            "({",
            "    let __keyton_index0 = keyton_rt::list_index(-1i64, rows.len());",
            "    let __keyton_index1 = keyton_rt::list_index(",
            "        0i64,",
            "        ({",
            "            let __keyton_index0 = keyton_rt::list_index(-1i64, rows.len());",
            "            rows[__keyton_index0].len()",
            "        }),",
            "    );",
            "    rows[__keyton_index0][__keyton_index1].abs()",
            "});",
            "({",
            "    let __keyton_index0 = keyton_rt::list_index(i, xs.len());",
            "    xs[__keyton_index0].abs()",
            "});",
        ])
    );
}
