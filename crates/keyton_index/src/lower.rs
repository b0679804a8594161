//! Phase three of reading a crate: syn's types, bounds and generics to the
//! index's one type language ([`Ty`]), with every name resolved to the path
//! its item is defined at, so the checker compares types by path and never
//! by how a module happened to spell them. Items and impls are in
//! `lower_item`; this file is the type-level half.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use syn::{GenericArgument, PathArguments, ReturnType, Type};

use crate::collect::{Crate, DefId, DefKind, ModId, name_of};
use crate::item::{Entry, GenericParam, Item};
use crate::lower_bounds::subst;
use crate::scope::{Ns, Scopes, Target, prelude_path};
use crate::ty::{Path, Ty};

/// Lowers syn syntax of one crate, resolving names through its scopes.
pub(crate) struct Lower<'a> {
    pub krate: &'a Crate,
    pub scopes: &'a Scopes,
    /// Expanded type aliases (`None` while expanding).
    aliases: RefCell<HashMap<DefId, Option<Expanded>>>,
    /// Traits of this crate by path, to find which declares an associated type.
    traits: HashMap<&'a Path, &'a syn::ItemTrait>,
    pub warnings: RefCell<Vec<String>>,
    warned: RefCell<HashSet<String>>,
    /// What the prelude's names resolve to, once looked up.
    prelude: RefCell<HashMap<String, Option<Target>>>,
}

/// A type alias: its parameters (with their defaults) and body.
type Expanded = (Vec<(String, Option<Ty>)>, Ty);

/// What `Self` is where a type is written.
#[derive(Clone)]
pub(crate) enum SelfTy {
    None,
    /// Inside `trait Tr`: `Self` is `Ty::Param("Self")`, its assoc types `Tr`'s.
    Trait(Path),
    /// Inside an impl: the self type, its trait and the `type X = ..` bindings.
    Impl {
        ty: Ty,
        trait_path: Option<Path>,
        assoc: Vec<(String, Ty)>,
    },
}

/// The scope a type is written in.
#[derive(Clone)]
pub(crate) struct Env {
    pub module: ModId,
    /// Generic parameters in scope, each with the traits bounding it.
    pub params: Vec<(String, Vec<Path>)>,
    /// Const generic parameters in scope (`const N: usize`): an argument
    /// naming one is a value, not a type.
    pub consts: Vec<String>,
    pub self_ty: Rc<SelfTy>,
    /// In argument position, `impl Trait` becomes a new generic parameter, collected here.
    pub synth: RefCell<Option<Vec<GenericParam>>>,
}

impl Env {
    pub fn new(module: ModId) -> Env {
        Env {
            module,
            params: Vec::new(),
            consts: Vec::new(),
            self_ty: Rc::new(SelfTy::None),
            synth: RefCell::new(None),
        }
    }
}

