//! The layout pass: walks the text line by line, measures indentation into
//! `Indent`/`Dedent` tokens, ends logical lines with `Newline` (not while a
//! bracket is open), drops comments and blank lines, rejects tabs in
//! indentation, and asks [`crate::lexer`] for each token in between. Doing
//! layout by hand keeps the grammar proper free of whitespace concerns.

use crate::lexer::{self, LexError, adv};
use crate::token::{Punct, Tok, Token};
use keyton_diagnostics::{Diagnostic, Span};

/// Stop collecting after this many problems: the rest is usually fallout.
const MAX_ERRORS: usize = 20;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A script or cell: lines, blocks and indentation.
    Module,
    /// One expression (an f-string field, `parse_expr`): newlines are spaces.
    Nested,
}

/// The byte offset of `part` in `src`; `part` is always a slice of `src`.
pub(crate) fn offset(src: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(src.as_ptr() as usize)
        .min(src.len())
}

/// Tokens for `text`, a slice of `src` (spans are offsets into `src`).
/// The stream always ends with `Eof`; in module mode every logical line ends
/// with `Newline` and every `Indent` is matched by a `Dedent`.
pub(crate) fn lex<'s>(
    src: &'s str,
    text: &'s str,
    mode: Mode,
) -> Result<Vec<Token<'s>>, Vec<Diagnostic>> {
    let text = if mode == Mode::Module {
        text.strip_prefix('\u{feff}').unwrap_or(text)
    } else {
        text
    };
    let mut layout = Layout {
        src,
        rest: text,
        end: offset(src, text) + text.len(),
        nested: mode == Mode::Nested,
        at_line_start: mode == Mode::Module,
        toks: Vec::new(),
        errors: Vec::new(),
        brackets: Vec::new(),
        indents: vec![0],
    };
    layout.run();
    layout.finish()
}

struct Layout<'s> {
    src: &'s str,
    rest: &'s str,
    end: usize,
    nested: bool,
    at_line_start: bool,
    toks: Vec<Token<'s>>,
    errors: Vec<Diagnostic>,
    /// Open brackets: the closer expected, the opener, and where it is.
    brackets: Vec<(char, char, Span)>,
    /// Indentation (in spaces) of the enclosing blocks, outermost first.
    indents: Vec<usize>,
}

impl<'s> Layout<'s> {
    fn pos(&self) -> usize {
        offset(self.src, self.rest)
    }

    fn push(&mut self, tok: Tok<'s>, span: Span) {
        self.toks.push(Token { tok, span });
    }

    fn run(&mut self) {
        while self.errors.len() < MAX_ERRORS {
            if self.at_line_start {
                self.line_start();
            }
            self.rest = self.rest.trim_start_matches([' ', '\t', '\r', '\x0c']);
            match self.rest.chars().next() {
                None => return,
                Some('#') => self.skip_line(),
                Some('\n') => self.newline(),
                Some(_) => self.token(),
            }
        }
    }

