//! Generics that only a call's result mentions (`zero::<T>()`,
//! `s.parse::<F>()`): when neither the arguments nor the expected type nor
//! a later statement fix one, the checker picks it among the types a
//! Keyton program has (spec §8): `i64`, `f64`, `&str`, `String`,
//! `Vec<i64>`, `Vec<f64>`, the imported crates' types (those a generic
//! argument need not be given for) and, in a session, the crate types of
//! its values. The candidates that meet the generic's bounds (as the index
//! tells: the types' impls, blanket impls followed through their bounds)
//! decide: one is taken, none or several is an error that says how to
//! pick. A bound the index cannot judge leaves the generic to rustc.

use crate::Checker;
use crate::candidates::BOUND_DEPTH;
use crate::infer::{collect_vars, map_bound, subst};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_index::{FnSig, TraitRef, Ty};
use std::collections::HashMap;

/// A generic of a call's signature that only its result mentions.
#[derive(Clone)]
pub struct ResultGeneric {
    /// As the signature names it (`T`).
    pub name: String,
    /// The inference variable standing for it in this call.
    pub var: Ty,
    /// Its bounds, instantiated.
    pub bounds: Vec<TraitRef>,
}

/// The generics of a call's signature the checker may have to pick.
#[derive(Default)]
pub struct CallGenerics {
    pub result_only: Vec<ResultGeneric>,
    /// Bounds with arguments, on any of the call's generics, and where
    /// clauses: through these rustc may decide what the checker cannot.
    pub ties: Vec<TraitRef>,
}

/// A [`ResultGeneric`] of a call the checker has seen, not yet decided.
pub struct OpenGeneric {
    generic: ResultGeneric,
    /// The callee as the user reads it (`counter.zero`).
    callee: String,
    span: Span,
    /// The type the call gives the program, and the variable it is bound
    /// to if any (`n = s.parse()`): for the annotation to suggest.
    result: Ty,
    binding: Option<String>,
}

/// What the candidates say about an open generic.
enum Choice {
    One(Ty),
    Several(Vec<Ty>),
    /// No candidate meets the bounds: the first bound no candidate meets,
    /// and the candidates tried.
    NoneMeets {
        bound: TraitRef,
        tried: Vec<Ty>,
    },
    /// The index cannot judge a bound: rustc decides.
    Unjudged,
}

/// How many candidates an error names (a crate like reqwest has many types).
const LISTED_CANDIDATES: usize = 8;

