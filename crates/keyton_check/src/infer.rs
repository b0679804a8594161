//! Type inference by unification over [`Ty`], with `Ty::Infer` variables.
//!
//! Variables may carry a default (a list literal's element stays open until a
//! `push`; `collect()` defaults to a `Vec`), applied when a statement ends or
//! when the checker needs the type now.

use keyton_index::{IntTy, TraitRef, Ty};
use std::collections::{HashMap, HashSet};

#[derive(Default)]
pub struct Infer {
    bindings: Vec<Option<Ty>>,
    defaults: HashMap<u32, Ty>,
    /// Variables that stand for an integer literal's type: they resolve to any
    /// integer type, and to i64 by default.
    int_literals: HashSet<u32>,
    /// Variables bound by the unification under way, to undo it if it fails.
    trail: Vec<u32>,
}

impl Infer {
    pub fn fresh(&mut self) -> Ty {
        self.bindings.push(None);
        Ty::Infer(self.bindings.len() as u32 - 1)
    }

    /// A variable that falls back to `default` if nothing else decides it.
    pub fn fresh_with_default(&mut self, default: Ty) -> Ty {
        let ty = self.fresh();
        if let Ty::Infer(v) = ty {
            self.defaults.insert(v, default);
        }
        ty
    }

    pub fn int_literal(&mut self) -> Ty {
        let ty = self.fresh_with_default(Ty::I64);
        if let Ty::Infer(v) = ty {
            self.int_literals.insert(v);
        }
        ty
    }

    /// Follow variable bindings at the top level only.
    pub fn shallow(&self, ty: &Ty) -> Ty {
        let mut ty = ty.clone();
        while let Ty::Infer(v) = ty {
            match &self.bindings[v as usize] {
                Some(bound) => ty = bound.clone(),
                None => break,
            }
        }
        ty
    }

    /// Substitute every bound variable, deeply.
    pub fn resolve(&self, ty: &Ty) -> Ty {
        map_ty(&self.shallow(ty), &mut |t| self.resolve(t))
    }

    /// Resolve for an error message: integer literals read as `i64`.
    pub fn resolve_for_display(&self, ty: &Ty) -> Ty {
        match self.shallow(ty) {
            Ty::Infer(v) if self.int_literals.contains(&v) => Ty::I64,
            t => map_ty(&t, &mut |t| self.resolve_for_display(t)),
        }
    }

    /// Resolve, applying the defaults of variables still open.
    pub fn resolve_now(&mut self, ty: &Ty) -> Ty {
        let resolved = self.resolve(ty);
        let mut open = Vec::new();
        collect_vars(&resolved, &mut open);
        let mut changed = false;
        for v in open {
            if let Some(default) = self.defaults.get(&v).cloned() {
                self.bindings[v as usize] = Some(default);
                changed = true;
            }
        }
        if changed {
            self.resolve_now(&resolved)
        } else {
            resolved
        }
    }

    /// Apply every pending default (at the end of a statement).
    pub fn apply_defaults(&mut self) {
        let pending: Vec<(u32, Ty)> = self
            .defaults
            .iter()
            .filter(|(v, _)| self.bindings[**v as usize].is_none())
            .map(|(v, t)| (*v, t.clone()))
            .collect();
        for (v, default) in pending {
            if self.bindings[v as usize].is_none() {
                self.bindings[v as usize] = Some(default);
            }
        }
    }

    /// Make `a` and `b` the same type; false when they cannot be, and then
    /// nothing is bound (no need to ask `can_unify` first).
    pub fn unify(&mut self, a: &Ty, b: &Ty) -> bool {
        let mark = self.trail.len();
        let ok = self.unify_inner(a, b);
        if !ok {
            self.undo(mark);
        }
        self.trail.truncate(mark);
        ok
    }

    /// Whether `a` and `b` could be made the same, without binding anything.
    pub fn can_unify(&mut self, a: &Ty, b: &Ty) -> bool {
        let mark = self.trail.len();
        let ok = self.unify_inner(a, b);
        self.undo(mark);
        ok
    }

    /// Unbind the variables bound since `mark` (cheaper than copying every
    /// binding before each attempt: unification is on the checker's hot path).
    fn undo(&mut self, mark: usize) {
        for v in self.trail.drain(mark..) {
            self.bindings[v as usize] = None;
        }
    }

    fn bind(&mut self, v: u32, ty: &Ty) -> bool {
        if self.int_literals.contains(&v) {
            match ty {
                Ty::Int(_) => {}
                Ty::Infer(w) if self.int_literals.contains(w) => {}
                Ty::Infer(w) => {
                    // The other variable takes on the literal's nature.
                    self.int_literals.insert(*w);
                    self.defaults.entry(*w).or_insert(Ty::I64);
                }
                _ => return false,
            }
        }
        if occurs(v, &self.resolve(ty)) {
            return false;
        }
        self.bindings[v as usize] = Some(ty.clone());
        self.trail.push(v);
        true
    }

