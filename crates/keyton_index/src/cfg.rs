//! `#[cfg(...)]` evaluation. A crate's API depends on the features cargo
//! resolved and on the target, so the reader keeps an item only when its cfg
//! holds for both. Keyton compiles for the machine it runs on, so the target
//! facts are the host's. Unknown cfgs are false, as rustc treats unset names.
//! `cfg_attr` is applied where it changes the API: to `derive`.

use std::collections::{BTreeMap, HashSet};

use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Lit, Meta, Token};

/// The cfg facts an index is read under: enabled features and target facts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cfg {
    /// Names that are set: `unix`, `windows`, `debug_assertions`, ...
    names: HashSet<String>,
    /// `key = "value"` pairs, features included as `feature = "name"`.
    values: HashSet<(String, String)>,
    /// The versions of the crate's dependencies, by the names it uses for
    /// them: which expansion a foreign item macro has (`item_macros`).
    dependencies: BTreeMap<String, String>,
}

impl Cfg {
    /// The host's target facts, no features. `debug_assertions` is unset:
    /// crate code is built optimised.
    pub fn host() -> Cfg {
        let mut cfg = Cfg::default();
        let family = std::env::consts::FAMILY;
        if !family.is_empty() {
            cfg = cfg.with(family, None).with("target_family", Some(family));
        }
        cfg = cfg
            .with("target_os", Some(std::env::consts::OS))
            .with("target_arch", Some(std::env::consts::ARCH))
            .with("target_pointer_width", Some(pointer_width()))
            .with(
                "target_endian",
                Some(if cfg!(target_endian = "little") {
                    "little"
                } else {
                    "big"
                }),
            )
            .with("panic", Some("unwind"));
        for env in ["gnu", "musl", "msvc"] {
            if host_env_is(env) {
                cfg = cfg.with("target_env", Some(env));
            }
        }
        for width in ["8", "16", "32", "64", "ptr"] {
            cfg = cfg.with("target_has_atomic", Some(width));
        }
        cfg
    }

