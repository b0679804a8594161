//! Item-level macro invocations whose output is items: a crate's own
//! `macro_rules!` wrappers (reqwest's `if_hyper! { .. }`, tokio's
//! `cfg_rt! { .. }`) are expanded with their rules, and `cfg_if! { .. }`
//! keeps the branch whose cfg holds. Matching covers what such wrappers use:
//! literal tokens, groups, repetitions with separators, and the fragments
//! `item`, `tt`, `ident`, `lifetime`, `literal`, `vis`, `meta`, `ty`, `path`,
//! `expr`, `pat`, `stmt` and `block`. Whatever does not match is left out by
//! the caller, with a warning.

use std::collections::HashMap;

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};

use crate::cfg::Cfg;

/// One token of a matcher.
enum Pat {
    /// A token that must appear as is (compared by its text).
    Tok(String),
    Group(Delimiter, Vec<Pat>),
    /// `$name:kind`
    Frag(String, String),
    /// `$( .. ) sep op`
    Rep(Vec<Pat>, Option<String>, char),
}

/// What a fragment variable matched: tokens, or one binding per repetition.
#[derive(Clone, Debug)]
enum Bind {
    Leaf(Vec<TokenTree>),
    Seq(Vec<Bind>),
}

type Binds = HashMap<String, Bind>;

/// A `macro_rules!` definition: its rules, matcher then transcriber.
pub(crate) struct MacroDef {
    rules: Vec<(Vec<Pat>, TokenStream)>,
    /// What `$crate` stands for: `crate` in the defining crate, `::dep`
    /// in a crate invoking a dependency's exported macro.
    dollar_crate: TokenStream,
}

/// Expansions nested deeper than this are not followed (rand's
/// `tuple_impls!` recurses once per tuple element, twelve deep; rustc's
/// limit is 128).
pub(crate) const MAX_EXPANSION_DEPTH: usize = 64;

/// Expansions read in one crate at most: a macro that invokes itself twice
/// per level would otherwise grow exponentially within the depth limit.
pub(crate) const MAX_EXPANSIONS: usize = 10_000;

impl MacroDef {
    /// The rules of `macro_rules! name { (..) => { .. }; .. }`, from the tokens
    /// between the braces; `None` when they are not rules.
    pub(crate) fn parse(tokens: TokenStream) -> Option<MacroDef> {
        MacroDef::parse_in(tokens, quote::quote!(crate))
    }

    /// The rules of a macro exported by the dependency the invoking crate
    /// names `krate`, from their text (`Item::Macro`'s `rules`).
    pub(crate) fn foreign(rules: &str, krate: &str) -> Option<MacroDef> {
        let dollar_crate = format!("::{krate}").parse().ok()?;
        MacroDef::parse_in(rules.parse().ok()?, dollar_crate)
    }

    fn parse_in(tokens: TokenStream, dollar_crate: TokenStream) -> Option<MacroDef> {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        let mut rules = Vec::new();
        let mut i = 0;
        while i < tts.len() {
            let (TokenTree::Group(m), Some(TokenTree::Punct(eq)), Some(TokenTree::Punct(gt))) =
                (&tts[i], tts.get(i + 1), tts.get(i + 2))
            else {
                return None;
            };
            let Some(TokenTree::Group(body)) = tts.get(i + 3) else {
                return None;
            };
            if eq.as_char() != '=' || gt.as_char() != '>' {
                return None;
            }
            rules.push((matcher(m.stream())?, body.stream()));
            i += 4;
            if matches!(tts.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
                i += 1;
            }
        }
        Some(MacroDef {
            rules,
            dollar_crate,
        })
    }

    /// The output of the first rule whose matcher takes the whole input.
    pub(crate) fn expand(&self, input: TokenStream) -> Option<TokenStream> {
        let input: Vec<TokenTree> = input.into_iter().collect();
        self.rules.iter().find_map(|(pats, body)| {
            let mut binds = Binds::new();
            let used = match_seq(pats, &input, &mut binds)?;
            let out = Transcriber {
                binds: &binds,
                dollar_crate: &self.dollar_crate,
            };
            (used == input.len()).then(|| out.transcribe(body.clone(), &mut Vec::new()))?
        })
    }
}