impl<'a> Lower<'a> {
    pub fn new(krate: &'a Crate, scopes: &'a Scopes) -> Lower<'a> {
        Lower {
            krate,
            scopes,
            aliases: RefCell::default(),
            traits: krate
                .defs
                .iter()
                .filter_map(|d| match &d.kind {
                    DefKind::Trait(t) => Some((&d.path, &**t)),
                    _ => None,
                })
                .collect(),
            warnings: RefCell::default(),
            warned: RefCell::default(),
            prelude: RefCell::default(),
        }
    }

    pub(crate) fn warn(&self, env: &Env, what: String) {
        let text = format!("{}: {what}", self.krate.modules[env.module].path.join("::"));
        if self.warned.borrow_mut().insert(text.clone()) {
            self.warnings.borrow_mut().push(text);
        }
    }

    pub fn ty(&self, t: &Type, env: &Env) -> Ty {
        match t {
            Type::Array(a) => {
                let len = match &a.len {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(n),
                        ..
                    }) => n.base10_parse().unwrap_or(0),
                    _ => 0,
                };
                Ty::Array(Box::new(self.ty(&a.elem, env)), len)
            }
            Type::FnPtr(f) => Ty::Fn {
                params: f.inputs.iter().map(|a| self.ty(&a.ty, env)).collect(),
                ret: Box::new(self.ret(&f.output, env)),
            },
            Type::Group(g) => self.ty(&g.elem, env),
            Type::Paren(p) => self.ty(&p.elem, env),
            Type::ImplTrait(i) => {
                let bounds = self.bounds(&i.bounds, env);
                let mut synth = env.synth.borrow_mut();
                let Some(params) = synth.as_mut() else {
                    return Ty::Opaque(bounds);
                };
                // Named after its bounds (`impl AsRef<str>`): a parameter no turbofish can give.
                let mut name = Ty::Opaque(bounds.clone()).to_string();
                if params.iter().any(|p| p.name == name) {
                    name = format!("{name} #{}", params.len() + 1);
                }
                params.push(GenericParam {
                    name: name.clone(),
                    bounds,
                    default: None,
                });
                Ty::Param(name)
            }
            Type::Never(_) => Ty::Never,
            Type::Path(p) => self.path_ty(p, env),
            Type::Reference(r) => Ty::Ref {
                mutable: r.mutability.is_some(),
                inner: Box::new(self.ty(&r.elem, env)),
            },
            Type::Slice(s) => Ty::Slice(Box::new(self.ty(&s.elem, env))),
            Type::TraitObject(o) => Ty::Dyn(self.bounds(&o.bounds, env)),
            Type::Tuple(t) if t.elems.is_empty() => Ty::Unit,
            Type::Tuple(t) => Ty::Tuple(t.elems.iter().map(|e| self.ty(e, env)).collect()),
            // Raw pointers, macros in type position, `_`: known by nothing.
            _ => Ty::Opaque(Vec::new()),
        }
    }

    pub fn ret(&self, out: &ReturnType, env: &Env) -> Ty {
        match out {
            ReturnType::Default => Ty::Unit,
            ReturnType::Type(_, t) => self.ty(t, env),
        }
    }

    fn self_ty(&self, env: &Env) -> Ty {
        match &*env.self_ty {
            SelfTy::Impl { ty, .. } => ty.clone(),
            SelfTy::Trait(_) => Ty::Param("Self".to_string()),
            SelfTy::None => {
                self.warn(env, "`Self` outside a trait or impl".to_string());
                Ty::Param("Self".to_string())
            }
        }
    }

    fn path_ty(&self, p: &syn::TypePath, env: &Env) -> Ty {
        let segs = &p.path.segments;
        if let Some(q) = &p.qself {
            // `<T as Tr>::Name` or `<T>::Name`
            let base = self.ty(&q.ty, env);
            let name = segs.last().map(|s| name_of(&s.ident)).unwrap_or_default();
            let trait_path = (q.position > 0).then(|| {
                let written: Vec<String> = segs
                    .iter()
                    .take(q.position)
                    .map(|s| name_of(&s.ident))
                    .collect();
                self.resolve_path(&written, env).unwrap_or(written)
            });
            return Ty::Assoc {
                base: Box::new(base),
                trait_path,
                name,
            };
        }
        let mut written: Vec<String> = segs.iter().map(|s| name_of(&s.ident)).collect();
        if p.path.leading_colon.is_some() {
            written.insert(0, "::".to_string());
        } else {
            let first = written[0].as_str();
            let is_param = env.params.iter().any(|(n, _)| n == first);
            if first == "Self" || is_param {
                let base = if is_param {
                    Ty::Param(first.to_string())
                } else {
                    self.self_ty(env)
                };
                return written
                    .into_iter()
                    .skip(1)
                    .fold(base, |base, name| self.assoc(base, name, env));
            }
            if written.len() == 1
                && let Some(t) = Ty::primitive(first)
                && !self.names_type(env.module, first)
            {
                return t;
            }
        }
        let args = segs
            .last()
            .map(|s| self.type_args(&s.arguments, env))
            .unwrap_or_default();
        match self.resolve(&written, env) {
            Some(Target::Def(d)) if matches!(self.krate.defs[d].kind, DefKind::Alias(_)) => {
                self.alias(d, args)
            }
            Some(Target::Def(d)) => Ty::Adt {
                path: self.krate.defs[d].path.clone(),
                args: self.with_defaults(d, args),
            },
            Some(Target::External(path)) => self.external_ty(path, args),
            _ => {
                self.warn(env, format!("unresolved type `{}`", written.join("::")));
                Ty::Adt {
                    path: written,
                    args,
                }
            }
        }
    }

    /// std's entry for a path of another crate into std (std itself has its own items).
    fn std_entry(&self, path: &Path) -> Option<&'static Entry> {
        if self.krate.name == "std" || path.first().is_none_or(|p| p != "std") {
            return None;
        }
        let refs: Vec<&str> = path.iter().map(String::as_str).collect();
        crate::std_index::std().lookup(&refs)
    }

    /// A type of another crate: std's by the path it is defined at, std's
    /// aliases (`io::Result<T>`) expanded; other crates' as written.
    fn external_ty(&self, path: Path, args: Vec<Ty>) -> Ty {
        match self.std_entry(&path) {
            Some(Entry {
                item: Item::TypeAlias(generics, body),
                ..
            }) => {
                let map = generics
                    .iter()
                    .map(|g| g.name.as_str())
                    .zip(args.iter())
                    .collect();
                subst(body, &map)
            }
            Some(entry) => Ty::Adt {
                path: entry.canonical_path.clone(),
                args,
            },
            None => Ty::Adt { path, args },
        }
    }

    /// Whether `name` in module `m` is a local type (shadowing a primitive of that name).
    fn names_type(&self, m: ModId, name: &str) -> bool {
        match self.scopes.tables[m].get(Ns::Type, name).map(|b| &b.target) {
            Some(Target::Def(d)) => !matches!(
                self.krate.defs[*d].kind,
                DefKind::Fn(..)
                    | DefKind::Const(..)
                    | DefKind::Static(..)
                    | DefKind::LazyStatic(..)
                    | DefKind::Module(_)
            ),
            // `use core::str;` names std's module, and `str` in a type is
            // still the primitive (Rust falls back to it).
            Some(Target::External(path)) => !self
                .std_entry(path)
                .is_some_and(|entry| matches!(entry.item, Item::Module)),
            _ => false,
        }
    }

    /// `base::name`: inside an impl, the impl's own binding when it has one.
    fn assoc(&self, base: Ty, name: String, env: &Env) -> Ty {
        let trait_path = match (&*env.self_ty, &base) {
            (
                SelfTy::Impl {
                    ty,
                    trait_path,
                    assoc,
                },
                _,
            ) if *ty == base => {
                if let Some((_, t)) = assoc.iter().find(|(n, _)| *n == name) {
                    return t.clone();
                }
                trait_path.clone()
            }
            (SelfTy::Trait(tr), Ty::Param(p)) if p == "Self" => Some(tr.clone()),
            (_, Ty::Param(p)) => {
                let bounds = env
                    .params
                    .iter()
                    .rev()
                    .find(|(n, _)| n == p)
                    .map(|(_, b)| b.as_slice());
                self.trait_declaring(bounds.unwrap_or_default(), &name)
            }
            _ => None,
        };
        Ty::Assoc {
            base: Box::new(base),
            trait_path,
            name,
        }
    }

    /// Which of `bounds` declares associated type `name`: a trait of this
    /// crate or of std that declares it, else the only bound.
    fn trait_declaring(&self, bounds: &[Path], name: &str) -> Option<Path> {
        let declares = |path: &Path| match self.traits.get(path) {
            Some(t) => t
                .items
                .iter()
                .any(|i| matches!(i, syn::TraitItem::Type(t) if t.ident == name)),
            None if self.krate.name != "std" && path.first().is_some_and(|p| p == "std") => {
                crate::std_index::std()
                    .trait_def(path)
                    .is_some_and(|t| t.assoc_types.iter().any(|a| a == name))
            }
            None => false,
        };
        bounds
            .iter()
            .find(|b| declares(b))
            .or(if bounds.len() == 1 {
                bounds.first()
            } else {
                None
            })
            .cloned()
    }

    /// The canonical path of a trait or type path as written.
    pub(crate) fn resolve_path(&self, written: &[String], env: &Env) -> Option<Path> {
        match self.resolve(written, env)? {
            Target::Def(d) => Some(self.krate.defs[d].path.clone()),
            Target::Module(m) => Some(self.krate.modules[m].path.clone()),
            Target::External(p) => Some(self.std_entry(&p).map_or(p, |e| e.canonical_path.clone())),
            Target::Other => None,
        }
    }

    /// Resolve a path in the env's module: its scope, then the prelude, then
    /// what another crate's module imported with a glob may hold.
    fn resolve(&self, written: &[String], env: &Env) -> Option<Target> {
        let first = written.first()?;
        let local = matches!(first.as_str(), "::" | "crate" | "self" | "super" | "$crate")
            || self.scopes.tables[env.module]
                .get(Ns::Type, first)
                .is_some()
            || *first == self.krate.name;
        if local {
            return self
                .scopes
                .resolve(self.krate, env.module, written, true, Ns::Type);
        }
        if written.len() == 1 {
            let cached = self.prelude.borrow().get(first).cloned();
            let target = cached.unwrap_or_else(|| {
                let target = prelude_path(first).and_then(|mut path| {
                    path.insert(0, "::".to_string());
                    self.scopes
                        .resolve(self.krate, env.module, &path, true, Ns::Type)
                });
                self.prelude
                    .borrow_mut()
                    .insert(first.clone(), target.clone());
                target
            });
            // Else a name a glob import of another crate may bring (`use core::arch::x86_64::*`).
            return target.or_else(|| {
                let (_, module) = self.scopes.ext_globs[env.module].first()?;
                Some(Target::External(
                    module.iter().chain(written).cloned().collect(),
                ))
            });
        }
        self.scopes
            .resolve(self.krate, env.module, written, true, Ns::Type)
    }

    /// Expand a type alias applied to `args`.
    fn alias(&self, d: DefId, args: Vec<Ty>) -> Ty {
        let def = &self.krate.defs[d];
        let DefKind::Alias(item) = &def.kind else {
            unreachable!("alias def")
        };
        let known = self.aliases.borrow().get(&d).cloned();
        let (params, body) = match known {
            Some(Some(expanded)) => expanded,
            // A cyclic alias: leave it named.
            Some(None) => {
                return Ty::Adt {
                    path: def.path.clone(),
                    args,
                };
            }
            None => {
                self.aliases.borrow_mut().insert(d, None);
                let env = self.env_with(&Env::new(def.module), &item.generics);
                // `type Result<T, E = Error> = ..`: a missing argument takes its default.
                let params: Vec<(String, Option<Ty>)> = item
                    .generics
                    .type_params()
                    .map(|p| {
                        (
                            name_of(&p.ident),
                            p.default.as_ref().map(|(_, t)| self.ty(t, &env)),
                        )
                    })
                    .collect();
                let body = self.ty(&item.ty, &env);
                self.aliases
                    .borrow_mut()
                    .insert(d, Some((params.clone(), body.clone())));
                (params, body)
            }
        };
        let map: HashMap<&str, &Ty> = params
            .iter()
            .enumerate()
            .filter_map(|(i, (name, default))| {
                Some((name.as_str(), args.get(i).or(default.as_ref())?))
            })
            .collect();
        subst(&body, &map)
    }

    fn type_args(&self, args: &PathArguments, env: &Env) -> Vec<Ty> {
        match args {
            PathArguments::AngleBracketed(a) => a
                .args
                .iter()
                .filter_map(|g| match g {
                    GenericArgument::Type(Type::Path(p))
                        if p.qself.is_none()
                            && p.path
                                .get_ident()
                                .is_some_and(|i| env.consts.iter().any(|c| i == c)) =>
                    {
                        None
                    }
                    GenericArgument::Type(t) => Some(self.ty(t, env)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
