//! Small readers of syn syntax shared by the phases: identifiers without
//! `r#`, doc comments, `#[path]`, proc-macro names, where a parse error is.

use syn::{Attribute, Expr, Lit, Meta};

pub(crate) fn path_attr(attr: &Attribute) -> Option<String> {
    match &attr.meta {
        Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Str(s) => Some(s.value()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// An identifier's name, without the `r#` of a raw identifier.
pub(crate) fn name_of(ident: &syn::Ident) -> String {
    let text = ident.to_string();
    match text.strip_prefix("r#") {
        Some(name) => name.to_string(),
        None => text,
    }
}

/// The text of `///` comments and `#[doc = ".."]` attributes, one line each.
pub(crate) fn doc_of(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if let Meta::NameValue(nv) = &attr.meta
            && nv.path.is_ident("doc")
            && let Expr::Lit(lit) = &nv.value
            && let Lit::Str(s) = &lit.lit
        {
            let text = s.value();
            for line in text.lines() {
                lines.push(line.strip_prefix(' ').unwrap_or(line).to_string());
            }
        }
    }
    lines.join("\n")
}

/// The macro a `#[proc_macro]`, `#[proc_macro_attribute]` or
/// `#[proc_macro_derive(Name)]` function defines.
pub(crate) fn proc_macro_name(f: &syn::ItemFn) -> Option<String> {
    f.attrs.iter().find_map(|a| {
        let path = a.path();
        if path.is_ident("proc_macro") || path.is_ident("proc_macro_attribute") {
            Some(name_of(&f.sig.ident))
        } else if path.is_ident("proc_macro_derive") {
            let mut name = None;
            let _ = a.parse_nested_meta(|m| {
                name = name.take().or_else(|| m.path.get_ident().map(name_of));
                // `attributes(..)` after the name: its contents are not names.
                if m.input.peek(syn::token::Paren) {
                    let _ = m.input.parse::<proc_macro2::Group>();
                }
                Ok(())
            });
            name
        } else {
            None
        }
    })
}

/// The line a parse error is in, or near: the line after the longest run of
/// whole top-level items (ending in a `}` or `;` line at column 0) that
/// parses. Spans do not carry lines (that would slow every parse down by a
/// tenth), so the line is searched for, on failure only.
pub(crate) fn error_line(source: &str) -> usize {
    let mut ends = Vec::new();
    let mut offset = 0;
    for (n, line) in source.split_inclusive('\n').enumerate() {
        offset += line.len();
        let text = line.trim_end();
        let at_col0 = !text.starts_with(char::is_whitespace) && !text.starts_with("//");
        if at_col0 && (text.ends_with('}') || text.ends_with(';')) {
            ends.push((offset, n + 1));
        }
    }
    // Whether the items up to an end parse is true, then false: search for the switch.
    let good = ends.partition_point(|&(end, _)| syn::parse_file(&source[..end]).is_ok());
    match good {
        0 => 1,
        n => ends[n - 1].1 + 1,
    }
}