impl Checker<'_> {
    /// Remember the result-only generics of a call just checked.
    pub fn open_generics(&mut self, generics: CallGenerics, callee: &str, call: &keyton_hir::Expr) {
        self.generic_ties.extend(generics.ties);
        for generic in generics.result_only {
            self.open_generics.push(OpenGeneric {
                generic,
                callee: callee.to_string(),
                span: call.span,
                result: call.ty.clone(),
                binding: None,
            });
        }
    }

    /// `name = value`: the annotation an error suggests for a generic of
    /// the call `value` names the variable.
    pub fn name_open_generics(&mut self, name: &str, value: &keyton_hir::Expr) {
        for open in &mut self.open_generics {
            if open.span == value.span {
                open.binding = Some(name.to_string());
            }
        }
    }

    /// Where the checker needs `ty` now (a method call, a field): pick the
    /// generics it is still open in. The error if one cannot be picked.
    pub fn settle_generics_in(&mut self, ty: &Ty) -> Option<Diagnostic> {
        let mut vars = Vec::new();
        collect_vars(&self.infer.resolve(ty), &mut vars);
        let mut error = None;
        for i in (0..self.open_generics.len()).rev() {
            let var = self.infer.resolve(&self.open_generics[i].generic.var);
            if matches!(var, Ty::Infer(v) if vars.contains(&v)) {
                let open = self.open_generics.remove(i);
                error = error.or(self.settle(&open));
            }
        }
        error
    }

    /// `ty` as far as known where the checker needs it now (a method is
    /// called on it, a field read): an open generic it is is picked.
    pub fn resolve_settled(&mut self, ty: &Ty) -> crate::Res<Ty> {
        let resolved = self.infer.resolve_now(ty);
        if !matches!(resolved, Ty::Infer(_)) {
            return Ok(resolved);
        }
        if let Some(error) = self.settle_generics_in(&resolved) {
            return Err(self.report(error));
        }
        Ok(self.infer.resolve_now(ty))
    }

    /// At the end of checking: pick each generic still open, or say why not.
    pub fn settle_all_generics(&mut self) -> Vec<Diagnostic> {
        let open = std::mem::take(&mut self.open_generics);
        open.iter().filter_map(|o| self.settle(o)).collect()
    }

    fn settle(&mut self, open: &OpenGeneric) -> Option<Diagnostic> {
        if !matches!(self.infer.resolve(&open.generic.var), Ty::Infer(_)) {
            return None;
        }
        let name = &open.generic.name;
        let callee = &open.callee;
        match self.choose(&open.generic) {
            Choice::One(ty) => {
                self.infer.unify(&open.generic.var, &ty);
                None
            }
            Choice::Unjudged => None,
            Choice::Several(fits) => {
                let example = self.annotation_example(open, &fits[0]);
                // Reported: the first fit stands in, so no second error
                // (`cannot infer`) follows from this one.
                self.infer.unify(&open.generic.var, &fits[0]);
                Some(
                    Diagnostic::error(
                        open.span,
                        format!(
                            "ambiguous: `{name}` of `{callee}` could be {}",
                            self.show_some(&fits)
                        ),
                    )
                    .with_help(format!(
                        "nothing here decides `{name}`; say which with an annotation, e.g. `{example}`"
                    )),
                )
            }
            Choice::NoneMeets { bound, tried } => {
                self.infer.unify(&open.generic.var, &Ty::Never);
                Some(
                    Diagnostic::error(
                        open.span,
                        format!(
                            "no candidate for `{name}` of `{callee}` implements `{}`",
                            crate::finish::public_path(self.index, &bound.path).join(".")
                        ),
                    )
                    .with_help(format!(
                        "the candidates are {}; write the type you want, `let x: Type = ...`",
                        self.show_some(&tried)
                    )),
                )
            }
        }
    }

    /// Types for an error, the first few of many.
    fn show_some(&self, types: &[Ty]) -> String {
        let shown: Vec<String> = types
            .iter()
            .take(LISTED_CANDIDATES)
            .map(|t| self.show(t))
            .collect();
        match types.len().saturating_sub(LISTED_CANDIDATES) {
            0 => shown.join(", "),
            more => format!("{} and {more} more", shown.join(", ")),
        }
    }

    /// `let x: i64 = ...`, with the call's result type as the user would
    /// write it if the generic were `pick`.
    fn annotation_example(&self, open: &OpenGeneric, pick: &Ty) -> String {
        let name = open.binding.as_deref().unwrap_or("x");
        let Ty::Infer(v) = self.infer.resolve(&open.generic.var) else {
            return format!("let {name}: {pick} = ...");
        };
        let shown = replace_var(&self.infer.resolve_for_display(&open.result), v, pick);
        let shown = crate::finish::nameable_paths(self.index, &shown);
        format!("let {name}: {shown} = ...")
    }

    fn choose(&mut self, generic: &ResultGeneric) -> Choice {
        let bounds: Vec<TraitRef> = generic
            .bounds
            .iter()
            .map(|b| map_bound(b, &mut |t| self.infer.resolve(t)))
            .collect();
        if !bounds.iter().all(|b| self.judged(b)) || self.tied(&generic.var) {
            return Choice::Unjudged;
        }
        let candidates = self.candidates(&bounds);
        let fits: Vec<Ty> = candidates
            .iter()
            .filter(|c| bounds.iter().all(|b| self.meets(c, &b.path, BOUND_DEPTH)))
            .cloned()
            .collect();
        match fits.as_slice() {
            [one] => Choice::One(one.clone()),
            [] => {
                // std's stub is not all of std: a std trait none of the
                // candidates has there may still be met in Rust.
                if bounds.iter().any(|b| b.path[0] == "std") {
                    return Choice::Unjudged;
                }
                let unmet = bounds
                    .iter()
                    .find(|b| {
                        !candidates
                            .iter()
                            .any(|c| self.meets(c, &b.path, BOUND_DEPTH))
                    })
                    .unwrap_or(&bounds[0]);
                Choice::NoneMeets {
                    bound: unmet.clone(),
                    tried: candidates,
                }
            }
            _ => Choice::Several(fits),
        }
    }

    /// Whether a bound the checker does not solve mentions `var`.
    fn tied(&self, var: &Ty) -> bool {
        let Ty::Infer(var) = self.infer.resolve(var) else {
            return false;
        };
        self.generic_ties.iter().any(|b| {
            let mut vars = Vec::new();
            for t in b.args.iter().chain(b.bindings.iter().map(|(_, t)| t)) {
                collect_vars(&self.infer.resolve(t), &mut vars);
            }
            vars.contains(&var)
        })
    }

    /// Whether the index can tell which types meet `bound`: a trait it
    /// knows, without arguments (`T: From<X>` is left to rustc).
    fn judged(&self, bound: &TraitRef) -> bool {
        bound.args.is_empty()
            && bound.bindings.is_empty()
            && self.index.trait_def(&bound.path).is_some()
    }
}

