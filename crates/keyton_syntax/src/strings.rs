//! String literals: `"..."`, `'...'`, raw `r"..."`, triple-quoted (also raw),
//! and f-strings. Escapes are processed here, so the parser gets the value;
//! f-string fields are only located (their expressions are parsed later by
//! the parser, from the source slice, so their spans are real offsets).

use crate::lexer::{LResult, LexError, adv};
use crate::token::{FPiece, Tok};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::one_of;
use nom::combinator::opt;

/// A string literal of any kind, at its prefix or opening quote.
pub(crate) fn string_lit(i: &str) -> LResult<'_, Tok<'_>> {
    let (body, (prefix, quote)) = (
        opt(one_of("rf")),
        alt((tag("\"\"\""), tag("'''"), tag("\""), tag("'"))),
    )
        .parse(i)?;
    let lit = Lit {
        open: i,
        open_len: i.len() - body.len(),
        quote,
        raw: prefix == Some('r'),
        fstr: prefix == Some('f'),
    };
    lit.scan(body)
}

/// The literal being scanned: where it opened and how it ends.
struct Lit<'s> {
    open: &'s str,
    open_len: usize,
    quote: &'s str,
    raw: bool,
    fstr: bool,
}

impl<'s> Lit<'s> {
    fn triple(&self) -> bool {
        self.quote.len() == 3
    }