    fn unify_inner(&mut self, a: &Ty, b: &Ty) -> bool {
        let (a, b) = (self.shallow(a), self.shallow(b));
        match (&a, &b) {
            (Ty::Infer(x), Ty::Infer(y)) if x == y => true,
            (Ty::Infer(x), _) => self.bind(*x, &b),
            (_, Ty::Infer(y)) => self.bind(*y, &a),
            (Ty::Tuple(xs), Ty::Tuple(ys)) => self.unify_all(xs, ys),
            (
                Ty::Ref {
                    mutable: m1,
                    inner: i1,
                },
                Ty::Ref {
                    mutable: m2,
                    inner: i2,
                },
            ) => m1 == m2 && self.unify_inner(i1, i2),
            (Ty::Slice(x), Ty::Slice(y)) => self.unify_inner(x, y),
            (Ty::Array(x, n), Ty::Array(y, m)) => n == m && self.unify_inner(x, y),
            (Ty::Adt { path: p1, args: a1 }, Ty::Adt { path: p2, args: a2 }) => {
                p1 == p2 && self.unify_all(a1, a2)
            }
            (
                Ty::Fn {
                    params: p1,
                    ret: r1,
                },
                Ty::Fn {
                    params: p2,
                    ret: r2,
                },
            ) => self.unify_all(p1, p2) && self.unify_inner(r1, r2),
            (Ty::Opaque(b1), Ty::Opaque(b2)) => self.unify_bounds(b1, b2),
            (Ty::Never, _) | (_, Ty::Never) => true,
            _ => a == b,
        }
    }

    fn unify_all(&mut self, xs: &[Ty], ys: &[Ty]) -> bool {
        xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| self.unify_inner(x, y))
    }

    fn unify_bounds(&mut self, xs: &[TraitRef], ys: &[TraitRef]) -> bool {
        xs.len() == ys.len()
            && xs.iter().zip(ys).all(|(x, y)| {
                x.path == y.path
                    && self.unify_all(&x.args, &y.args)
                    && x.bindings.len() == y.bindings.len()
                    && x.bindings
                        .iter()
                        .zip(&y.bindings)
                        .all(|((n1, t1), (n2, t2))| n1 == n2 && self.unify_inner(t1, t2))
            })
    }

    /// The integer type of `ty` if it is one (or a literal's variable, as i64).
    pub fn int_ty(&self, ty: &Ty) -> Option<IntTy> {
        match self.shallow(ty) {
            Ty::Int(t) => Some(t),
            Ty::Infer(v) if self.int_literals.contains(&v) => Some(IntTy::I64),
            _ => None,
        }
    }

    pub fn is_int_literal_var(&self, ty: &Ty) -> bool {
        matches!(self.shallow(ty), Ty::Infer(v) if self.int_literals.contains(&v))
    }
}

fn occurs(v: u32, ty: &Ty) -> bool {
    let mut vars = Vec::new();
    collect_vars(ty, &mut vars);
    vars.contains(&v)
}

/// Every inference variable in `ty`.
pub fn collect_vars(ty: &Ty, out: &mut Vec<u32>) {
    if let Ty::Infer(v) = ty {
        out.push(*v);
    }
    map_ty(ty, &mut |t| {
        collect_vars(t, out);
        t.clone()
    });
}

/// Rebuild `ty` with `f` applied to each direct component type.
pub fn map_ty(ty: &Ty, f: &mut dyn FnMut(&Ty) -> Ty) -> Ty {
    let bound = |b: &TraitRef, f: &mut dyn FnMut(&Ty) -> Ty| map_bound(b, f);
    match ty {
        Ty::Tuple(items) => Ty::Tuple(items.iter().map(f).collect()),
        Ty::Ref { mutable, inner } => Ty::Ref {
            mutable: *mutable,
            inner: Box::new(f(inner)),
        },
        Ty::Slice(inner) => Ty::Slice(Box::new(f(inner))),
        Ty::Array(inner, n) => Ty::Array(Box::new(f(inner)), *n),
        Ty::Adt { path, args } => Ty::Adt {
            path: path.clone(),
            args: args.iter().map(f).collect(),
        },
        Ty::Assoc {
            base,
            trait_path,
            name,
        } => Ty::Assoc {
            base: Box::new(f(base)),
            trait_path: trait_path.clone(),
            name: name.clone(),
        },
        Ty::Fn { params, ret } => Ty::Fn {
            params: params.iter().map(&mut *f).collect(),
            ret: Box::new(f(ret)),
        },
        Ty::Opaque(bounds) => Ty::Opaque(bounds.iter().map(|b| bound(b, f)).collect()),
        Ty::Dyn(bounds) => Ty::Dyn(bounds.iter().map(|b| bound(b, f)).collect()),
        other => other.clone(),
    }
}

/// Rebuild a trait bound with `f` applied to its argument types.
pub fn map_bound(b: &TraitRef, f: &mut dyn FnMut(&Ty) -> Ty) -> TraitRef {
    TraitRef {
        path: b.path.clone(),
        args: b.args.iter().map(&mut *f).collect(),
        bindings: b.bindings.iter().map(|(n, t)| (n.clone(), f(t))).collect(),
    }
}

/// Replace generic parameters by name.
pub fn subst(ty: &Ty, params: &HashMap<String, Ty>) -> Ty {
    match ty {
        Ty::Param(name) => params.get(name).cloned().unwrap_or_else(|| ty.clone()),
        _ => map_ty(ty, &mut |t| subst(t, params)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_through_variables_and_applies_defaults() {
        let mut infer = Infer::default();
        let elem = infer.fresh();
        let list = Ty::vec(elem.clone());
        assert!(infer.unify(&list, &Ty::vec(Ty::F64)));
        assert_eq!(infer.resolve(&elem), Ty::F64);
        let lit = infer.int_literal();
        assert!(!infer.unify(&lit, &Ty::string()));
        assert_eq!(infer.resolve_now(&lit), Ty::I64);
    }

    #[test]
    fn failed_unification_leaves_no_partial_bindings() {
        let mut infer = Infer::default();
        let a = infer.fresh();
        let t1 = Ty::Tuple(vec![a.clone(), Ty::Bool]);
        let t2 = Ty::Tuple(vec![Ty::I64, Ty::F64]);
        assert!(!infer.unify(&t1, &t2));
        assert!(matches!(infer.resolve(&a), Ty::Infer(_)));
    }
}
