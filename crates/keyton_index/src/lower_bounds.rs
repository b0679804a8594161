//! Phase three, generics half: bounds (`Fn(A) -> B` sugar included), trait
//! references, generic parameters with their where clauses, and
//! substitution of parameters (for aliases), and the defaults of parameters
//! a type is written without.

use std::collections::HashMap;

use syn::{GenericArgument, PathArguments, Type, TypeParamBound, WherePredicate};

use crate::collect::{DefId, DefKind, name_of};
use crate::item::GenericParam;
use crate::lower::{Env, Lower};
use crate::ty::{Path, TraitRef, Ty};

/// Replace generic parameters by name.
pub(crate) fn subst(ty: &Ty, map: &HashMap<&str, &Ty>) -> Ty {
    let s = |t: &Ty| subst(t, map);
    let refs = |bounds: &[TraitRef]| bounds.iter().map(|b| subst_trait(b, map)).collect();
    match ty {
        Ty::Param(name) => map
            .get(name.as_str())
            .map_or_else(|| ty.clone(), |t| (*t).clone()),
        Ty::Tuple(items) => Ty::Tuple(items.iter().map(s).collect()),
        Ty::Ref { mutable, inner } => Ty::Ref {
            mutable: *mutable,
            inner: Box::new(s(inner)),
        },
        Ty::Slice(inner) => Ty::Slice(Box::new(s(inner))),
        Ty::Array(inner, n) => Ty::Array(Box::new(s(inner)), *n),
        Ty::Adt { path, args } => Ty::Adt {
            path: path.clone(),
            args: args.iter().map(s).collect(),
        },
        Ty::Assoc {
            base,
            trait_path,
            name,
        } => Ty::Assoc {
            base: Box::new(s(base)),
            trait_path: trait_path.clone(),
            name: name.clone(),
        },
        Ty::Fn { params, ret } => Ty::Fn {
            params: params.iter().map(s).collect(),
            ret: Box::new(s(ret)),
        },
        Ty::Opaque(bounds) => Ty::Opaque(refs(bounds)),
        Ty::Dyn(bounds) => Ty::Dyn(refs(bounds)),
        _ => ty.clone(),
    }
}

fn subst_trait(t: &TraitRef, map: &HashMap<&str, &Ty>) -> TraitRef {
    TraitRef {
        path: t.path.clone(),
        args: t.args.iter().map(|a| subst(a, map)).collect(),
        bindings: t
            .bindings
            .iter()
            .map(|(n, b)| (n.clone(), subst(b, map)))
            .collect(),
    }
}

