//! Test helpers: a compact S-expression rendering of the tree, so tests can
//! state the expected structure in one readable line.

#![allow(dead_code)]

use keyton_syntax::ast::*;
use keyton_syntax::{parse, parse_expr};

/// Parse an expression and render it.
pub fn ex(src: &str) -> String {
    match parse_expr(src) {
        Ok(e) => expr(&e),
        Err(d) => panic!("parse_expr({src:?}) failed: {d:#?}"),
    }
}

/// Parse a module and render its statements, one per line.
pub fn md(src: &str) -> String {
    match parse(src) {
        Ok(m) => m.stmts.iter().map(stmt).collect::<Vec<_>>().join("\n"),
        Err(d) => panic!("parse({src:?}) failed: {d:#?}"),
    }
}

/// The first error of parsing `src`: its message, and the source text under its span.
pub fn err(src: &str) -> (String, String) {
    let errors = all_errors(src);
    let d = &errors[0];
    let span = d.primary.span;
    let text = src
        .get(span.start as usize..span.end as usize)
        .unwrap_or("<bad span>");
    (d.message.clone(), text.to_string())
}

pub fn all_errors(src: &str) -> Vec<keyton_syntax::Diagnostic> {
    match parse(src) {
        Ok(m) => panic!("parse({src:?}) should fail, got {m:#?}"),
        Err(d) => {
            assert!(!d.is_empty());
            for e in &d {
                assert!(e.help.is_some(), "no help for {e:?}");
            }
            d
        }
    }
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(" ")
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::FStr(parts) => format!("(f {})", join(parts, fpart)),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::None => "None".into(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::List(items) => format!("[{}]", join(items, expr)),
        ExprKind::Tuple(items) => format!("(tuple {})", join(items, expr)),
        ExprKind::Unary { op, operand } => {
            let op = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Not => "not",
            };
            format!("({op} {})", expr(operand))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", op.as_str(), expr(lhs), expr(rhs))
        }
        ExprKind::IsNone { operand, negated } => {
            let op = if *negated { "is-not-none" } else { "is-none" };
            format!("({op} {})", expr(operand))
        }
        ExprKind::IfElse { cond, then, orelse } => {
            format!("(if {} {} {})", expr(cond), expr(then), expr(orelse))
        }
        ExprKind::Call { func, args } => {
            let args = join(args, |a| match &a.name {
                Some(n) => format!("{}={}", n.name, expr(&a.value)),
                None => expr(&a.value),
            });
            format!("(call {} {args})", expr(func)).replace(" )", ")")
        }
        ExprKind::Attr { base, name } => format!("(. {} {})", expr(base), name.name),
        ExprKind::Index { base, index } => format!("(index {} {})", expr(base), expr(index)),
        ExprKind::Range { start, end } => format!("(.. {} {})", expr(start), expr(end)),
        ExprKind::Lambda { params, body } => {
            format!(
                "(lambda ({}) {})",
                join(params, |p| p.name.clone()),
                expr(body)
            )
        }
        ExprKind::MacroCall {
            path,
            delimiter,
            tokens,
        } => format!("(macro {} {delimiter} {tokens:?})", path_str(path)),
    }
}

fn fpart(p: &FStrPart) -> String {
    match p {
        FStrPart::Lit(s) => format!("{s:?}"),
        FStrPart::Expr { expr: e, spec } => match spec {
            Some(spec) => format!("{{{}:{spec}}}", expr(e)),
            None => format!("{{{}}}", expr(e)),
        },
    }
}

