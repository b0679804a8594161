//! Expressions down to the operators, with Python's precedence, loosest
//! first: `lambda` < `x if c else y` < `or` < `and` < `not` < comparisons <
//! `..` < `+ -` < `* / // %` < unary `-` < `**` < postfix forms and atoms
//! (in [`crate::postfix`]). The binary levels share one precedence-climbing
//! loop. Every recursion goes one nesting level deeper and every link of an
//! operator chain a little deeper, so both the parser's stack and the depth
//! of the tree it builds stay bounded.

use crate::ast::{BinOp, Expr, ExprKind, UnaryOp};
use crate::errors::{PErr, PResult, expected, fail, failure, found};
use crate::input::{Tokens, expect, ident, is_kw, is_punct, kw, punct};
use crate::postfix::postfix;
use crate::token::{Kw, Punct, Tok};
use keyton_diagnostics::{Diagnostic, Span};
use nom::Parser;
use nom::multi::separated_list1;

type In<'a> = Tokens<'a>;

/// Any expression.
pub(crate) fn expr(i: In<'_>) -> PResult<'_, Expr> {
    let _depth = i.enter()?;
    match i.peek() {
        Tok::Kw(Kw::Lambda) => lambda(i),
        _ => if_else(i),
    }
}

/// `a, b, ...`: a tuple without parentheses where a statement allows one
/// (`x = 1, 2`, `return a, b`); a single expression otherwise.
pub(crate) fn expr_list(i: In<'_>) -> PResult<'_, Expr> {
    let (mut i, first) = expr(i)?;
    if !is_punct(&i, Punct::Comma) {
        return Ok((i, first));
    }
    let start = first.span;
    let mut items = vec![first];
    while is_punct(&i, Punct::Comma) {
        i = i.advance(1);
        if !i.peek().starts_expr() {
            break;
        }
        let (rest, e) = expr(i)?;
        items.push(e);
        i = rest;
    }
    let span = i.since(start);
    Ok((
        i,
        Expr {
            kind: ExprKind::Tuple(items),
            span,
        },
    ))
}

/// Parse a whole token stream as one expression.
pub(crate) fn whole(i: In<'_>) -> Result<Expr, PErr> {
    let (rest, e) = expr(i).map_err(|e| match e {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        nom::Err::Incomplete(_) => PErr::unexpected(&i),
    })?;
    if matches!(rest.peek(), Tok::Eof) {
        return Ok(e);
    }
    let message = format!("unexpected {} after the expression", found(&rest));
    let diag = Diagnostic::error(rest.span(), message).with_help("one expression is expected here");
    Err(PErr::new(&rest, diag))
}

fn lambda(i: In<'_>) -> PResult<'_, Expr> {
    let start = i.span();
    let (i, _) = kw(Kw::Lambda)(i)?;
    let (i, params) = if is_punct(&i, Punct::Colon) {
        (i, Vec::new())
    } else {
        separated_list1(punct(Punct::Comma), ident).parse(i)?
    };
    let (i, _) = expect(Punct::Colon, "write a lambda like `lambda x, y: x + y`")(i)?;
    let (i, body) = expr(i)?;
    let span = start.to(body.span);
    let kind = ExprKind::Lambda {
        params,
        body: Box::new(body),
    };
    Ok((i, Expr { kind, span }))
}

/// `then if cond else orelse`
fn if_else(i: In<'_>) -> PResult<'_, Expr> {
    let (i, then) = binary(i, OR)?;
    if !is_kw(&i, Kw::If) {
        return Ok((i, then));
    }
    let (i, cond) = binary(i.advance(1), OR)?;
    if !is_kw(&i, Kw::Else) {
        return expected(
            i,
            "`else`",
            "a conditional expression needs both branches: `a if cond else b`",
        );
    }
    let (i, orelse) = expr(i.advance(1))?;
    let span = then.span.to(orelse.span);
    let kind = ExprKind::IfElse {
        cond: Box::new(cond),
        then: Box::new(then),
        orelse: Box::new(orelse),
    };
    Ok((i, Expr { kind, span }))
}

// Binding power of the binary levels, loosest first. `not` is a prefix
// operator between `and` and the comparisons.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
const RANGE: u8 = 5;
const ADD: u8 = 6;
const MUL: u8 = 7;

/// An infix operator at the current token: its level and how many tokens it takes.
struct Infix {
    kind: InfixKind,
    level: u8,
    len: usize,
}

enum InfixKind {
    Bin(BinOp),
    Range,
    /// `is None` / `is not None`: applies to the left operand only.
    IsNone {
        negated: bool,
    },
}

fn infix_at(i: &In<'_>) -> Result<Option<Infix>, nom::Err<PErr>> {
    let op = |kind, level| {
        Ok(Some(Infix {
            kind,
            level,
            len: 1,
        }))
    };
    let bin = |bin, level| op(InfixKind::Bin(bin), level);
    match i.peek() {
        Tok::Kw(Kw::Or) => bin(BinOp::Or, OR),
        Tok::Kw(Kw::And) => bin(BinOp::And, AND),
        Tok::P(Punct::EqEq) => bin(BinOp::Eq, CMP),
        Tok::P(Punct::Ne) => bin(BinOp::Ne, CMP),
        Tok::P(Punct::Lt) => bin(BinOp::Lt, CMP),
        Tok::P(Punct::Le) => bin(BinOp::Le, CMP),
        Tok::P(Punct::Gt) => bin(BinOp::Gt, CMP),
        Tok::P(Punct::Ge) => bin(BinOp::Ge, CMP),
        Tok::Kw(Kw::In) => bin(BinOp::In, CMP),
        Tok::Kw(Kw::Not) if matches!(i.peek_at(1), Tok::Kw(Kw::In)) => {
            let kind = InfixKind::Bin(BinOp::NotIn);
            Ok(Some(Infix {
                kind,
                level: CMP,
                len: 2,
            }))
        }
        Tok::Kw(Kw::Is) => {
            let negated = matches!(i.peek_at(1), Tok::Kw(Kw::Not));
            let none = i.advance(1 + usize::from(negated));
            if !is_kw(&none, Kw::None) {
                let help = "use `==` to compare values: `a == b`";
                return Err(failure(none, "`is` only compares with `None`", help));
            }
            let kind = InfixKind::IsNone { negated };
            Ok(Some(Infix {
                kind,
                level: CMP,
                len: 2 + usize::from(negated),
            }))
        }
        Tok::P(Punct::DotDot) => op(InfixKind::Range, RANGE),
        Tok::P(Punct::Plus) => bin(BinOp::Add, ADD),
        Tok::P(Punct::Minus) => bin(BinOp::Sub, ADD),
        Tok::P(Punct::Star) => bin(BinOp::Mul, MUL),
        Tok::P(Punct::Slash) => bin(BinOp::Div, MUL),
        Tok::P(Punct::FloorDiv) => bin(BinOp::FloorDiv, MUL),
        Tok::P(Punct::Percent) => bin(BinOp::Mod, MUL),
        _ => Ok(None),
    }
}

/// The operators of level `min` and tighter, by precedence climbing. They
/// associate to the left, except comparisons and ranges, which do not chain.
fn binary(i: In<'_>, min: u8) -> PResult<'_, Expr> {
    let (mut i, mut lhs) = if min <= NOT && is_kw(&i, Kw::Not) {
        not_expr(i)?
    } else {
        negation(i)?
    };
    let _depth = i.depth_scope();
    while let Some(op) = infix_at(&i)? {
        if op.level < min {
            break;
        }
        i.link()?;
        let after = i.advance(op.len);
        (i, lhs) = match op.kind {
            InfixKind::IsNone { negated } => {
                let span = lhs.span.to(i.token(op.len - 1).span);
                let kind = ExprKind::IsNone {
                    operand: Box::new(lhs),
                    negated,
                };
                (after, Expr { kind, span })
            }
            InfixKind::Range => {
                let (rest, end) = binary(after, op.level + 1)?;
                let span = lhs.span.to(end.span);
                let kind = ExprKind::Range {
                    start: Box::new(lhs),
                    end: Box::new(end),
                };
                (rest, Expr { kind, span })
            }
            InfixKind::Bin(bin) => {
                let (rest, rhs) = binary(after, op.level + 1)?;
                (rest, binary_expr(bin, lhs, rhs))
            }
        };
        let chained = infix_at(&i)
            .ok()
            .flatten()
            .is_some_and(|next| next.level == op.level);
        if chained && op.level == CMP {
            return fail(
                i,
                "chained comparisons are not supported; write `a < b and b < c`",
                "compare two values at a time and join the comparisons with `and`",
            );
        }
        if chained && op.level == RANGE {
            return fail(i, "ranges do not chain", "write a single range: `a..b`");
        }
    }
    Ok((i, lhs))
}

fn binary_expr(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    let kind = ExprKind::Binary {
        op,
        lhs: Box::new(lhs),
        rhs: Box::new(rhs),
    };
    Expr { kind, span }
}

/// `not x`: looser than comparisons, so `not a == b` is `not (a == b)`.
fn not_expr(i: In<'_>) -> PResult<'_, Expr> {
    let _depth = i.enter()?;
    let start = i.span();
    let (i, operand) = binary(i.advance(1), NOT)?;
    Ok((i, unary(UnaryOp::Not, start, operand)))
}

fn unary(op: UnaryOp, start: Span, operand: Expr) -> Expr {
    let span = start.to(operand.span);
    let kind = ExprKind::Unary {
        op,
        operand: Box::new(operand),
    };
    Expr { kind, span }
}

/// Unary `-`; it binds looser than `**`, so `-2**2` is `-(2**2)`.
fn negation(i: In<'_>) -> PResult<'_, Expr> {
    if !is_punct(&i, Punct::Minus) {
        return power(i);
    }
    let _depth = i.enter()?;
    let start = i.span();
    let (i, operand) = negation(i.advance(1))?;
    Ok((i, unary(UnaryOp::Neg, start, operand)))
}

/// `base ** exponent`, right-associative; the exponent may be negated.
fn power(i: In<'_>) -> PResult<'_, Expr> {
    let (i, base) = postfix(i)?;
    if !is_punct(&i, Punct::Pow) {
        return Ok((i, base));
    }
    let _depth = i.enter()?;
    let (i, exp) = negation(i.advance(1))?;
    Ok((i, binary_expr(BinOp::Pow, base, exp)))
}
