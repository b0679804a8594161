//! Expressions. Every HIR node has one Rust spelling; the only care taken
//! here is syntactic: operands that are not atomic are parenthesized (so no
//! precedence table is needed), literals carry their type's suffix, format
//! strings escape the braces of their literal parts, and a computed index of
//! a written place or method receiver is evaluated before the indexed value
//! is borrowed (see `place`).

use crate::names::{ident, path};
use crate::place::{place, receiver_place};
use crate::stmt::block;
use crate::ty::{TyPos, is_known, ty};
use keyton_hir::{BinaryOp, Expr, ExprKind, FmtPart, RuntimeFn, Ty, UnaryOp};
use proc_macro2::{Delimiter, Group, Literal, TokenStream};
use quote::{ToTokens as _, quote};

pub(crate) fn expr(e: &Expr) -> TokenStream {
    match &e.kind {
        ExprKind::Int(v) => int_lit(*v, &e.ty),
        ExprKind::Float(v) => float_lit(*v, &e.ty),
        ExprKind::Str(s) => Literal::string(s).into_token_stream(),
        ExprKind::Char(c) => Literal::character(*c).into_token_stream(),
        ExprKind::Bool(b) => quote!(#b),
        ExprKind::Unit => quote!(()),
        ExprKind::Local(name) => match keyton_hir::global_name(name) {
            // A session variable in a cell: the value behind its guard.
            Some(_) => {
                let guard = ident(name);
                quote!((*#guard))
            }
            None => ident(name).into_token_stream(),
        },
        ExprKind::Path(segments) => value_path(segments, &e.ty),
        ExprKind::GenericPath {
            path: segments,
            generics,
        } => {
            let path = path(segments);
            let generics = generics.iter().map(|t| ty(t, TyPos::Local));
            quote!(#path::<#(#generics),*>)
        }
        ExprKind::Call { callee, args } => {
            let callee = match callee.kind {
                ExprKind::Path(_) | ExprKind::GenericPath { .. } | ExprKind::Local(_) => {
                    expr(callee)
                }
                _ => {
                    let callee = expr(callee);
                    quote!((#callee))
                }
            };
            let args = args.iter().map(expr);
            quote!(#callee(#(#args),*))
        }
        ExprKind::MethodCall {
            receiver,
            method,
            turbofish,
            args,
        } => {
            let mut hoisted = Vec::new();
            let receiver = receiver_place(receiver, &mut hoisted);
            let method = ident(method);
            let args = args.iter().map(expr);
            let call = if turbofish.is_empty() {
                quote!(#receiver.#method(#(#args),*))
            } else {
                let generics = turbofish.iter().map(|t| ty(t, TyPos::Local));
                quote!(#receiver.#method::<#(#generics),*>(#(#args),*))
            };
            if hoisted.is_empty() {
                call
            } else {
                quote!(({ #(#hoisted)* #call }))
            }
        }
        ExprKind::StructLit {
            path: segments,
            fields,
        } => {
            let path = path(segments);
            let fields = fields.iter().map(|(name, value)| {
                let (name, value) = (ident(name), expr(value));
                quote!(#name: #value)
            });
            quote!(#path { #(#fields),* })
        }
        ExprKind::Field { base, name } => {
            let (base, name) = (operand(base), ident(name));
            quote!(#base.#name)
        }
        ExprKind::TupleField { base, index } => {
            let (base, index) = (operand(base), syn::Index::from(*index));
            quote!(#base.#index)
        }
        ExprKind::Index { base, index } => {
            let (base, index) = (operand(base), expr(index));
            quote!(#base[#index])
        }
        ExprKind::Tuple(items) => {
            let items: Vec<TokenStream> = items.iter().map(expr).collect();
            match items.as_slice() {
                [one] => quote!((#one,)),
                _ => quote!((#(#items),*)),
            }
        }
        ExprKind::List(items) => list(items, &e.ty),
        ExprKind::Unary { op, operand: inner } => {
            let inner = operand(inner);
            match op {
                UnaryOp::Neg => quote!(-#inner),
                UnaryOp::Not => quote!(!#inner),
            }
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let (lhs, op, rhs) = (operand(lhs), binary_op(*op), operand(rhs));
            quote!(#lhs #op #rhs)
        }
        ExprKind::Runtime { func, args } => {
            let func = ident(runtime_fn(*func));
            let args = args.iter().map(expr);
            quote!(keyton_rt::#func(#(#args),*))
        }
        ExprKind::Ref {
            mutable,
            expr: inner,
        } => {
            if *mutable {
                let inner = place(inner);
                quote!(&mut #inner)
            } else {
                let inner = operand(inner);
                quote!(&#inner)
            }
        }
        ExprKind::Deref(inner) => {
            let inner = operand(inner);
            quote!(*#inner)
        }
        ExprKind::Clone(inner) => {
            let inner = operand(inner);
            quote!(#inner.clone())
        }
        ExprKind::As { expr: inner, to } => {
            let (inner, to) = (operand(inner), ty(to, TyPos::Local));
            quote!(#inner as #to)
        }
        ExprKind::Convert(inner) => {
            let (inner, to) = (expr(inner), ty(&e.ty, TyPos::Local));
            quote!(keyton_rt::convert::<#to, _>(#inner))
        }
        ExprKind::UnwrapResult { expr: inner, call } => {
            let inner = expr(inner);
            quote!(keyton_rt::ok(#inner, #call))
        }
        ExprKind::Format(parts) => {
            let (format, args) = format_args(parts);
            quote!(format!(#format #(, #args)*))
        }
        ExprKind::Append { target, parts } => {
            let target = place(target);
            let (format, args) = format_args(parts);
            quote!({
                use ::std::fmt::Write as _;
                let _ = ::std::write!(#target, #format #(, #args)*);
            })
        }
        ExprKind::Print {
            parts,
            stderr,
            newline,
        } => {
            let mac = ident(match (*stderr, *newline) {
                (false, true) => "println",
                (true, true) => "eprintln",
                (false, false) => "print",
                (true, false) => "eprint",
            });
            if parts.is_empty() {
                return quote!(#mac!());
            }
            let (format, args) = format_args(parts);
            quote!(#mac!(#format #(, #args)*))
        }
        ExprKind::TakeGlobal(global) => {
            let guard = match &global.kind {
                ExprKind::Local(name) => ident(name).into_token_stream(),
                _ => expr(global),
            };
            quote!(kayton_api::Global::take(&mut #guard))
        }
        ExprKind::Await(future) => {
            let future = expr(future);
            quote!(keyton_rt::block_on(#future))
        }
        ExprKind::Display { value, mime } => {
            let value = expr(value);
            match mime {
                Some(mime) => {
                    let mime = expr(mime);
                    quote!(kayton_api::display(&#mime, ::std::convert::AsRef::<[u8]>::as_ref(&#value)))
                }
                None => quote!(kayton_api::display(
                    "text/plain",
                    ::std::format!("{:?}", &#value).as_bytes()
                )),
            }
        }
        ExprKind::Closure { params, body } => {
            let params = params.iter().map(|(name, t)| {
                let name = ident(name);
                if matches!(t, Ty::Infer(_) | Ty::Opaque(_)) {
                    quote!(#name)
                } else {
                    let t = ty(t, TyPos::Local);
                    quote!(#name: #t)
                }
            });
            let body = expr(body);
            quote!(|#(#params),*| #body)
        }
        ExprKind::IfElse { cond, then, orelse } => {
            let (cond, then) = (head(cond), braced(then));
            let orelse = match orelse.kind {
                ExprKind::IfElse { .. } => expr(orelse),
                _ => braced(orelse),
            };
            quote!(if #cond #then else #orelse)
        }
        ExprKind::Block(b) => block(b),
        ExprKind::Range { start, end } => {
            let (start, end) = (operand(start), operand(end));
            quote!(#start..#end)
        }
        ExprKind::MacroCall {
            path: segments,
            delimiter,
            tokens,
            vars,
        } => macro_call(segments, *delimiter, tokens, vars),
    }
}

/// An expression in the head of `if`, `while`, `for` or `match`, where a
/// struct literal must be parenthesized.
pub(crate) fn head(e: &Expr) -> TokenStream {
    match e.kind {
        ExprKind::StructLit { .. } => {
            let e = expr(e);
            quote!((#e))
        }
        _ => expr(e),
    }
}

/// An operand of an operator, method call, field or index: parenthesized
/// unless it is atomic.
pub(crate) fn operand(e: &Expr) -> TokenStream {
    let atomic = match &e.kind {
        ExprKind::Unary { .. }
        | ExprKind::Binary { .. }
        | ExprKind::Ref { .. }
        | ExprKind::Deref(_)
        | ExprKind::As { .. }
        | ExprKind::Closure { .. }
        | ExprKind::IfElse { .. }
        | ExprKind::Block(_)
        | ExprKind::Range { .. }
        | ExprKind::StructLit { .. } => false,
        ExprKind::Float(v) => !(v.is_finite() && v.is_sign_negative()),
        _ => true,
    };
    let tokens = expr(e);
    if atomic { tokens } else { quote!((#tokens)) }
}

/// A branch of an `if` expression as a braced block.
fn braced(e: &Expr) -> TokenStream {
    match &e.kind {
        ExprKind::Block(b) => block(b),
        _ => {
            let e = expr(e);
            quote!({ #e })
        }
    }
}

/// An integer literal with its type's suffix (`5i64`; an integer literal of
/// float type is `2f64`, also valid Rust).
fn int_lit(value: u128, t: &Ty) -> TokenStream {
    let suffix = match t {
        Ty::Int(i) => i.name(),
        Ty::Float(f) => f.name(),
        _ => "",
    };
    let lit = format!("{value}{suffix}")
        .parse()
        .unwrap_or_else(|_| Literal::u128_unsuffixed(value));
    lit.into_token_stream()
}

/// A float literal that is always a float (`1.0f64`, `1e100f64`); NaN and
/// the infinities are the type's constants.
fn float_lit(value: f64, t: &Ty) -> TokenStream {
    let (name, suffix) = match t {
        Ty::Float(f) => (f.name(), f.name()),
        _ => ("f64", ""),
    };
    let ty_name = ident(name);
    if value.is_nan() {
        return quote!(#ty_name::NAN);
    }
    if value.is_infinite() {
        return if value > 0.0 {
            quote!(#ty_name::INFINITY)
        } else {
            quote!(#ty_name::NEG_INFINITY)
        };
    }
    // `{:?}` always writes a `.` or an exponent, so the text is a float literal.
    let magnitude = value.abs();
    let lit = format!("{magnitude:?}{suffix}")
        .parse()
        .unwrap_or_else(|_| Literal::f64_unsuffixed(magnitude));
    if value.is_sign_negative() {
        quote!(-#lit)
    } else {
        lit.into_token_stream()
    }
}

/// A path used as a value; a bare `None` of a known type gets a turbofish
/// so `print(None)` needs no inference.
fn value_path(segments: &[String], t: &Ty) -> TokenStream {
    if let ([name], [inner]) = (segments, t.args())
        && name == "None"
        && t.is_adt("Option")
        && is_known(inner)
    {
        let inner = ty(inner, TyPos::Local);
        return quote!(None::<#inner>);
    }
    path(segments)
}

/// `vec![...]`; an empty list of a known element type is `Vec::<T>::new()`
/// so that it needs no inference.
fn list(items: &[Expr], t: &Ty) -> TokenStream {
    if let ([], [elem]) = (items, t.args())
        && t.is_adt("Vec")
        && is_known(elem)
    {
        let elem = ty(elem, TyPos::Local);
        return quote!(::std::vec::Vec::<#elem>::new());
    }
    let items = items.iter().map(expr);
    quote!(vec![#(#items),*])
}

/// The format string and arguments of `format!`/`println!`.
fn format_args(parts: &[FmtPart]) -> (Literal, Vec<TokenStream>) {
    let mut format = String::new();
    let mut args = Vec::new();
    for part in parts {
        match part {
            FmtPart::Lit(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            FmtPart::Arg { expr: arg, spec } => {
                format.push('{');
                format.push_str(spec);
                format.push('}');
                args.push(expr(arg));
            }
        }
    }
    (Literal::string(&format), args)
}

/// `path!(tokens)`, each Keyton variable in the tokens read as generated
/// code reads it; tokens that do not lex as Rust become a `compile_error!`
/// at the macro call's line.
fn macro_call(
    segments: &[String],
    delimiter: char,
    tokens: &str,
    vars: &[(String, Expr)],
) -> TokenStream {
    let path = path(segments);
    let delimiter = match delimiter {
        '[' => Delimiter::Bracket,
        '{' => Delimiter::Brace,
        _ => Delimiter::Parenthesis,
    };
    match tokens.parse::<TokenStream>() {
        Ok(tokens) => {
            let tokens = keyton_hir::replace_variables(tokens, &mut |ident| {
                let (_, var) = vars.iter().find(|(name, _)| ident == name)?;
                Some(expr(var))
            });
            let group = Group::new(delimiter, tokens);
            quote!(#path! #group)
        }
        Err(err) => {
            let message = format!(
                "the tokens inside `{}!(...)` are not valid Rust tokens: {err}",
                segments.join(".")
            );
            quote!(compile_error!(#message))
        }
    }
}

fn binary_op(op: BinaryOp) -> TokenStream {
    match op {
        BinaryOp::Add => quote!(+),
        BinaryOp::Sub => quote!(-),
        BinaryOp::Mul => quote!(*),
        BinaryOp::Div => quote!(/),
        BinaryOp::Rem => quote!(%),
        BinaryOp::Eq => quote!(==),
        BinaryOp::Ne => quote!(!=),
        BinaryOp::Lt => quote!(<),
        BinaryOp::Le => quote!(<=),
        BinaryOp::Gt => quote!(>),
        BinaryOp::Ge => quote!(>=),
        BinaryOp::And => quote!(&&),
        BinaryOp::Or => quote!(||),
    }
}

/// The name of a helper in `keyton_rt`.
fn runtime_fn(func: RuntimeFn) -> &'static str {
    match func {
        RuntimeFn::FloorDiv => "floor_div",
        RuntimeFn::Modulo => "modulo",
        RuntimeFn::FloorDivFloat => "floor_div_float",
        RuntimeFn::ModuloFloat => "modulo_float",
        RuntimeFn::PowInt => "pow_int",
        RuntimeFn::TrueDivInt => "true_div_int",
        RuntimeFn::TrueDivFloat => "true_div_float",
        RuntimeFn::ListIndex => "list_index",
        RuntimeFn::ParseInt => "parse_int",
        RuntimeFn::ParseFloat => "parse_float",
        RuntimeFn::FloatToInt => "float_to_int",
        RuntimeFn::RangeStep => "range_step",
        RuntimeFn::FloatText => "float_text",
    }
}
