//! Places: what is written (`xs[i] = v`, `xs[i] += v`), mutably borrowed
//! (`&mut xs[i]`) or called a method on (`rows[i].push(x)`).
//!
//! Indexing a `Vec` in such a place goes through `IndexMut`, which borrows
//! the vector mutably before the index is evaluated; the checker's Python
//! index `list_index(i, xs.len())` reads the vector, so the plain spelling
//! `xs[list_index(i, xs.len())] = v` does not borrow-check. Here a computed
//! index is evaluated first, keeping the order of evaluation the program
//! sees.

use crate::expr::{expr, operand};
use crate::names::ident;
use keyton_hir::{Expr, ExprKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// A place that is written or mutably borrowed. A computed index is
/// evaluated first and the element reached through a reference,
/// `*{ let __keyton_index = ...; &mut xs[__keyton_index] } = v`; the assigned
/// value is still evaluated before the index, as in Python.
pub(crate) fn place(e: &Expr) -> TokenStream {
    match &e.kind {
        ExprKind::Index { base, index } => {
            let base = place_base(base);
            let plain = is_plain(index);
            let index = expr(index);
            if plain {
                return quote!(#base[#index]);
            }
            quote!((*{
                let __keyton_index = #index;
                &mut #base[__keyton_index]
            }))
        }
        ExprKind::Field { base, name } => {
            let (base, name) = (place_base(base), ident(name));
            quote!(#base.#name)
        }
        ExprKind::TupleField { base, index } => {
            let (base, index) = (place_base(base), syn::Index::from(*index));
            quote!(#base.#index)
        }
        _ => expr(e),
    }
}

/// A method call's receiver. The method may take `&mut self` (`rows[i].push(x)`),
/// so, as in [`place`], an index that is not a plain variable or literal is
/// evaluated first: into a `let` in `hoisted`, which the caller puts before
/// the call. Nothing else is evaluated before the receiver, so the order is
/// kept, and Rust's auto-ref still picks `&` or `&mut`.
pub(crate) fn receiver_place(e: &Expr, hoisted: &mut Vec<TokenStream>) -> TokenStream {
    match &e.kind {
        ExprKind::Index { base, index } => {
            let base = receiver_place(base, hoisted);
            if is_plain(index) {
                let index = expr(index);
                return quote!(#base[#index]);
            }
            let name = format_ident!("__keyton_index{}", hoisted.len());
            let index = expr(index);
            hoisted.push(quote!(let #name = #index;));
            quote!(#base[#name])
        }
        ExprKind::Field { base, name } => {
            let (base, name) = (receiver_place(base, hoisted), ident(name));
            quote!(#base.#name)
        }
        ExprKind::TupleField { base, index } => {
            let (base, index) = (receiver_place(base, hoisted), syn::Index::from(*index));
            quote!(#base.#index)
        }
        _ => operand(e),
    }
}

/// An index that cannot borrow the indexed value: evaluating it late is harmless.
fn is_plain(index: &Expr) -> bool {
    matches!(
        index.kind,
        ExprKind::Local(_) | ExprKind::Path(_) | ExprKind::Int(_) | ExprKind::Bool(_)
    )
}

/// The base of an index or field in a place: itself a place.
fn place_base(e: &Expr) -> TokenStream {
    match e.kind {
        ExprKind::Index { .. } | ExprKind::Field { .. } | ExprKind::TupleField { .. } => place(e),
        _ => operand(e),
    }
}
