//! Statements, blocks and patterns. Every statement (and every block's tail
//! expression) is preceded by a line marker, so the line map can point each
//! generated line at the innermost Keyton statement it came from.

use crate::expr::{expr, head};
use crate::line_map::marker;
use crate::names::{ident, path};
use crate::place::place;
use crate::ty::{TyPos, ty};
use keyton_hir::{Arm, BinaryOp, Block, Expr, Pat, PatKind, Stmt, StmtKind};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn block(b: &Block) -> TokenStream {
    block_of(&b.stmts, b.tail.as_deref())
}

/// `{ stmts tail }`, each with its marker.
pub(crate) fn block_of(stmts: &[Stmt], tail: Option<&Expr>) -> TokenStream {
    let stmts = stmts.iter().map(|s| {
        let (marker, s) = (marker(Some(s.span)), stmt(s));
        quote!(#marker #s)
    });
    let tail = tail.map(|t| {
        let (marker, t) = (marker(Some(t.span)), expr(t));
        quote!(#marker #t)
    });
    quote!({ #(#stmts)* #tail })
}

fn stmt(s: &Stmt) -> TokenStream {
    match &s.kind {
        StmtKind::Let {
            pat: p,
            ty: annotation,
            value,
        } => {
            let (p, value) = (pat(p), expr(value));
            match annotation {
                Some(t) => {
                    let t = ty(t, TyPos::Local);
                    quote!(let #p: #t = #value;)
                }
                None => quote!(let #p = #value;),
            }
        }
        StmtKind::Declare { name, ty: t } => {
            let (name, t) = (ident(name), ty(t, TyPos::Local));
            quote!(let mut #name: #t;)
        }
        StmtKind::Assign {
            place: target,
            value,
        } => {
            let (place, value) = (place(target), expr(value));
            quote!(#place = #value;)
        }
        StmtKind::CompoundAssign {
            place: target,
            op,
            value,
        } => {
            let (place, value) = (place(target), expr(value));
            match op {
                BinaryOp::Add => quote!(#place += #value;),
                BinaryOp::Sub => quote!(#place -= #value;),
                BinaryOp::Mul => quote!(#place *= #value;),
                BinaryOp::Div => quote!(#place /= #value;),
                BinaryOp::Rem => quote!(#place %= #value;),
                other => {
                    let message =
                        format!("internal error: `{other:?}` is not a compound assignment");
                    quote!(compile_error!(#message);)
                }
            }
        }
        StmtKind::Expr(e) => {
            let e = expr(e);
            quote!(#e;)
        }
        StmtKind::If { branches, orelse } => {
            let branches = branches.iter().map(|(cond, body)| {
                let (cond, body) = (head(cond), block(body));
                quote!(if #cond #body)
            });
            let orelse = orelse.as_ref().map(|b| {
                let b = block(b);
                quote!(else #b)
            });
            quote!(#(#branches)else* #orelse)
        }
        StmtKind::While { cond, body } => {
            let (cond, body) = (head(cond), block(body));
            quote!(while #cond #body)
        }
        StmtKind::For { pat: p, iter, body } => {
            let (p, iter, body) = (pat(p), head(iter), block(body));
            quote!(for #p in #iter #body)
        }
        StmtKind::Match { scrutinee, arms } => {
            let scrutinee = head(scrutinee);
            let arms = arms.iter().map(arm);
            quote!(match #scrutinee { #(#arms)* })
        }
        StmtKind::Return(value) => {
            let value = value.as_ref().map(expr);
            quote!(return #value;)
        }
        StmtKind::Break => quote!(break;),
        StmtKind::Continue => quote!(continue;),
        StmtKind::Load { name, ty: t } => {
            let (guard, t, storage, text) = global_parts(name, t);
            quote!(let mut #guard = kayton_api::Global::<#t, #storage>::load(#name, #text);)
        }
        StmtKind::Publish {
            name,
            ty: t,
            to_owned,
        } => {
            let local = ident(name);
            let value = if *to_owned {
                quote!(::std::borrow::ToOwned::to_owned(#local))
            } else {
                quote!(#local)
            };
            let (guard, t, storage, text) = global_parts(name, t);
            quote!(let mut #guard = kayton_api::Global::<#t, #storage>::define(#name, #text, #value);)
        }
        StmtKind::Show(e) => {
            let e = expr(e);
            quote!(kayton_api::show_result(&(#e));)
        }
        StmtKind::InterruptPoint => quote!(keyton_rt::interrupt_point();),
    }
}

/// The guard's local, the variable's Rust type, how the VM stores it (its
/// own entries for the plain Keyton types, the dyn store for the rest), and
/// the type as text (the dyn store's fingerprint).
fn global_parts(name: &str, t: &keyton_hir::Ty) -> (syn::Ident, TokenStream, TokenStream, String) {
    let guard = ident(&keyton_hir::global_local(name));
    let plain = [
        "i64",
        "f64",
        "bool",
        "::std::string::String",
        "::std::vec::Vec<i64>",
        "::std::vec::Vec<f64>",
        "::std::vec::Vec<::std::string::String>",
    ];
    let text = crate::type_text(t);
    let t = ty(t, TyPos::Local);
    let storage = if plain.contains(&text.as_str()) {
        quote!(kayton_api::Plain)
    } else {
        quote!(kayton_api::Boxed)
    };
    (guard, t, storage, text)
}

fn arm(a: &Arm) -> TokenStream {
    let p = pat(&a.pat);
    let guard = a.guard.as_ref().map(|g| {
        let g = expr(g);
        quote!(if #g)
    });
    let body = block(&a.body);
    quote!(#p #guard => #body)
}

pub(crate) fn pat(p: &Pat) -> TokenStream {
    match &p.kind {
        PatKind::Wild => quote!(_),
        PatKind::Bind { name, mutable } => {
            let name = ident(name);
            if *mutable {
                quote!(mut #name)
            } else {
                quote!(#name)
            }
        }
        PatKind::Tuple(items) => {
            let items: Vec<TokenStream> = items.iter().map(pat).collect();
            match items.as_slice() {
                [one] => quote!((#one,)),
                _ => quote!((#(#items),*)),
            }
        }
        PatKind::Lit(e) => expr(e),
        PatKind::Path {
            path: segments,
            args,
        } => {
            let path = path(segments);
            match args {
                Some(args) => {
                    let args = args.iter().map(pat);
                    quote!(#path(#(#args),*))
                }
                None => path,
            }
        }
        PatKind::Struct {
            path: segments,
            fields,
        } => {
            let path = path(segments);
            let fields = fields.iter().map(|(name, p)| {
                let (name, p) = (ident(name), pat(p));
                quote!(#name: #p,)
            });
            quote!(#path { #(#fields)* .. })
        }
        PatKind::Or(alternatives) => {
            let alternatives = alternatives.iter().map(pat);
            quote!(#(#alternatives)|*)
        }
        PatKind::Ref(inner) => {
            // `&mut x` would be a `&mut` pattern, and `&a | b` an or of two.
            let needs_parens = matches!(
                inner.kind,
                PatKind::Bind { mutable: true, .. } | PatKind::Or(_)
            );
            let inner = pat(inner);
            if needs_parens {
                quote!(&(#inner))
            } else {
                quote!(&#inner)
            }
        }
    }
}
