//! Keyton's syntax: the tree ([`ast`]) and the `nom` parser that builds it.
//! Parsing never panics; bad input comes back as [`Diagnostic`]s with spans.
//!
//! The pipeline: `layout` walks lines and indentation and asks `lexer` (nom
//! over `&str`; string literals in `strings`) for the tokens of each line,
//! producing a token stream with `Newline`/`Indent`/`Dedent` markers. The
//! grammar is nom over that token slice (`input`): `stmt`, `compound`,
//! `expr`, `postfix`, `pattern`, `types` and `rimport`. Errors are values
//! (`errors::PErr`); a failed statement is reported and skipped, so several
//! errors can come back at once. Nesting is capped, so deep input is an error,
//! not a stack overflow.

pub mod ast;
mod compound;
mod errors;
mod expr;
mod input;
mod layout;
mod lexer;
mod pattern;
mod postfix;
mod rimport;
mod stmt;
mod strings;
mod token;
mod types;

pub use keyton_diagnostics::{Diagnostic, Span};

use input::{Ctx, Tokens};
use layout::Mode;

/// The language's keywords, for completion.
pub fn keywords() -> impl Iterator<Item = &'static str> {
    token::Kw::ALL.into_iter().map(token::Kw::as_str)
}

/// Parse a whole script or cell.
pub fn parse(source: &str) -> Result<ast::Module, Vec<Diagnostic>> {
    let toks = layout::lex(source, source, Mode::Module)?;
    let ctx = Ctx::new(source);
    let stmts = stmt::module(Tokens::new(&toks, &ctx));
    let errors = ctx.into_errors();
    if errors.is_empty() {
        Ok(ast::Module { stmts })
    } else {
        Err(errors)
    }
}

/// Parse one expression (newlines inside it are plain whitespace).
pub fn parse_expr(source: &str) -> Result<ast::Expr, Vec<Diagnostic>> {
    let toks = layout::lex(source, source, Mode::Nested)?;
    let ctx = Ctx::new(source);
    expr::whole(Tokens::new(&toks, &ctx)).map_err(|e| vec![*e.diag])
}
