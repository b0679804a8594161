//! Compound statements: `if`/`elif`/`else`, `while`, `for`, `match`/`case`
//! and `fn`, and the blocks under their headers. A block is `Newline Indent
//! stmt* Dedent` from the layout pass, or one simple statement after the
//! header's `:`.

use crate::ast::{Block, Expr, FnDef, MatchCase, Param, StmtKind, Target};
use crate::errors::{PErr, PResult, expected, fail, failure};
use crate::expr::expr;
use crate::input::{Tokens, ident, is_kw, is_punct, kw, list_until, punct};
use crate::pattern::pattern;
use crate::stmt::{recovering, simple_line, stmt};
use crate::token::{Kw, Punct, Tok};
use crate::types::type_expr;
use keyton_diagnostics::{Diagnostic, Span};
use nom::Parser;
use nom::combinator::opt;
use nom::sequence::preceded;

type In<'a> = Tokens<'a>;

/// The `:` that ends a header; `what` names what comes before it.
fn colon<'a>(i: In<'a>, what: &str) -> PResult<'a, Span> {
    match i.peek() {
        Tok::P(Punct::Colon) => Ok((i.advance(1), i.span())),
        Tok::P(Punct::Assign) => fail(
            i,
            "expected `:`, found `=`",
            "use `==` to compare; a header line ends with `:`",
        ),
        _ => expected(
            i,
            &format!("`:` after {what}"),
            "end the header line with `:`",
        ),
    }
}

/// The body under a header: an indented block, or one simple statement
/// after the `:`. `opener` is the header's keyword, `what` its name.
fn block<'a>(i: In<'a>, opener: Span, what: &str) -> PResult<'a, Block> {
    let _depth = i.enter()?;
    match i.peek() {
        Tok::Newline => {
            let j = i.advance(1);
            if !matches!(j.peek(), Tok::Indent) {
                let diag = Diagnostic::error(
                    j.span(),
                    format!("expected an indented block after `{what}`"),
                )
                .with_secondary(opener, "this header needs an indented body")
                .with_help(
                    "indent the body deeper than the header, or write `pass` for an empty body",
                );
                return Err(nom::Err::Failure(PErr::new(&j, diag)));
            }
            let (j, stmts) = recovering(j.advance(1), true, stmt);
            let j = if matches!(j.peek(), Tok::Dedent) {
                j.advance(1)
            } else {
                j
            };
            let span = match (stmts.first(), stmts.last()) {
                (Some(first), Some(last)) => first.span.to(last.span),
                _ => opener,
            };
            Ok((j, Block { stmts, span }))
        }
        Tok::Kw(k @ (Kw::If | Kw::While | Kw::For | Kw::Match | Kw::Fn)) => fail(
            i,
            format!("`{}` must start on its own line", k.as_str()),
            "move it to the next line, indented under the header",
        ),
        _ => {
            let (j, s) = simple_line(i)?;
            Ok((
                j,
                Block {
                    span: s.span,
                    stmts: vec![s],
                },
            ))
        }
    }
}

