//! Cutting one token off the front of the text: `nom` over `&str`. Layout
//! (lines, indentation, brackets, comments) is the caller's job, in
//! [`crate::layout`]; strings live in [`crate::strings`]. A lexer error is a
//! [`LexError`] that says where, what and what to do; it is a `Failure` when
//! the text was clearly meant as this kind of token, so `alt` does not hide it.

use crate::strings::string_lit;
use crate::token::{Kw, Punct, Tok};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{opt, recognize};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

pub(crate) type LResult<'s, T> = IResult<&'s str, T, LexError<'s>>;

/// A problem at `at` (a suffix of the source). `problem` is `None` for
/// "not this kind of token", which `alt` makes often: it must be cheap.
#[derive(Debug)]
pub(crate) struct LexError<'s> {
    pub at: &'s str,
    pub problem: Option<Box<Problem>>,
}

#[derive(Debug)]
pub(crate) struct Problem {
    /// Bytes from `at` that the problem covers.
    pub len: usize,
    pub message: String,
    pub label: Option<String>,
    pub help: String,
    /// Nothing after this point can be trusted (an unterminated triple-quoted
    /// string or macro body swallowed the rest), so lexing stops.
    pub fatal: bool,
}

impl<'s> LexError<'s> {
    pub(crate) fn new(
        at: &'s str,
        len: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> LexError<'s> {
        let problem = Problem {
            len,
            message: message.into(),
            label: None,
            help: help.into(),
            fatal: false,
        };
        LexError {
            at,
            problem: Some(Box::new(problem)),
        }
    }

    pub(crate) fn label(mut self, text: impl Into<String>) -> LexError<'s> {
        if let Some(p) = &mut self.problem {
            p.label = Some(text.into());
        }
        self
    }

    pub(crate) fn fatal_if(mut self, fatal: bool) -> LexError<'s> {
        if let Some(p) = &mut self.problem {
            p.fatal |= fatal;
        }
        self
    }

    pub(crate) fn fail<T>(self) -> LResult<'s, T> {
        Err(nom::Err::Failure(self))
    }
}

impl<'s> ParseError<&'s str> for LexError<'s> {
    /// "Not this kind of token": if no lexer matches, the caller reports
    /// [`unexpected_char`].
    fn from_error_kind(input: &'s str, _: ErrorKind) -> LexError<'s> {
        LexError {
            at: input,
            problem: None,
        }
    }

    fn append(_: &'s str, _: ErrorKind, other: LexError<'s>) -> LexError<'s> {
        other
    }
}

/// The problem of a character that starts no token.
pub(crate) fn unexpected_char(at: &str) -> Problem {
    let problem = |len, message: String, help: &str| Problem {
        len,
        message,
        label: None,
        help: help.to_string(),
        fatal: false,
    };
    let Some(c) = at.chars().next() else {
        return problem(0, "unexpected end of input".into(), "finish the statement");
    };
    let len = c.len_utf8();
    match c {
        ';' => problem(
            len,
            "unexpected `;`".into(),
            "put each statement on its own line",
        ),
        '\\' => problem(
            len,
            "unexpected `\\` outside a string".into(),
            "to continue a line, wrap the expression in parentheses",
        ),
        _ => problem(len, format!("unexpected character `{c}`"), "remove it"),
    }
}

/// The rest of `s` after `n` bytes (empty if `n` is past the end).
pub(crate) fn adv(s: &str, n: usize) -> &str {
    s.get(n..).unwrap_or("")
}

pub(crate) fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub(crate) fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// One token, not counting whitespace, comments and newlines. The first
/// characters choose the lexer, so a token costs one attempt, not five.
pub(crate) fn token(i: &str) -> LResult<'_, Tok<'_>> {
    let mut chars = i.chars();
    match (chars.next(), chars.next()) {
        (Some('"' | '\''), _) | (Some('r' | 'f'), Some('"' | '\'')) => string_lit(i),
        (Some(c), _) if c.is_ascii_digit() => number(i),
        (Some(c), _) if is_ident_start(c) => word(i),
        (Some('!'), next) if next != Some('=') => macro_body(i),
        _ => punct(i),
    }
}

/// An identifier or a keyword.
fn word(i: &str) -> LResult<'_, Tok<'_>> {
    let (rest, w) = recognize((satisfy(is_ident_start), take_while(is_ident_continue))).parse(i)?;
    Ok((rest, Kw::from_word(w).map_or(Tok::Name(w), Tok::Kw)))
}

fn punct(i: &str) -> LResult<'_, Tok<'_>> {
    Punct::ALL
        .iter()
        .find_map(|p| i.strip_prefix(p.as_str()).map(|rest| (rest, Tok::P(*p))))
        .ok_or_else(|| nom::Err::Error(LexError::from_error_kind(i, ErrorKind::Tag)))
}

/// Digits of `radix`, the first one not `_`.
fn digits<'s>(radix: u32) -> impl Parser<&'s str, Output = &'s str, Error = LexError<'s>> {
    recognize((
        satisfy(move |c| c.is_digit(radix)),
        take_while(move |c: char| c.is_digit(radix) || c == '_'),
    ))
}

/// `42`, `1_000`, `0xff`, `0o17`, `0b101`, `1.5`, `2e-3`.
fn number(i: &str) -> LResult<'_, Tok<'_>> {
    let (rest, tok) = alt((
        radix_int("0x", 16, "hexadecimal"),
        radix_int("0o", 8, "octal"),
        radix_int("0b", 2, "binary"),
        decimal,
    ))
    .parse(i)?;
    let glued = rest.len() - rest.trim_start_matches(is_ident_continue).len();
    if glued > 0 {
        let len = i.len() - rest.len() + glued;
        let text = i.get(..len).unwrap_or(i);
        return LexError::new(
            i,
            len,
            format!("invalid number literal `{text}`"),
            "check the digits, or put a space between the number and the name",
        )
        .fail();
    }
    Ok((rest, tok))
}

