//! A Rust type as `std::any::type_name` writes it, read back into the
//! checker's type. `type_name` gives defining paths (`serde_json::value::Value`,
//! `alloc::vec::Vec<i64>`, `std::collections::hash::map::HashMap<..>`),
//! which the index knows as canonical paths: std's items under `std`
//! whichever of `core`, `alloc` and `std` defines them.

use keyton_index::{Ty, World};

/// The type `type_name` wrote as `text`, if Keyton can name it (every
/// named type in it is one the index has).
pub(crate) fn keyton_type(text: &str, world: &World) -> Option<Ty> {
    let ty: syn::Type = syn::parse_str(text).ok()?;
    read(&ty, world)
}

fn read(ty: &syn::Type, world: &World) -> Option<Ty> {
    Some(match ty {
        syn::Type::Path(syn::TypePath {
            qself: None, path, ..
        }) => {
            let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            let last = path.segments.last()?;
            let args = match &last.arguments {
                syn::PathArguments::None => Vec::new(),
                syn::PathArguments::AngleBracketed(generics) => generics
                    .args
                    .iter()
                    .filter_map(|arg| match arg {
                        syn::GenericArgument::Lifetime(_) => None,
                        syn::GenericArgument::Type(t) => Some(read(t, world)),
                        _ => Some(None),
                    })
                    .collect::<Option<Vec<Ty>>>()?,
                syn::PathArguments::Parenthesized(_) => return None,
            };
            match names.as_slice() {
                [one] if args.is_empty() => Ty::primitive(one)?,
                _ => Ty::Adt {
                    path: indexed_path(&names, world)?,
                    args,
                },
            }
        }
        syn::Type::Reference(r) => Ty::Ref {
            mutable: r.mutability.is_some(),
            inner: Box::new(read(&r.elem, world)?),
        },
        syn::Type::Tuple(t) if t.elems.is_empty() => Ty::Unit,
        syn::Type::Tuple(t) => Ty::Tuple(
            t.elems
                .iter()
                .map(|e| read(e, world))
                .collect::<Option<_>>()?,
        ),
        syn::Type::Slice(s) => Ty::Slice(Box::new(read(&s.elem, world)?)),
        syn::Type::Array(a) => {
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(len),
                ..
            }) = &a.len
            else {
                return None;
            };
            Ty::Array(Box::new(read(&a.elem, world)?), len.base10_parse().ok()?)
        }
        syn::Type::Never(_) => Ty::Never,
        syn::Type::Paren(p) => read(&p.elem, world)?,
        _ => return None,
    })
}

/// The canonical path the index has for the type `type_name` calls
/// `names`.
fn indexed_path(names: &[String], world: &World) -> Option<Vec<String>> {
    let (first, rest) = names.split_first()?;
    if matches!(first.as_str(), "core" | "alloc" | "std") {
        // `type_name` names std's private modules (`hash::map`); the index,
        // like std's documentation, their public names (`hash_map`).
        let rest = rest.join("::");
        let rest = [
            ("hash::map", "hash_map"),
            ("hash::set", "hash_set"),
            ("btree::map", "btree_map"),
            ("btree::set", "btree_set"),
        ]
        .iter()
        .fold(rest, |text, (private, public)| {
            text.replace(private, public)
        });
        let path: Vec<String> = std::iter::once("std")
            .chain(rest.split("::"))
            .map(str::to_string)
            .collect();
        // `Box` is part of the language for Keyton, not of std's index.
        let boxed = path == ["std", "boxed", "Box"];
        return (boxed || world.by_canonical(&path).is_some()).then_some(path);
    }
    world
        .by_canonical(names)
        .map(|entry| entry.canonical_path.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_types_read_back_at_their_index_paths() {
        let world = World::std();
        let read = |text: &str| keyton_type(text, &world).map(|t| t.to_string());
        assert_eq!(read("i64").as_deref(), Some("i64"));
        assert_eq!(
            read("alloc::vec::Vec<alloc::string::String>").as_deref(),
            Some("Vec<String>")
        );
        assert_eq!(
            read("std::collections::hash::map::HashMap<&str, (i64, f64)>").as_deref(),
            Some("HashMap<&str, (i64, f64)>")
        );
        assert_eq!(
            read("core::option::Option<[u8; 3]>").as_deref(),
            Some("Option<[u8; 3]>")
        );
        assert_eq!(
            keyton_type("alloc::collections::btree::map::BTreeMap<i64, i64>", &world),
            Some(Ty::adt(
                &["std", "collections", "btree_map", "BTreeMap"],
                vec![Ty::I64, Ty::I64]
            ))
        );
    }

    #[test]
    fn types_the_index_lacks_are_not_nameable() {
        let world = World::std();
        assert_eq!(keyton_type("core::str::iter::Chars<'_>", &world), None);
        assert_eq!(keyton_type("some_crate::Thing", &world), None);
        assert_eq!(keyton_type("a::f::{{closure}}", &world), None);
    }
}
