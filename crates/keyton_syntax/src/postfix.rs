//! Postfix forms and atoms, the tightest-binding part of expressions: calls
//! (positional and `name=value` arguments), `.attr`, `[index]`, macro calls
//! `a.b.name!(...)` (whose body the lexer kept raw), literals, names, lists,
//! tuples, parentheses, and f-strings, whose fields are parsed here from their
//! own slice of the source.

use crate::ast::{Arg, Expr, ExprKind, FStrPart, Ident};
use crate::errors::{PErr, PResult, expected, fail};
use crate::expr::{expr, whole};
use crate::input::{Tokens, attr_name, expect, is_punct, list_until};
use crate::layout::{self, Mode};
use crate::token::{FPiece, Kw, Punct, Tok};
use keyton_diagnostics::Diagnostic;

type In<'a> = Tokens<'a>;

/// An atom followed by calls, attributes, indexing and macro calls.
pub(crate) fn postfix(i: In<'_>) -> PResult<'_, Expr> {
    let (mut i, mut e) = atom(i)?;
    let _depth = i.depth_scope();
    loop {
        let start = e.span;
        let (rest, kind) = match i.peek() {
            Tok::P(Punct::LParen) => {
                i.link()?;
                let help = "separate the arguments with `,`";
                let (rest, args) = list_until(i.advance(1), Punct::RParen, arg, help)?;
                let func = Box::new(e);
                (
                    rest,
                    ExprKind::Call {
                        func,
                        args: args.items,
                    },
                )
            }
            Tok::P(Punct::Dot) => {
                i.link()?;
                let (rest, name) = attr_name(i.advance(1))?;
                (
                    rest,
                    ExprKind::Attr {
                        base: Box::new(e),
                        name,
                    },
                )
            }
            Tok::P(Punct::LBracket) => {
                i.link()?;
                let (rest, index) = expr(i.advance(1))?;
                let help = "close the index with `]`; for a slice write `xs[a..b]`";
                let (rest, _) = expect(Punct::RBracket, help)(rest)?;
                (
                    rest,
                    ExprKind::Index {
                        base: Box::new(e),
                        index: Box::new(index),
                    },
                )
            }
            Tok::Macro { delimiter, body } => {
                i.link()?;
                let Some(path) = macro_path(&e) else {
                    return fail(
                        i,
                        "only a name or a dotted path can call a macro",
                        "write `name!(...)` or `module.name!(...)`",
                    );
                };
                let tokens = body.to_string();
                (
                    i.advance(1),
                    ExprKind::MacroCall {
                        path,
                        delimiter: *delimiter,
                        tokens,
                    },
                )
            }
            _ => return Ok((i, e)),
        };
        e = Expr {
            kind,
            span: rest.since(start),
        };
        i = rest;
    }
}

/// `a.b.c` as a macro path.
fn macro_path(e: &Expr) -> Option<Vec<Ident>> {
    match &e.kind {
        ExprKind::Name(n) => Some(vec![Ident {
            name: n.clone(),
            span: e.span,
        }]),
        ExprKind::Attr { base, name } => {
            let mut path = macro_path(base)?;
            path.push(name.clone());
            Some(path)
        }
        _ => None,
    }
}

/// A call argument: `value` or `name=value`.
fn arg(i: In<'_>) -> PResult<'_, Arg> {
    if let (Tok::Name(n), Tok::P(Punct::Assign)) = (i.peek(), i.peek_at(1)) {
        let name = Ident {
            name: n.to_string(),
            span: i.span(),
        };
        let (i, value) = expr(i.advance(2))?;
        return Ok((
            i,
            Arg {
                name: Some(name),
                value,
            },
        ));
    }
    let (i, value) = expr(i)?;
    Ok((i, Arg { name: None, value }))
}

fn atom(i: In<'_>) -> PResult<'_, Expr> {
    let span = i.span();
    let lit = |kind| Ok((i.advance(1), Expr { kind, span }));
    match i.peek() {
        Tok::Int(n) => lit(ExprKind::Int(*n)),
        Tok::Float(f) => lit(ExprKind::Float(*f)),
        Tok::Str(s) => lit(ExprKind::Str(s.clone())),
        Tok::FStr(pieces) => lit(ExprKind::FStr(fstring(i, pieces)?)),
        Tok::Kw(Kw::True) => lit(ExprKind::Bool(true)),
        Tok::Kw(Kw::False) => lit(ExprKind::Bool(false)),
        Tok::Kw(Kw::None) => lit(ExprKind::None),
        Tok::Name(n) => lit(ExprKind::Name(n.to_string())),
        Tok::P(Punct::LParen) => paren(i),
        Tok::P(Punct::LBracket) => {
            let help = "separate the items with `,` and close the list with `]`";
            let (rest, list) = list_until(i.advance(1), Punct::RBracket, expr, help)?;
            Ok((
                rest,
                Expr {
                    kind: ExprKind::List(list.items),
                    span: span.to(list.close),
                },
            ))
        }
        Tok::P(Punct::LBrace) => fail(
            i,
            "dict and set literals are not supported",
            "make a map with `HashMap.new()` after `from std.collections rimport HashMap`",
        ),
        Tok::Macro { .. } => fail(
            i,
            "`!` is not an operator in Keyton",
            "use `not x` to negate; `name!(...)` calls a Rust macro",
        ),
        _ => expected(i, "an expression", "write a value, a name or a call here"),
    }
}

/// `()`, `(e)`, `(e,)`, `(a, b)`.
fn paren(i: In<'_>) -> PResult<'_, Expr> {
    let start = i.span();
    let i = i.advance(1);
    if is_punct(&i, Punct::RParen) {
        let span = start.to(i.span());
        return Ok((
            i.advance(1),
            Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span,
            },
        ));
    }
    let (i, first) = expr(i)?;
    match i.peek() {
        Tok::P(Punct::RParen) => {
            let span = start.to(i.span());
            Ok((i.advance(1), Expr { span, ..first }))
        }
        Tok::P(Punct::Comma) => {
            let help = "separate the tuple's items with `,` and close it with `)`";
            let (i, rest) = list_until(i.advance(1), Punct::RParen, expr, help)?;
            let mut items = vec![first];
            items.extend(rest.items);
            let span = start.to(rest.close);
            Ok((
                i,
                Expr {
                    kind: ExprKind::Tuple(items),
                    span,
                },
            ))
        }
        _ => expected(
            i,
            "`,` or `)`",
            "close the parenthesis with `)`, or separate tuple items with `,`",
        ),
    }
}

/// The parts of an f-string; each field's expression is lexed and parsed on
/// its own, from its slice of the source, so its spans are real offsets.
fn fstring<'a>(i: In<'a>, pieces: &'a [FPiece<'a>]) -> Result<Vec<FStrPart>, nom::Err<PErr>> {
    let relocate = |mut e: PErr| {
        e.pos = i.pos();
        nom::Err::Failure(e)
    };
    let mut parts = Vec::with_capacity(pieces.len());
    for piece in pieces {
        parts.push(match piece {
            FPiece::Lit(s) => FStrPart::Lit(s.clone()),
            FPiece::Expr { text, spec } => {
                let toks = layout::lex(i.ctx.src, text, Mode::Nested).map_err(|errs| {
                    let fallback = Diagnostic::error(i.span(), "invalid f-string field");
                    relocate(PErr::new(&i, errs.into_iter().next().unwrap_or(fallback)))
                })?;
                let expr = whole(Tokens::new(&toks, i.ctx)).map_err(relocate)?;
                FStrPart::Expr {
                    expr,
                    spec: spec.map(str::to_string),
                }
            }
        });
    }
    Ok(parts)
}
