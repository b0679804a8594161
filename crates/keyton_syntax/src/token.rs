//! The tokens the layout pass hands to the parser. Kept apart from the lexer
//! so that the parser only depends on this small vocabulary, not on how the
//! text was cut up.

use keyton_diagnostics::Span;

/// A reserved word: never an identifier (but allowed after `.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Fn,
    Let,
    Return,
    If,
    Elif,
    Else,
    While,
    For,
    In,
    Break,
    Continue,
    Pass,
    And,
    Or,
    Not,
    Is,
    Lambda,
    Match,
    Case,
    Rimport,
    From,
    As,
    True,
    False,
    None,
}

impl Kw {
    pub(crate) const ALL: [Kw; 25] = [
        Kw::Fn,
        Kw::Let,
        Kw::Return,
        Kw::If,
        Kw::Elif,
        Kw::Else,
        Kw::While,
        Kw::For,
        Kw::In,
        Kw::Break,
        Kw::Continue,
        Kw::Pass,
        Kw::And,
        Kw::Or,
        Kw::Not,
        Kw::Is,
        Kw::Lambda,
        Kw::Match,
        Kw::Case,
        Kw::Rimport,
        Kw::From,
        Kw::As,
        Kw::True,
        Kw::False,
        Kw::None,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kw::Fn => "fn",
            Kw::Let => "let",
            Kw::Return => "return",
            Kw::If => "if",
            Kw::Elif => "elif",
            Kw::Else => "else",
            Kw::While => "while",
            Kw::For => "for",
            Kw::In => "in",
            Kw::Break => "break",
            Kw::Continue => "continue",
            Kw::Pass => "pass",
            Kw::And => "and",
            Kw::Or => "or",
            Kw::Not => "not",
            Kw::Is => "is",
            Kw::Lambda => "lambda",
            Kw::Match => "match",
            Kw::Case => "case",
            Kw::Rimport => "rimport",
            Kw::From => "from",
            Kw::As => "as",
            Kw::True => "true",
            Kw::False => "false",
            Kw::None => "None",
        }
    }

    pub(crate) fn from_word(word: &str) -> Option<Kw> {
        Kw::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

/// Operators and delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Punct {
    FloorDivEq,
    Pow,
    FloorDiv,
    DotDot,
    EqEq,
    Ne,
    Le,
    Ge,
    Arrow,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    PercentEq,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Lt,
    Gt,
    Assign,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
    Pipe,
    Amp,
    At,
}

impl Punct {
    /// Longest first, so that lexing can take the first one that matches.
    pub(crate) const ALL: [Punct; 34] = [
        Punct::FloorDivEq,
        Punct::Pow,
        Punct::FloorDiv,
        Punct::DotDot,
        Punct::EqEq,
        Punct::Ne,
        Punct::Le,
        Punct::Ge,
        Punct::Arrow,
        Punct::PlusEq,
        Punct::MinusEq,
        Punct::StarEq,
        Punct::SlashEq,
        Punct::PercentEq,
        Punct::Plus,
        Punct::Minus,
        Punct::Star,
        Punct::Slash,
        Punct::Percent,
        Punct::Lt,
        Punct::Gt,
        Punct::Assign,
        Punct::LParen,
        Punct::RParen,
        Punct::LBracket,
        Punct::RBracket,
        Punct::LBrace,
        Punct::RBrace,
        Punct::Comma,
        Punct::Colon,
        Punct::Dot,
        Punct::Pipe,
        Punct::Amp,
        Punct::At,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Punct::FloorDivEq => "//=",
            Punct::Pow => "**",
            Punct::FloorDiv => "//",
            Punct::DotDot => "..",
            Punct::EqEq => "==",
            Punct::Ne => "!=",
            Punct::Le => "<=",
            Punct::Ge => ">=",
            Punct::Arrow => "->",
            Punct::PlusEq => "+=",
            Punct::MinusEq => "-=",
            Punct::StarEq => "*=",
            Punct::SlashEq => "/=",
            Punct::PercentEq => "%=",
            Punct::Plus => "+",
            Punct::Minus => "-",
            Punct::Star => "*",
            Punct::Slash => "/",
            Punct::Percent => "%",
            Punct::Lt => "<",
            Punct::Gt => ">",
            Punct::Assign => "=",
            Punct::LParen => "(",
            Punct::RParen => ")",
            Punct::LBracket => "[",
            Punct::RBracket => "]",
            Punct::LBrace => "{",
            Punct::RBrace => "}",
            Punct::Comma => ",",
            Punct::Colon => ":",
            Punct::Dot => ".",
            Punct::Pipe => "|",
            Punct::Amp => "&",
            Punct::At => "@",
        }
    }
}

/// One piece of an f-string, before its expressions are parsed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FPiece<'s> {
    /// Literal text, escapes and `{{`/`}}` already processed.
    Lit(String),
    /// The source text between `{` and `:`/`}` (a slice of the source, so its
    /// offset is known), and the raw format spec after the top-level `:`.
    Expr {
        text: &'s str,
        spec: Option<&'s str>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok<'s> {
    Name(&'s str),
    Kw(Kw),
    Int(u128),
    Float(f64),
    Str(String),
    FStr(Vec<FPiece<'s>>),
    /// `!(...)`, `![...]` or `!{...}` right after a path: the raw text inside.
    Macro {
        delimiter: char,
        body: &'s str,
    },
    P(Punct),
    /// The end of a logical line.
    Newline,
    /// The line is indented deeper than the enclosing block: a block starts.
    Indent,
    /// A block ends (one per block closed).
    Dedent,
    Eof,
}

impl Tok<'_> {
    /// Whether the token is one of the layout pass's markers rather than text.
    pub(crate) fn is_layout(&self) -> bool {
        matches!(self, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Eof)
    }

    /// Whether an expression can start with this token.
    pub(crate) fn starts_expr(&self) -> bool {
        match self {
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::FStr(_)
            | Tok::Macro { .. } => true,
            Tok::Kw(k) => matches!(k, Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda),
            Tok::P(p) => matches!(
                p,
                Punct::LParen | Punct::LBracket | Punct::LBrace | Punct::Minus
            ),
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Eof => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token<'s> {
    pub tok: Tok<'s>,
    pub span: Span,
}
