//! Method resolution the way rustc does it, over the API index: autoderef
//! the receiver (`&T` to `T`, `String` to `str`, `Vec<T>` to `[T]` through
//! `Deref` impls), inherent methods first, then trait methods (provided ones
//! included), with generics instantiated by fresh inference variables and
//! associated types (`Self::Item`) projected through the impls.

use crate::Checker;
use crate::candidates::is_marker;
use crate::infer::subst;
use keyton_index::{FnSig, GenericParam, TraitRef, Ty};
use std::collections::HashMap;

/// A method (or associated function) found for a type, instantiated.
pub struct Found {
    pub sig: FnSig,
    /// Parameter types after `self`, instantiated.
    pub params: Vec<Ty>,
    pub ret: Ty,
    /// Inference variables standing for `Fn*`-bounded generics: their
    /// closure shape (parameters, result), for checking lambdas.
    pub fn_bounds: HashMap<u32, (Vec<Ty>, Ty)>,
    /// Inference variables standing for `Into<U>`-bounded generics: `U`,
    /// which says what type an integer literal passed there is.
    pub into_targets: HashMap<u32, Ty>,
    /// Associated types the generics' bounds fix (`I: IntoIterator<Item =
    /// (K, V)>`): the variable, the trait's name, the associated type's name
    /// and what it must be, which the argument passed there tells.
    pub assoc_bindings: Vec<(u32, String, String, Ty)>,
    /// The trait the method comes from, if not inherent.
    pub trait_path: Option<Vec<String>>,
    /// The method's own generic arguments, when only its result decides
    /// them (`collect`, `sum`, `parse`): spelled as a turbofish.
    pub turbofish: Vec<Ty>,
    /// The generics only the result mentions, which the checker picks if
    /// the call's context does not decide them (see `choose`).
    pub generics: crate::choose::CallGenerics,
}

impl<'a> Checker<'a> {
    /// The types a receiver of type `ty` can be used as, by autoderef.
    pub fn autoderef(&mut self, ty: &Ty) -> Vec<Ty> {
        let mut out = vec![self.infer.resolve(ty)];
        while out.len() < 6 {
            let last = out[out.len() - 1].clone();
            let next = match &last {
                Ty::Ref { inner, .. } => Some((**inner).clone()),
                // An array's methods are a slice's (rustc unsizes the receiver).
                Ty::Array(inner, _) => Some(Ty::Slice(inner.clone())),
                _ => self.assoc_of(&last, "Deref", "Target"),
            };
            match next {
                Some(t) if !out.contains(&t) => out.push(t),
                _ => break,
            }
        }
        out
    }

    /// The method `name` callable on a receiver of type `recv`.
    pub fn find_method(&mut self, recv: &Ty, name: &str) -> Option<(Found, Ty)> {
        self.ambiguous = None;
        for cand in self.autoderef(recv) {
            if let Some(found) = self.method_on(&cand, name, true) {
                return Some((found, cand));
            }
        }
        None
    }

    /// The associated function `name` of the type `ty` (no receiver needed).
    pub fn find_assoc_fn(&mut self, ty: &Ty, name: &str) -> Option<Found> {
        let found = self.method_on(ty, name, false);
        // Only method calls report an ambiguity (see `pick_trait`).
        self.ambiguous = None;
        found
    }

    fn method_on(&mut self, cand: &Ty, name: &str, with_self: bool) -> Option<Found> {
        // Its bounds' methods, else those of blanket impls its bounds meet
        // (itertools' `impl<T: Iterator> Itertools for T`).
        if let Ty::Opaque(bounds) | Ty::Dyn(bounds) = cand
            && let Some(found) = self.method_from_bounds(cand, &bounds.clone(), name)
        {
            return Some(found);
        }
        let impls = self.impls_ordered(cand);
        let wanted = |sig: &FnSig| sig.name == name && (sig.receiver.is_some() || !with_self);
        for imp in impls.iter().filter(|i| i.trait_ref.is_none()) {
            if let Some(sig) = imp.methods.iter().find(|s| wanted(s))
                && let Some(map) = self.match_impl(&imp.generics, &imp.self_ty, cand)
            {
                return Some(self.instantiate(sig, map, cand, None));
            }
        }
        let picked = self.pick_trait(&impls, cand, &wanted);
        for imp in impls.iter().filter(|i| i.trait_ref.is_some()) {
            let tr = imp.trait_ref.clone().expect("filtered on trait impls");
            if picked.as_ref().is_some_and(|p| *p != tr.path) {
                continue;
            }
            let sig = imp.methods.iter().find(|s| wanted(s)).cloned().or_else(|| {
                self.index
                    .trait_def(&tr.path)
                    .and_then(|t| t.methods.iter().find(|s| wanted(s)).cloned())
            });
            let Some(sig) = sig else { continue };
            let Some(mut map) = self.match_impl(&imp.generics, &imp.self_ty, cand) else {
                continue;
            };
            self.add_trait_params(&tr, &mut map);
            return Some(self.instantiate(&sig, map, cand, Some(tr.path.clone())));
        }
        None
    }

