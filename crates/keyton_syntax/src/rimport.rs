//! `rimport path[features] == "req" @ "dir" as alias` and
//! `from path rimport A, B as C`. Crate and feature names may contain `-`
//! (`serde-json`, `rt-multi-thread`); the lexer sees `serde - json`, so here
//! a name is the pieces joined by dashes with no space between them.

use crate::ast::{Feature, FromRimport, Ident, ImportItem, Rimport, StrLit};
use crate::errors::{PResult, expected};
use crate::input::{Tokens, attr_name, ident, is_kw, is_punct, kw, list_until, punct};
use crate::token::{Kw, Punct, Tok};
use nom::Parser;
use nom::combinator::opt;
use nom::multi::separated_list1;
use nom::sequence::preceded;

type In<'a> = Tokens<'a>;

pub(crate) fn rimport(i: In<'_>) -> PResult<'_, Rimport> {
    let start = i.span();
    let (i, _) = kw(Kw::Rimport)(i)?;
    let (i, path) = crate_path(i)?;
    let (i, features) = if is_punct(&i, Punct::LBracket) {
        let help = "separate the features with `,`, like `[json, -default]`";
        let (i, list) = list_until(i.advance(1), Punct::RBracket, feature, help)?;
        (i, list.items)
    } else {
        (i, Vec::new())
    };
    let (i, version) = opt(preceded(punct(Punct::EqEq), str_lit)).parse(i)?;
    let (i, local_path) = opt(preceded(punct(Punct::At), str_lit)).parse(i)?;
    let (i, alias) = opt(preceded(kw(Kw::As), ident)).parse(i)?;
    let span = i.since(start);
    let import = Rimport {
        path,
        features,
        version,
        local_path,
        alias,
        span,
    };
    Ok((i, import))
}

pub(crate) fn from_rimport(i: In<'_>) -> PResult<'_, FromRimport> {
    let start = i.span();
    let (i, _) = kw(Kw::From)(i)?;
    let (i, path) = crate_path(i)?;
    if !is_kw(&i, Kw::Rimport) {
        return expected(i, "`rimport`", "write `from crate.module rimport Name`");
    }
    let i = i.advance(1);
    let (i, items) = if is_punct(&i, Punct::LParen) {
        let help = "separate the imported names with `,`";
        let (i, list) = list_until(i.advance(1), Punct::RParen, item, help)?;
        (i, list.items)
    } else {
        separated_list1(punct(Punct::Comma), item).parse(i)?
    };
    let span = i.since(start);
    Ok((i, FromRimport { path, items, span }))
}

/// `Name` or `Name as Alias`
fn item(i: In<'_>) -> PResult<'_, ImportItem> {
    let (i, name) = ident(i)?;
    let (i, alias) = opt(preceded(kw(Kw::As), ident)).parse(i)?;
    Ok((i, ImportItem { name, alias }))
}

/// `crate.module.item`, the crate name possibly dashed.
fn crate_path(i: In<'_>) -> PResult<'_, Vec<Ident>> {
    let (mut i, first) = dashed(i)?;
    let mut path = vec![first];
    while is_punct(&i, Punct::Dot) {
        let (rest, seg) = attr_name(i.advance(1))?;
        path.push(seg);
        i = rest;
    }
    Ok((i, path))
}

/// `json`, `-default`
fn feature(i: In<'_>) -> PResult<'_, Feature> {
    let start = i.span();
    let negated = is_punct(&i, Punct::Minus);
    let (i, name) = dashed(i.advance(usize::from(negated)))?;
    let span = start.to(name.span);
    Ok((
        i,
        Feature {
            name: name.name,
            negated,
            span,
        },
    ))
}

/// A name whose pieces may be joined by `-` with no space around it.
fn dashed(i: In<'_>) -> PResult<'_, Ident> {
    let (mut i, Ident { mut name, mut span }) = ident(i)?;
    loop {
        let (dash, next) = (i.token(0), i.token(1));
        let is_piece = matches!(next.tok, Tok::Name(_) | Tok::Kw(_) | Tok::Int(_));
        let glued = dash.span.start == span.end && next.span.start == dash.span.end;
        if !matches!(dash.tok, Tok::P(Punct::Minus)) || !is_piece || !glued {
            break;
        }
        let piece = i
            .ctx
            .src
            .get(next.span.start as usize..next.span.end as usize);
        name.push('-');
        name.push_str(piece.unwrap_or(""));
        span = span.to(next.span);
        i = i.advance(2);
    }
    Ok((i, Ident { name, span }))
}

fn str_lit(i: In<'_>) -> PResult<'_, StrLit> {
    match i.peek() {
        Tok::Str(value) => Ok((
            i.advance(1),
            StrLit {
                value: value.clone(),
                span: i.span(),
            },
        )),
        _ => expected(
            i,
            "a string",
            "write it in quotes, like `== \"0.12\"` or `@ \"../mylib\"`",
        ),
    }
}
