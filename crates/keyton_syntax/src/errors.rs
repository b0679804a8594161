//! Parse errors as values. A [`PErr`] is a finished [`Diagnostic`] (where,
//! what, what to do) plus the token position it was found at, which the
//! statement-level recovery uses to skip past the bad line. Grammar rules
//! that have committed return `nom::Err::Failure`, so `alt`/`opt` never
//! replace a precise message with a vaguer one.

use crate::input::Tokens;
use crate::token::Tok;
use keyton_diagnostics::{Diagnostic, Span};
use nom::IResult;
use nom::error::{ErrorKind, ParseError};

pub(crate) type PResult<'a, T> = IResult<Tokens<'a>, T, PErr>;

#[derive(Debug)]
pub(crate) struct PErr {
    /// Boxed: results travel up every level of the recursive descent, and a
    /// small error type keeps each level's stack frame small.
    pub diag: Box<Diagnostic>,
    /// Index of the token where the problem is.
    pub pos: usize,
}

impl PErr {
    pub(crate) fn new(i: &Tokens<'_>, diag: Diagnostic) -> PErr {
        PErr {
            diag: Box::new(diag),
            pos: i.pos(),
        }
    }

    pub(crate) fn unexpected(i: &Tokens<'_>) -> PErr {
        PErr::new(
            i,
            Diagnostic::error(error_span(i), format!("unexpected {}", found(i)))
                .with_help("check the syntax of this line"),
        )
    }
}

impl<'a> ParseError<Tokens<'a>> for PErr {
    fn from_error_kind(input: Tokens<'a>, _: ErrorKind) -> PErr {
        PErr::unexpected(&input)
    }

    fn append(_: Tokens<'a>, _: ErrorKind, other: PErr) -> PErr {
        other
    }

    /// Of two failed alternatives, the one that got further is more telling.
    fn or(self, other: PErr) -> PErr {
        if other.pos > self.pos { other } else { self }
    }
}

/// Where to point for a problem at `i`: an `Indent` has no text of its own,
/// so the token after it.
pub(crate) fn error_span(i: &Tokens<'_>) -> Span {
    match i.peek() {
        Tok::Indent => i.token(1).span,
        _ => i.span(),
    }
}

/// How to name the token at `i` in a message.
pub(crate) fn found(i: &Tokens<'_>) -> String {
    let text = |span: Span| {
        let s = i
            .ctx
            .src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("");
        match s.char_indices().nth(24) {
            Some((n, _)) => format!("`{}...`", s.get(..n).unwrap_or(s)),
            None => format!("`{s}`"),
        }
    };
    match i.peek() {
        Tok::Newline => "the end of the line".into(),
        // A field's tokens end before the source does.
        Tok::Eof if (i.span().end as usize) < i.ctx.src.len() => {
            "the end of the f-string field".into()
        }
        Tok::Eof => "the end of the input".into(),
        Tok::Indent => "an indented line".into(),
        Tok::Dedent => "the end of the block".into(),
        Tok::Str(_) => "a string".into(),
        Tok::FStr(_) => "an f-string".into(),
        Tok::Kw(k) => format!("keyword `{}`", k.as_str()),
        _ => text(i.span()),
    }
}

/// A committed failure at `i`.
pub(crate) fn failure(
    i: Tokens<'_>,
    message: impl Into<String>,
    help: impl Into<String>,
) -> nom::Err<PErr> {
    let diag = Diagnostic::error(error_span(&i), message).with_help(help);
    nom::Err::Failure(PErr::new(&i, diag))
}

/// [`failure`] as a result.
pub(crate) fn fail<'a, T>(
    i: Tokens<'a>,
    message: impl Into<String>,
    help: impl Into<String>,
) -> PResult<'a, T> {
    Err(failure(i, message, help))
}

/// "expected X, found Y" at `i`.
pub(crate) fn expected<'a, T>(
    i: Tokens<'a>,
    what: &str,
    help: impl Into<String>,
) -> PResult<'a, T> {
    let message = format!("expected {what}, found {}", found(&i));
    fail(i, message, help)
}
