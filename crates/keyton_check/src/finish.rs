//! The last pass: write the inferred types into the tree, and report the
//! bindings whose type nothing decided (`xs = []` never filled).

use crate::Checker;
use crate::infer::collect_vars;
use keyton_diagnostics::Diagnostic;
use keyton_hir::{self as hir, ExprKind, FmtPart, StmtKind};
use keyton_index::Ty;

pub fn finish(
    checker: &mut Checker<'_>,
    mut program: hir::Program,
) -> Result<hir::Program, Vec<Diagnostic>> {
    checker.infer.apply_defaults();
    let diags = checker.settle_all_generics();
    let mut f = Finisher {
        checker,
        diags,
        respan: None,
    };
    for func in &mut program.fns {
        for (_, ty) in &mut func.params {
            *ty = f.ty(ty);
        }
        func.ret = f.ty(&func.ret);
        // An instance of an earlier cell's template: its code is told at
        // the call that made it (its own spans point into that cell).
        f.respan = f.checker.respan.get(&func.name).copied();
        if let Some(at) = f.respan {
            func.span = at;
        }
        let before = f.diags.len();
        f.block(&mut func.body);
        if let Some(at) = f.respan.take() {
            for d in &mut f.diags[before..] {
                d.primary.span = at;
                d.secondary.clear();
            }
        }
    }
    f.stmts(&mut program.main);
    for path in &mut program.traits {
        *path = public_path(f.checker.index, path);
    }
    if f.diags.is_empty() {
        Ok(program)
    } else {
        Err(f.diags)
    }
}

struct Finisher<'c, 'a> {
    checker: &'c mut Checker<'a>,
    diags: Vec<Diagnostic>,
    /// The span every node of the function being finished gets, if any.
    respan: Option<keyton_diagnostics::Span>,
}

impl Finisher<'_, '_> {
    fn ty(&self, ty: &Ty) -> Ty {
        nameable_paths(self.checker.index, &self.checker.infer.resolve(ty))
    }

    fn open(&self, ty: &Ty) -> bool {
        let mut vars = Vec::new();
        collect_vars(&self.ty(ty), &mut vars);
        !vars.is_empty()
    }

    fn block(&mut self, block: &mut hir::Block) {
        self.stmts(&mut block.stmts);
        if let Some(tail) = &mut block.tail {
            self.expr(tail);
        }
    }