fn matcher(tokens: TokenStream) -> Option<Vec<Pat>> {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut pats = Vec::new();
    let mut i = 0;
    while i < tts.len() {
        match (&tts[i], tts.get(i + 1)) {
            (TokenTree::Punct(d), Some(TokenTree::Ident(name))) if d.as_char() == '$' => {
                let is_colon = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
                match (is_colon(tts.get(i + 2)), tts.get(i + 3)) {
                    (true, Some(TokenTree::Ident(kind))) => {
                        pats.push(Pat::Frag(name.to_string(), kind.to_string()));
                        i += 4;
                    }
                    _ => {
                        pats.push(Pat::Tok(format!("${name}")));
                        i += 2;
                    }
                }
            }
            (TokenTree::Punct(d), Some(TokenTree::Group(g)))
                if d.as_char() == '$' && g.delimiter() == Delimiter::Parenthesis =>
            {
                let inner = matcher(g.stream())?;
                let op_of = |t: Option<&TokenTree>| match t {
                    Some(TokenTree::Punct(p)) if "*+?".contains(p.as_char()) => Some(p.as_char()),
                    _ => None,
                };
                if let Some(op) = op_of(tts.get(i + 2)) {
                    pats.push(Pat::Rep(inner, None, op));
                    i += 3;
                } else {
                    let sep = tts.get(i + 2)?.to_string();
                    let op = op_of(tts.get(i + 3))?;
                    pats.push(Pat::Rep(inner, Some(sep), op));
                    i += 4;
                }
            }
            (TokenTree::Group(g), _) => {
                pats.push(Pat::Group(g.delimiter(), matcher(g.stream())?));
                i += 1;
            }
            (t, _) => {
                pats.push(Pat::Tok(t.to_string()));
                i += 1;
            }
        }
    }
    Some(pats)
}

/// Match `pats` against the start of `input`; how many token trees they took.
fn match_seq(pats: &[Pat], input: &[TokenTree], binds: &mut Binds) -> Option<usize> {
    let mut at = 0;
    for pat in pats {
        let rest = &input[at..];
        at += match pat {
            Pat::Tok(text) => (rest.first()?.to_string() == *text).then_some(1)?,
            Pat::Group(delim, inner) => match rest.first()? {
                TokenTree::Group(g) if g.delimiter() == *delim => {
                    let tts: Vec<TokenTree> = g.stream().into_iter().collect();
                    (match_seq(inner, &tts, binds)? == tts.len()).then_some(1)?
                }
                _ => return None,
            },
            Pat::Frag(name, kind) => {
                let n = fragment(kind, rest)?;
                let mut taken = rest[..n].to_vec();
                // As in rustc, a type or an expression stays one piece where
                // it is put (`1 as $t << n` shifts, though `u32 <<` would
                // start generic arguments): an undelimited group.
                if kind == "ty" || kind == "expr" {
                    let group = Group::new(Delimiter::None, taken.into_iter().collect());
                    taken = vec![TokenTree::Group(group)];
                }
                binds.insert(name.clone(), Bind::Leaf(taken));
                n
            }
            Pat::Rep(inner, sep, op) => repetition(inner, sep.as_deref(), *op, rest, binds)?,
        };
    }
    Some(at)
}

fn repetition(
    inner: &[Pat],
    sep: Option<&str>,
    op: char,
    input: &[TokenTree],
    binds: &mut Binds,
) -> Option<usize> {
    let mut names = Vec::new();
    vars(inner, &mut names);
    let mut runs: Vec<Binds> = Vec::new();
    let mut at = 0;
    while at < input.len() && !(op == '?' && runs.len() == 1) {
        let mut start = at;
        if let (Some(sep), false) = (sep, runs.is_empty()) {
            if input[at].to_string() != sep {
                break;
            }
            start += 1;
        }
        let mut run = Binds::new();
        match match_seq(inner, &input[start..], &mut run) {
            Some(n) if n > 0 => {
                at = start + n;
                runs.push(run);
            }
            _ => break,
        }
    }
    if op == '+' && runs.is_empty() {
        return None;
    }
    for name in names {
        let seq = runs
            .iter_mut()
            .filter_map(|r| r.remove(&name))
            .collect::<Vec<_>>();
        binds.insert(name, Bind::Seq(seq));
    }
    Some(at)
}

