//! Item macros of other crates that the reader knows: `bitflags!`,
//! `lazy_static!`, `thread_local!` and `paste!`. A crate's own `macro_rules!` are
//! expanded with their rules (`macros`), but a foreign macro's rules live in
//! another crate, often behind layers of `$crate::__private` helpers and
//! proc macros; expanding those in general needs rustc itself (a probe
//! build per crate), too slow for reading an API. These few macros declare
//! much of the ecosystem's public API, and each has a small documented
//! input grammar, so each gets a reader here that writes the items the
//! macro would declare (signatures only), read then like written source.

use proc_macro2::{Delimiter, Group, Ident, TokenStream, TokenTree};
use quote::quote;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Expr, Token, Type, Visibility};

use crate::cfg::Cfg;

/// What a known macro declares.
pub(crate) enum Declared {
    /// Items as if written in place.
    Item(syn::Item),
    /// `lazy_static!`'s `static ref NAME: T`: a value of a hidden type that
    /// derefs to `T` (attributes, visibility, name, `T`).
    LazyStatic(Vec<Attribute>, Visibility, Ident, Type),
}

/// A macro known by the crate that defines it and its name.
struct KnownMacro {
    krate: &'static str,
    name: &'static str,
    read: fn(ParseStream, &Cfg) -> syn::Result<Vec<Declared>>,
}

const KNOWN: &[KnownMacro] = &[
    KnownMacro {
        krate: "bitflags",
        name: "bitflags",
        read: bitflags,
    },
    KnownMacro {
        krate: "lazy_static",
        name: "lazy_static",
        read: lazy_static,
    },
    KnownMacro {
        krate: "std",
        name: "thread_local",
        read: thread_local,
    },
    KnownMacro {
        krate: "paste",
        name: "paste",
        read: paste,
    },
];

/// What the invocation of `path!` with input `tokens` declares, when `path`
/// names a known macro: `bitflags!` (brought in by `use`) or
/// `bitflags::bitflags!`. `None` for other macros and for input the reader
/// does not take. `cfg` tells the version of the macro's crate.
pub(crate) fn read_known(
    path: &syn::Path,
    tokens: TokenStream,
    cfg: &Cfg,
) -> Option<Vec<Declared>> {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let (name, prefix) = segments.split_last()?;
    let known = KNOWN.iter().find(|k| {
        k.name == name
            && match prefix {
                [] => true,
                [krate] => krate == k.krate || (k.krate == "std" && krate == "core"),
                _ => false,
            }
    })?;
    (|input: ParseStream| (known.read)(input, cfg))
        .parse2(tokens)
        .ok()
}

