//! Operators on Rust types, through the types' trait impls (`Add`,
//! `Neg`, ...): which impl applies, what it gives, and whether a variable
//! operand is borrowed or moved into it.

use crate::infer::subst;
use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, BinaryOp, ExprKind};
use keyton_index::{IntTy, Ty};
use keyton_syntax::ast::BinOp;

impl Checker<'_> {
    /// The operands of a Rust operator impl. As in Python, `a * b` leaves
    /// its variables usable: a variable is borrowed where the type has an
    /// impl for references (`impl Mul<&BigInt> for &BigInt`), else moved.
    pub fn operator_operands(
        &mut self,
        op: BinOp,
        l: hir::Expr,
        r: hir::Expr,
    ) -> Res<(hir::Expr, hir::Expr)> {
        let (lb, rb) = (self.is_borrowable(&l), self.is_borrowable(&r));
        let typed = |x: &hir::Expr, by_ref: bool| {
            if by_ref {
                Ty::reference(x.ty.clone())
            } else {
                x.ty.clone()
            }
        };
        for (by_ref_l, by_ref_r) in [(lb, rb), (lb, false), (false, rb)] {
            let (lt, rt) = (typed(&l, by_ref_l), typed(&r, by_ref_r));
            if (by_ref_l || by_ref_r) && self.operator_impl(op, &lt, &rt).is_some() {
                let operand = |c: &mut Self, x, by_ref| {
                    if by_ref {
                        Ok(crate::pattern::borrow(x))
                    } else {
                        c.consume(x)
                    }
                };
                let l = operand(self, l, by_ref_l)?;
                return Ok((l, operand(self, r, by_ref_r)?));
            }
        }
        Ok((self.consume(l)?, self.consume(r)?))
    }

    /// A Rust operator impl from the index (`impl Add<Rhs> for T { type Output }`).
    pub fn operator_impl(&mut self, op: BinOp, l: &Ty, r: &Ty) -> Option<(BinaryOp, Ty)> {
        let (name, rop) = match op {
            BinOp::Add => ("Add", BinaryOp::Add),
            BinOp::Sub => ("Sub", BinaryOp::Sub),
            BinOp::Mul => ("Mul", BinaryOp::Mul),
            BinOp::Div => ("Div", BinaryOp::Div),
            BinOp::Mod => ("Rem", BinaryOp::Rem),
            _ => return None,
        };
        let out = self.trait_output(l, name, r)?;
        Some((rop, out))
    }

    /// `Output` of `impl Trait<rhs> for lhs` (operators on Rust types).
    pub fn trait_output(&mut self, lhs: &Ty, trait_name: &str, rhs: &Ty) -> Option<Ty> {
        // An integer literal is i64 where an impl takes i64 (`big * 300`,
        // `3 * big`), not the first integer type some impl takes (`u8`,
        // where 300 wraps), nor left open (no impl is found for it).
        let i64 = Ty::Int(IntTy::I64);
        let settled = |c: &Self, t: &Ty| {
            if c.infer.is_int_literal_var(t) {
                i64.clone()
            } else {
                t.clone()
            }
        };
        let (l, r) = (settled(self, lhs), settled(self, rhs));
        // Impls are found by the left type's head: `n * big` needs `n`'s
        // variable resolved to `i64`.
        let l = self.infer.resolve(&l);
        if (l != *lhs || r != *rhs)
            && let Some(out) = self.trait_output_for(&l, trait_name, &r)
        {
            self.infer.unify(lhs, &l);
            self.infer.unify(rhs, &r);
            return Some(out);
        }
        self.trait_output_for(lhs, trait_name, rhs)
    }

    fn trait_output_for(&mut self, lhs: &Ty, trait_name: &str, rhs: &Ty) -> Option<Ty> {
        for imp in self.impls_ordered(lhs) {
            let Some(tr) = &imp.trait_ref else { continue };
            if tr.path.last().is_none_or(|l| l != trait_name) {
                continue;
            }
            let Some(map) = self.match_impl(&imp.generics, &imp.self_ty, lhs) else {
                continue;
            };
            let arg = tr
                .args
                .first()
                .map_or_else(|| lhs.clone(), |a| subst(a, &map));
            if !self.infer.unify(&arg, rhs) {
                continue;
            }
            let out = imp
                .assoc_types
                .iter()
                .find(|(n, _)| n == "Output")
                .map(|(_, t)| subst(t, &map))?;
            return Some(self.normalize(&out));
        }
        None
    }

    /// `-x` through the type's `Neg` impl, borrowing a variable where `&T`
    /// has one (`-big` leaves `big` usable); `None` without an impl.
    pub fn negation(&mut self, x: hir::Expr, span: Span) -> Res<Option<hir::Expr>> {
        let by_ref = self.is_borrowable(&x)
            && self
                .assoc_of(&Ty::reference(x.ty.clone()), "Neg", "Output")
                .is_some();
        let x = if by_ref {
            crate::pattern::borrow(x)
        } else {
            self.consume(x)?
        };
        let Some(out) = self.assoc_of(&x.ty, "Neg", "Output") else {
            return Ok(None);
        };
        let negated = ExprKind::Unary {
            op: hir::UnaryOp::Neg,
            operand: Box::new(x),
        };
        Ok(Some(self.mk(negated, out, span)))
    }

    /// A variable (not a temporary) whose type is known not to be Copy:
    /// one an operator impl for references can borrow.
    fn is_borrowable(&self, x: &hir::Expr) -> bool {
        let mut vars = Vec::new();
        crate::infer::collect_vars(&self.infer.resolve(&x.ty), &mut vars);
        // A variable of a type still open may turn out to be Copy.
        matches!(x.kind, ExprKind::Local(_)) && vars.is_empty() && !self.is_copy(&x.ty)
    }
}
