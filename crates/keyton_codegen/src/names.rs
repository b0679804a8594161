//! Identifiers and paths. The checker gives Rust-safe names, but a Keyton
//! variable may still be called `type` or `self`; those become raw
//! identifiers (`r#type`) or, where Rust has none, get a `_` suffix.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// Keywords of edition 2024 (strict, reserved and weak) that `r#` makes usable.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

/// Primitive types, which start a path without a leading `::` (`i64::MAX`).
const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "u128", "usize",
];

/// A Rust identifier for a name.
pub(crate) fn ident(name: &str) -> Ident {
    if NON_RAW_KEYWORDS.contains(&name) {
        return Ident::new(&format!("{name}_"), Span::call_site());
    }
    if RAW_KEYWORDS.contains(&name) {
        return Ident::new_raw(name, Span::call_site());
    }
    // Valid identifiers, including ones the checker already wrote as `r#...`.
    if let Ok(id) = syn::parse_str::<Ident>(name) {
        return id;
    }
    let mut safe: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if safe.is_empty() || safe.starts_with(|c: char| c.is_ascii_digit()) {
        safe.insert(0, '_');
    }
    if safe == "_" {
        safe.push('_');
    }
    Ident::new(&safe, Span::call_site())
}

/// A path to an item: one segment as it is (`Some`, a local fn), several
/// from the crate root (`::std::collections::HashMap`), except that a path
/// starting with a primitive type stays relative (`i64::MAX`).
pub(crate) fn path(segments: &[String]) -> TokenStream {
    let idents = segments.iter().map(|s| ident(s));
    match segments {
        [_] => quote!(#(#idents)*),
        [first, ..] if PRIMITIVES.contains(&first.as_str()) => quote!(#(#idents)::*),
        _ => quote!(#(:: #idents)*),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(path: &[&str]) -> Vec<String> {
        path.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(ident("count").to_string(), "count");
        assert_eq!(ident("größe").to_string(), "größe");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("match").to_string(), "r#match");
        assert_eq!(ident("gen").to_string(), "r#gen");
        assert_eq!(ident("r#move").to_string(), "r#move");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("Self").to_string(), "Self_");
        assert_eq!(ident("crate").to_string(), "crate_");
    }

    #[test]
    fn invalid_names_are_made_safe() {
        assert_eq!(ident("a-b").to_string(), "a_b");
        assert_eq!(ident("1x").to_string(), "_1x");
        assert_eq!(ident("").to_string(), "__");
        assert_eq!(ident("_").to_string(), "__");
    }

    #[test]
    fn paths_are_absolute_unless_short_or_primitive() {
        assert_eq!(path(&segs(&["None"])).to_string(), "None");
        assert_eq!(
            path(&segs(&["std", "collections", "HashMap"])).to_string(),
            ":: std :: collections :: HashMap"
        );
        assert_eq!(path(&segs(&["i64", "MAX"])).to_string(), "i64 :: MAX");
    }
}