    /// Which crate trait gives the method when several applicable ones
    /// do: the one the program imported by name (`from rand rimport Rng`);
    /// if none or several were, the call is ambiguous, and the traits are
    /// recorded for the caller's error ([`Checker::ambiguous`]).
    fn pick_trait(
        &mut self,
        impls: &[&keyton_index::ImplDef],
        cand: &Ty,
        wanted: &dyn Fn(&FnSig) -> bool,
    ) -> Option<Vec<String>> {
        let mut traits: Vec<Vec<String>> = Vec::new();
        for imp in impls {
            let Some(tr) = &imp.trait_ref else { continue };
            if tr.path[0] == "std" || traits.contains(&tr.path) {
                continue;
            }
            let gives = imp.methods.iter().any(wanted)
                || self
                    .index
                    .trait_def(&tr.path)
                    .is_some_and(|t| t.methods.iter().any(wanted));
            if gives && self.applies(imp, cand) {
                traits.push(tr.path.clone());
            }
        }
        if traits.len() < 2 {
            return None;
        }
        let imported: Vec<&Vec<String>> = traits
            .iter()
            .filter(|t| {
                self.imports.values().any(|p| {
                    let names: Vec<&str> = p.iter().map(String::as_str).collect();
                    self.index
                        .lookup(&names)
                        .is_some_and(|e| e.canonical_path == **t)
                })
            })
            .collect();
        if let [one] = imported.as_slice() {
            return Some((*one).clone());
        }
        self.ambiguous = Some(traits);
        None
    }

    /// Whether `imp` may apply to `cand`, binding nothing.
    fn applies(&mut self, imp: &keyton_index::ImplDef, cand: &Ty) -> bool {
        if let Ty::Param(param) = &imp.self_ty {
            return imp
                .generics
                .iter()
                .filter(|g| g.name == *param)
                .flat_map(|g| &g.bounds)
                .all(|b| self.implements_directly(cand, b));
        }
        let map: HashMap<String, Ty> = imp
            .generics
            .iter()
            .map(|g| (g.name.clone(), self.infer.fresh()))
            .collect();
        // `impl<K, V> IndexMap<K, V>` is of `IndexMap<K, V, RandomState>`.
        let self_ty = self.with_default_args(&subst(&imp.self_ty, &map));
        let cand = self.with_default_args(&self.infer.resolve(cand));
        self.infer.can_unify(&self_ty, &cand)
    }

    fn method_from_bounds(&mut self, cand: &Ty, bounds: &[TraitRef], name: &str) -> Option<Found> {
        for bound in self.with_supertraits(bounds) {
            let Some(def) = self.index.trait_def(&bound.path) else {
                continue;
            };
            if let Some(sig) = def.methods.iter().find(|s| s.name == name).cloned() {
                let mut map = HashMap::new();
                self.add_trait_params(&bound, &mut map);
                return Some(self.instantiate(&sig, map, cand, Some(bound.path.clone())));
            }
        }
        None
    }

