//! Small readers of syn syntax shared by the phases: identifiers without
//! `r#`, doc comments, `#[path]`.

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
