//! Statements: the module, simple statements (expressions, assignments,
//! `let`, `return`, imports, ...) and error recovery. A statement that fails
//! is reported and skipped (to its line's end, and past the block under it),
//! so one bad line does not hide the next error. Compound statements are in
//! [`crate::compound`].

use crate::ast::{BinOp, Expr, ExprKind, Ident, Stmt, StmtKind, Target};
use crate::compound::{fn_def, for_stmt, if_stmt, match_stmt, while_stmt};
use crate::errors::{PErr, PResult, expected, fail};
use crate::expr::expr_list;
use crate::input::{Tokens, ident, is_punct, kw};
use crate::rimport::{from_rimport, rimport};
use crate::token::{Kw, Punct, Tok};
use crate::types::type_expr;
use keyton_diagnostics::Diagnostic;

type In<'a> = Tokens<'a>;

/// All statements of a module.
pub(crate) fn module(i: In<'_>) -> Vec<Stmt> {
    recovering(i, false, stmt).1
}

/// Parse items with `one` until `Eof` (or, in a block, its `Dedent`). An item
/// that fails is reported to the context and skipped.
pub(crate) fn recovering<'a, T>(
    mut i: In<'a>,
    in_block: bool,
    mut one: impl FnMut(In<'a>) -> PResult<'a, T>,
) -> (In<'a>, Vec<T>) {
    let mut out = Vec::new();
    while !i.ctx.too_many_errors() {
        match i.peek() {
            Tok::Eof => break,
            Tok::Dedent if in_block => break,
            Tok::Dedent | Tok::Newline => {
                i = i.advance(1);
                continue;
            }
            _ => {}
        }
        match one(i) {
            Ok((rest, item)) => {
                out.push(item);
                i = rest;
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                let pos = e.pos;
                i.ctx.report(*e.diag);
                i = skip_statement(i, pos);
            }
            Err(nom::Err::Incomplete(_)) => i = skip_statement(i, i.pos()),
        }
    }
    (i, out)
}