pub fn path_str(path: &[Ident]) -> String {
    path.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

pub fn ty(t: &TypeExpr) -> String {
    match &t.kind {
        TypeExprKind::Path { segments, args } if args.is_empty() => path_str(segments),
        TypeExprKind::Path { segments, args } => {
            let args: Vec<_> = args.iter().map(ty).collect();
            format!("{}<{}>", path_str(segments), args.join(", "))
        }
        TypeExprKind::Tuple(items) => {
            let items: Vec<_> = items.iter().map(ty).collect();
            format!("({})", items.join(", "))
        }
        TypeExprKind::Ref { mutable, inner } => {
            format!("&{}{}", if *mutable { "mut " } else { "" }, ty(inner))
        }
    }
}

pub fn target(t: &Target) -> String {
    match t {
        Target::Name(n) => n.name.clone(),
        Target::Tuple(items, _) => format!("(tuple {})", join(items, target)),
        Target::Index { base, index, .. } => format!("(index {} {})", expr(base), expr(index)),
        Target::Field { base, field, .. } => format!("(. {} {})", expr(base), field.name),
        Target::Call(call) => format!("(through {})", expr(call)),
    }
}

pub fn pattern(p: &Pattern) -> String {
    match &p.kind {
        PatternKind::Wildcard => "_".into(),
        PatternKind::Name(n) => n.clone(),
        PatternKind::NoneLit => "None".into(),
        PatternKind::Literal(e) => format!("(lit {})", expr(e)),
        PatternKind::Tuple(items) => format!("(tuple {})", join(items, pattern)),
        PatternKind::Ctor { path, args: None } => format!("(path {})", path_str(path)),
        PatternKind::Ctor {
            path,
            args: Some(args),
        } => format!("({} {})", path_str(path), join(args, pattern)),
        PatternKind::Struct { path, fields } => {
            let fields = join(fields, |(n, p)| format!("{}={}", n.name, pattern(p)));
            format!("({} {fields})", path_str(path))
        }
        PatternKind::Or(alts) => format!("(| {})", join(alts, pattern)),
    }
}

fn block(b: &Block) -> String {
    format!(
        "[{}]",
        b.stmts.iter().map(stmt).collect::<Vec<_>>().join("; ")
    )
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Assign { target: t, value } => format!("(= {} {})", target(t), expr(value)),
        StmtKind::Let { name, ty: t, value } => {
            format!("(let {}: {} {})", name.name, ty(t), expr(value))
        }
        StmtKind::AugAssign {
            target: t,
            op,
            value,
        } => format!("({}= {} {})", op.as_str(), target(t), expr(value)),
        StmtKind::If { branches, orelse } => {
            let mut out = "(if".to_string();
            for (cond, body) in branches {
                out += &format!(" {} {}", expr(cond), block(body));
            }
            if let Some(b) = orelse {
                out += &format!(" else {}", block(b));
            }
            out + ")"
        }
        StmtKind::While { cond, body } => format!("(while {} {})", expr(cond), block(body)),
        StmtKind::For {
            target: t,
            iter,
            body,
        } => format!("(for {} {} {})", target(t), expr(iter), block(body)),
        StmtKind::Match { scrutinee, cases } => {
            let cases = join(cases, |c| {
                let guard = c.guard.as_ref().map(|g| format!(" if {}", expr(g)));
                let guard = guard.unwrap_or_default();
                format!("(case {}{guard} {})", pattern(&c.pattern), block(&c.body))
            });
            format!("(match {} {cases})", expr(scrutinee))
        }
        StmtKind::FnDef(f) => {
            let params = join(&f.params, |p| match &p.ty {
                Some(t) => format!("{}: {}", p.name.name, ty(t)),
                None => p.name.name.clone(),
            });
            let ret = f.ret.as_ref().map(|t| format!(" -> {}", ty(t)));
            let ret = ret.unwrap_or_default();
            format!("(fn {}({params}){ret} {})", f.name.name, block(&f.body))
        }
        StmtKind::Return(None) => "(return)".into(),
        StmtKind::Return(Some(e)) => format!("(return {})", expr(e)),
        StmtKind::Break => "(break)".into(),
        StmtKind::Continue => "(continue)".into(),
        StmtKind::Pass => "(pass)".into(),
        StmtKind::Rimport(r) => {
            let mut out = format!("(rimport {}", path_str(&r.path));
            if !r.features.is_empty() {
                let f = join(&r.features, |f| {
                    format!("{}{}", if f.negated { "-" } else { "" }, f.name)
                });
                out += &format!(" [{f}]");
            }
            if let Some(v) = &r.version {
                out += &format!(" == {:?}", v.value);
            }
            if let Some(p) = &r.local_path {
                out += &format!(" @ {:?}", p.value);
            }
            if let Some(a) = &r.alias {
                out += &format!(" as {}", a.name);
            }
            out + ")"
        }
        StmtKind::FromRimport(f) => {
            let items = join(&f.items, |it| match &it.alias {
                Some(a) => format!("{} as {}", it.name.name, a.name),
                None => it.name.name.clone(),
            });
            format!("(from {} rimport {items})", path_str(&f.path))
        }
    }
}