/// `bitflags! { #[derive(..)] pub struct Flags: u32 { const A = 1; .. } .. }`
/// (and `impl Flags: u32 { .. }` for a struct declared elsewhere): the
/// struct, one associated const per flag, the inherent methods and the
/// operator traits. bitflags 2 adds iteration and the `bitflags::Flags`
/// trait, and the struct has the derives written on it; bitflags 1 derives
/// the usual traits itself.
fn bitflags(input: ParseStream, cfg: &Cfg) -> syn::Result<Vec<Declared>> {
    let version_1 = cfg.dependency_major("bitflags") == Some(1);
    let implied = if version_1 {
        quote!(#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)])
    } else {
        TokenStream::new()
    };
    let mut declared = Vec::new();
    while !input.is_empty() {
        let mut out = Vec::new();
        let attrs = input.call(Attribute::parse_outer)?;
        let declares_struct = !input.peek(Token![impl]);
        let vis: Visibility = if declares_struct {
            let vis = input.parse()?;
            input.parse::<Token![struct]>()?;
            vis
        } else {
            input.parse::<Token![impl]>()?;
            Visibility::Inherited
        };
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let bits: Type = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut flags = Vec::new();
        while !body.is_empty() {
            let attrs = body.call(Attribute::parse_outer)?;
            body.parse::<Token![const]>()?;
            // `const _ = !0;` names no flag: it only marks bits as known.
            let flag = if body.peek(Token![_]) {
                body.parse::<Token![_]>()?;
                None
            } else {
                Some(body.parse::<Ident>()?)
            };
            body.parse::<Token![=]>()?;
            body.parse::<Expr>()?;
            body.parse::<Token![;]>()?;
            flags.extend(flag.map(|f| quote! { #(#attrs)* pub const #f: Self = Self(0); }));
        }
        if declares_struct {
            out.push(quote! { #(#attrs)* #implied #vis struct #name(#bits); });
        }
        out.push(quote! {
            impl #name {
                #(#flags)*
                pub const fn empty() -> Self {}
                pub const fn all() -> Self {}
                pub const fn bits(&self) -> #bits {}
                pub const fn from_bits(bits: #bits) -> ::core::option::Option<Self> {}
                pub const fn from_bits_truncate(bits: #bits) -> Self {}
                pub const fn is_empty(&self) -> bool {}
                pub const fn is_all(&self) -> bool {}
                pub const fn intersects(&self, other: Self) -> bool {}
                pub const fn contains(&self, other: Self) -> bool {}
                pub fn insert(&mut self, other: Self) {}
                pub fn remove(&mut self, other: Self) {}
                pub fn toggle(&mut self, other: Self) {}
                pub fn set(&mut self, other: Self, value: bool) {}
                pub const fn intersection(self, other: Self) -> Self {}
                pub const fn union(self, other: Self) -> Self {}
                pub const fn difference(self, other: Self) -> Self {}
                pub const fn symmetric_difference(self, other: Self) -> Self {}
                pub const fn complement(self) -> Self {}
            }
        });
        for (op, method) in [
            (quote!(BitOr), quote!(bitor)),
            (quote!(BitAnd), quote!(bitand)),
            (quote!(BitXor), quote!(bitxor)),
            (quote!(Sub), quote!(sub)),
        ] {
            out.push(quote! {
                impl ::core::ops::#op for #name {
                    type Output = Self;
                    fn #method(self, other: Self) -> Self {}
                }
            });
        }
        out.push(quote! {
            impl ::core::ops::Not for #name {
                type Output = Self;
                fn not(self) -> Self {}
            }
            impl ::core::iter::Extend<#name> for #name {}
            impl ::core::iter::FromIterator<#name> for #name {}
        });
        if !version_1 {
            out.push(quote! {
                impl #name {
                    pub const fn from_bits_retain(bits: #bits) -> Self {}
                    pub fn from_name(name: &str) -> ::core::option::Option<Self> {}
                    pub const fn iter(&self) -> ::bitflags::iter::Iter<Self> {}
                    pub const fn iter_names(&self) -> ::bitflags::iter::IterNames<Self> {}
                }
                impl ::core::iter::IntoIterator for #name {
                    type Item = Self;
                    type IntoIter = ::bitflags::iter::Iter<Self>;
                    fn into_iter(self) -> ::bitflags::iter::Iter<Self> {}
                }
                impl ::bitflags::Flags for #name {
                    type Bits = #bits;
                }
            });
        }
        // The impls hold where the struct does.
        let cfgs: Vec<&Attribute> = attrs.iter().filter(|a| a.path().is_ident("cfg")).collect();
        for tokens in out {
            for mut item in syn::parse2::<syn::File>(tokens)?.items {
                if let syn::Item::Impl(imp) = &mut item {
                    imp.attrs.extend(cfgs.iter().map(|a| (*a).clone()));
                }
                declared.push(Declared::Item(item));
            }
        }
    }
    Ok(declared)
}

/// `lazy_static! { #[doc] pub static ref NAME: T = init; .. }`.
fn lazy_static(input: ParseStream, _: &Cfg) -> syn::Result<Vec<Declared>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let (attrs, vis, name, ty) = static_decl(input, true)?;
        input.parse::<Token![;]>()?;
        out.push(Declared::LazyStatic(attrs, vis, name, ty));
    }
    Ok(out)
}

/// `#[attrs] vis static [ref] NAME: T = init`, the grammar `lazy_static!`
/// (with `ref`) and `thread_local!` share, up to the `;`.
fn static_decl(
    input: ParseStream,
    with_ref: bool,
) -> syn::Result<(Vec<Attribute>, Visibility, Ident, Type)> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    input.parse::<Token![static]>()?;
    if with_ref {
        input.parse::<Token![ref]>()?;
    }
    let name: Ident = input.parse()?;
    input.parse::<Token![:]>()?;
    let ty: Type = input.parse()?;
    input.parse::<Token![=]>()?;
    input.parse::<Expr>()?;
    Ok((attrs, vis, name, ty))
}

