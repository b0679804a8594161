//! Terse constructors for typed programs, with spans found in a Keyton source.

use keyton_codegen::{Generated, ProgramLinks, emit_program};
use keyton_hir::*;

/// The span of the `nth` (0-based) occurrence of `needle` in `source`.
pub fn span_of(source: &str, needle: &str, nth: usize) -> Span {
    let start = source
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} is not in the source"))
        .0;
    Span::new(start, start + needle.len())
}

pub fn e(kind: ExprKind, ty: Ty) -> Expr {
    Expr {
        kind,
        ty,
        span: Span::default(),
    }
}

pub fn int(v: u128) -> Expr {
    e(ExprKind::Int(v), Ty::I64)
}

pub fn float(v: f64) -> Expr {
    e(ExprKind::Float(v), Ty::F64)
}

pub fn str_lit(s: &str) -> Expr {
    e(ExprKind::Str(s.into()), Ty::reference(Ty::Str))
}

pub fn local(name: &str, ty: Ty) -> Expr {
    e(ExprKind::Local(name.into()), ty)
}

pub fn path(segments: &[&str], ty: Ty) -> Expr {
    e(
        ExprKind::Path(segments.iter().map(|s| s.to_string()).collect()),
        ty,
    )
}

pub fn call(name: &str, args: Vec<Expr>, ty: Ty) -> Expr {
    let callee = Box::new(path(&[name], Ty::Unit));
    e(ExprKind::Call { callee, args }, ty)
}

pub fn method(receiver: Expr, name: &str, args: Vec<Expr>, ty: Ty) -> Expr {
    let (receiver, method) = (Box::new(receiver), name.to_string());
    e(
        ExprKind::MethodCall {
            receiver,
            method,
            turbofish: vec![],
            args,
        },
        ty,
    )
}

pub fn bin(op: BinaryOp, lhs: Expr, rhs: Expr, ty: Ty) -> Expr {
    let (lhs, rhs) = (Box::new(lhs), Box::new(rhs));
    e(ExprKind::Binary { op, lhs, rhs }, ty)
}

pub fn rt(func: RuntimeFn, args: Vec<Expr>, ty: Ty) -> Expr {
    e(ExprKind::Runtime { func, args }, ty)
}

/// `xs[i]` with a Python index.
pub fn index(list: &str, elem: Ty, i: Expr) -> Expr {
    index_of(local(list, Ty::vec(elem.clone())), elem, i)
}

/// `base[i]` with a Python index; `base` is a list of `elem`.
pub fn index_of(base: Expr, elem: Ty, i: Expr) -> Expr {
    let len = method(base.clone(), "len", vec![], Ty::Int(IntTy::Usize));
    let i = rt(RuntimeFn::ListIndex, vec![i, len], Ty::Int(IntTy::Usize));
    e(
        ExprKind::Index {
            base: Box::new(base),
            index: Box::new(i),
        },
        elem,
    )
}

/// `print(a, b, ...)` with Display arguments (`{:?}` for floats).
pub fn print(args: Vec<Expr>) -> Expr {
    let mut parts = Vec::new();
    for (i, arg) in args.into_iter().enumerate() {
        if i > 0 {
            parts.push(FmtPart::Lit(" ".into()));
        }
        let spec = if arg.ty == Ty::F64 { ":?" } else { "" }.to_string();
        parts.push(FmtPart::Arg { expr: arg, spec });
    }
    e(
        ExprKind::Print {
            parts,
            stderr: false,
            newline: true,
        },
        Ty::Unit,
    )
}

pub fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

pub fn bind(name: &str) -> Pat {
    Pat {
        kind: PatKind::Bind {
            name: name.into(),
            mutable: true,
        },
        span: Span::default(),
    }
}

pub fn let_(name: &str, ty: Option<Ty>, value: Expr) -> StmtKind {
    StmtKind::Let {
        pat: bind(name),
        ty,
        value,
    }
}

pub fn block(stmts: Vec<Stmt>, tail: Option<Expr>) -> Block {
    Block {
        stmts,
        tail: tail.map(Box::new),
    }
}

pub fn program(fns: Vec<Function>, main: Vec<Stmt>) -> Program {
    Program {
        fns,
        main,
        traits: Vec::new(),
    }
}

pub fn emit(program: &Program, source: &str) -> Generated {
    emit_program(program, source, "test.kt", &ProgramLinks::default())
}

/// The code inside `main`'s closure, dedented, without the source map.
pub fn main_body(code: &str) -> String {
    let start = code.find("|| {\n").expect("main's closure") + 5;
    let end = code.find("\n        },\n    );\n}").expect("main's end");
    code[start..end]
        .lines()
        .map(|l| l.strip_prefix("            ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Emit `main` statements (all with a default span) and return main's body.
pub fn body_of(stmts: Vec<StmtKind>) -> String {
    let stmts = stmts
        .into_iter()
        .map(|k| stmt(k, Span::default()))
        .collect();
    main_body(&emit(&program(vec![], stmts), "").code)
}

/// Emit expression statements and return main's body.
pub fn exprs(list: Vec<Expr>) -> String {
    body_of(list.into_iter().map(StmtKind::Expr).collect())
}

pub fn lines(text: &[&str]) -> String {
    text.join("\n")
}

pub fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

pub fn pat(kind: PatKind) -> Pat {
    Pat {
        kind,
        span: Span::default(),
    }
}

pub fn seg(path: &[&str]) -> Vec<String> {
    path.iter().map(|s| s.to_string()).collect()
}

pub fn unary(op: UnaryOp, operand: Expr) -> Expr {
    let ty = operand.ty.clone();
    e(
        ExprKind::Unary {
            op,
            operand: boxed(operand),
        },
        ty,
    )
}
