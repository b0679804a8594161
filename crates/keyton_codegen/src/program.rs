//! The whole program as one Rust binary crate: the functions, then `main`
//! running the top-level statements inside `keyton_rt::run_main`, which
//! reports a panic against the Keyton line and exits with code 1.

use crate::line_map::marker;
use crate::names::ident;
use crate::stmt::{block, block_of};
use crate::ty::{TyPos, arrow, ty};
use keyton_hir::{Function, Program};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn program(program: &Program) -> TokenStream {
    let fns = program.fns.iter().map(function);
    let no_statement = marker(None);
    let main = block_of(&program.main, None);
    quote! {
        // Generated code is not the user's to tidy: an unused variable or a
        // redundant `mut` says nothing about their Keyton program. And an
        // overflow or index error rustc can foresee (`x + 1` with `x` at
        // i64::MAX) stays the run-time error Keyton promises, with its line.
        #![allow(warnings, arithmetic_overflow, unconditional_panic)]
        #(#fns)*
        #no_statement
        fn main() {
            ::keyton_rt::run_main(&KEYTON_SOURCE_MAP, || #main);
        }
    }
}

/// A Keyton function; its parameters are `mut`, like every Keyton variable.
fn function(f: &Function) -> TokenStream {
    let marker = marker(Some(f.span));
    let name = ident(&f.name);
    let params = f.params.iter().map(|(name, t)| {
        let (name, t) = (ident(name), ty(t, TyPos::Signature));
        quote!(mut #name: #t)
    });
    let ret = arrow(&f.ret, TyPos::Signature);
    let body = block(&f.body);
    quote!(#marker fn #name(#(#params),*) #ret #body)
}