impl Lower<'_> {
    /// Trait bounds; lifetimes, `?Sized` and `Sized` left out.
    pub fn bounds<'b>(
        &self,
        bounds: impl IntoIterator<Item = &'b TypeParamBound>,
        env: &Env,
    ) -> Vec<TraitRef> {
        bounds
            .into_iter()
            .filter_map(|b| match b {
                TypeParamBound::Trait(t) if t.maybe.is_none() => self.trait_ref(&t.path, env),
                _ => None,
            })
            .filter(|t| t.path != ["std", "marker", "Sized"])
            .collect()
    }

    /// A trait path with its arguments; `Fn(A) -> B` gives `Fn<(A,), Output = B>`.
    pub fn trait_ref(&self, path: &syn::Path, env: &Env) -> Option<TraitRef> {
        let mut written: Vec<String> = path.segments.iter().map(|s| name_of(&s.ident)).collect();
        if path.leading_colon.is_some() {
            written.insert(0, "::".to_string());
        }
        let resolved = self.resolve_path(&written, env).unwrap_or_else(|| {
            self.warn(env, format!("unresolved trait `{}`", written.join("::")));
            written
        });
        let mut tr = TraitRef {
            path: resolved,
            args: Vec::new(),
            bindings: Vec::new(),
        };
        match &path.segments.last()?.arguments {
            PathArguments::AngleBracketed(a) => {
                for arg in &a.args {
                    match arg {
                        GenericArgument::Type(t) => tr.args.push(self.ty(t, env)),
                        GenericArgument::AssocType(b) => {
                            tr.bindings.push((name_of(&b.ident), self.ty(&b.ty, env)))
                        }
                        _ => {}
                    }
                }
            }
            PathArguments::Parenthesized(p) => {
                tr.args.push(Ty::Tuple(
                    p.inputs.iter().map(|a| self.ty(&a.ty, env)).collect(),
                ));
                tr.bindings
                    .push(("Output".to_string(), self.ret(&p.output, env)));
            }
            PathArguments::None => {}
        }
        Some(tr)
    }

    /// `IndexMap<K, V>` is `IndexMap<K, V, RandomState>`: `args` of the
    /// struct or enum `d`, and the defaults its definition gives for the
    /// parameters left out (when every one left out has one).
    pub fn with_defaults(&self, d: DefId, mut args: Vec<Ty>) -> Vec<Ty> {
        let generics = match &self.krate.defs[d].kind {
            DefKind::Struct(s) => &s.generics,
            DefKind::Enum(e) => &e.generics,
            _ => return args,
        };
        let params: Vec<&syn::TypeParam> = generics.type_params().collect();
        let Some(missing) = params.get(args.len()..) else {
            return args;
        };
        if missing.is_empty() || missing.iter().any(|p| p.default.is_none()) {
            return args;
        }
        let env = self.env_with(&Env::new(self.krate.defs[d].module), generics);
        let names: Vec<String> = params.iter().map(|p| name_of(&p.ident)).collect();
        for (_, default) in missing.iter().filter_map(|p| p.default.as_ref()) {
            // A default may name the parameters before it (`U = T`).
            let given: HashMap<&str, &Ty> = names.iter().map(String::as_str).zip(&args).collect();
            let filled = subst(&self.ty(default, &env), &given);
            args.push(filled);
        }
        args
    }

    /// `env` with the type parameters of `generics` in scope, each with the
    /// traits bounding it (where clauses included, also on outer parameters).
    pub fn env_with(&self, env: &Env, generics: &syn::Generics) -> Env {
        let mut inner = env.clone();
        let trait_paths = |bounds: &mut dyn Iterator<Item = &TypeParamBound>| -> Vec<Path> {
            bounds
                .filter_map(|b| match b {
                    TypeParamBound::Trait(t) => {
                        let written: Vec<String> =
                            t.path.segments.iter().map(|s| name_of(&s.ident)).collect();
                        self.resolve_path(&written, env)
                    }
                    _ => None,
                })
                .collect()
        };
        inner
            .consts
            .extend(generics.const_params().map(|c| name_of(&c.ident)));
        for p in generics.type_params() {
            inner
                .params
                .push((name_of(&p.ident), trait_paths(&mut p.bounds.iter())));
        }
        for pred in generics.where_clause.iter().flat_map(|w| &w.predicates) {
            if let WherePredicate::Type(t) = pred
                && let Type::Path(tp) = &t.bounded_ty
                && tp.qself.is_none()
                && let Some(name) = tp.path.get_ident()
                && let Some((_, traits)) = inner.params.iter_mut().rev().find(|(n, _)| name == n)
            {
                traits.extend(trait_paths(&mut t.bounds.iter()));
            }
        }
        inner
    }

    /// The type parameters of `generics` with their bounds (where clauses
    /// merged), and the where-predicates on other types (`Self: Tr`, `T::Item: Ord`).
    pub fn generics(
        &self,
        generics: &syn::Generics,
        env: &Env,
    ) -> (Vec<GenericParam>, Vec<(Ty, Vec<TraitRef>)>) {
        let mut params: Vec<GenericParam> = generics
            .type_params()
            .map(|p| GenericParam {
                name: name_of(&p.ident),
                bounds: self.bounds(&p.bounds, env),
                default: p.default.as_ref().map(|(_, d)| self.ty(d, env)),
            })
            .collect();
        let mut predicates = Vec::new();
        for pred in generics.where_clause.iter().flat_map(|w| &w.predicates) {
            let WherePredicate::Type(t) = pred else {
                continue;
            };
            let bounds = self.bounds(&t.bounds, env);
            let own = params.iter_mut().find(|p| matches!(&t.bounded_ty, Type::Path(tp) if tp.qself.is_none() && tp.path.is_ident(&p.name)));
            match own {
                Some(p) => p.bounds.extend(bounds),
                None if !bounds.is_empty() => {
                    predicates.push((self.ty(&t.bounded_ty, env), bounds))
                }
                None => {}
            }
        }
        (params, predicates)
    }
}
