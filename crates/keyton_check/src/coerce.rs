//! The implicit conversions of Keyton values at Rust boundaries (spec §8):
//! borrows for `&T` parameters, `&str` from `String`, literals that take the
//! numeric type wanted, checked integer conversions, copies out of references
//! to Copy values; and moves, when a value is used by value.

use crate::types::deref;
use crate::{Checker, Res};
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{IntTy, Ty};
use keyton_syntax::ast;
use std::collections::HashMap;

impl Checker<'_> {
    /// An integer literal passed for an `Into<U>`-bounded generic (`wrap(text,
    /// 20)` where `U` is `Options`) takes an integer type `U` converts from
    /// (`impl From<usize> for Options`), i64 first; the literal's i64
    /// default would not convert.
    pub fn settle_into_literals(&mut self, into_targets: &HashMap<u32, Ty>) {
        for (var, target) in into_targets {
            let arg = Ty::Infer(*var);
            if !self.infer.is_int_literal_var(&arg) {
                continue;
            }
            let target = self.infer.resolve(target);
            let sources: Vec<Ty> = self
                .index
                .impls_for(&target)
                .iter()
                .filter_map(|imp| {
                    let tr = imp.trait_ref.as_ref()?;
                    let from = (tr.path.last()? == "From").then(|| tr.args.first())??;
                    matches!(from, Ty::Int(_)).then(|| from.clone())
                })
                .collect();
            let i64 = Ty::Int(IntTy::I64);
            if let Some(int) = sources.iter().find(|t| **t == i64).or(sources.first()) {
                self.infer.unify(&arg, int);
            }
        }
    }

    /// `HashMap.from_iter(pairs)`: the item type of the argument passed for
    /// `I: IntoIterator<Item = (K, V)>` decides `K` and `V`.
    pub fn settle_assoc_bindings(&mut self, bindings: &[(u32, String, String, Ty)]) {
        for (var, trait_name, assoc, want) in bindings {
            let arg = self.infer.resolve(&Ty::Infer(*var));
            if matches!(arg, Ty::Infer(_)) {
                continue;
            }
            if let Some(got) = self.assoc_of(&arg, trait_name, assoc) {
                self.infer.unify(&got, want);
            }
        }
    }

    /// An expression used by value (stored, passed, returned): converted
    /// towards `expected`, and moved out of its variable unless it is Copy.
    pub fn value(&mut self, e: &ast::Expr, expected: Option<&Ty>) -> Res<hir::Expr> {
        let x = self.expr(e, expected)?;
        let x = match expected {
            Some(want) => self.coerce(x, want),
            None => self.materialize(x),
        };
        self.consume(x)
    }

    /// A value as Keyton stores it when nothing else is wanted: `String`
    /// for a string literal, `i64`/`f64` for other Rust numbers, plain values
    /// for references to Copy values.
    pub fn materialize(&mut self, x: hir::Expr) -> hir::Expr {
        let ty = self.infer.shallow(&x.ty);
        match &ty {
            Ty::Ref { inner, .. } if **inner == Ty::Str => self.owned_string(x),
            Ty::Ref {
                mutable: false,
                inner,
            } if self.is_copy(inner) => {
                let inner = (**inner).clone();
                let derefed = self.mk(ExprKind::Deref(Box::new(x.clone())), inner, x.span);
                self.materialize(derefed)
            }
            Ty::Int(t) if *t != IntTy::I64 => self.convert(x, Ty::I64),
            Ty::Float(keyton_index::FloatTy::F32) => {
                let span = x.span;
                self.mk(
                    ExprKind::As {
                        expr: Box::new(x),
                        to: Ty::F64,
                    },
                    Ty::F64,
                    span,
                )
            }
            _ if self.is_option_of_copy_ref(&ty) => self.copied(x),
            _ => x,
        }
    }

    /// Adjust `x` towards `want` where Keyton converts implicitly. What cannot
    /// be converted comes back unchanged, for the caller to report.
    pub fn coerce(&mut self, x: hir::Expr, want: &Ty) -> hir::Expr {
        let have = self.infer.shallow(&x.ty);
        let want = self.infer.shallow(want);
        let is_str_ref = matches!(&have, Ty::Ref { inner, .. } if **inner == Ty::Str);
        if matches!(want, Ty::Infer(_)) {
            return if is_str_ref || !self.infer.is_int_literal_var(&want) {
                let x = self.materialize(x);
                self.infer.unify(&x.ty, &want);
                x
            } else {
                x
            };
        }
        if self.infer.unify(&have, &want) {
            return x;
        }
        let span = x.span;
        if let (ExprKind::Str(s), Ty::Char) = (&x.kind, &want) {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                return self.mk(ExprKind::Char(c), Ty::Char, span);
            }
        }
        match (&have, &want) {
            (
                Ty::Ref {
                    mutable: false,
                    inner,
                },
                w,
            ) if !self.is_copy(inner)
                && !matches!(w, Ty::Ref { .. })
                && self.infer.can_unify(inner, w) =>
            {
                // A borrowed value stored where a value is wanted: a copy of
                // it, as a Python user expects (`best = x` in a loop).
                let inner = (**inner).clone();
                self.infer.unify(&inner, w);
                self.mk(ExprKind::Clone(Box::new(x)), inner, span)
            }
            (Ty::Ref { inner, .. }, w) if **inner == Ty::Str && w.is_adt("String") => {
                self.owned_string(x)
            }
            (
                Ty::Ref { inner, .. },
                Ty::Ref {
                    mutable: false,
                    inner: w,
                },
            ) if **inner == Ty::Str && self.infer.resolve(w).is_adt("String") => {
                let owned = self.owned_string(x);
                self.mk(
                    ExprKind::Ref {
                        mutable: false,
                        expr: Box::new(owned),
                    },
                    want.clone(),
                    span,
                )
            }
            (_, Ty::Ref { mutable, inner }) if self.derefs_to(&have, inner) => {
                let mutable = *mutable;
                self.mk(
                    ExprKind::Ref {
                        mutable,
                        expr: Box::new(x),
                    },
                    want.clone(),
                    span,
                )
            }
            (
                Ty::Ref {
                    mutable: false,
                    inner,
                },
                _,
            ) if self.is_copy(inner) => {
                let inner = (**inner).clone();
                let derefed = self.mk(ExprKind::Deref(Box::new(x)), inner, span);
                self.coerce(derefed, &want)
            }
            (Ty::Int(_), Ty::Int(_)) => self.convert(x, want.clone()),
            (Ty::Infer(_), Ty::Int(_)) if self.infer.is_int_literal_var(&have) => {
                self.infer.unify(&have, &want);
                x
            }
            (Ty::Int(_) | Ty::Infer(_), Ty::Float(_)) if matches!(x.kind, ExprKind::Int(_)) => {
                let ExprKind::Int(n) = x.kind else {
                    unreachable!("matched above")
                };
                self.mk(ExprKind::Float(n as f64), want.clone(), span)
            }
            (Ty::Float(_), Ty::Float(_)) => self.mk(
                ExprKind::As {
                    expr: Box::new(x),
                    to: want.clone(),
                },
                want.clone(),
                span,
            ),
            _ if self.is_option_of_copy_ref(&have) => {
                let copied = self.copied(x);
                self.infer.unify(&copied.ty, &want);
                copied
            }
            _ => x,
        }
    }

    /// Whether a `&target` can be made from a `have` value: the same type,
    /// or through Deref (`String` to `str`, `Vec<T>` to `[T]`).
    fn derefs_to(&mut self, have: &Ty, target: &Ty) -> bool {
        let target = self.infer.shallow(target);
        if self.infer.unify(have, &target) {
            return true;
        }
        let have = self.infer.resolve(have);
        match (&have, &target) {
            (h, Ty::Str) => h.is_adt("String"),
            (h, Ty::Slice(elem)) if h.is_adt("Vec") => {
                let arg = h.args()[0].clone();
                self.infer.unify(&arg, elem)
            }
            _ => false,
        }
    }

    /// Use `x` by value: a variable of a non-Copy type moves; a value inside
    /// a list, map or struct is cloned (it cannot be moved out of there).
    pub fn consume(&mut self, x: hir::Expr) -> Res<hir::Expr> {
        if self.is_copy(&x.ty) {
            return Ok(x);
        }
        match &x.kind {
            // A session variable stays in the session: using it by value
            // takes a copy (its guard cannot give the value away).
            ExprKind::Local(name) if hir::global_name(name).is_some() => {
                let (ty, span) = (x.ty.clone(), x.span);
                let resolved = self.infer.resolve(&ty);
                let clonable = match &resolved {
                    Ty::Adt { .. } => self.implements(&resolved, "Clone"),
                    _ => true,
                };
                if clonable {
                    return Ok(self.mk(ExprKind::Clone(Box::new(x)), ty, span));
                }
                // A value that cannot be copied (a crate's `Response`) moves
                // out of the session: the variable is gone afterwards.
                let keyton_name = hir::global_name(name).unwrap_or(name).to_string();
                if let Some(id) = self.scopes.lookup(&keyton_name) {
                    self.scopes.get_mut(id).moved = Some(span);
                }
                Ok(self.mk(ExprKind::TakeGlobal(Box::new(x)), ty, span))
            }
            ExprKind::Local(name) => {
                // A move inside a loop of a value defined before it is left
                // to rustc, whose error names the loop.
                if let Some(id) = self.scopes.lookup(name) {
                    self.scopes.get_mut(id).moved = Some(x.span);
                }
                Ok(x)
            }
            ExprKind::Index { .. }
            | ExprKind::Field { .. }
            | ExprKind::TupleField { .. }
            | ExprKind::Deref(_) => {
                let (ty, span) = (x.ty.clone(), x.span);
                Ok(self.mk(ExprKind::Clone(Box::new(x)), ty, span))
            }
            _ => Ok(x),
        }
    }

    pub fn owned_string(&mut self, x: hir::Expr) -> hir::Expr {
        let span = x.span;
        self.mk(
            ExprKind::MethodCall {
                receiver: Box::new(x),
                method: "to_string".into(),
                turbofish: vec![],
                args: vec![],
            },
            Ty::string(),
            span,
        )
    }

    /// A checked conversion between integer types.
    pub fn convert(&mut self, x: hir::Expr, to: Ty) -> hir::Expr {
        if let ExprKind::Int(n) = x.kind
            && matches!(to, Ty::Int(_))
        {
            return self.mk(ExprKind::Int(n), to, x.span);
        }
        let span = x.span;
        self.mk(ExprKind::Convert(Box::new(x)), to, span)
    }

    fn is_option_of_copy_ref(&self, ty: &Ty) -> bool {
        let ty = self.infer.resolve(ty);
        ty.is_adt("Option")
            && matches!(&ty.args()[0], Ty::Ref { mutable: false, inner } if self.is_copy(inner))
    }

    /// `Option<&T>` to `Option<T>` for Copy `T`.
    fn copied(&mut self, x: hir::Expr) -> hir::Expr {
        let ty = self.infer.resolve(&x.ty);
        let inner = deref(&ty.args()[0]).clone();
        let span = x.span;
        self.mk(
            ExprKind::MethodCall {
                receiver: Box::new(x),
                method: "copied".into(),
                turbofish: vec![],
                args: vec![],
            },
            Ty::option(inner),
            span,
        )
    }
}
