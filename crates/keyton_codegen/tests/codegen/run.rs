//! Generated programs compiled with rustc against a freshly built `keyton_rt`
//! and run: their output, and their run-time errors shown at Keyton lines.

use crate::build::*;
use keyton_hir::*;
use std::path::Path;
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Build `keyton_rt` and the program the way the driver does, and run it.
fn compile_and_run(program: &Program, source: &str) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let rt = Path::new(env!("CARGO_MANIFEST_DIR")).join("../keyton_rt/src/lib.rs");
    rustc(
        dir.path(),
        &[
            "--crate-type",
            "rlib",
            "--crate-name",
            "keyton_rt",
            rt.to_str().unwrap(),
        ],
    );
    let generated = emit(program, source);
    std::fs::write(dir.path().join("main.rs"), &generated.code).expect("write main.rs");
    rustc(
        dir.path(),
        &[
            "-C",
            "overflow-checks=on",
            "--extern",
            "keyton_rt=libkeyton_rt.rlib",
            "main.rs",
            "-o",
            "main",
        ],
    );
    let out = Command::new(dir.path().join("main"))
        .output()
        .expect("run the program");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

/// rustc in `dir`; it must succeed without a single warning.
fn rustc(dir: &Path, args: &[&str]) {
    let out = Command::new("rustc")
        .current_dir(dir)
        .args(["--edition", "2024"])
        .args(args)
        .output()
        .expect("rustc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap_or_default();
    assert!(
        out.status.success() && stderr.is_empty(),
        "rustc {args:?}:\n{stderr}\n{main}"
    );
}

fn s(kind: StmtKind, source: &str, text: &str) -> Stmt {
    stmt(kind, span_of(source, text, 0))
}

fn expr_stmt(e: Expr, source: &str, text: &str) -> Stmt {
    s(StmtKind::Expr(e), source, text)
}

#[test]
fn a_program_runs_with_python_semantics() {
    let src = "\
fn fact(n: i64) -> i64:
    if n <= 1:
        return 1
    n * fact(n - 1)
xs = [3, 1, 2]
total = 0
for x in xs:
    total += x
print(\"total\", total)
print(-7 // 2, -7 % 2, 7 / 2)
for i in range(10, 0, -3):
    print(i)
xs[-1] += 5
print(fact(5), xs[-1])
print(f\"{total:>4}|{{}}\")
let n: u32 = total
v: i64 = int(\"42\")
print(n, v)
";
    let n = || local("n", Ty::I64);
    let neg = |v: u128| {
        e(
            ExprKind::Unary {
                op: UnaryOp::Neg,
                operand: boxed(int(v)),
            },
            Ty::I64,
        )
    };
    let fact = Function {
        name: "fact".into(),
        params: vec![("n".into(), Ty::I64)],
        ret: Ty::I64,
        body: block(
            vec![s(
                StmtKind::If {
                    branches: vec![(
                        bin(BinaryOp::Le, n(), int(1), Ty::Bool),
                        block(
                            vec![s(StmtKind::Return(Some(int(1))), src, "return 1")],
                            None,
                        ),
                    )],
                    orelse: None,
                },
                src,
                "if n <= 1",
            )],
            Some(bin(
                BinaryOp::Mul,
                n(),
                call(
                    "fact",
                    vec![bin(BinaryOp::Sub, n(), int(1), Ty::I64)],
                    Ty::I64,
                ),
                Ty::I64,
            )),
        ),
        span: span_of(src, "fn fact", 0),
    };
    let xs_ty = Ty::vec(Ty::I64);
    let xs = || local("xs", xs_ty.clone());
    let total = || local("total", Ty::I64);
    let x_ref = local("x", Ty::reference(Ty::I64));
    let format = vec![
        FmtPart::Arg {
            expr: total(),
            spec: ":>4".into(),
        },
        FmtPart::Lit("|{}".into()),
    ];
    let parsed = method(
        str_lit("42"),
        "parse",
        vec![],
        Ty::result(Ty::I64, Ty::Infer(0)),
    );
    let main = vec![
        s(
            let_(
                "xs",
                None,
                e(ExprKind::List(vec![int(3), int(1), int(2)]), xs_ty.clone()),
            ),
            src,
            "xs = ",
        ),
        s(let_("total", None, int(0)), src, "total = 0"),
        s(
            StmtKind::For {
                pat: bind("x"),
                iter: e(
                    ExprKind::Ref {
                        mutable: false,
                        expr: boxed(xs()),
                    },
                    Ty::Unit,
                ),
                body: block(
                    vec![s(
                        StmtKind::CompoundAssign {
                            place: total(),
                            op: BinaryOp::Add,
                            value: e(ExprKind::Deref(boxed(x_ref)), Ty::I64),
                        },
                        src,
                        "total += x",
                    )],
                    None,
                ),
            },
            src,
            "for x",
        ),
        expr_stmt(
            print(vec![str_lit("total"), total()]),
            src,
            "print(\"total\"",
        ),
        expr_stmt(
            print(vec![
                rt(RuntimeFn::FloorDiv, vec![neg(7), int(2)], Ty::I64),
                rt(RuntimeFn::Modulo, vec![neg(7), int(2)], Ty::I64),
                rt(RuntimeFn::TrueDivInt, vec![int(7), int(2)], Ty::F64),
            ]),
            src,
            "print(-7",
        ),
        s(
            StmtKind::For {
                pat: bind("i"),
                iter: rt(
                    RuntimeFn::RangeStep,
                    vec![int(10), int(0), neg(3)],
                    Ty::Infer(1),
                ),
                body: block(
                    vec![expr_stmt(print(vec![local("i", Ty::I64)]), src, "print(i)")],
                    None,
                ),
            },
            src,
            "for i",
        ),
        s(
            StmtKind::CompoundAssign {
                place: index("xs", Ty::I64, neg(1)),
                op: BinaryOp::Add,
                value: int(5),
            },
            src,
            "xs[-1] +=",
        ),
        expr_stmt(
            print(vec![
                call("fact", vec![int(5)], Ty::I64),
                index("xs", Ty::I64, neg(1)),
            ]),
            src,
            "print(fact",
        ),
        expr_stmt(
            print(vec![e(ExprKind::Format(format), Ty::string())]),
            src,
            "print(f",
        ),
        s(
            let_(
                "n",
                Some(Ty::Int(IntTy::U32)),
                e(ExprKind::Convert(boxed(total())), Ty::Int(IntTy::U32)),
            ),
            src,
            "let n",
        ),
        s(
            let_(
                "v",
                Some(Ty::I64),
                e(
                    ExprKind::UnwrapResult {
                        expr: boxed(parsed),
                        call: "parse".into(),
                    },
                    Ty::I64,
                ),
            ),
            src,
            "v: i64",
        ),
        expr_stmt(
            print(vec![local("n", Ty::Int(IntTy::U32)), local("v", Ty::I64)]),
            src,
            "print(n",
        ),
    ];
    let run = compile_and_run(&program(vec![fact], main), src);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(0));
    assert_eq!(
        run.stdout,
        "total 6\n-4 1 3.5\n10\n7\n4\n1\n120 7\n   6|{}\n6 42\n"
    );
}

#[test]
fn a_run_time_error_in_nested_code_names_its_keyton_line() {
    let src = "\
xs = [1, 2, 3]
for i in range(0, 5, 1):
    if i > 1:
        print(xs[i + 2])
print(\"unreachable\")
";
    let i = || local("i", Ty::I64);
    let xs_ty = Ty::vec(Ty::I64);
    let inner = expr_stmt(
        print(vec![index(
            "xs",
            Ty::I64,
            bin(BinaryOp::Add, i(), int(2), Ty::I64),
        )]),
        src,
        "print(xs",
    );
    let if_ = s(
        StmtKind::If {
            branches: vec![(
                bin(BinaryOp::Gt, i(), int(1), Ty::Bool),
                block(vec![inner], None),
            )],
            orelse: None,
        },
        src,
        "if i > 1",
    );
    let main = vec![
        s(
            let_(
                "xs",
                None,
                e(ExprKind::List(vec![int(1), int(2), int(3)]), xs_ty),
            ),
            src,
            "xs = ",
        ),
        s(
            StmtKind::For {
                pat: bind("i"),
                iter: rt(
                    RuntimeFn::RangeStep,
                    vec![int(0), int(5), int(1)],
                    Ty::Infer(0),
                ),
                body: block(vec![if_], None),
            },
            src,
            "for i",
        ),
        expr_stmt(
            print(vec![str_lit("unreachable")]),
            src,
            "print(\"unreachable",
        ),
    ];
    let run = compile_and_run(&program(vec![], main), src);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "\
error: index out of range: index 4, but the length is 3
 --> test.kt:4:9
  |
4 |         print(xs[i + 2])
  |         ^^^^^^^^^^^^^^^^
  = help: valid indexes are 0 to 2, or -3 to -1 counting from the end
"
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn rust_overflow_in_a_function_tail_names_the_tail_line() {
    let src = "\
fn grow(n: i64) -> i64:
    print(\"growing\")
    n * 1000000000000
print(grow(10000000000))
";
    let grow = Function {
        name: "grow".into(),
        params: vec![("n".into(), Ty::I64)],
        ret: Ty::I64,
        body: block(
            vec![expr_stmt(
                print(vec![str_lit("growing")]),
                src,
                "print(\"growing",
            )],
            Some(Expr {
                span: span_of(src, "n * 1", 0),
                ..bin(
                    BinaryOp::Mul,
                    local("n", Ty::I64),
                    int(1000000000000),
                    Ty::I64,
                )
            }),
        ),
        span: span_of(src, "fn grow", 0),
    };
    let main = vec![expr_stmt(
        print(vec![call("grow", vec![int(10000000000)], Ty::I64)]),
        src,
        "print(grow",
    )];
    let run = compile_and_run(&program(vec![grow], main), src);
    assert_eq!(run.stdout, "growing\n");
    assert_eq!(
        run.stderr,
        "\
error: integer overflow in `*`
 --> test.kt:3:5
  |
3 |     n * 1000000000000
  |     ^^^^^^^^^^^^^^^^^
  = help: the result does not fit in i64; use float() for big numbers
"
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn unwrap_on_none_is_explained() {
    let src = "\
n = None
if true:
    n.unwrap()
";
    let unwrap = method(
        path(&["None"], Ty::option(Ty::I64)),
        "unwrap",
        vec![],
        Ty::I64,
    );
    let if_ = StmtKind::If {
        branches: vec![(
            e(ExprKind::Bool(true), Ty::Bool),
            block(vec![expr_stmt(unwrap, src, "n.unwrap")], None),
        )],
        orelse: None,
    };
    let run = compile_and_run(&program(vec![], vec![s(if_, src, "if true")]), src);
    assert_eq!(
        run.stderr,
        "\
error: unwrap() on None
 --> test.kt:3:5
  |
3 |     n.unwrap()
  |     ^^^^^^^^^^
  = help: check with `is_some()` or use `unwrap_or(default)`
"
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn panics_inside_std_keep_their_rust_location() {
    let src = "v = Vec.with_capacity(usize.MAX)\n";
    let callee = path(&["std", "vec", "Vec", "with_capacity"], Ty::Unit);
    let huge = path(&["usize", "MAX"], Ty::Int(IntTy::Usize));
    let alloc = e(
        ExprKind::Call {
            callee: boxed(callee),
            args: vec![huge],
        },
        Ty::vec(Ty::I64),
    );
    let main = vec![s(let_("v", Some(Ty::vec(Ty::I64)), alloc), src, "v =")];
    let run = compile_and_run(&program(vec![], main), src);
    assert!(
        run.stderr
            .starts_with("error: capacity overflow\n  = note: in Rust code at "),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn rust_index_out_of_bounds_is_explained() {
    let src = "xs = [1, 2, 3]\nprint(xs[5])\n";
    let xs_ty = Ty::vec(Ty::I64);
    let five = e(ExprKind::Int(5), Ty::Int(IntTy::Usize));
    let index = e(
        ExprKind::Index {
            base: boxed(local("xs", xs_ty.clone())),
            index: boxed(five),
        },
        Ty::I64,
    );
    let items = vec![int(1), int(2), int(3)];
    let main = vec![
        s(
            let_("xs", None, e(ExprKind::List(items), xs_ty)),
            src,
            "xs =",
        ),
        expr_stmt(print(vec![index]), src, "print"),
    ];
    let run = compile_and_run(&program(vec![], main), src);
    assert_eq!(
        run.stderr,
        "\
error: index out of range: index 5, but the length is 3
 --> test.kt:2:1
  |
2 | print(xs[5])
  | ^^^^^^^^^^^^
  = help: valid indexes are 0 to 2, or -3 to -1 counting from the end
"
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn overflow_rustc_can_foresee_is_still_a_run_time_error() {
    let src = "x = 9223372036854775807\ny = x + 1\n";
    let max = e(ExprKind::Int(i64::MAX as u128), Ty::I64);
    let main = vec![
        s(let_("x", None, max), src, "x ="),
        s(
            let_(
                "y",
                None,
                bin(BinaryOp::Add, local("x", Ty::I64), int(1), Ty::I64),
            ),
            src,
            "y =",
        ),
    ];
    let run = compile_and_run(&program(vec![], main), src);
    assert!(
        run.stderr
            .starts_with("error: integer overflow in `+`\n --> test.kt:2:1\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn nested_lists_are_written_through_python_indexes() {
    let src = "rows = [[1], [2]]\nrows[-1].push(3)\nrows[0][-1] += 10\nprint(rows)\n";
    let row_ty = Ty::vec(Ty::I64);
    let rows_ty = Ty::vec(row_ty.clone());
    let rows = || local("rows", rows_ty.clone());
    let literal = e(
        ExprKind::List(vec![
            e(ExprKind::List(vec![int(1)]), row_ty.clone()),
            e(ExprKind::List(vec![int(2)]), row_ty.clone()),
        ]),
        rows_ty.clone(),
    );
    let minus_one = || unary(UnaryOp::Neg, int(1));
    let push = method(
        index_of(rows(), row_ty.clone(), minus_one()),
        "push",
        vec![int(3)],
        Ty::Unit,
    );
    let first_row = index_of(rows(), row_ty.clone(), int(0));
    let print_rows = e(
        ExprKind::Print {
            parts: vec![FmtPart::Arg {
                expr: rows(),
                spec: ":?".into(),
            }],
            stderr: false,
            newline: true,
        },
        Ty::Unit,
    );
    let main = vec![
        s(let_("rows", None, literal), src, "rows = "),
        expr_stmt(push, src, "rows[-1].push"),
        s(
            StmtKind::CompoundAssign {
                place: index_of(first_row, Ty::I64, minus_one()),
                op: BinaryOp::Add,
                value: int(10),
            },
            src,
            "rows[0]",
        ),
        expr_stmt(print_rows, src, "print"),
    ];
    let run = compile_and_run(&program(vec![], main), src);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, "[[11], [2, 3]]\n");
}