/// The generics of `sig` only its result mentions, and the bounds that
/// may tie generics to others, instantiated by `map`.
pub fn call_generics(sig: &FnSig, map: &HashMap<String, Ty>) -> CallGenerics {
    let instantiate = |b: &TraitRef| map_bound(b, &mut |t| subst(t, map));
    let result_only = sig
        .generics
        .iter()
        .filter(|g| result_only(sig, &g.name))
        .map(|g| ResultGeneric {
            name: g.name.clone(),
            var: map[&g.name].clone(),
            bounds: g.bounds.iter().map(instantiate).collect(),
        })
        .collect();
    // Closures are checked against their `Fn*` bounds: those tie nothing
    // the checker does not see.
    let closure = |b: &TraitRef| {
        b.path
            .last()
            .is_some_and(|l| matches!(l.as_str(), "Fn" | "FnMut" | "FnOnce"))
    };
    let ties = sig
        .generics
        .iter()
        .flat_map(|g| &g.bounds)
        .chain(sig.predicates.iter().flat_map(|(_, bounds)| bounds))
        .filter(|b| !closure(b) && (!b.args.is_empty() || !b.bindings.is_empty()))
        .map(instantiate)
        .collect();
    CallGenerics { result_only, ties }
}

/// Whether the generic `name` of `sig` appears in its result but in no
/// parameter, nor in another generic's bounds or a where clause (which
/// could tie it to one: `map<B, F: FnMut(T) -> B>`).
fn result_only(sig: &FnSig, name: &str) -> bool {
    let mentions = |ty: &Ty| {
        let mut found = false;
        mentions_param(ty, name, &mut found);
        found
    };
    let in_bound = |b: &TraitRef| {
        b.args
            .iter()
            .chain(b.bindings.iter().map(|(_, t)| t))
            .any(mentions)
    };
    mentions(&sig.ret)
        && !sig.params.iter().any(|(_, t)| mentions(t))
        && !sig
            .generics
            .iter()
            .filter(|g| g.name != name)
            .flat_map(|g| &g.bounds)
            .any(in_bound)
        && !sig
            .predicates
            .iter()
            .any(|(ty, bounds)| mentions(ty) || bounds.iter().any(in_bound))
}

fn mentions_param(ty: &Ty, name: &str, found: &mut bool) {
    if matches!(ty, Ty::Param(p) if p == name) {
        *found = true;
    }
    crate::infer::map_ty(ty, &mut |t| {
        mentions_param(t, name, found);
        t.clone()
    });
}

/// `ty` with the variable `var` replaced by `by`.
fn replace_var(ty: &Ty, var: u32, by: &Ty) -> Ty {
    match ty {
        Ty::Infer(v) if *v == var => by.clone(),
        _ => crate::infer::map_ty(ty, &mut |t| replace_var(t, var, by)),
    }
}