fn vars(pats: &[Pat], out: &mut Vec<String>) {
    for pat in pats {
        match pat {
            Pat::Frag(name, _) => out.push(name.clone()),
            Pat::Group(_, inner) | Pat::Rep(inner, ..) => vars(inner, out),
            Pat::Tok(_) => {}
        }
    }
}

/// How many token trees at the start of `input` a fragment of `kind` takes.
fn fragment(kind: &str, input: &[TokenTree]) -> Option<usize> {
    let punct =
        |i: usize, c: char| matches!(input.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    match kind {
        "tt" => input.first().map(|_| token_len(input)),
        "ident" => matches!(input.first()?, TokenTree::Ident(_)).then_some(1),
        "lifetime" => {
            (punct(0, '\'') && matches!(input.get(1), Some(TokenTree::Ident(_)))).then_some(2)
        }
        "literal" => match input.first()? {
            TokenTree::Literal(_) => Some(1),
            TokenTree::Ident(i) if i == "true" || i == "false" => Some(1),
            _ if punct(0, '-') && matches!(input.get(1), Some(TokenTree::Literal(_))) => Some(2),
            _ => None,
        },
        "item" => by_syn(input, |s| s.parse::<syn::Item>().map(drop)),
        "vis" => by_syn(input, |s| s.parse::<syn::Visibility>().map(drop)),
        "meta" => by_syn(input, |s| s.parse::<syn::Meta>().map(drop)),
        "ty" => by_syn(input, |s| s.parse::<syn::Type>().map(drop)),
        "path" => by_syn(input, |s| s.parse::<syn::Path>().map(drop)),
        "expr" => by_syn(input, |s| s.parse::<syn::Expr>().map(drop)),
        "pat" | "pat_param" => by_syn(input, |s| syn::Pat::parse_multi(s).map(drop)),
        "stmt" => by_syn(input, |s| s.parse::<syn::Stmt>().map(drop)),
        "block" => by_syn(input, |s| s.parse::<syn::Block>().map(drop)),
        _ => None,
    }
}

/// Rust's operators of several characters, each one token to rustc (and
/// to a `tt` fragment) though proc_macro2 gives a punct per character.
const COMPOUND_OPS: [&str; 24] = [
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..",
];

/// How many token trees the token at the start of `input` spans: a
/// compound operator (`+=`) or a lifetime (`'a`) is several.
fn token_len(input: &[TokenTree]) -> usize {
    let mut text = String::new();
    for tt in input.iter().take(3) {
        let TokenTree::Punct(p) = tt else { break };
        text.push(p.as_char());
        if p.spacing() == Spacing::Alone {
            break;
        }
    }
    if text == "'" && matches!(input.get(1), Some(TokenTree::Ident(_))) {
        return 2;
    }
    COMPOUND_OPS
        .iter()
        .find(|op| text.starts_with(*op))
        .map_or(1, |op| op.len())
}

/// How many token trees `parse` takes from the start of `input`.
fn by_syn(input: &[TokenTree], parse: fn(ParseStream) -> syn::Result<()>) -> Option<usize> {
    let stream: TokenStream = input.iter().cloned().collect();
    let rest = (|s: ParseStream| {
        parse(s)?;
        s.parse::<TokenStream>()
    })
    .parse2(stream)
    .ok()?;
    Some(input.len() - rest.into_iter().count())
}

/// What a rule's transcriber is filled in with.
struct Transcriber<'a> {
    binds: &'a Binds,
    dollar_crate: &'a TokenStream,
}