fn radix_int<'s>(
    prefix: &'static str,
    radix: u32,
    name: &'static str,
) -> impl Parser<&'s str, Output = Tok<'s>, Error = LexError<'s>> {
    move |i: &'s str| {
        let (after, _) = tag(prefix).parse(i)?;
        match digits(radix).parse(after) {
            Ok((rest, text)) => int_value(i, rest, text, radix),
            Err(_) => LexError::new(
                i,
                prefix.len(),
                format!("expected {name} digits after `{prefix}`"),
                format!("write the digits right after `{prefix}`, like `{prefix}1`"),
            )
            .fail(),
        }
    }
}

fn decimal(i: &str) -> LResult<'_, Tok<'_>> {
    let (rest, text) = recognize((
        digits(10),
        opt((char('.'), digits(10))),
        opt((one_of("eE"), opt(one_of("+-")), digits(10))),
    ))
    .parse(i)?;
    if !text.contains(['.', 'e', 'E']) {
        return int_value(i, rest, text, 10);
    }
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    match clean.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok((rest, Tok::Float(f))),
        Ok(_) => LexError::new(
            i,
            text.len(),
            "float literal is too large",
            "use a value within the range of f64 (about 1.8e308)",
        )
        .fail(),
        Err(_) => LexError::new(
            i,
            text.len(),
            "invalid float literal",
            "write it like `1.5` or `2e-3`",
        )
        .fail(),
    }
}

fn int_value<'s>(start: &'s str, rest: &'s str, digits: &str, radix: u32) -> LResult<'s, Tok<'s>> {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    match u128::from_str_radix(&clean, radix) {
        Ok(n) => Ok((rest, Tok::Int(n))),
        Err(_) => LexError::new(
            start,
            start.len() - rest.len(),
            "integer literal is too large",
            "use a smaller number, or a float like `1e40`",
        )
        .fail(),
    }
}

/// `!(...)`, `![...]`, `!{...}` after a macro's path: the text inside is kept
/// raw for Rust, with nested delimiters balanced and Rust strings, chars and
/// `//` comments skipped so that brackets inside them do not count.
fn macro_body(i: &str) -> LResult<'_, Tok<'_>> {
    let (after, _) = char('!').parse(i)?;
    let Some(open) = after.chars().next().filter(|c| "([{".contains(*c)) else {
        return LexError::new(
            i,
            1,
            "`!` is not an operator in Keyton",
            "use `not x` to negate and `!=` to compare; `name!(...)` calls a Rust macro",
        )
        .fail();
    };
    let body = adv(after, 1);
    let mut stack = vec![closer(open)];
    let mut rest = body;
    let mut prev = open;
    while let Some(c) = rest.chars().next() {
        let skip = match c {
            '"' => rust_str_len(rest),
            'r' if !is_ident_continue(prev) => raw_str_len(rest).unwrap_or(1),
            '\'' => char_lit_len(rest),
            '/' if rest.starts_with("//") => rest.find('\n').unwrap_or(rest.len()),
            '(' | '[' | '{' => {
                stack.push(closer(c));
                1
            }
            ')' | ']' | '}' => {
                let want = stack.pop();
                if want != Some(c) {
                    let want = want.unwrap_or(')');
                    return LexError::new(
                        rest,
                        1,
                        format!("mismatched `{c}` in this macro call"),
                        format!("close the open bracket with `{want}` first"),
                    )
                    .fatal_if(true)
                    .fail();
                }
                if stack.is_empty() {
                    let text = body.get(..body.len() - rest.len()).unwrap_or("");
                    let tok = Tok::Macro {
                        delimiter: open,
                        body: text,
                    };
                    return Ok((adv(rest, 1), tok));
                }
                1
            }
            _ => c.len_utf8(),
        };
        prev = c;
        rest = adv(rest, skip.max(1));
    }
    LexError::new(
        after,
        1,
        format!("unclosed `{open}` of this macro call"),
        format!("add a closing `{}`", closer(open)),
    )
    .fatal_if(true)
    .fail()
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Length of a Rust `"..."` string at the start of `s` (all of `s` if unterminated).
fn rust_str_len(s: &str) -> usize {
    let mut escaped = false;
    for (n, c) in s.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return n + 1,
            _ => escaped = false,
        }
    }
    s.len()
}

/// Length of a Rust raw string `r"..."` / `r#"..."#` at the start of `s`.
fn raw_str_len(s: &str) -> Option<usize> {
    let after_r = adv(s, 1);
    let hashes = after_r.len() - after_r.trim_start_matches('#').len();
    let body = adv(after_r, hashes).strip_prefix('"')?;
    let end = format!("\"{}", "#".repeat(hashes));
    let close = body.find(&end).map_or(body.len(), |n| n + end.len());
    Some(s.len() - body.len() + close)
}

/// Length of a Rust char literal at `s`, or 1 for a lifetime's quote.
fn char_lit_len(s: &str) -> usize {
    let mut chars = s.char_indices().skip(1);
    match chars.next() {
        Some((_, '\\')) => chars
            .take(10)
            .find(|&(_, c)| c == '\'')
            .map_or(1, |(n, _)| n + 1),
        Some((_, c)) if c != '\'' => match chars.next() {
            Some((n, '\'')) => n + 1,
            _ => 1,
        },
        _ => 1,
    }
}
