//! The parser's input: `nom` over the token slice. [`Tokens`] implements
//! `nom::Input`, so the usual combinators (`opt`, `preceded`,
//! `separated_list1`, ...) work on tokens, and carries the shared [`Ctx`]:
//! the source (for f-string fields and messages), the nesting depth (so
//! deep input fails cleanly instead of overflowing the stack), and the
//! diagnostics of statements that failed and were skipped.

use crate::ast::Ident;
use crate::errors::{PErr, PResult, expected, fail, found};
use crate::token::{Kw, Punct, Tok, Token};
use keyton_diagnostics::{Diagnostic, Span};
use nom::Needed;
use std::cell::{Cell, RefCell};
use std::iter::Enumerate;
use std::slice::Iter;

/// How deep expressions, patterns, types, f-strings and blocks may nest.
/// Each level is a recursion of the parser; in a debug build a level can
/// take ~20 KB of stack, so this keeps the worst case near 1.3 MB.
const MAX_NESTING: usize = 64;

/// The depth budget: a nesting level costs this much, while a further link
/// of an operator or postfix chain (`a + b + c`, `a.b.c`) costs 1. A chain is
/// parsed by a loop, but deepens the tree that later passes walk recursively.
const NEST_COST: usize = 16;
const MAX_DEPTH: usize = MAX_NESTING * NEST_COST;

/// Stop collecting after this many problems: the rest is usually fallout.
const MAX_ERRORS: usize = 50;

pub(crate) struct Ctx<'s> {
    pub src: &'s str,
    depth: Cell<usize>,
    errors: RefCell<Vec<Diagnostic>>,
}

impl<'s> Ctx<'s> {
    pub(crate) fn new(src: &'s str) -> Ctx<'s> {
        Ctx {
            src,
            depth: Cell::new(0),
            errors: RefCell::new(Vec::new()),
        }
    }

    pub(crate) fn report(&self, d: Diagnostic) {
        self.errors.borrow_mut().push(d);
    }

    pub(crate) fn too_many_errors(&self) -> bool {
        self.errors.borrow().len() >= MAX_ERRORS
    }

    pub(crate) fn into_errors(self) -> Vec<Diagnostic> {
        self.errors.into_inner()
    }
}

/// Puts the nesting depth back to what it was when dropped.
pub(crate) struct DepthScope<'a> {
    ctx: &'a Ctx<'a>,
    saved: usize,
}

impl Drop for DepthScope<'_> {
    fn drop(&mut self) {
        self.ctx.depth.set(self.saved);
    }
}

/// A position in the token stream.
#[derive(Clone, Copy)]
pub(crate) struct Tokens<'a> {
    all: &'a [Token<'a>],
    pos: usize,
    end: usize,
    pub ctx: &'a Ctx<'a>,
}

static EOF: Token<'static> = Token {
    tok: Tok::Eof,
    span: Span { start: 0, end: 0 },
};

impl<'a> Tokens<'a> {
    pub(crate) fn new(all: &'a [Token<'a>], ctx: &'a Ctx<'a>) -> Tokens<'a> {
        Tokens {
            all,
            pos: 0,
            end: all.len(),
            ctx,
        }
    }

    /// The `n`th token from here; past the end, the stream's final `Eof`.
    pub(crate) fn token(&self, n: usize) -> &'a Token<'a> {
        let at = self.pos.saturating_add(n);
        let last = self.all.last().unwrap_or(&EOF);
        if at < self.end {
            self.all.get(at).unwrap_or(last)
        } else {
            last
        }
    }

    pub(crate) fn peek(&self) -> &'a Tok<'a> {
        &self.token(0).tok
    }

    pub(crate) fn peek_at(&self, n: usize) -> &'a Tok<'a> {
        &self.token(n).tok
    }

    pub(crate) fn span(&self) -> Span {
        self.token(0).span
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn advance(self, n: usize) -> Tokens<'a> {
        Tokens {
            pos: self.pos.saturating_add(n).min(self.end),
            ..self
        }
    }

    /// From `start` to the end of the last text token before here: the span
    /// of a construct that began at `start` and was parsed up to here.
    pub(crate) fn since(&self, start: Span) -> Span {
        let end = self
            .all
            .get(..self.pos)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|t| !t.tok.is_layout())
            .map_or(start.end, |t| t.span.end);
        Span {
            start: start.start,
            end: end.max(start.start),
        }
    }

    /// Remember the depth, to be restored at the end of the scope;
    /// [`Tokens::link`] goes deeper in between.
    pub(crate) fn depth_scope(&self) -> DepthScope<'a> {
        DepthScope {
            ctx: self.ctx,
            saved: self.ctx.depth.get(),
        }
    }

    fn deeper(&self, cost: usize, message: &str, help: &str) -> Result<(), nom::Err<PErr>> {
        let depth = self.ctx.depth.get() + cost;
        self.ctx.depth.set(depth);
        if depth > MAX_DEPTH {
            let diag = Diagnostic::error(self.span(), message).with_help(help);
            return Err(nom::Err::Failure(PErr::new(self, diag)));
        }
        Ok(())
    }

    /// One nesting level deeper for the rest of the scope:
    /// `let _depth = i.enter()?;`.
    pub(crate) fn enter(&self) -> Result<DepthScope<'a>, nom::Err<PErr>> {
        let scope = self.depth_scope();
        self.deeper(
            NEST_COST,
            "this is nested too deeply",
            "split it into smaller pieces, using variables or functions",
        )?;
        Ok(scope)
    }

    /// One more link of an operator or postfix chain, until the enclosing
    /// [`DepthScope`] ends.
    pub(crate) fn link(&self) -> Result<(), nom::Err<PErr>> {
        self.deeper(
            1,
            "this expression is too long",
            "split it into several statements, using variables",
        )
    }

    fn rest(&self) -> &'a [Token<'a>] {
        self.all.get(self.pos..self.end).unwrap_or(&[])
    }
}

