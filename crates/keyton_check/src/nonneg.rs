//! Which integer variables are never negative. Python's `%` and `//` take
//! the sign of the divisor, which costs a fix-up in Rust; when the dividend
//! is known to be non-negative and the divisor is a positive literal, Rust's
//! own `%` and `/` give the same result, so codegen can use them. A small
//! optimistic analysis over one function body (or the top level): every
//! name starts as non-negative, and a name loses that as soon as one of its
//! assignments might give a negative value, until nothing changes.

use keyton_syntax::ast::{
    BinOp, Expr, ExprKind, FnDef, Pattern, PatternKind, Stmt, StmtKind, Target,
};
use std::collections::HashSet;

/// The names of `stmts` (nested blocks included, nested `fn`s not) that are
/// never negative.
pub fn non_negative_names(stmts: &[Stmt]) -> HashSet<String> {
    let mut assignments = Vec::new();
    collect(stmts, &mut assignments);
    let mut set: HashSet<String> = assignments.iter().map(|a| a.name.clone()).collect();
    loop {
        let before = set.len();
        for a in &assignments {
            if !a.keeps_non_negative(&set) {
                set.remove(&a.name);
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

/// One way a name gets a value.
struct Assignment<'a> {
    name: String,
    how: How<'a>,
}

enum How<'a> {
    /// `x = e`, `x op= e` (with the operator).
    Value(Option<BinOp>, &'a Expr),
    /// `for x in range(...)` counting up from a non-negative start.
    CountingUp,
    /// Anything else: a parameter, a tuple item, a loop over values.
    Unknown,
}

impl Assignment<'_> {
    fn keeps_non_negative(&self, set: &HashSet<String>) -> bool {
        match &self.how {
            How::CountingUp => true,
            How::Unknown => false,
            How::Value(None, e) => non_negative(e, set),
            How::Value(Some(op), e) => match op {
                BinOp::Add | BinOp::Mul => non_negative(e, set),
                BinOp::Mod | BinOp::FloorDiv => positive_literal(e),
                _ => false,
            },
        }
    }
}

fn collect<'a>(stmts: &'a [Stmt], out: &mut Vec<Assignment<'a>>) {
    for stmt in stmts {
        match &stmt.kind {
            StmtKind::Assign { target, value } => match target {
                Target::Name(n) => out.push(Assignment {
                    name: n.name.clone(),
                    how: How::Value(None, value),
                }),
                _ => unknown_targets(target, out),
            },
            StmtKind::AugAssign {
                target: Target::Name(n),
                op,
                value,
            } => {
                out.push(Assignment {
                    name: n.name.clone(),
                    how: How::Value(Some(*op), value),
                });
            }
            StmtKind::Let { name, .. } => out.push(Assignment {
                name: name.name.clone(),
                how: How::Unknown,
            }),
            StmtKind::For { target, iter, body } => {
                match target {
                    Target::Name(n) if counts_up(iter) => out.push(Assignment {
                        name: n.name.clone(),
                        how: How::CountingUp,
                    }),
                    _ => unknown_targets(target, out),
                }
                collect(&body.stmts, out);
            }
            StmtKind::If { branches, orelse } => {
                branches.iter().for_each(|(_, b)| collect(&b.stmts, out));
                if let Some(b) = orelse {
                    collect(&b.stmts, out);
                }
            }
            StmtKind::While { body, .. } => collect(&body.stmts, out),
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    pattern_names(&case.pattern, out);
                    collect(&case.body.stmts, out);
                }
            }
            _ => {}
        }
    }
}

/// Names bound by a `case` pattern: their values are not known.
fn pattern_names(p: &Pattern, out: &mut Vec<Assignment<'_>>) {
    match &p.kind {
        PatternKind::Name(n) => out.push(Assignment {
            name: n.clone(),
            how: How::Unknown,
        }),
        PatternKind::Tuple(ps) | PatternKind::Or(ps) => {
            ps.iter().for_each(|p| pattern_names(p, out))
        }
        PatternKind::Ctor { args: Some(ps), .. } => ps.iter().for_each(|p| pattern_names(p, out)),
        PatternKind::Struct { fields, .. } => {
            fields.iter().for_each(|(_, p)| pattern_names(p, out))
        }
        _ => {}
    }
}

fn unknown_targets(target: &Target, out: &mut Vec<Assignment<'_>>) {
    match target {
        Target::Name(n) => out.push(Assignment {
            name: n.name.clone(),
            how: How::Unknown,
        }),
        Target::Tuple(items, _) => items.iter().for_each(|t| unknown_targets(t, out)),
        _ => {}
    }
}

/// `range(n)`, `range(a, b)` or `range(a, b, step)` with a non-negative
/// literal start and a positive literal step.
fn counts_up(iter: &Expr) -> bool {
    let ExprKind::Call { func, args } = &iter.kind else {
        return false;
    };
    if !matches!(&func.kind, ExprKind::Name(n) if n == "range")
        || args.iter().any(|a| a.name.is_some())
    {
        return false;
    }
    match args.as_slice() {
        [_] => true,
        [start, _] => matches!(start.value.kind, ExprKind::Int(_)),
        [start, _, step] => {
            matches!(start.value.kind, ExprKind::Int(_)) && positive_literal(&step.value)
        }
        _ => false,
    }
}

/// The non-negative names of a function body; its parameters are not
/// known (a caller may pass anything).
pub fn non_negative_in_fn(def: &FnDef) -> HashSet<String> {
    let mut set = non_negative_names(&def.body.stmts);
    for p in &def.params {
        set.remove(&p.name.name);
    }
    set
}

/// Whether `e` is an integer expression that cannot be negative, given the
/// names known to be non-negative.
pub fn non_negative(e: &Expr, set: &HashSet<String>) -> bool {
    match &e.kind {
        ExprKind::Int(_) => true,
        ExprKind::Name(n) => set.contains(n),
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Mul,
            lhs,
            rhs,
        } => non_negative(lhs, set) && non_negative(rhs, set),
        ExprKind::Binary {
            op: BinOp::Mod,
            rhs,
            ..
        } => positive_literal(rhs),
        ExprKind::Binary {
            op: BinOp::FloorDiv,
            lhs,
            rhs,
        } => non_negative(lhs, set) && positive_literal(rhs),
        ExprKind::Call { func, args } => {
            matches!(&func.kind, ExprKind::Name(n) if n == "len") && args.len() == 1
        }
        _ => false,
    }
}

pub fn positive_literal(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Int(n) if n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<String> {
        let module = keyton_syntax::parse(src).expect("parses");
        let mut v: Vec<String> = non_negative_names(&module.stmts).into_iter().collect();
        v.sort();
        v
    }

    #[test]
    fn counters_and_python_modulo_results_are_non_negative() {
        let src = "acc = 0\nfor i in range(10):\n    for j in range(3, 9):\n        acc = (acc * 31 + i * j + 7) % 1000\nt = acc // 2\n";
        assert_eq!(names(src), ["acc", "i", "j", "t"]);
    }

    #[test]
    fn one_possibly_negative_assignment_is_enough_to_lose_it() {
        let src = "a = 0\na -= 1\nb = 0\nb = a + 1\nc = 5\nfor k in range(-3, 3):\n    c = k\nd = 1\nd = x\n";
        assert_eq!(names(src), Vec::<String>::new());
    }
}
