//! The variables a macro call's tokens name. The tokens go to Rust unread,
//! but a Keyton variable among them must reach the macro as generated code
//! holds it (a session variable behind its guard), and a probe of the
//! macro's type takes each one as a typed parameter.

use proc_macro2::{Group, Ident, TokenStream, TokenTree};
use std::str::FromStr;

/// The identifiers of `tokens` in a variable's place, each once, in order;
/// none when the tokens do not lex as Rust.
pub fn macro_variable_names(tokens: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if let Ok(tokens) = TokenStream::from_str(tokens) {
        replace_variables(tokens, &mut |ident| {
            let name = ident.to_string();
            if !names.contains(&name) {
                names.push(name);
            }
            None
        });
    }
    names
}

/// `tokens` with each identifier in a variable's place replaced by what
/// `replace` gives for it (kept as it is for `None`). An identifier is in a
/// variable's place unless it follows `.` (a field or method) or `::`, or
/// comes before `!` (a macro), `:` (a field of a struct literal) or `::`
/// (a path).
pub fn replace_variables(
    tokens: TokenStream,
    replace: &mut dyn FnMut(&Ident) -> Option<TokenStream>,
) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                let mut inner = Group::new(
                    group.delimiter(),
                    replace_variables(group.stream(), replace),
                );
                inner.set_span(group.span());
                out.extend([TokenTree::Group(inner)]);
            }
            TokenTree::Ident(ident) if in_variable_place(&trees, i) => match replace(ident) {
                Some(replaced) => out.extend(replaced),
                None => out.extend([tree.clone()]),
            },
            other => out.extend([other.clone()]),
        }
    }
    out
}

fn in_variable_place(trees: &[TokenTree], i: usize) -> bool {
    let punct = |at: Option<usize>| match at.and_then(|j| trees.get(j)) {
        Some(TokenTree::Punct(p)) => Some(p.as_char()),
        _ => None,
    };
    let before = punct(i.checked_sub(1));
    let path_before = before == Some(':') && punct(i.checked_sub(2)) == Some(':');
    let after = punct(Some(i + 1));
    before != Some('.') && !path_before && after != Some('!') && after != Some(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_names_in_value_places() {
        assert_eq!(
            macro_variable_names(r#"{"a": x, "b": [y.len(), x], "c": m::f(z), "d": vec![w]}"#),
            ["x", "y", "z", "w"]
        );
        assert_eq!(macro_variable_names("Point { x: 1, y: v }"), ["Point", "v"]);
        assert!(macro_variable_names("\"unclosed").is_empty());
    }

    #[test]
    fn replacing_keeps_the_rest() {
        let tokens = TokenStream::from_str(r#"{"a": x, "b": x.len()}"#).unwrap();
        let replaced = replace_variables(tokens, &mut |ident| {
            (ident == "x").then(|| TokenStream::from_str("(*g)").unwrap())
        });
        assert_eq!(
            replaced.to_string(),
            r#"{ "a" : (* g) , "b" : (* g) . len () }"#
        );
    }
}