/// `kw cond: body`, for `if`, `elif` and `while`.
fn cond_block(i: In<'_>) -> PResult<'_, (Expr, Block)> {
    let opener = i.span();
    let what = match i.peek() {
        Tok::Kw(k) => k.as_str(),
        _ => "if",
    };
    let (i, cond) = expr(i.advance(1))?;
    let (i, _) = colon(i, &format!("the `{what}` condition"))?;
    let (i, body) = block(i, opener, what)?;
    Ok((i, (cond, body)))
}

pub(crate) fn if_stmt(i: In<'_>) -> PResult<'_, StmtKind> {
    let (mut i, first) = cond_block(i)?;
    let mut branches = vec![first];
    while is_kw(&i, Kw::Elif) {
        let (rest, branch) = cond_block(i)?;
        branches.push(branch);
        i = rest;
    }
    let (i, orelse) = if is_kw(&i, Kw::Else) {
        let opener = i.span();
        let i = i.advance(1);
        if is_kw(&i, Kw::If) {
            let help = "write `elif cond:` instead of `else if cond:`";
            return fail(i, "expected `:` after `else`", help);
        }
        let (i, _) = colon(i, "`else`")?;
        let (i, body) = block(i, opener, "else")?;
        (i, Some(body))
    } else {
        (i, None)
    };
    Ok((i, StmtKind::If { branches, orelse }))
}

pub(crate) fn while_stmt(i: In<'_>) -> PResult<'_, StmtKind> {
    let (i, (cond, body)) = cond_block(i)?;
    Ok((i, StmtKind::While { cond, body }))
}

pub(crate) fn for_stmt(i: In<'_>) -> PResult<'_, StmtKind> {
    let opener = i.span();
    let (i, target) = for_target(i.advance(1))?;
    if !is_kw(&i, Kw::In) {
        return expected(i, "`in`", "write `for x in items:` or `for k, v in pairs:`");
    }
    let (i, iter) = expr(i.advance(1))?;
    let (i, _) = colon(i, "the `for` header")?;
    let (i, body) = block(i, opener, "for")?;
    Ok((i, StmtKind::For { target, iter, body }))
}

/// `x`, `k, v`, `(a, (b, c))`
fn for_target(i: In<'_>) -> PResult<'_, Target> {
    let start = i.span();
    let (mut i, first) = target_atom(i)?;
    if !is_punct(&i, Punct::Comma) {
        return Ok((i, first));
    }
    let mut items = vec![first];
    while is_punct(&i, Punct::Comma) {
        i = i.advance(1);
        if is_kw(&i, Kw::In) {
            break;
        }
        let (rest, t) = target_atom(i)?;
        items.push(t);
        i = rest;
    }
    let span = i.since(start);
    Ok((i, Target::Tuple(items, span)))
}

fn target_atom(i: In<'_>) -> PResult<'_, Target> {
    let _depth = i.enter()?;
    match i.peek() {
        Tok::P(Punct::LParen) => {
            let start = i.span();
            let help = "separate the loop variables with `,` and close with `)`";
            let (i, mut list) = list_until(i.advance(1), Punct::RParen, target_atom, help)?;
            if list.items.len() == 1
                && !list.trailing_comma
                && let Some(t) = list.items.pop()
            {
                return Ok((i, t));
            }
            Ok((i, Target::Tuple(list.items, start.to(list.close))))
        }
        Tok::Name(_) | Tok::Kw(_) => {
            let (i, name) = ident(i)?;
            Ok((i, Target::Name(name)))
        }
        _ => expected(
            i,
            "a loop variable",
            "write `for x in items:` or `for k, v in pairs:`",
        ),
    }
}

pub(crate) fn match_stmt(i: In<'_>) -> PResult<'_, StmtKind> {
    let opener = i.span();
    let (i, scrutinee) = expr(i.advance(1))?;
    let (i, _) = colon(i, "the `match` value")?;
    if !matches!(i.peek(), Tok::Newline) {
        return fail(
            i,
            "the cases of a `match` go on the following lines",
            "start the next line with `case pattern:`, indented under `match`",
        );
    }
    let i = i.advance(1);
    if !matches!(i.peek(), Tok::Indent) {
        let diag = Diagnostic::error(i.span(), "expected an indented `case` after `match`")
            .with_secondary(opener, "this `match` needs cases")
            .with_help("indent `case pattern:` lines under `match`");
        return Err(nom::Err::Failure(PErr::new(&i, diag)));
    }
    let _depth = i.enter()?;
    let (i, cases) = recovering(i.advance(1), true, case);
    let i = if matches!(i.peek(), Tok::Dedent) {
        i.advance(1)
    } else {
        i
    };
    Ok((i, StmtKind::Match { scrutinee, cases }))
}

fn case(i: In<'_>) -> PResult<'_, MatchCase> {
    let start = i.span();
    if !is_kw(&i, Kw::Case) {
        return expected(
            i,
            "`case`",
            "every line directly under `match` starts with `case pattern:`",
        );
    }
    let (i, pattern) = pattern(i.advance(1))?;
    let (i, guard) = opt(preceded(kw(Kw::If), expr)).parse(i)?;
    let (i, _) = colon(i, "the `case` pattern")?;
    let (i, body) = block(i, start, "case")?;
    Ok((
        i,
        MatchCase {
            pattern,
            guard,
            body,
            span: i.since(start),
        },
    ))
}

pub(crate) fn fn_def(i: In<'_>) -> PResult<'_, FnDef> {
    let start = i.span();
    let (i, name) = ident(i.advance(1))?;
    if !is_punct(&i, Punct::LParen) {
        return expected(
            i,
            "`(`",
            "write the parameters in parentheses: `fn name(a, b):`",
        );
    }
    let help = "separate the parameters with `,` and close them with `)`";
    let (i, params) = list_until(i.advance(1), Punct::RParen, param, help)?;
    let (i, ret) = opt(preceded(punct(Punct::Arrow), type_expr)).parse(i)?;
    let (i, _) = colon(i, "the function signature")?;
    let (i, body) = block(i, start, "fn")?;
    let def = FnDef {
        name,
        params: params.items,
        ret,
        body,
        span: i.since(start),
    };
    Ok((i, def))
}

/// `name` or `name: T`
fn param(i: In<'_>) -> PResult<'_, Param> {
    let (i, name) = ident(i)?;
    let (i, ty) = opt(preceded(punct(Punct::Colon), type_expr)).parse(i)?;
    if is_punct(&i, Punct::Assign) {
        return Err(failure(
            i,
            "default parameter values are not supported",
            "remove the default and pass the value at each call",
        ));
    }
    Ok((i, Param { name, ty }))
}
