//! Python scoping on Rust blocks. A Keyton variable lives in its function (as
//! in Python), a Rust `let` in its block. So a name assigned inside a nested
//! block (an `if` branch, a loop body) and mentioned after it, or in a sibling
//! branch, is declared before the compound statement (`let mut x: T;`). This
//! pass finds those names, from the syntax alone.

use keyton_syntax::ast::{Arg, Block, Expr, ExprKind, FStrPart, MatchCase, Stmt, StmtKind, Target};
use std::collections::BTreeSet;

/// For each statement of `stmts`, the names to declare before it.
pub fn names_to_declare(stmts: &[Stmt]) -> Vec<BTreeSet<String>> {
    stmts
        .iter()
        .enumerate()
        .map(|(i, stmt)| {
            let blocks = child_blocks(stmt);
            if blocks.is_empty() {
                return BTreeSet::new();
            }
            let mut later = BTreeSet::new();
            for s in &stmts[i + 1..] {
                mentioned_in_stmt(s, &mut later);
            }
            let assigned: Vec<BTreeSet<String>> = blocks
                .iter()
                .map(|b| {
                    let mut set = BTreeSet::new();
                    for s in &b.stmts {
                        assigned_in_stmt(s, &mut set);
                    }
                    set
                })
                .collect();
            let mentioned: Vec<BTreeSet<String>> = blocks
                .iter()
                .map(|b| {
                    let mut set = BTreeSet::new();
                    for s in &b.stmts {
                        mentioned_in_stmt(s, &mut set);
                    }
                    set
                })
                .collect();
            let mut out = BTreeSet::new();
            for (k, names) in assigned.iter().enumerate() {
                for name in names {
                    let in_sibling = mentioned
                        .iter()
                        .enumerate()
                        .any(|(j, m)| j != k && m.contains(name));
                    if later.contains(name) || in_sibling {
                        out.insert(name.clone());
                    }
                }
            }
            out
        })
        .collect()
}

fn child_blocks(stmt: &Stmt) -> Vec<&Block> {
    match &stmt.kind {
        StmtKind::If { branches, orelse } => branches
            .iter()
            .map(|(_, b)| b)
            .chain(orelse.iter())
            .collect(),
        StmtKind::While { body, .. } | StmtKind::For { body, .. } => vec![body],
        StmtKind::Match { cases, .. } => cases.iter().map(|c: &MatchCase| &c.body).collect(),
        _ => Vec::new(),
    }
}

/// Names bound by assignments anywhere inside `stmt` (not inside nested fns).
fn assigned_in_stmt(stmt: &Stmt, out: &mut BTreeSet<String>) {
    match &stmt.kind {
        StmtKind::Assign { target, .. } | StmtKind::AugAssign { target, .. } => {
            target_names(target, out)
        }
        StmtKind::Let { name, .. } => {
            out.insert(name.name.clone());
        }
        // A `for` target is the loop's own binding in Rust; it does not leak.
        _ => child_blocks(stmt)
            .into_iter()
            .flat_map(|b| &b.stmts)
            .for_each(|s| assigned_in_stmt(s, out)),
    }
}

fn target_names(target: &Target, out: &mut BTreeSet<String>) {
    match target {
        Target::Name(ident) => {
            out.insert(ident.name.clone());
        }
        Target::Tuple(items, _) => items.iter().for_each(|t| target_names(t, out)),
        Target::Index { .. } | Target::Field { .. } | Target::Call(_) => {}
    }
}

/// Every name read or written inside `stmt`.
fn mentioned_in_stmt(stmt: &Stmt, out: &mut BTreeSet<String>) {
    let mut exprs: Vec<&Expr> = Vec::new();
    match &stmt.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => exprs.push(e),
        StmtKind::Assign { target, value } | StmtKind::AugAssign { target, value, .. } => {
            mentioned_in_target(target, out);
            exprs.push(value);
        }
        StmtKind::Let { name, value, .. } => {
            out.insert(name.name.clone());
            exprs.push(value);
        }
        StmtKind::If { branches, .. } => exprs.extend(branches.iter().map(|(c, _)| c)),
        StmtKind::While { cond, .. } => exprs.push(cond),
        StmtKind::For { iter, .. } => exprs.push(iter),
        StmtKind::Match { scrutinee, cases } => {
            exprs.push(scrutinee);
            exprs.extend(cases.iter().filter_map(|c| c.guard.as_ref()));
        }
        _ => {}
    }
    for e in exprs {
        mentioned_in_expr(e, out);
    }
    for block in child_blocks(stmt) {
        block.stmts.iter().for_each(|s| mentioned_in_stmt(s, out));
    }
}

fn mentioned_in_target(target: &Target, out: &mut BTreeSet<String>) {
    match target {
        Target::Name(ident) => {
            out.insert(ident.name.clone());
        }
        Target::Tuple(items, _) => items.iter().for_each(|t| mentioned_in_target(t, out)),
        Target::Index { base, index, .. } => {
            mentioned_in_expr(base, out);
            mentioned_in_expr(index, out);
        }
        Target::Field { base, .. } => mentioned_in_expr(base, out),
        Target::Call(e) => mentioned_in_expr(e, out),
    }
}

fn mentioned_in_expr(expr: &Expr, out: &mut BTreeSet<String>) {
    let mut go = |e: &Expr| mentioned_in_expr(e, out);
    match &expr.kind {
        ExprKind::Name(name) => {
            out.insert(name.clone());
        }
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().for_each(go),
        ExprKind::Unary { operand, .. } | ExprKind::IsNone { operand, .. } => go(operand),
        ExprKind::Binary { lhs, rhs, .. }
        | ExprKind::Range {
            start: lhs,
            end: rhs,
        } => {
            go(lhs);
            go(rhs);
        }
        ExprKind::IfElse { cond, then, orelse } => {
            go(cond);
            go(then);
            go(orelse);
        }
        ExprKind::Call { func, args } => {
            go(func);
            args.iter().for_each(|a: &Arg| go(&a.value));
        }
        ExprKind::Attr { base, .. } => go(base),
        ExprKind::Index { base, index } => {
            go(base);
            go(index);
        }
        ExprKind::Lambda { body, .. } => go(body),
        ExprKind::FStr(parts) => parts.iter().for_each(|p| {
            if let FStrPart::Expr { expr, .. } = p {
                go(expr);
            }
        }),
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::MacroCall { .. } => {}
    }
}