/// `thread_local! { pub static NAME: T = init; .. }` (`init` may be `const
/// { .. }`): statics of type `std::thread::LocalKey<T>`.
fn thread_local(input: ParseStream, _: &Cfg) -> syn::Result<Vec<Declared>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        let (attrs, vis, name, ty) = static_decl(input, false)?;
        if !input.is_empty() {
            input.parse::<Token![;]>()?;
        }
        let item = syn::parse_quote! {
            #(#attrs)* #vis static #name: ::std::thread::LocalKey<#ty> = ::std::thread::LocalKey;
        };
        out.push(Declared::Item(item));
    }
    Ok(out)
}

/// `paste! { pub fn [<get_ $name>]() {} }`: the items with each `[< .. >]`
/// made one identifier of its pieces (identifiers, literals, `_`), a piece
/// followed by `:lower`, `:upper`, `:snake` or `:camel` changed so.
fn paste(input: ParseStream, _: &Cfg) -> syn::Result<Vec<Declared>> {
    let tokens = pasted(input.parse()?)?;
    let file: syn::File = syn::parse2(tokens)?;
    Ok(file.items.into_iter().map(Declared::Item).collect())
}

/// `tokens` with each `[< .. >]` made one identifier (also what `paste!`
/// among an impl block's items gives).
pub(crate) fn pasted(tokens: TokenStream) -> syn::Result<TokenStream> {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket && is_paste(&g) => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let text = paste_text(&inner[1..inner.len() - 1])?;
                // Checked first: `Ident::new` panics on what is no identifier.
                syn::parse_str::<Ident>(&text)?;
                Ok(TokenTree::Ident(Ident::new(&text, g.span())))
            }
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), pasted(g.stream())?);
                group.set_span(g.span());
                Ok(TokenTree::Group(group))
            }
            other => Ok(other),
        })
        .collect()
}

/// `[< .. >]`
fn is_paste(g: &Group) -> bool {
    let tts: Vec<TokenTree> = g.stream().into_iter().collect();
    let punct =
        |t: Option<&TokenTree>, c: char| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c);
    tts.len() >= 3 && punct(tts.first(), '<') && punct(tts.last(), '>')
}

/// The identifier the pieces of a `[< .. >]` make.
fn paste_text(pieces: &[TokenTree]) -> syn::Result<String> {
    let mut text = String::new();
    let mut i = 0;
    while i < pieces.len() {
        let piece = match &pieces[i] {
            TokenTree::Ident(id) => id.to_string().trim_start_matches("r#").to_string(),
            TokenTree::Literal(l) => l.to_string().trim_matches('"').to_string(),
            TokenTree::Punct(p) if p.as_char() == '_' => "_".to_string(),
            // A fragment a macro passed in.
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => {
                paste_text(&g.stream().into_iter().collect::<Vec<_>>())?
            }
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    "not a piece of an identifier",
                ));
            }
        };
        i += 1;
        let modifier = match (pieces.get(i), pieces.get(i + 1)) {
            (Some(TokenTree::Punct(p)), Some(TokenTree::Ident(m))) if p.as_char() == ':' => {
                i += 2;
                Some(m.to_string())
            }
            _ => None,
        };
        text.push_str(&match modifier.as_deref() {
            None => piece,
            Some("lower") => piece.to_lowercase(),
            Some("upper") => piece.to_uppercase(),
            Some("snake") => snake_case(&piece),
            Some("camel") => camel_case(&piece),
            Some(m) => {
                let msg = format!("unknown paste modifier `{m}`");
                return Err(syn::Error::new(pieces[i - 1].span(), msg));
            }
        });
    }
    Ok(text)
}

/// `HttpRequest` → `http_request`.
fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if c.is_uppercase() && k > 0 && !out.ends_with('_') {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `http_request` → `HttpRequest`.
fn camel_case(s: &str) -> String {
    s.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}