    /// At the start of a line outside brackets: indentation, unless the line
    /// is blank or only a comment.
    fn line_start(&mut self) {
        self.at_line_start = false;
        let body = self.rest.trim_start_matches(' ');
        let col = self.rest.len() - body.len();
        let content = body.trim_start_matches([' ', '\t', '\r', '\x0c']);
        let blank = content.is_empty() || content.starts_with(['\n', '#']);
        self.rest = body;
        if blank {
            return;
        }
        let at = self.pos();
        if body.starts_with('\t') {
            self.error(
                Diagnostic::error(
                    Span::new(at, at + 1),
                    "tabs are not allowed in indentation; indent with spaces",
                )
                .label("tab here")
                .with_help("replace the tab with spaces (4 per level is usual)"),
            );
            self.skip_line();
            return;
        }
        let top = self.indents.last().copied().unwrap_or(0);
        if col > top {
            self.indents.push(col);
            self.push(Tok::Indent, Span::new(at - col, at));
        } else if col < top {
            let depths = match self.indents.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => {
                    let rest: Vec<String> = rest.iter().map(|d| d.to_string()).collect();
                    format!("{} or {last}", rest.join(", "))
                }
                None => "0".to_string(),
            };
            while self.indents.last().is_some_and(|&d| d > col) {
                self.indents.pop();
                self.push(Tok::Dedent, Span::new(at, at));
            }
            if self.indents.last() != Some(&col) {
                self.error(
                    Diagnostic::error(
                        Span::new(at - col, at),
                        "this line's indentation does not match any enclosing block",
                    )
                    .with_help(format!(
                        "indent it by {depths} spaces, to line up with an enclosing block"
                    )),
                );
            }
        }
    }

    fn newline(&mut self) {
        self.rest = adv(self.rest, 1);
        if self.nested || !self.brackets.is_empty() {
            return;
        }
        let at = self.pos();
        if self.toks.last().is_some_and(|t| !t.tok.is_layout()) {
            self.push(Tok::Newline, Span::new(at - 1, at));
        }
        self.at_line_start = true;
    }

    /// Skip to the end of the line (the newline itself is left).
    fn skip_line(&mut self) {
        let n = self.rest.find('\n').unwrap_or(self.rest.len());
        self.rest = adv(self.rest, n);
    }

    fn token(&mut self) {
        let start = self.pos();
        match lexer::token(self.rest) {
            Ok((rest, tok)) => {
                let span = Span::new(start, offset(self.src, rest));
                self.brackets_for(&tok, span);
                self.push(tok, span);
                self.rest = rest;
            }
            Err(nom::Err::Failure(e)) => self.lex_error(e),
            Err(nom::Err::Error(_) | nom::Err::Incomplete(_)) => {
                let at = self.rest;
                self.lex_error(LexError { at, problem: None });
            }
        }
    }

    /// Report a lexer error, then go on after the line (or stop, if fatal).
    fn lex_error(&mut self, e: LexError<'s>) {
        let p = e
            .problem
            .unwrap_or_else(|| Box::new(lexer::unexpected_char(e.at)));
        let at = offset(self.src, e.at);
        let mut d = Diagnostic::error(Span::new(at, at + p.len), p.message).with_help(p.help);
        if let Some(label) = p.label {
            d = d.label(label);
        }
        self.error(d);
        if p.fatal {
            self.rest = "";
        } else {
            self.skip_line();
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    fn brackets_for(&mut self, tok: &Tok<'s>, span: Span) {
        let Tok::P(p) = tok else { return };
        let (open, close) = match p {
            Punct::LParen => ('(', ')'),
            Punct::LBracket => ('[', ']'),
            Punct::LBrace => ('{', '}'),
            Punct::RParen | Punct::RBracket | Punct::RBrace => {
                self.close_bracket(p.as_str().chars().next().unwrap_or(')'), span);
                return;
            }
            _ => return,
        };
        self.brackets.push((close, open, span));
    }

    fn close_bracket(&mut self, c: char, span: Span) {
        match self.brackets.pop() {
            Some((want, _, _)) if want == c => {}
            Some((want, open, open_span)) => self.error(
                Diagnostic::error(span, format!("mismatched `{c}`"))
                    .label(format!("expected `{want}`"))
                    .with_secondary(open_span, format!("this `{open}` is still open"))
                    .with_help(format!(
                        "close the `{open}` with `{want}` before this `{c}`"
                    )),
            ),
            None => self.error(
                Diagnostic::error(span, format!("unmatched `{c}`"))
                    .label("nothing to close here")
                    .with_help("remove it, or add the matching opening bracket before it"),
            ),
        }
    }

    fn finish(mut self) -> Result<Vec<Token<'s>>, Vec<Diagnostic>> {
        if self.errors.is_empty()
            && let Some(&(want, open, span)) = self.brackets.last()
        {
            self.error(
                Diagnostic::error(span, format!("unclosed `{open}`"))
                    .label("this bracket is never closed")
                    .with_help(format!("add a closing `{want}`")),
            );
        }
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let end = Span::new(self.end, self.end);
        if !self.nested {
            if self.toks.last().is_some_and(|t| !t.tok.is_layout()) {
                self.push(Tok::Newline, end);
            }
            for _ in 1..self.indents.len() {
                self.push(Tok::Dedent, end);
            }
        }
        self.push(Tok::Eof, end);
        Ok(self.toks)
    }
}
