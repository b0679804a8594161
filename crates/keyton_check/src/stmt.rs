//! Statements: bindings with a stated type, control flow, and blocks with
//! Python scoping (see `hoist`); assignments are in `assign`.

use crate::assign::let_stmt;
use crate::macros::MacroValue;
use crate::scope::FrameKind;
use crate::{Checker, Res, hoist};
use keyton_diagnostics::Diagnostic;
use keyton_hir as hir;
use keyton_index::Ty;
use keyton_syntax::ast::{self, StmtKind};

impl Checker<'_> {
    /// Check statements as one block. With `tail`, a final expression
    /// statement is the block's value (function bodies).
    pub fn block(&mut self, stmts: &[ast::Stmt], tail: bool) -> hir::Block {
        let declares = hoist::names_to_declare(stmts);
        let mut out = Vec::new();
        let mut tail_expr = None;
        for (i, stmt) in stmts.iter().enumerate() {
            for name in &declares[i] {
                if self.scopes.lookup(name).is_none() {
                    let ty = self.infer.fresh();
                    self.scopes.bind(name, ty.clone(), stmt.span);
                    out.push(hir::Stmt {
                        kind: hir::StmtKind::Declare {
                            name: name.clone(),
                            ty,
                        },
                        span: stmt.span,
                    });
                }
            }
            let is_tail = tail && i + 1 == stmts.len();
            match (&stmt.kind, is_tail) {
                (StmtKind::Expr(e), true) => {
                    let expected = self.returns.last().cloned();
                    if let Ok(value) = self.value(e, expected.as_ref()) {
                        tail_expr = Some(Box::new(value));
                    }
                }
                (
                    StmtKind::If {
                        branches,
                        orelse: Some(orelse),
                    },
                    true,
                ) if yields_value(stmt) => {
                    if let Ok(value) = self.tail_if(branches, orelse) {
                        tail_expr = Some(Box::new(value));
                    }
                }
                _ => {
                    if self.stmt(stmt, &mut out).is_err() {
                        self.forget_failed_bindings(stmt);
                    }
                }
            }
            self.infer.apply_defaults();
            if self.at_cell_top() {
                self.publish_new_globals(&mut out, stmt.span);
            }
        }
        hir::Block {
            stmts: out,
            tail: tail_expr,
        }
    }

    /// After a failed binding statement, its names are known to be broken:
    /// later uses of them are not reported again.
    fn forget_failed_bindings(&mut self, stmt: &ast::Stmt) {
        let mut names = Vec::new();
        match &stmt.kind {
            StmtKind::Assign { target, .. } => target_names(target, &mut names),
            StmtKind::Let { name, .. } => names.push(name.name.clone()),
            StmtKind::For { target, .. } => target_names(target, &mut names),
            _ => {}
        }
        for name in names {
            if self.scopes.lookup(&name).is_none() {
                self.failed_names.insert(name);
            }
        }
    }

    /// An `if`/`elif`/`else` whose branches end in expressions, as the last
    /// statement of a function: its value is the function's result.
    fn tail_if(
        &mut self,
        branches: &[(ast::Expr, ast::Block)],
        orelse: &ast::Block,
    ) -> Res<hir::Expr> {
        let mut arms = Vec::new();
        for (cond, body) in branches {
            let cond = self.condition(cond)?;
            arms.push((cond, self.value_block(body)?));
        }
        let mut value = self.value_block(orelse)?;
        for (cond, then) in arms.into_iter().rev() {
            if !self.infer.unify(&then.ty, &value.ty) {
                let (a, b) = (self.show(&then.ty), self.show(&value.ty));
                return self.error_help(
                    then.span,
                    format!("the branches of this `if` give {a} and {b}"),
                    "make every branch give one type",
                );
            }
            let (ty, span) = (then.ty.clone(), cond.span.to(value.span));
            value = self.mk(
                hir::ExprKind::IfElse {
                    cond: Box::new(cond),
                    then: Box::new(then),
                    orelse: Box::new(value),
                },
                ty,
                span,
            );
        }
        Ok(value)
    }

    /// A branch whose last expression is its value.
    fn value_block(&mut self, body: &ast::Block) -> Res<hir::Expr> {
        self.scopes.push(FrameKind::Block);
        let block = self.block(&body.stmts, true);
        self.scopes.pop();
        let ty = block.tail.as_ref().map_or(Ty::Unit, |t| t.ty.clone());
        Ok(self.mk(hir::ExprKind::Block(block), ty, body.span))
    }

    /// A nested block in its own frame.
    pub fn nested(&mut self, kind: FrameKind, block: &ast::Block) -> hir::Block {
        self.scopes.push(kind);
        let out = self.block(&block.stmts, false);
        self.scopes.pop();
        out
    }

    fn stmt(&mut self, stmt: &ast::Stmt, out: &mut Vec<hir::Stmt>) -> Res<()> {
        let span = stmt.span;
        let push = |out: &mut Vec<hir::Stmt>, kind| out.push(hir::Stmt { kind, span });
        match &stmt.kind {
            StmtKind::Expr(e) => {
                // A docstring; but a cell's top-level string is a value to show.
                let cell_value = self.at_cell_top();
                if matches!(e.kind, ast::ExprKind::Str(_)) && !cell_value {
                    return Ok(());
                }
                let value = match &e.kind {
                    ast::ExprKind::MacroCall {
                        path,
                        delimiter,
                        tokens,
                    } => {
                        let value = if cell_value {
                            MacroValue::MaybeShown
                        } else {
                            MacroValue::Dropped
                        };
                        self.macro_call(path, *delimiter, tokens, None, value, e.span)?
                    }
                    _ => self.expr(e, None)?,
                };
                push(out, hir::StmtKind::Expr(value));
            }
            StmtKind::Assign { target, value } => self.assign(target, value, span, out)?,
            StmtKind::Let { name, ty, value } => {
                let ty = self.annotation(ty)?;
                let value = self.value(value, Some(&ty))?;
                self.expect_type(&value, &ty)?;
                self.scopes.bind(&name.name, ty.clone(), name.span);
                push(out, let_stmt(&name.name, Some(ty), value));
            }
            StmtKind::AugAssign { target, op, value } => {
                let kind = self.aug_assign(target, *op, value, span)?;
                push(out, kind);
            }
            StmtKind::If { branches, orelse } => {
                let before = self.scopes.moves();
                let mut after = Vec::new();
                let mut arms = Vec::new();
                for (cond, body) in branches {
                    let cond = self.condition(cond)?;
                    self.scopes.set_moves(&before);
                    arms.push((cond, self.nested(FrameKind::Block, body)));
                    if !diverges(body) {
                        after.push(self.scopes.moves());
                    }
                }
                self.scopes.set_moves(&before);
                let orelse = orelse.as_ref().map(|b| self.nested(FrameKind::Block, b));
                if orelse.is_none() || !stmt_orelse_diverges(&stmt.kind) {
                    after.push(self.scopes.moves());
                }
                self.scopes.merge_moves(&before, &after);
                push(
                    out,
                    hir::StmtKind::If {
                        branches: arms,
                        orelse,
                    },
                );
            }
            StmtKind::While { cond, body } => {
                let cond = self.condition(cond)?;
                let mut body = self.nested(FrameKind::Loop, body);
                self.interrupt_point(&mut body, span);
                push(out, hir::StmtKind::While { cond, body });
            }
            StmtKind::For { target, iter, body } => {
                let kind = self.for_loop(target, iter, body)?;
                push(out, kind);
            }
            StmtKind::Match { scrutinee, cases } => {
                let kind = self.match_stmt(scrutinee, cases)?;
                push(out, kind);
            }
            StmtKind::FnDef(def) => self.define_fn(def)?,
            StmtKind::Return(value) => {
                let Some(ret) = self.returns.last().cloned() else {
                    return self.error_help(
                        span,
                        "`return` outside of a function",
                        "`return` ends a function; at the top level, remove it",
                    );
                };
                let value = match value {
                    Some(v) => {
                        let v = self.value(v, Some(&ret))?;
                        self.expect_type(&v, &ret)?;
                        Some(v)
                    }
                    None => {
                        if !self.infer.unify(&ret, &Ty::Unit) {
                            let want = self.show(&ret);
                            return self.error_help(
                                span,
                                format!("this function returns {want}, but `return` has no value"),
                                "return a value: `return x`",
                            );
                        }
                        None
                    }
                };
                push(out, hir::StmtKind::Return(value));
            }
            StmtKind::Break | StmtKind::Continue => {
                if !self.scopes.in_loop() {
                    let word = if matches!(stmt.kind, StmtKind::Break) {
                        "break"
                    } else {
                        "continue"
                    };
                    return self.error_help(
                        span,
                        format!("`{word}` outside of a loop"),
                        format!("`{word}` only works inside `for` and `while` bodies"),
                    );
                }
                let kind = if matches!(stmt.kind, StmtKind::Break) {
                    hir::StmtKind::Break
                } else {
                    hir::StmtKind::Continue
                };
                push(out, kind);
            }
            StmtKind::Pass => {}
            StmtKind::Rimport(r) => self.rimport(r)?,
            StmtKind::FromRimport(f) => self.rimport_items(f)?,
        }
        Ok(())
    }

    /// `if`/`while` conditions must be `bool`.
    pub fn condition(&mut self, cond: &ast::Expr) -> Res<hir::Expr> {
        let value = self.value(cond, Some(&Ty::Bool))?;
        if !self.infer.unify(&value.ty, &Ty::Bool) {
            let found = self.show(&value.ty);
            return Err(self.report(
                Diagnostic::error(
                    cond.span,
                    format!("a condition must be `bool`, found {found}"),
                )
                .with_help("compare explicitly, e.g. `x != 0` or `len(xs) > 0`"),
            ));
        }
        Ok(value)
    }

    /// Report unless `value` has type `ty`.
    pub fn expect_type(&mut self, value: &hir::Expr, ty: &Ty) -> Res<()> {
        if self.infer.unify(&value.ty, ty) {
            return Ok(());
        }
        let (want, found) = (self.show(ty), self.show_value(value));
        let help = if value.ty.is_numeric() && ty.is_numeric() {
            "convert with `int(x)` or `float(x)`".to_string()
        } else {
            format!("give a value of type {want}")
        };
        Err(self.report(
            Diagnostic::error(value.span, format!("expected {want}, found {found}"))
                .label(format!("this is {found}"))
                .with_help(help),
        ))
    }
}

