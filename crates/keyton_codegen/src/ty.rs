//! Types as Rust spells them. Where Rust can infer (a `let` annotation, a
//! closure parameter, a turbofish) the checker's unknowns become `_`; in a fn
//! signature an opaque type is the `impl Trait` it stands for.

use crate::names::{ident, path};
use keyton_hir::Ty;
use keyton_index::TraitRef;
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};

/// Where a type is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TyPos {
    /// A fn's parameter or return type: every type must be spelled out.
    Signature,
    /// A `let`, closure parameter, `as` or turbofish: `_` lets rustc infer.
    Local,
}

pub(crate) fn ty(t: &Ty, pos: TyPos) -> TokenStream {
    let local = pos == TyPos::Local;
    match t {
        Ty::Infer(_) => quote!(_),
        Ty::Opaque(_) | Ty::Assoc { .. } | Ty::Never if local => quote!(_),
        Ty::Int(i) => ident(i.name()).into_token_stream(),
        Ty::Float(f) => ident(f.name()).into_token_stream(),
        Ty::Bool => quote!(bool),
        Ty::Char => quote!(char),
        Ty::Str => quote!(str),
        Ty::Unit => quote!(()),
        Ty::Never => quote!(!),
        Ty::Tuple(items) => {
            let items: Vec<TokenStream> = items.iter().map(|i| ty(i, pos)).collect();
            match items.as_slice() {
                [one] => quote!((#one,)),
                _ => quote!((#(#items),*)),
            }
        }
        Ty::Ref { mutable, inner } => {
            let inner = ty(inner, pos);
            if *mutable {
                quote!(&mut #inner)
            } else {
                quote!(&#inner)
            }
        }
        Ty::Slice(inner) => {
            let inner = ty(inner, pos);
            quote!([#inner])
        }
        Ty::Array(inner, len) => {
            let inner = ty(inner, pos);
            let len = Literal::u64_unsuffixed(*len);
            quote!([#inner; #len])
        }
        Ty::Adt {
            path: segments,
            args,
        } => {
            let path = path(segments);
            let args = generic_args(args.iter().map(|a| ty(a, pos)).collect());
            quote!(#path #args)
        }
        Ty::Param(name) => ident(name).into_token_stream(),
        Ty::Assoc {
            base,
            trait_path,
            name,
        } => {
            let base = ty(base, pos);
            let name = ident(name);
            match trait_path {
                Some(tr) => {
                    let tr = path(tr);
                    quote!(<#base as #tr>::#name)
                }
                None => quote!(#base::#name),
            }
        }
        Ty::Fn { params, ret } => {
            let params = params.iter().map(|p| ty(p, pos));
            let ret = arrow(ret, pos);
            quote!(fn(#(#params),*) #ret)
        }
        Ty::Opaque(bounds) => {
            let bounds = bounds.iter().map(|b| trait_ref(b, pos));
            quote!(impl #(#bounds)+*)
        }
        Ty::Dyn(bounds) => {
            let bounds = bounds.iter().map(|b| trait_ref(b, pos));
            quote!(dyn #(#bounds)+*)
        }
    }
}

/// `-> R`, or nothing for `()`.
pub(crate) fn arrow(ret: &Ty, pos: TyPos) -> TokenStream {
    match ret {
        Ty::Unit => TokenStream::new(),
        _ => {
            let ret = ty(ret, pos);
            quote!(-> #ret)
        }
    }
}

/// Whether the type is fully known, so it can be written in a turbofish.
pub(crate) fn is_known(t: &Ty) -> bool {
    match t {
        Ty::Infer(_) | Ty::Opaque(_) | Ty::Assoc { .. } | Ty::Never | Ty::Param(_) => false,
        Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char | Ty::Str | Ty::Unit => true,
        Ty::Tuple(items) => items.iter().all(is_known),
        Ty::Ref { inner, .. } | Ty::Slice(inner) | Ty::Array(inner, _) => is_known(inner),
        Ty::Adt { args, .. } => args.iter().all(is_known),
        Ty::Fn { params, ret } => params.iter().all(is_known) && is_known(ret),
        Ty::Dyn(_) => true,
    }
}

/// `<A, B>`, or nothing.
fn generic_args(args: Vec<TokenStream>) -> TokenStream {
    if args.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#(#args),*>)
    }
}

/// A bound: `Fn(A, B) -> R` for the `Fn*` traits, else `Trait<Args, Name = T>`.
fn trait_ref(tr: &TraitRef, pos: TyPos) -> TokenStream {
    let name = tr.path.last().map_or("", String::as_str);
    if matches!(name, "Fn" | "FnMut" | "FnOnce") {
        let params = match tr.args.as_slice() {
            [Ty::Tuple(params)] => params.as_slice(),
            other => other,
        };
        let params = params.iter().map(|p| ty(p, pos));
        let ret = tr
            .bindings
            .iter()
            .find(|(n, _)| n == "Output")
            .map(|(_, t)| arrow(t, pos));
        let name = ident(name);
        return quote!(#name(#(#params),*) #ret);
    }
    let path = path(&tr.path);
    let mut args: Vec<TokenStream> = tr.args.iter().map(|a| ty(a, pos)).collect();
    args.extend(tr.bindings.iter().map(|(n, t)| {
        let (n, t) = (ident(n), ty(t, pos));
        quote!(#n = #t)
    }));
    let args = generic_args(args);
    quote!(#path #args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyton_hir::IntTy;

    fn sig(t: &Ty) -> String {
        ty(t, TyPos::Signature).to_string()
    }

    fn local(t: &Ty) -> String {
        ty(t, TyPos::Local).to_string()
    }

    fn fn_bound(trait_name: &str, params: Vec<Ty>, ret: Ty) -> TraitRef {
        TraitRef {
            path: vec!["std".into(), "ops".into(), trait_name.into()],
            args: vec![Ty::Tuple(params)],
            bindings: vec![("Output".into(), ret)],
        }
    }

    #[test]
    fn primitives_and_compounds() {
        assert_eq!(sig(&Ty::I64), "i64");
        assert_eq!(sig(&Ty::Int(IntTy::Usize)), "usize");
        assert_eq!(sig(&Ty::Tuple(vec![Ty::I64])), "(i64 ,)");
        assert_eq!(sig(&Ty::Tuple(vec![Ty::I64, Ty::Bool])), "(i64 , bool)");
        assert_eq!(sig(&Ty::reference(Ty::Str)), "& str");
        assert_eq!(sig(&Ty::Array(Box::new(Ty::F64), 3)), "[f64 ; 3]");
        assert_eq!(
            sig(&Ty::Ref {
                mutable: true,
                inner: Box::new(Ty::Slice(Box::new(Ty::Char)))
            }),
            "& mut [char]"
        );
    }

    #[test]
    fn adts_use_absolute_paths() {
        let map = Ty::adt(
            &["std", "collections", "HashMap"],
            vec![Ty::string(), Ty::I64],
        );
        assert_eq!(
            sig(&map),
            ":: std :: collections :: HashMap < :: std :: string :: String , i64 >"
        );
    }

    #[test]
    fn unknowns_are_inferred_locally() {
        assert_eq!(local(&Ty::vec(Ty::Infer(3))), ":: std :: vec :: Vec < _ >");
        let iter = TraitRef {
            path: vec!["std".into(), "iter".into(), "Iterator".into()],
            args: vec![],
            bindings: vec![("Item".into(), Ty::I64)],
        };
        assert_eq!(local(&Ty::Opaque(vec![iter.clone()])), "_");
        assert_eq!(
            sig(&Ty::Opaque(vec![iter])),
            "impl :: std :: iter :: Iterator < Item = i64 >"
        );
        assert!(!is_known(&Ty::vec(Ty::Infer(0))));
        assert!(is_known(&Ty::vec(Ty::string())));
    }

    #[test]
    fn fn_traits_use_parenthesized_sugar() {
        let bound = fn_bound("Fn", vec![Ty::I64], Ty::I64);
        assert_eq!(sig(&Ty::Opaque(vec![bound])), "impl Fn (i64) -> i64");
        let unit = fn_bound("FnMut", vec![], Ty::Unit);
        assert_eq!(sig(&Ty::Dyn(vec![unit])), "dyn FnMut ()");
        let f = Ty::Fn {
            params: vec![Ty::I64, Ty::F64],
            ret: Box::new(Ty::Bool),
        };
        assert_eq!(sig(&f), "fn (i64 , f64) -> bool");
    }

    #[test]
    fn associated_types() {
        let assoc = Ty::Assoc {
            base: Box::new(Ty::Param("I".into())),
            trait_path: Some(vec!["std".into(), "iter".into(), "Iterator".into()]),
            name: "Item".into(),
        };
        assert_eq!(sig(&assoc), "< I as :: std :: iter :: Iterator > :: Item");
        assert_eq!(local(&assoc), "_");
    }
}