    /// An error inside the literal; inside a triple-quoted one nothing after
    /// it can be lexed reliably, so lexing stops.
    fn error(
        &self,
        at: &'s str,
        len: usize,
        message: String,
        help: &str,
    ) -> nom::Err<LexError<'s>> {
        nom::Err::Failure(LexError::new(at, len, message, help).fatal_if(self.triple()))
    }

    fn unterminated(&self) -> nom::Err<LexError<'s>> {
        let kind = if self.fstr { "f-string" } else { "string" };
        nom::Err::Failure(
            LexError::new(
                self.open,
                self.open_len,
                format!("unterminated {kind}"),
                format!("add a closing `{}`", self.quote),
            )
            .label("this string is never closed")
            .fatal_if(self.triple()),
        )
    }

    fn scan(&self, body: &'s str) -> LResult<'s, Tok<'s>> {
        let mut rest = body;
        let mut text = String::new();
        let mut pieces = Vec::new();
        loop {
            if let Some(after) = rest.strip_prefix(self.quote) {
                let tok = if self.fstr {
                    if !text.is_empty() {
                        pieces.push(FPiece::Lit(text));
                    }
                    Tok::FStr(pieces)
                } else {
                    Tok::Str(text)
                };
                return Ok((after, tok));
            }
            let Some(c) = rest.chars().next() else {
                return Err(self.unterminated());
            };
            rest = match c {
                '\n' if !self.triple() => return Err(self.unterminated()),
                '\r' if rest.starts_with("\r\n") => {
                    if !self.triple() {
                        return Err(self.unterminated());
                    }
                    text.push('\n');
                    adv(rest, 2)
                }
                '\\' => self.escape(rest, &mut text)?,
                '{' if self.fstr => match rest.strip_prefix("{{") {
                    Some(after) => {
                        text.push('{');
                        after
                    }
                    None => {
                        if !text.is_empty() {
                            pieces.push(FPiece::Lit(std::mem::take(&mut text)));
                        }
                        let (after, piece) = self.field(rest)?;
                        pieces.push(piece);
                        after
                    }
                },
                '}' if self.fstr => match rest.strip_prefix("}}") {
                    Some(after) => {
                        text.push('}');
                        after
                    }
                    None => {
                        return Err(self.error(
                            rest,
                            1,
                            "single `}` in f-string".into(),
                            "write `}}` for a literal `}`",
                        ));
                    }
                },
                _ => {
                    text.push(c);
                    adv(rest, c.len_utf8())
                }
            };
        }
    }

    /// A backslash at `rest`: push what it stands for, return what follows.
    fn escape(&self, rest: &'s str, text: &mut String) -> Result<&'s str, nom::Err<LexError<'s>>> {
        let after = adv(rest, 1);
        let Some(c) = after.chars().next() else {
            return Err(self.unterminated());
        };
        let next = adv(after, c.len_utf8());
        if self.raw {
            if c == '\n' && !self.triple() {
                return Err(self.unterminated());
            }
            text.push('\\');
            text.push(c);
            return Ok(next);
        }
        if c == '\n' || (c == '\r' && next.starts_with('\n')) {
            // A backslash at the end of a line joins lines, in triple quotes only.
            if !self.triple() {
                return Err(self.unterminated());
            }
            return Ok(if c == '\r' { adv(next, 1) } else { next });
        }
        let value = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            '0' => '\0',
            'u' => return self.unicode(rest, next, text),
            _ => {
                return Err(self.error(
                    rest,
                    1 + c.len_utf8(),
                    format!("unknown escape `\\{c}`"),
                    "write `\\\\` for a backslash, or use a raw string like r\"...\"",
                ));
            }
        };
        text.push(value);
        Ok(next)
    }

    /// `\u{...}`: `rest` is at the backslash, `after_u` just after the `u`.
    fn unicode(
        &self,
        rest: &'s str,
        after_u: &'s str,
        text: &mut String,
    ) -> Result<&'s str, nom::Err<LexError<'s>>> {
        let parsed = after_u.strip_prefix('{').and_then(|inner| {
            let hex_len = inner.len()
                - inner
                    .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                    .len();
            let after = adv(inner, hex_len).strip_prefix('}')?;
            let value = inner
                .get(..hex_len)
                .filter(|h| (1..=6).contains(&h.len()))?;
            let c = u32::from_str_radix(value, 16)
                .ok()
                .and_then(char::from_u32)?;
            Some((c, after))
        });
        match parsed {
            Some((c, after)) => {
                text.push(c);
                Ok(after)
            }
            None => Err(self.error(
                rest,
                2,
                "invalid unicode escape".into(),
                "write it as `\\u{1F600}`: 1 to 6 hex digits of a valid character, in braces",
            )),
        }
    }

    /// An f-string field at `rest` (at its `{`): the expression's source
    /// slice and the raw spec after a top-level `:`.
    fn field(&self, rest: &'s str) -> LResult<'s, FPiece<'s>> {
        let unclosed = || {
            self.error(
                rest,
                1,
                "unclosed `{` in f-string".into(),
                "close the field with `}`, or write `{{` for a literal `{`",
            )
        };
        let start = adv(rest, 1);
        let mut cur = start;
        let mut depth = 0usize;
        let (text, spec, after) = loop {
            let Some(c) = cur.chars().next() else {
                return Err(unclosed());
            };
            let here = start.get(..start.len() - cur.len()).unwrap_or("");
            match c {
                '\n' if !self.triple() => return Err(unclosed()),
                '"' | '\'' => {
                    cur = self.skip_inner_string(cur).ok_or_else(unclosed)?;
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '}' if depth > 0 => depth -= 1,
                '}' => break (here, None, adv(cur, 1)),
                ':' if depth == 0 => {
                    let spec_src = adv(cur, 1);
                    let quote = self.quote.chars().next().unwrap_or('"');
                    let end = spec_src
                        .find(|c: char| c == '}' || c == quote || (c == '\n' && !self.triple()))
                        .filter(|&n| adv(spec_src, n).starts_with('}'))
                        .ok_or_else(unclosed)?;
                    break (here, spec_src.get(..end), adv(spec_src, end + 1));
                }
                _ => {}
            }
            cur = adv(cur, c.len_utf8());
        };
        if text.trim().is_empty() {
            let len = rest.len() - after.len();
            return Err(self.error(
                rest,
                len,
                "empty expression in f-string".into(),
                "put an expression between `{` and `}`, or write `{{` for a literal `{`",
            ));
        }
        Ok((after, FPiece::Expr { text, spec }))
    }

    /// Skip a string inside an f-string field; `None` if it does not close
    /// where the f-string allows.
    fn skip_inner_string(&self, s: &'s str) -> Option<&'s str> {
        let q = s.chars().next()?;
        let triple: String = std::iter::repeat_n(q, 3).collect();
        if let Some(body) = s.strip_prefix(triple.as_str()) {
            return body.find(triple.as_str()).map(|n| adv(body, n + 3));
        }
        let mut escaped = false;
        for (n, c) in s.char_indices().skip(1) {
            match c {
                '\n' if !self.triple() => return None,
                '\\' if !escaped => escaped = true,
                c if c == q && !escaped => return Some(adv(s, n + 1)),
                _ => escaped = false,
            }
        }
        None
    }
}