/// Skip from the error at token `err_pos` to the start of the next statement:
/// past the end of the line, and past the indented block under it.
fn skip_statement(i: In<'_>, err_pos: usize) -> In<'_> {
    let mut j = i.advance(err_pos.saturating_sub(i.pos()));
    let mut level = 0usize;
    loop {
        match j.peek() {
            Tok::Eof => break,
            Tok::Dedent if level == 0 => break,
            Tok::Indent => level += 1,
            Tok::Dedent => {
                // The end of an indented block the error was in (or was).
                level -= 1;
                if level == 0 {
                    j = j.advance(1);
                    break;
                }
            }
            Tok::Newline if level == 0 => {
                j = j.advance(1);
                if matches!(j.peek(), Tok::Indent) {
                    j = skip_block(j);
                }
                break;
            }
            _ => {}
        }
        j = j.advance(1);
    }
    if j.pos() == i.pos() { i.advance(1) } else { j }
}

/// Skip an `Indent ... Dedent` block.
fn skip_block(mut i: In<'_>) -> In<'_> {
    let mut level = 0usize;
    loop {
        match i.peek() {
            Tok::Eof => return i,
            Tok::Indent => level += 1,
            Tok::Dedent => {
                level = level.saturating_sub(1);
                if level == 0 {
                    return i.advance(1);
                }
            }
            _ => {}
        }
        i = i.advance(1);
    }
}

pub(crate) fn stmt(i: In<'_>) -> PResult<'_, Stmt> {
    let start = i.span();
    let (rest, kind) = match i.peek() {
        Tok::Kw(Kw::If) => if_stmt(i)?,
        Tok::Kw(Kw::While) => while_stmt(i)?,
        Tok::Kw(Kw::For) => for_stmt(i)?,
        Tok::Kw(Kw::Match) => match_stmt(i)?,
        Tok::Kw(Kw::Fn) => {
            let (i, f) = fn_def(i)?;
            (i, StmtKind::FnDef(f))
        }
        Tok::Kw(k @ (Kw::Elif | Kw::Else)) => {
            let k = k.as_str();
            return fail(
                i,
                format!("`{k}` without a matching `if`"),
                format!("put `{k}` right after an `if` block, at the same indentation as the `if`"),
            );
        }
        Tok::Kw(Kw::Case) => {
            return fail(
                i,
                "`case` outside a `match`",
                "write `match value:` and indent the `case` lines under it",
            );
        }
        Tok::Indent => {
            return fail(
                i,
                "unexpected indent",
                "remove the extra spaces: only the body of a header ending in `:` is indented",
            );
        }
        _ => return simple_line(i),
    };
    Ok((
        rest,
        Stmt {
            kind,
            span: rest.since(start),
        },
    ))
}

/// A simple statement and the end of its line.
pub(crate) fn simple_line(i: In<'_>) -> PResult<'_, Stmt> {
    let (i, s) = simple_stmt(i)?;
    match i.peek() {
        Tok::Newline => Ok((i.advance(1), s)),
        Tok::Eof | Tok::Dedent => Ok((i, s)),
        _ => expected(
            i,
            "the end of the line",
            "put each statement on its own line; is an operator or a comma missing?",
        ),
    }
}

fn simple_stmt(i: In<'_>) -> PResult<'_, Stmt> {
    let start = i.span();
    let (rest, kind) = match i.peek() {
        Tok::Kw(Kw::Return) => {
            let i = i.advance(1);
            if i.peek().starts_expr() {
                let (i, value) = expr_list(i)?;
                (i, StmtKind::Return(Some(value)))
            } else {
                (i, StmtKind::Return(None))
            }
        }
        Tok::Kw(Kw::Break) => (i.advance(1), StmtKind::Break),
        Tok::Kw(Kw::Continue) => (i.advance(1), StmtKind::Continue),
        Tok::Kw(Kw::Pass) => (i.advance(1), StmtKind::Pass),
        Tok::Kw(Kw::Let) => let_stmt(i)?,
        Tok::Kw(Kw::Rimport) => {
            let (i, r) = rimport(i)?;
            (i, StmtKind::Rimport(r))
        }
        Tok::Kw(Kw::From) => {
            let (i, r) = from_rimport(i)?;
            (i, StmtKind::FromRimport(r))
        }
        _ => expr_or_assign(i)?,
    };
    Ok((
        rest,
        Stmt {
            kind,
            span: rest.since(start),
        },
    ))
}

/// `let name: T = value`
fn let_stmt(i: In<'_>) -> PResult<'_, StmtKind> {
    let (i, _) = kw(Kw::Let)(i)?;
    let (i, name) = ident(i)?;
    if !is_punct(&i, Punct::Colon) {
        let n = &name.name;
        return fail(
            i,
            format!("expected `:` and a type after `let {n}`"),
            format!("write `let {n}: T = value`, or `{n} = value` to let Keyton infer the type"),
        );
    }
    let (i, ty) = type_expr(i.advance(1))?;
    if !is_punct(&i, Punct::Assign) {
        return expected(i, "`=`", "`let` needs a value: `let x: T = value`");
    }
    let (i, value) = expr_list(i.advance(1))?;
    Ok((i, StmtKind::Let { name, ty, value }))
}

/// An expression statement, `target = value` or `target op= value`.
fn expr_or_assign(i: In<'_>) -> PResult<'_, StmtKind> {
    let start = i;
    let (i, lhs) = expr_list(i)?;
    let aug = match i.peek() {
        Tok::P(Punct::PlusEq) => Some(BinOp::Add),
        Tok::P(Punct::MinusEq) => Some(BinOp::Sub),
        Tok::P(Punct::StarEq) => Some(BinOp::Mul),
        Tok::P(Punct::SlashEq) => Some(BinOp::Div),
        Tok::P(Punct::FloorDivEq) => Some(BinOp::FloorDiv),
        Tok::P(Punct::PercentEq) => Some(BinOp::Mod),
        _ => None,
    };
    if let Some(op) = aug {
        if matches!(lhs.kind, ExprKind::Tuple(_)) {
            let message = format!("`{}=` needs a single target", op.as_str());
            let diag = Diagnostic::error(lhs.span, message)
                .with_help("update each variable on its own line");
            return Err(nom::Err::Failure(PErr::new(&start, diag)));
        }
        let target = to_target(&start, lhs)?;
        let (i, value) = expr_list(i.advance(1))?;
        return Ok((i, StmtKind::AugAssign { target, op, value }));
    }
    match i.peek() {
        Tok::P(Punct::Assign) => {
            let target = to_target(&start, lhs)?;
            let (i, value) = expr_list(i.advance(1))?;
            Ok((i, StmtKind::Assign { target, value }))
        }
        Tok::P(Punct::Colon) if matches!(lhs.kind, ExprKind::Name(_)) => fail(
            i,
            "a type annotation needs `let`",
            "write `let x: T = value`",
        ),
        _ => Ok((i, StmtKind::Expr(lhs))),
    }
}

/// The left side of `=` as a place to store to.
fn to_target(at: &In<'_>, e: Expr) -> Result<Target, nom::Err<PErr>> {
    let span = e.span;
    Ok(match e.kind {
        ExprKind::Name(name) => Target::Name(Ident { name, span }),
        ExprKind::Tuple(items) => {
            let targets = items.into_iter().map(|t| to_target(at, t));
            Target::Tuple(targets.collect::<Result<_, _>>()?, span)
        }
        ExprKind::Index { base, index } => Target::Index {
            base: *base,
            index: *index,
            span,
        },
        ExprKind::Attr { base, name } => Target::Field {
            base: *base,
            field: name,
            span,
        },
        kind @ ExprKind::Call { .. } => Target::Call(Expr { kind, span }),
        _ => {
            let diag = Diagnostic::error(span, "cannot assign to this expression")
                .with_help("assign to a name, `a, b`, `xs[i]`, `p.x` or a call giving `&mut`; to compare, use `==`");
            return Err(nom::Err::Failure(PErr::new(at, diag)));
        }
    })
}
