//! Type annotations: Rust's generic syntax with Keyton's dotted paths
//! (`i64`, `Vec<f64>`, `reqwest.Client`, `(i64, String)`, `&str`, `&mut T`).
//! Kept separate because types have their own small grammar: `<` and `>`
//! are brackets here, not comparisons.

use crate::ast::{TypeExpr, TypeExprKind};
use crate::errors::{PResult, expected, fail};
use crate::input::{Tokens, attr_name, ident, is_punct, list_until};
use crate::token::{Kw, Punct, Tok};

pub(crate) fn type_expr(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let _depth = i.enter()?;
    let start = i.span();
    match i.peek() {
        Tok::P(Punct::Amp) => {
            let i = i.advance(1);
            let mutable = matches!(i.peek(), Tok::Name("mut"));
            let (i, inner) = type_expr(i.advance(usize::from(mutable)))?;
            let kind = TypeExprKind::Ref {
                mutable,
                inner: Box::new(inner),
            };
            Ok((
                i,
                TypeExpr {
                    kind,
                    span: i.since(start),
                },
            ))
        }
        Tok::P(Punct::LParen) => {
            let help = "separate the tuple's types with `,` and close it with `)`";
            let (i, mut tuple) = list_until(i.advance(1), Punct::RParen, type_expr, help)?;
            let span = start.to(tuple.close);
            if tuple.items.len() == 1
                && !tuple.trailing_comma
                && let Some(inner) = tuple.items.pop()
            {
                return Ok((i, TypeExpr { span, ..inner }));
            }
            let kind = TypeExprKind::Tuple(tuple.items);
            Ok((i, TypeExpr { kind, span }))
        }
        Tok::Name(_) => path_type(i),
        Tok::Kw(Kw::None) => fail(
            i,
            "`None` is not a type",
            "leave out `-> ...` when a function returns nothing, or write `()`",
        ),
        _ => expected(
            i,
            "a type",
            "write a type such as `i64`, `Vec<String>` or `reqwest.Client`",
        ),
    }
}

/// `a.b.C<T, U>`
fn path_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let start = i.span();
    let (mut i, first) = ident(i)?;
    let mut segments = vec![first];
    while is_punct(&i, Punct::Dot) {
        let (rest, seg) = attr_name(i.advance(1))?;
        segments.push(seg);
        i = rest;
    }
    let (i, args) = if is_punct(&i, Punct::Lt) {
        let help = "separate the type arguments with `,` and close them with `>`";
        let (i, args) = list_until(i.advance(1), Punct::Gt, type_expr, help)?;
        (i, args.items)
    } else {
        (i, Vec::new())
    };
    let kind = TypeExprKind::Path { segments, args };
    Ok((
        i,
        TypeExpr {
            kind,
            span: i.since(start),
        },
    ))
}