    /// These cargo features enabled (added to the ones already set).
    pub fn with_features<I, S>(mut self, features: I) -> Cfg
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for f in features {
            self.values.insert(("feature".to_string(), f.into()));
        }
        self
    }

    /// The crate's dependencies are at these versions (`("bitflags", "1.3.2")`).
    pub fn with_dependencies<I, S>(mut self, versions: I) -> Cfg
    where
        I: IntoIterator<Item = (S, S)>,
        S: Into<String>,
    {
        let versions = versions.into_iter().map(|(n, v)| (n.into(), v.into()));
        self.dependencies.extend(versions);
        self
    }

    /// The major version of the dependency the crate calls `name`, if known.
    pub fn dependency_major(&self, name: &str) -> Option<u64> {
        self.dependencies.get(name)?.split('.').next()?.parse().ok()
    }

    /// A fact set: `with("unix", None)`, `with("target_os", Some("linux"))`.
    pub fn with(mut self, name: &str, value: Option<&str>) -> Cfg {
        match value {
            None => {
                self.names.insert(name.to_string());
            }
            Some(v) => {
                self.values.insert((name.to_string(), v.to_string()));
            }
        }
        self
    }

    /// The paths named by `#[derive(..)]` among `attrs`, including those of
    /// `#[cfg_attr(pred, derive(..))]` whose predicate holds.
    pub(crate) fn derives(&self, attrs: &[Attribute]) -> Vec<syn::Path> {
        let mut metas: Vec<Meta> = attrs
            .iter()
            .filter(|a| a.path().is_ident("derive") || a.path().is_ident("cfg_attr"))
            .map(|a| a.meta.clone())
            .collect();
        let mut derives = Vec::new();
        while let Some(meta) = metas.pop() {
            let Meta::List(list) = &meta else { continue };
            let Ok(args) = list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            else {
                continue;
            };
            if list.path.is_ident("cfg_attr") {
                let mut args = args.into_iter();
                if args.next().is_some_and(|pred| self.eval(&pred)) {
                    metas.extend(args);
                }
            } else if list.path.is_ident("derive") {
                derives.extend(args.into_iter().filter_map(|m| match m {
                    Meta::Path(p) => Some(p),
                    _ => None,
                }));
            }
        }
        derives
    }

    /// Whether every `#[cfg(...)]` among `attrs` holds.
    pub(crate) fn allows(&self, attrs: &[Attribute]) -> bool {
        attrs.iter().all(|attr| {
            let Meta::List(list) = &attr.meta else {
                return true;
            };
            if !list.path.is_ident("cfg") {
                return true;
            }
            match list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
                Ok(preds) if preds.len() == 1 => self.eval(&preds[0]),
                _ => false,
            }
        })
    }

    /// Drop the fields, variants and trait or impl items whose cfg is false.
    pub(crate) fn strip(&self, item: &mut syn::Item) {
        let cfg = self;
        let fields = |f: &mut syn::Fields| match f {
            _ if f.iter().all(|f| f.attrs.is_empty()) => {}
            syn::Fields::Named(n) => {
                n.named = std::mem::take(&mut n.named)
                    .into_iter()
                    .filter(|f| cfg.allows(&f.attrs))
                    .collect()
            }
            syn::Fields::Unnamed(u) => {
                u.unnamed = std::mem::take(&mut u.unnamed)
                    .into_iter()
                    .filter(|f| cfg.allows(&f.attrs))
                    .collect()
            }
            syn::Fields::Unit => {}
        };
        match item {
            syn::Item::Struct(s) => fields(&mut s.fields),
            syn::Item::Enum(e) => {
                if e.variants.iter().any(|v| !v.attrs.is_empty()) {
                    e.variants = std::mem::take(&mut e.variants)
                        .into_iter()
                        .filter(|v| cfg.allows(&v.attrs))
                        .collect();
                }
                e.variants.iter_mut().for_each(|v| fields(&mut v.fields));
            }
            syn::Item::Trait(t) => t.items.retain(|i| match i {
                syn::TraitItem::Const(c) => cfg.allows(&c.attrs),
                syn::TraitItem::Fn(f) => cfg.allows(&f.attrs),
                syn::TraitItem::Type(t) => cfg.allows(&t.attrs),
                _ => false,
            }),
            syn::Item::Impl(i) => i.items.retain(|i| match i {
                syn::ImplItem::Const(c) => cfg.allows(&c.attrs),
                syn::ImplItem::Fn(f) => cfg.allows(&f.attrs),
                syn::ImplItem::Type(t) => cfg.allows(&t.attrs),
                _ => false,
            }),
            _ => {}
        }
    }

    /// One cfg predicate: `unix`, `feature = "x"`, `all(..)`, `any(..)`, `not(..)`.
    fn eval(&self, pred: &Meta) -> bool {
        match pred {
            Meta::Path(path) => path
                .get_ident()
                .is_some_and(|name| self.names.contains(&name.to_string())),
            Meta::NameValue(nv) => {
                let (Some(key), Expr::Lit(lit)) = (nv.path.get_ident(), &nv.value) else {
                    return false;
                };
                let Lit::Str(value) = &lit.lit else {
                    return false;
                };
                self.values.contains(&(key.to_string(), value.value()))
            }
            Meta::List(list) => {
                let Ok(args) =
                    list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                else {
                    return false;
                };
                let name = list
                    .path
                    .get_ident()
                    .map(|i| i.to_string())
                    .unwrap_or_default();
                match name.as_str() {
                    "all" => args.iter().all(|p| self.eval(p)),
                    "any" => args.iter().any(|p| self.eval(p)),
                    "not" => args.len() == 1 && !self.eval(&args[0]),
                    _ => false,
                }
            }
        }
    }
}

fn pointer_width() -> &'static str {
    if cfg!(target_pointer_width = "64") {
        "64"
    } else if cfg!(target_pointer_width = "32") {
        "32"
    } else {
        "16"
    }
}

fn host_env_is(env: &str) -> bool {
    match env {
        "gnu" => cfg!(target_env = "gnu"),
        "musl" => cfg!(target_env = "musl"),
        "msvc" => cfg!(target_env = "msvc"),
        _ => false,
    }
}