    fn stmts(&mut self, stmts: &mut [hir::Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &mut hir::Stmt) {
        if let Some(at) = self.respan {
            stmt.span = at;
        }
        match &mut stmt.kind {
            StmtKind::Let { pat, ty, value } => {
                if self.open(&value.ty) && ty.is_none() {
                    let shown = self.ty(&value.ty);
                    let name = match &pat.kind {
                        hir::PatKind::Bind { name, .. } => name.as_str(),
                        _ => "x",
                    };
                    let (what, example) = match &value.kind {
                        ExprKind::Path(p) if p == &["None"] => (
                            "`None`".to_string(),
                            format!("let {name}: Option<i64> = None"),
                        ),
                        ExprKind::List(_) => (
                            "this list's items".to_string(),
                            format!("let {name}: Vec<i64> = []"),
                        ),
                        _ => (
                            format!("this value ({shown})"),
                            format!("let {name}: {} = ...", example_type(&shown)),
                        ),
                    };
                    self.diags.push(
                        Diagnostic::error(value.span, format!("cannot infer the type of {what}"))
                            .with_help(format!(
                                "nothing later decides it; write the type: `{example}`"
                            )),
                    );
                }
                match ty {
                    Some(t) => *t = self.ty(t),
                    // Spelled out, so rustc needs no inference of its own
                    // (`collect()`, `sum()`).
                    None if matches!(pat.kind, hir::PatKind::Bind { .. }) => {
                        *ty = Some(self.ty(&value.ty)).filter(nameable);
                    }
                    None => {}
                }
                self.pat(pat);
                self.expr(value);
            }
            StmtKind::Declare { name, ty } => {
                if self.open(ty) {
                    self.diags.push(
                        Diagnostic::error(stmt.span, format!("the type of `{name}` is not known here"))
                            .with_help(format!("give `{name}` a value before this block, or write its type: `let {name}: i64 = 0`")),
                    );
                }
                *ty = self.ty(ty);
            }
            StmtKind::Assign { place, value } | StmtKind::CompoundAssign { place, value, .. } => {
                self.expr(place);
                self.expr(value);
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::If { branches, orelse } => {
                for (c, b) in branches {
                    self.expr(c);
                    self.block(b);
                }
                if let Some(b) = orelse {
                    self.block(b);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond);
                self.block(body);
            }
            StmtKind::For { pat, iter, body } => {
                self.pat(pat);
                self.expr(iter);
                self.block(body);
            }
            StmtKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                for arm in arms {
                    if let Some(at) = self.respan {
                        arm.span = at;
                    }
                    self.pat(&mut arm.pat);
                    if let Some(g) = &mut arm.guard {
                        self.expr(g);
                    }
                    self.block(&mut arm.body);
                }
            }
            StmtKind::Load { ty, .. } | StmtKind::Publish { ty, .. } => *ty = self.ty(ty),
            StmtKind::Show(e) => self.expr(e),
            StmtKind::Break | StmtKind::Continue | StmtKind::InterruptPoint => {}
        }
    }

    fn pat(&mut self, pat: &mut hir::Pat) {
        match &mut pat.kind {
            hir::PatKind::Lit(e) => self.expr(e),
            hir::PatKind::Tuple(ps) | hir::PatKind::Or(ps) => {
                ps.iter_mut().for_each(|p| self.pat(p))
            }
            hir::PatKind::Path { args, path } => {
                *path = public_path(self.checker.index, path);
                args.iter_mut().flatten().for_each(|p| self.pat(p));
            }
            hir::PatKind::Struct { fields, path } => {
                *path = public_path(self.checker.index, path);
                fields.iter_mut().for_each(|(_, p)| self.pat(p));
            }
            hir::PatKind::Ref(p) => self.pat(p),
            hir::PatKind::Wild | hir::PatKind::Bind { .. } => {}
        }
    }

    fn expr(&mut self, e: &mut hir::Expr) {
        e.ty = self.ty(&e.ty);
        if let Some(at) = self.respan {
            e.span = at;
        }
        match &mut e.kind {
            ExprKind::Call { callee, args } => {
                self.expr(callee);
                args.iter_mut().for_each(|a| self.expr(a));
            }
            ExprKind::MethodCall {
                receiver,
                args,
                turbofish,
                ..
            } => {
                self.turbofish(turbofish);
                self.expr(receiver);
                args.iter_mut().for_each(|a| self.expr(a));
            }
            ExprKind::StructLit { fields, path } => {
                *path = public_path(self.checker.index, path);
                fields.iter_mut().for_each(|(_, v)| self.expr(v));
            }
            ExprKind::Tuple(items)
            | ExprKind::List(items)
            | ExprKind::Runtime { args: items, .. } => items.iter_mut().for_each(|a| self.expr(a)),
            ExprKind::Field { base, .. } | ExprKind::TupleField { base, .. } => self.expr(base),
            ExprKind::Index { base, index } => {
                self.expr(base);
                self.expr(index);
            }
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Binary { lhs, rhs, .. }
            | ExprKind::Range {
                start: lhs,
                end: rhs,
            } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::Ref { expr, .. }
            | ExprKind::Await(expr)
            | ExprKind::TakeGlobal(expr)
            | ExprKind::Deref(expr)
            | ExprKind::Clone(expr)
            | ExprKind::Convert(expr) => self.expr(expr),
            ExprKind::UnwrapResult { expr, call } => {
                // The call as the user reads it: its public path.
                let path: Vec<String> = call.split('.').map(str::to_string).collect();
                *call = public_path(self.checker.index, &path).join(".");
                self.expr(expr);
            }
            ExprKind::As { expr, to } => {
                *to = self.ty(to);
                self.expr(expr);
            }
            ExprKind::Append { target, parts } => {
                self.expr(target);
                for part in parts {
                    if let FmtPart::Arg { expr, .. } = part {
                        self.expr(expr);
                    }
                }
            }
            ExprKind::Format(parts) | ExprKind::Print { parts, .. } => {
                for part in parts {
                    if let FmtPart::Arg { expr, .. } = part {
                        self.expr(expr);
                    }
                }
            }
            ExprKind::Display { value, mime } => {
                self.expr(value);
                if let Some(mime) = mime {
                    self.expr(mime);
                }
            }
            ExprKind::Closure { params, body } => {
                for (_, t) in params.iter_mut() {
                    *t = self.ty(t);
                }
                self.expr(body);
            }
            ExprKind::IfElse { cond, then, orelse } => {
                self.expr(cond);
                self.expr(then);
                self.expr(orelse);
            }
            ExprKind::Block(b) => self.block(b),
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Char(_)
            | ExprKind::Bool(_)
            | ExprKind::Unit
            | ExprKind::Local(_) => {}
            ExprKind::Path(path) => *path = public_path(self.checker.index, path),
            ExprKind::MacroCall { path, vars, .. } => {
                *path = public_path(self.checker.index, path);
                for (_, var) in vars {
                    self.expr(var);
                }
            }
            ExprKind::GenericPath { path, generics } => {
                *path = public_path(self.checker.index, path);
                self.turbofish(generics);
            }
        }
    }

    fn turbofish(&self, generics: &mut [Ty]) {
        for t in generics {
            // A closure's type cannot be written: rustc infers it.
            *t = Some(self.ty(t))
                .filter(nameable)
                .unwrap_or(Ty::Infer(u32::MAX));
        }
    }
}

/// The reverse of [`nameable_paths`]: a crate's type at the path it is
/// defined at, where the checker finds its impls. The session keeps its
/// variables' types as generated code spells them; a later cell's checker
/// reads them back through this.
pub(crate) fn canonical_paths(world: &keyton_index::World, ty: &Ty) -> Ty {
    let ty = match ty {
        Ty::Adt { path, args } if path.first().is_some_and(|c| c != "std") => {
            let names: Vec<&str> = path.iter().map(String::as_str).collect();
            let canonical = world.lookup(&names).map(|e| e.canonical_path.clone());
            Ty::Adt {
                path: canonical.unwrap_or_else(|| path.clone()),
                args: args.clone(),
            }
        }
        other => other.clone(),
    };
    crate::infer::map_ty(&ty, &mut |t| canonical_paths(world, t))
}

/// A path generated code can name: the longest leading part of `path` that
/// is an item's defining path in an imported crate, replaced by where the
/// item is public (`tiny::inner::Counter::new` is `tiny::Counter::new`).
pub(crate) fn public_path(world: &keyton_index::World, path: &[String]) -> Vec<String> {
    if path.first().is_none_or(|c| c == "std") {
        return path.to_vec();
    }
    for len in (2..=path.len()).rev() {
        if let Some(mut public) = world.nameable_path(&path[..len]) {
            public.extend_from_slice(&path[len..]);
            return public;
        }
    }
    world
        .through_reexport(path)
        .unwrap_or_else(|| path.to_vec())
}

/// A written-out type for an example: each open part (`_`) filled with a
/// plausible type (`HashMap<_, _>` becomes `HashMap<String, i64>`).
fn example_type(shown: &Ty) -> String {
    let text = shown.to_string();
    let mut filled = String::new();
    let mut first = true;
    for (i, part) in text.split('_').enumerate() {
        if i > 0 {
            filled.push_str(if first { "String" } else { "i64" });
            first = false;
        }
        filled.push_str(part);
    }
    if text.matches('_').count() == 1 {
        filled = text.replace('_', "i64");
    }
    filled
}

/// A crate's type at the path generated code can name it by: where it is
/// public in the crate that exports it (`reqwest::Client`), not where it is
/// defined (`reqwest::async_impl::client::Client`, a private module; or
/// `http::status::StatusCode`, a crate the program does not name). std's
/// stub defines its types at public paths already.
pub(crate) fn nameable_paths(world: &keyton_index::World, ty: &Ty) -> Ty {
    let ty = match ty {
        Ty::Adt { path, args } if path.first().is_some_and(|c| c != "std") => {
            let public = world
                .nameable_path(path)
                .or_else(|| world.through_reexport(path));
            Ty::Adt {
                path: public.unwrap_or_else(|| path.clone()),
                args: args.clone(),
            }
        }
        other => other.clone(),
    };
    crate::infer::map_ty(&ty, &mut |t| nameable_paths(world, t))
}

/// Whether a type can be written in a `let` (closures and `impl Trait`
/// values cannot).
pub(crate) fn nameable(ty: &Ty) -> bool {
    let mut ok = true;
    check_nameable(ty, &mut ok);
    ok
}

fn check_nameable(ty: &Ty, ok: &mut bool) {
    match ty {
        Ty::Ref { inner, .. } if matches!(**inner, Ty::Str | Ty::Slice(_) | Ty::Dyn(_)) => {
            if let Ty::Slice(elem) = &**inner {
                check_nameable(elem, ok);
            }
        }
        Ty::Infer(_)
        | Ty::Opaque(_)
        | Ty::Fn { .. }
        | Ty::Assoc { .. }
        | Ty::Param(_)
        | Ty::Dyn(_)
        | Ty::Str
        | Ty::Slice(_) => *ok = false,
        Ty::Adt { path, .. } if path.last().is_some_and(|l| l == crate::expr::LAMBDA_MARKER) => {
            *ok = false
        }
        _ => {
            crate::infer::map_ty(ty, &mut |t| {
                check_nameable(t, ok);
                t.clone()
            });
        }
    }
}