impl Transcriber<'_> {
    /// The transcriber with `$name`s and `$( .. )` repetitions filled in, at
    /// repetition indices `at`; `None` when a repetition's variables disagree.
    fn transcribe(&self, body: TokenStream, at: &mut Vec<usize>) -> Option<TokenStream> {
        let binds = self.binds;
        let tts: Vec<TokenTree> = body.into_iter().collect();
        let mut out = TokenStream::new();
        let mut i = 0;
        while i < tts.len() {
            match (&tts[i], tts.get(i + 1)) {
                (TokenTree::Punct(d), Some(TokenTree::Ident(name))) if d.as_char() == '$' => {
                    match binds.get(&name.to_string()) {
                        _ if name == "crate" => out.extend(self.dollar_crate.clone()),
                        Some(bind) => match lookup(bind, at)? {
                            Bind::Leaf(tokens) => out.extend(tokens.iter().cloned()),
                            Bind::Seq(_) => return None,
                        },
                        // Not a variable of this macro: a nested `macro_rules!`'s own.
                        None => out.extend(tts[i..i + 2].iter().cloned()),
                    }
                    i += 2;
                }
                (TokenTree::Punct(d), Some(TokenTree::Group(g)))
                    if d.as_char() == '$' && g.delimiter() == Delimiter::Parenthesis =>
                {
                    let is_op = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if "*+?".contains(p.as_char()));
                    let (sep, skip) = if is_op(tts.get(i + 2)) {
                        (None, 3)
                    } else {
                        (tts.get(i + 2).cloned(), 4)
                    };
                    let mut names = Vec::new();
                    used(g.stream(), &mut names);
                    let count = names
                        .iter()
                        .filter_map(|n| match lookup(binds.get(n)?, at)? {
                            Bind::Seq(items) => Some(items.len()),
                            Bind::Leaf(_) => None,
                        })
                        .max();
                    let Some(count) = count else {
                        // No variable of this macro repeats here: a nested macro's repetition.
                        out.extend(tts[i..(i + skip).min(tts.len())].iter().cloned());
                        i += skip;
                        continue;
                    };
                    for k in 0..count {
                        if let (Some(sep), true) = (&sep, k > 0) {
                            out.extend([sep.clone()]);
                        }
                        at.push(k);
                        let part = self.transcribe(g.stream(), at);
                        at.pop();
                        out.extend(part?);
                    }
                    i += skip;
                }
                (TokenTree::Group(g), _) => {
                    let inner = self.transcribe(g.stream(), at)?;
                    let mut group = Group::new(g.delimiter(), inner);
                    group.set_span(g.span());
                    out.extend([TokenTree::Group(group)]);
                    i += 1;
                }
                (t, _) => {
                    out.extend([t.clone()]);
                    i += 1;
                }
            }
        }
        Some(out)
    }
}

/// A binding at repetition indices `at` (a variable bound outside a
/// repetition is the same in every iteration).
fn lookup<'b>(mut bind: &'b Bind, at: &[usize]) -> Option<&'b Bind> {
    for &k in at {
        match bind {
            Bind::Seq(items) => bind = items.get(k)?,
            Bind::Leaf(_) => return Some(bind),
        }
    }
    Some(bind)
}

/// The `$name`s used in a transcriber.
fn used(tokens: TokenStream, out: &mut Vec<String>) {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    for (k, t) in tts.iter().enumerate() {
        match (t, tts.get(k + 1)) {
            (TokenTree::Punct(d), Some(TokenTree::Ident(name))) if d.as_char() == '$' => {
                out.push(name.to_string())
            }
            (TokenTree::Group(g), _) => used(g.stream(), out),
            _ => {}
        }
    }
}

/// The items of the first branch of `cfg_if! { if #[cfg(..)] { .. } else
/// if #[cfg(..)] { .. } else { .. } }` whose cfg holds (none if none does).
pub(crate) fn cfg_if(tokens: TokenStream, cfg: &Cfg) -> Option<TokenStream> {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    loop {
        let is =
            |t: Option<&TokenTree>, word: &str| matches!(t, Some(TokenTree::Ident(x)) if x == word);
        let holds = if is(tts.get(i), "if") {
            let attr: TokenStream = tts.get(i + 1..i + 3)?.iter().cloned().collect();
            let attrs = syn::Attribute::parse_outer.parse2(attr).ok()?;
            i += 3;
            cfg.allows(&attrs)
        } else {
            true
        };
        let TokenTree::Group(body) = tts.get(i)? else {
            return None;
        };
        if holds {
            return Some(body.stream());
        }
        i += 1;
        if !is(tts.get(i), "else") {
            return Some(TokenStream::new());
        }
        i += 1;
    }
}