/// Whether an `if` statement's every branch ends in an expression (or in
/// such an `if`), so it can be a function's result.
fn yields_value(stmt: &ast::Stmt) -> bool {
    let ends_in_value = |b: &ast::Block| {
        b.stmts.last().is_some_and(|s| match &s.kind {
            StmtKind::Expr(_) => true,
            StmtKind::If { .. } => yields_value(s),
            _ => false,
        })
    };
    match &stmt.kind {
        StmtKind::If {
            branches,
            orelse: Some(orelse),
        } => branches.iter().all(|(_, b)| ends_in_value(b)) && ends_in_value(orelse),
        _ => false,
    }
}

/// Whether a block always leaves by `return`, `break` or `continue`, so
/// what it moves does not flow past the branching statement.
pub fn diverges(block: &ast::Block) -> bool {
    matches!(
        block.stmts.last().map(|s| &s.kind),
        Some(StmtKind::Return(_) | StmtKind::Break | StmtKind::Continue)
    )
}

fn stmt_orelse_diverges(kind: &StmtKind) -> bool {
    matches!(kind, StmtKind::If { orelse: Some(b), .. } if diverges(b))
}

fn target_names(target: &ast::Target, out: &mut Vec<String>) {
    match target {
        ast::Target::Name(i) => out.push(i.name.clone()),
        ast::Target::Tuple(items, _) => items.iter().for_each(|t| target_names(t, out)),
        ast::Target::Index { .. } | ast::Target::Field { .. } | ast::Target::Call(_) => {}
    }
}
