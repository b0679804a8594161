//! The crate around the program. A script is a binary crate: the functions,
//! then `main` running the top-level statements inside
//! `keyton_rt::run_main`, which reports a panic against the Keyton line and
//! exits with code 1. A cell is a dylib crate whose entry point runs its
//! statements inside `keyton_rt::run_cell`, which hands a panic back as the
//! cell's error. Functions are public, so later cells can call them.

use crate::ProgramLinks;
use crate::line_map::marker;
use crate::names::{ident, path};
use crate::stmt::{block, block_of};
use crate::ty::{TyPos, arrow, ty};
use keyton_hir::{Function, Program};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn program(program: &Program, links: &ProgramLinks) -> TokenStream {
    let fns = program.fns.iter().map(function);
    let traits = trait_uses(program);
    let startup = links.startup.iter().map(|f| {
        let segments: Vec<String> = f.split("::").map(str::to_string).collect();
        path(&segments)
    });
    let layers = links.extern_crates.iter().map(|l| ident(l));
    let no_statement = marker(None);
    let main = block_of(&program.main, None);
    quote! {
        // Generated code is not the user's to tidy: an unused variable or a
        // redundant `mut` says nothing about their Keyton program. And an
        // overflow or index error rustc can foresee (`x + 1` with `x` at
        // i64::MAX) stays the run-time error Keyton promises, with its line.
        #![allow(warnings, arithmetic_overflow, unconditional_panic)]
        // The newest deps layer, when the program links imported crates
        // from dylibs (`keyton run`); a runtime linked beside them.
        #(extern crate #layers;)*
        #(#traits)*
        #(#fns)*
        #no_statement
        fn main() {
            #(#startup();)*
            keyton_rt::run_main(&KEYTON_SOURCE_MAP, || #main);
        }
    }
}

pub(crate) fn cell(program: &Program, layers: &[String]) -> TokenStream {
    let fns = program.fns.iter().map(function);
    let traits = trait_uses(program);
    let layers = layers.iter().map(|l| ident(l));
    let no_statement = marker(None);
    let main = block_of(&program.main, None);
    quote! {
        #![allow(warnings, arithmetic_overflow, unconditional_panic)]
        // The runtime and the ABI come from the session's deps dylib, so
        // every cell shares one copy of them (and of their statics).
        extern crate keyton_deps;
        use keyton_deps::{kayton_api, keyton_rt};
        // The newest deps layer: imported crates (`::regex::Regex`) link
        // from it, not into the cell.
        #(extern crate #layers;)*
        #(#traits)*
        #(#fns)*
        #no_statement
        fn keyton_cell_body() #main
        kayton_api::keyton_cell!(|_: &mut kayton_api::Ctx<'_>| {
            keyton_rt::run_cell(&KEYTON_SOURCE_MAP, keyton_cell_body)
                .map_err(|stop| kayton_api::CellError::at(stop.rendered, stop.line, stop.col))
        });
    }
}

/// `use ::krate::Trait as _;` for each crate trait whose methods are
/// called: in scope without taking a name.
fn trait_uses(program: &Program) -> Vec<TokenStream> {
    program
        .traits
        .iter()
        .map(|p| {
            let path = crate::names::path(p);
            quote!(use #path as _;)
        })
        .collect()
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
    quote!(#marker pub fn #name(#(#params),*) #ret #body)
}
