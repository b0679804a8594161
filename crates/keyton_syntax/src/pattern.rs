//! `case` patterns: `_`, names, `None`, literals (also negative numbers),
//! tuples, constructors with dotted paths (`Some(v)`, `Shape.Circle(r)`,
//! `Ordering.Less`), struct-like variants (`Shape.Rect(w=w, h=h)`) and
//! alternatives `p | q`. Patterns look like expressions but are a grammar of
//! their own, so they get their own parser and tree.

use crate::ast::{Expr, ExprKind, Ident, Pattern, PatternKind, UnaryOp};
use crate::errors::{PResult, expected, fail};
use crate::input::{Tokens, attr_name, ident, is_punct, list_until};
use crate::token::{Kw, Punct, Tok};

type In<'a> = Tokens<'a>;

/// The pattern of a `case`: `case a, b:` is a tuple without parentheses.
pub(crate) fn pattern(i: In<'_>) -> PResult<'_, Pattern> {
    let start = i.span();
    let (mut i, first) = or_pattern(i)?;
    if !is_punct(&i, Punct::Comma) {
        return Ok((i, first));
    }
    let mut items = vec![first];
    while is_punct(&i, Punct::Comma) {
        i = i.advance(1);
        if matches!(i.peek(), Tok::P(Punct::Colon) | Tok::Kw(Kw::If)) {
            break;
        }
        let (rest, p) = or_pattern(i)?;
        items.push(p);
        i = rest;
    }
    let span = i.since(start);
    Ok((
        i,
        Pattern {
            kind: PatternKind::Tuple(items),
            span,
        },
    ))
}

/// `p | q | ...`
fn or_pattern(i: In<'_>) -> PResult<'_, Pattern> {
    let _depth = i.enter()?;
    let start = i.span();
    let (mut i, first) = closed(i)?;
    if !is_punct(&i, Punct::Pipe) {
        return Ok((i, first));
    }
    let mut alts = vec![first];
    while is_punct(&i, Punct::Pipe) {
        let (rest, p) = closed(i.advance(1))?;
        alts.push(p);
        i = rest;
    }
    Ok((
        i,
        Pattern {
            kind: PatternKind::Or(alts),
            span: i.since(start),
        },
    ))
}

fn closed(i: In<'_>) -> PResult<'_, Pattern> {
    let span = i.span();
    let one = |kind| Ok((i.advance(1), Pattern { kind, span }));
    let literal = |kind| one(PatternKind::Literal(Expr { kind, span }));
    match i.peek() {
        Tok::Name("_") => one(PatternKind::Wildcard),
        Tok::Kw(Kw::None) => one(PatternKind::NoneLit),
        Tok::Kw(Kw::True) => literal(ExprKind::Bool(true)),
        Tok::Kw(Kw::False) => literal(ExprKind::Bool(false)),
        Tok::Int(n) => literal(ExprKind::Int(*n)),
        Tok::Float(f) => literal(ExprKind::Float(*f)),
        Tok::Str(s) => literal(ExprKind::Str(s.clone())),
        Tok::P(Punct::Minus) => negative(i),
        Tok::P(Punct::LParen) => tuple(i),
        Tok::Name(_) => path(i),
        Tok::FStr(_) => fail(
            i,
            "an f-string cannot be a pattern",
            "match a plain string literal, or compare in a guard: `case s if s == f\"...\":`",
        ),
        _ => expected(
            i,
            "a pattern",
            "a pattern is `_`, a name, a literal, `None`, a tuple `(a, b)` or a variant like `Some(x)`",
        ),
    }
}

/// `-1`, `-2.5`
fn negative(i: In<'_>) -> PResult<'_, Pattern> {
    let start = i.span();
    let n = i.advance(1);
    let kind = match n.peek() {
        Tok::Int(v) => ExprKind::Int(*v),
        Tok::Float(f) => ExprKind::Float(*f),
        _ => {
            return expected(
                n,
                "a number after `-`",
                "only numbers can be negated in a pattern",
            );
        }
    };
    let span = start.to(n.span());
    let operand = Box::new(Expr {
        kind,
        span: n.span(),
    });
    let neg = Expr {
        kind: ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        },
        span,
    };
    Ok((
        n.advance(1),
        Pattern {
            kind: PatternKind::Literal(neg),
            span,
        },
    ))
}

/// `()`, `(p)`, `(p,)`, `(p, q)`
fn tuple(i: In<'_>) -> PResult<'_, Pattern> {
    let start = i.span();
    let help = "separate the tuple's patterns with `,` and close it with `)`";
    let (i, mut tuple) = list_until(i.advance(1), Punct::RParen, or_pattern, help)?;
    let span = start.to(tuple.close);
    if tuple.items.len() == 1
        && !tuple.trailing_comma
        && let Some(inner) = tuple.items.pop()
    {
        return Ok((i, Pattern { span, ..inner }));
    }
    Ok((
        i,
        Pattern {
            kind: PatternKind::Tuple(tuple.items),
            span,
        },
    ))
}

/// A name, a dotted path, a constructor call or a struct-like pattern.
fn path(i: In<'_>) -> PResult<'_, Pattern> {
    let start = i.span();
    let (mut i, first) = ident(i)?;
    let mut path = vec![first];
    while is_punct(&i, Punct::Dot) {
        let (rest, seg) = attr_name(i.advance(1))?;
        path.push(seg);
        i = rest;
    }
    if !is_punct(&i, Punct::LParen) {
        let kind = match <[Ident; 1]>::try_from(path) {
            Ok([name]) => PatternKind::Name(name.name),
            Err(path) => PatternKind::Ctor { path, args: None },
        };
        return Ok((
            i,
            Pattern {
                kind,
                span: i.since(start),
            },
        ));
    }
    let args_at = i.advance(1);
    let help = "separate the patterns with `,` and close them with `)`";
    let (i, args) = list_until(args_at, Punct::RParen, field, help)?;
    let span = start.to(args.close);
    let named = args.items.iter().filter(|(name, _)| name.is_some()).count();
    let kind = if named == 0 {
        let args = args.items.into_iter().map(|(_, p)| p).collect();
        PatternKind::Ctor {
            path,
            args: Some(args),
        }
    } else if named == args.items.len() {
        let fields = args
            .items
            .into_iter()
            .filter_map(|(n, p)| Some((n?, p)))
            .collect();
        PatternKind::Struct { path, fields }
    } else {
        return fail(
            args_at,
            "a pattern cannot mix positional and named fields",
            "name every field (`Rect(w=w, h=h)`) or none (`Circle(r)`)",
        );
    };
    Ok((i, Pattern { kind, span }))
}

/// A constructor argument: `p` or `name=p`.
fn field(i: In<'_>) -> PResult<'_, (Option<Ident>, Pattern)> {
    if let (Tok::Name(_), Tok::P(Punct::Assign)) = (i.peek(), i.peek_at(1)) {
        let (i, name) = ident(i)?;
        let (i, p) = or_pattern(i.advance(1))?;
        return Ok((i, (Some(name), p)));
    }
    let (i, p) = or_pattern(i)?;
    Ok((i, (None, p)))
}