impl<'a> nom::Input for Tokens<'a> {
    type Item = &'a Token<'a>;
    type Iter = Iter<'a, Token<'a>>;
    type IterIndices = Enumerate<Iter<'a, Token<'a>>>;

    fn input_len(&self) -> usize {
        self.end.saturating_sub(self.pos)
    }

    fn take(&self, index: usize) -> Tokens<'a> {
        Tokens {
            end: self.pos.saturating_add(index).min(self.end),
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Tokens<'a> {
        self.advance(index)
    }

    fn take_split(&self, index: usize) -> (Tokens<'a>, Tokens<'a>) {
        (self.take_from(index), self.take(index))
    }

    fn position<P: Fn(Self::Item) -> bool>(&self, predicate: P) -> Option<usize> {
        self.rest().iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.rest().iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.rest().iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        let len = self.input_len();
        if count <= len {
            Ok(count)
        } else {
            Err(Needed::new(count - len))
        }
    }
}

/// The punctuation `p` (a recoverable error if it is not there).
pub(crate) fn punct<'a>(p: Punct) -> impl Fn(Tokens<'a>) -> PResult<'a, Span> {
    move |i| match i.peek() {
        Tok::P(q) if *q == p => Ok((i.advance(1), i.span())),
        _ => Err(nom::Err::Error(PErr::unexpected(&i))),
    }
}

/// The keyword `k` (a recoverable error if it is not there).
pub(crate) fn kw<'a>(k: Kw) -> impl Fn(Tokens<'a>) -> PResult<'a, Span> {
    move |i| match i.peek() {
        Tok::Kw(q) if *q == k => Ok((i.advance(1), i.span())),
        _ => Err(nom::Err::Error(PErr::unexpected(&i))),
    }
}

/// The punctuation `p`, which must be there.
pub(crate) fn expect<'a>(p: Punct, help: &'static str) -> impl Fn(Tokens<'a>) -> PResult<'a, Span> {
    move |i| match i.peek() {
        Tok::P(q) if *q == p => Ok((i.advance(1), i.span())),
        _ => expected(i, &format!("`{}`", p.as_str()), help),
    }
}

pub(crate) fn is_punct(i: &Tokens<'_>, p: Punct) -> bool {
    matches!(i.peek(), Tok::P(q) if *q == p)
}

pub(crate) fn is_kw(i: &Tokens<'_>, k: Kw) -> bool {
    matches!(i.peek(), Tok::Kw(q) if *q == k)
}

/// A name that is not a keyword.
pub(crate) fn ident(i: Tokens<'_>) -> PResult<'_, Ident> {
    match i.peek() {
        Tok::Name(n) => Ok((
            i.advance(1),
            Ident {
                name: n.to_string(),
                span: i.span(),
            },
        )),
        Tok::Kw(k) => fail(
            i,
            format!("expected a name, found keyword `{}`", k.as_str()),
            format!("`{}` is a reserved word; choose another name", k.as_str()),
        ),
        _ => expected(i, "a name", "write an identifier here, like `x` or `total`"),
    }
}

/// A name after `.`: keywords are fine here (`String.from`, `opt.or`).
pub(crate) fn attr_name(i: Tokens<'_>) -> PResult<'_, Ident> {
    let name = match i.peek() {
        Tok::Name(n) => n.to_string(),
        Tok::Kw(k) => k.as_str().to_string(),
        Tok::Int(_) => return fail(i, "expected a name after `.`", "index a tuple with `t[0]`"),
        _ => return expected(i, "a name after `.`", "write `value.name`"),
    };
    Ok((
        i.advance(1),
        Ident {
            name,
            span: i.span(),
        },
    ))
}

/// Items between brackets, the opener already taken.
pub(crate) struct Delimited<T> {
    pub items: Vec<T>,
    /// The closing bracket.
    pub close: Span,
    /// Whether the last item was followed by a comma: `(x,)` is a tuple.
    pub trailing_comma: bool,
}

/// `item, item, ...` then `close`; a trailing comma is fine.
pub(crate) fn list_until<'a, T>(
    mut i: Tokens<'a>,
    close: Punct,
    mut item: impl FnMut(Tokens<'a>) -> PResult<'a, T>,
    help: &str,
) -> PResult<'a, Delimited<T>> {
    let mut items = Vec::new();
    let mut trailing_comma = false;
    loop {
        if is_punct(&i, close) {
            let out = Delimited {
                items,
                close: i.span(),
                trailing_comma,
            };
            return Ok((i.advance(1), out));
        }
        let (rest, it) = item(i)?;
        items.push(it);
        i = rest;
        trailing_comma = is_punct(&i, Punct::Comma);
        if trailing_comma {
            i = i.advance(1);
        } else if !is_punct(&i, close) {
            let what = format!("`,` or `{}`", close.as_str());
            let help = match i.peek() {
                Tok::Kw(Kw::For) => {
                    "comprehensions are not supported; build the list with a `for` loop and `.push(...)`"
                }
                Tok::P(Punct::Ge) if close == Punct::Gt => "put a space between `>` and `=`",
                _ => help,
            };
            return fail(i, format!("expected {what}, found {}", found(&i)), help);
        }
    }
}