    /// The bounds and, transitively, their supertraits.
    pub fn with_supertraits(&self, bounds: &[TraitRef]) -> Vec<TraitRef> {
        let mut out: Vec<TraitRef> = bounds.to_vec();
        let mut i = 0;
        while i < out.len() && out.len() < 32 {
            if let Some(def) = self.index.trait_def(&out[i].path) {
                for sup in &def.supertraits {
                    if !out.iter().any(|b| b.path == sup.path) {
                        out.push(sup.clone());
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// Trait generic parameters by the impl's trait arguments.
    fn add_trait_params(&mut self, tr: &TraitRef, map: &mut HashMap<String, Ty>) {
        if let Some(def) = self.index.trait_def(&tr.path) {
            for (g, arg) in def.generics.iter().zip(&tr.args) {
                map.insert(g.name.clone(), subst(arg, map));
            }
        }
    }

    /// Fresh variables for the impl's generics, if its self type matches
    /// `cand`. A blanket impl (`impl<I: Iterator> IntoIterator for I`)
    /// matches only types that implement its bounds.
    pub fn match_impl(
        &mut self,
        generics: &[GenericParam],
        self_ty: &Ty,
        cand: &Ty,
    ) -> Option<HashMap<String, Ty>> {
        if let Ty::Param(name) = self_ty {
            let cand = self.infer.resolve(cand);
            if matches!(cand, Ty::Infer(_)) {
                return None;
            }
            let bounds = generics
                .iter()
                .find(|g| g.name == *name)
                .map(|g| g.bounds.clone())
                .unwrap_or_default();
            if !bounds.iter().all(|b| self.implements_directly(&cand, b)) {
                return None;
            }
        }
        let map: HashMap<String, Ty> = generics
            .iter()
            .map(|g| (g.name.clone(), self.infer.fresh()))
            .collect();
        // `impl<K, V> Map<K, V>` is the impl for `Map<K, V, RandomState>`.
        let self_ty = self.with_default_args(&subst(self_ty, &map));
        let cand = self.with_default_args(&self.infer.resolve(cand));
        self.infer.unify(&self_ty, &cand).then_some(map)
    }

    /// `HeaderMap` is `HeaderMap<HeaderValue>`: a type written without the
    /// arguments its definition gives defaults for gets them, at any depth
    /// (`&IndexMap<K, V>` is `&IndexMap<K, V, RandomState>`).
    pub fn with_default_args(&self, ty: &Ty) -> Ty {
        let ty = &crate::infer::map_ty(ty, &mut |t| self.with_default_args(t));
        let Ty::Adt { path, args } = ty else {
            return ty.clone();
        };
        let generics = match self.index.by_canonical(path).map(|e| &e.item) {
            Some(keyton_index::Item::Struct(def)) => &def.generics,
            Some(keyton_index::Item::Enum(def)) => &def.generics,
            _ => return ty.clone(),
        };
        if args.len() >= generics.len() {
            return ty.clone();
        }
        let mut args = args.clone();
        for g in &generics[args.len()..] {
            match &g.default {
                Some(default) => args.push(default.clone()),
                None => return ty.clone(),
            }
        }
        Ty::Adt {
            path: path.clone(),
            args,
        }
    }

    /// Whether `ty` implements the trait of `bound` by an impl of its own
    /// (or, for an opaque type, by a bound); marker traits like `Sized` hold.
    fn implements_directly(&self, ty: &Ty, bound: &TraitRef) -> bool {
        let name = bound.path.last().map_or("", String::as_str);
        if is_marker(name) {
            return true;
        }
        if let Ty::Opaque(bounds) | Ty::Dyn(bounds) = ty {
            return self
                .with_supertraits(bounds)
                .iter()
                .any(|b| b.path.last().map(String::as_str) == Some(name));
        }
        self.implements_within(ty, bound, BLANKET_DEPTH)
    }

    /// `implements_directly` by trait name, following blanket impls
    /// (`impl<R: Rng> RngExt for R`) through their bounds at most `depth`
    /// deep: deep enough for a crate's layered traits, never endless.
    fn implements_within(&self, ty: &Ty, bound: &TraitRef, depth: usize) -> bool {
        let name = bound.path.last().map_or("", String::as_str);
        if !self.meets_bindings(ty, bound) {
            return false;
        }
        self.index.impls_for(ty).iter().any(|imp| {
            let of_trait = imp
                .trait_ref
                .as_ref()
                .is_some_and(|t| t.path.last().map(String::as_str) == Some(name));
            match &imp.self_ty {
                _ if !of_trait => false,
                Ty::Param(param) => {
                    depth > 0
                        && imp
                            .generics
                            .iter()
                            .filter(|g| g.name == *param)
                            .flat_map(|g| &g.bounds)
                            .all(|b| {
                                b.path.last().is_some_and(|m| is_marker(m))
                                    || self.implements_within(ty, b, depth - 1)
                            })
                }
                _ => true,
            }
        })
    }

    /// Whether `ty`'s own impls of the trait of `bound` give its associated
    /// types as `bound` constrains them (`TryRng<Error = Infallible>`);
    /// types with parameters are not compared.
    fn meets_bindings(&self, ty: &Ty, bound: &TraitRef) -> bool {
        let name = bound.path.last();
        bound.bindings.iter().all(|(assoc, want)| {
            self.index
                .impls_for(ty)
                .iter()
                .filter(|imp| !matches!(imp.self_ty, Ty::Param(_)))
                .filter(|imp| {
                    imp.trait_ref
                        .as_ref()
                        .is_some_and(|t| t.path.last() == name)
                })
                .filter_map(|imp| imp.assoc_types.iter().find(|(n, _)| n == assoc))
                .all(|(_, got)| got == want || has_params(got) || has_params(want))
        })
    }

    /// The impls for `ty`, blanket impls last. Borrowed from the index, not
    /// cloned: every method call, projection and operator walks them.
    pub fn impls_ordered(&self, ty: &Ty) -> Vec<&'a keyton_index::ImplDef> {
        let index: &'a keyton_index::World = self.index;
        let mut impls = index.impls_for(ty);
        impls.sort_by_key(|i| matches!(i.self_ty, Ty::Param(_)));
        impls
    }

    pub fn instantiate(
        &mut self,
        sig: &FnSig,
        mut map: HashMap<String, Ty>,
        self_ty: &Ty,
        trait_path: Option<Vec<String>>,
    ) -> Found {
        map.insert("Self".into(), self_ty.clone());
        for g in &sig.generics {
            let var = self.infer.fresh();
            map.insert(g.name.clone(), var);
        }
        let (mut fn_bounds, mut into_targets) = (HashMap::new(), HashMap::new());
        let mut assoc_bindings = Vec::new();
        for g in &sig.generics {
            let Some(Ty::Infer(v)) = map.get(&g.name).cloned() else {
                continue;
            };
            for b in &g.bounds {
                if let Some(shape) = self.closure_shape(b, &map) {
                    fn_bounds.insert(v, shape);
                }
                if let (Some("Into"), [target]) = (b.path.last().map(String::as_str), &b.args[..]) {
                    into_targets.insert(v, subst(target, &map));
                }
                if let Some(trait_name) = b.path.last()
                    && !matches!(trait_name.as_str(), "Fn" | "FnMut" | "FnOnce")
                {
                    for (assoc, want) in &b.bindings {
                        let want = subst(want, &map);
                        assoc_bindings.push((v, trait_name.clone(), assoc.clone(), want));
                    }
                }
            }
        }
        let params = sig
            .params
            .iter()
            .map(|(_, t)| {
                let t = self.normalize(&subst(t, &map));
                self.with_default_args(&t)
            })
            .collect();
        let ret = self.normalize(&subst(&sig.ret, &map));
        let ret = self.with_default_args(&ret);
        let generics = crate::choose::call_generics(sig, &map);
        // Generics standing for `impl Trait` parameters have no name a
        // turbofish could give.
        let turbofish = if generics.result_only.is_empty() {
            Vec::new()
        } else {
            sig.generics
                .iter()
                .filter(|g| !g.name.starts_with("impl "))
                .map(|g| map[&g.name].clone())
                .collect()
        };
        Found {
            sig: sig.clone(),
            params,
            ret,
            fn_bounds,
            into_targets,
            assoc_bindings,
            trait_path,
            turbofish,
            generics,
        }
    }

    /// `F: FnMut(A) -> B` as `([A], B)`.
    pub fn closure_shape(
        &mut self,
        bound: &TraitRef,
        map: &HashMap<String, Ty>,
    ) -> Option<(Vec<Ty>, Ty)> {
        let last = bound.path.last()?;
        if !matches!(last.as_str(), "Fn" | "FnMut" | "FnOnce") {
            return None;
        }
        let params = match bound.args.first().map(|a| subst(a, map)) {
            Some(Ty::Tuple(items)) => items,
            _ => Vec::new(),
        };
        let ret = bound
            .bindings
            .iter()
            .find(|(n, _)| n == "Output")
            .map_or(Ty::Unit, |(_, t)| subst(t, map));
        let params = params.iter().map(|p| self.normalize(p)).collect();
        let ret = self.normalize(&ret);
        Some((params, ret))
    }

    /// Method names on a type, for did-you-mean.
    pub fn method_names(&mut self, ty: &Ty) -> Vec<String> {
        let mut names = Vec::new();
        for cand in self.autoderef(ty) {
            if let Ty::Opaque(bounds) = &cand {
                for b in self.with_supertraits(bounds) {
                    if let Some(def) = self.index.trait_def(&b.path) {
                        names.extend(def.methods.iter().map(|m| m.name.clone()));
                    }
                }
            }
            for imp in self.index.impls_for(&cand) {
                names.extend(imp.methods.iter().map(|m| m.name.clone()));
                if let Some(def) = imp
                    .trait_ref
                    .as_ref()
                    .and_then(|t| self.index.trait_def(&t.path))
                {
                    names.extend(def.methods.iter().map(|m| m.name.clone()));
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// How many blanket impls deep a trait is looked for through bounds.
const BLANKET_DEPTH: usize = 3;

/// Whether `ty` mentions a generic parameter or an inference variable.
fn has_params(ty: &Ty) -> bool {
    match ty {
        Ty::Param(_) | Ty::Infer(_) | Ty::Assoc { .. } | Ty::Opaque(_) => true,
        Ty::Adt { args, .. } => args.iter().any(has_params),
        Ty::Tuple(items) => items.iter().any(has_params),
        Ty::Ref { inner, .. } | Ty::Slice(inner) | Ty::Array(inner, _) => has_params(inner),
        Ty::Fn { params, ret } => params.iter().any(has_params) || has_params(ret),
        _ => false,
    }
}
