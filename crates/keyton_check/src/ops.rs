//! Operators with Python 3 meaning on Keyton's numbers and strings (`/` is
//! true division, `//` and `%` floor, `**` power, `+` joins strings, `in`
//! tests membership), Rust's trait impls on other types.

use crate::types::deref;
use crate::{Checker, Res, nonneg};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, BinaryOp, ExprKind, RuntimeFn};
use keyton_index::{IntTy, Ty};
use keyton_syntax::ast::{self, BinOp, UnaryOp};

impl Checker<'_> {
    pub fn unary(&mut self, op: UnaryOp, operand: &ast::Expr, span: Span) -> Res<hir::Expr> {
        match op {
            UnaryOp::Not => {
                let x = self.condition(operand)?;
                Ok(self.mk(
                    ExprKind::Unary {
                        op: hir::UnaryOp::Not,
                        operand: Box::new(x),
                    },
                    Ty::Bool,
                    span,
                ))
            }
            UnaryOp::Neg => {
                let x = self.expr(operand, None)?;
                let x = self.numeric_operand(x);
                let ty = self.infer.shallow(&x.ty);
                if !ty.is_numeric() && !self.infer.is_int_literal_var(&ty) {
                    if let Some(negated) = self.negation(x.clone(), span)? {
                        return Ok(negated);
                    }
                    let found = self.show(&ty);
                    return self.error_help(
                        span,
                        format!("cannot negate {found}"),
                        "`-` works on numbers",
                    );
                }
                Ok(self.mk(
                    ExprKind::Unary {
                        op: hir::UnaryOp::Neg,
                        operand: Box::new(x),
                    },
                    ty,
                    span,
                ))
            }
        }
    }

    pub fn binary(
        &mut self,
        op: BinOp,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        span: Span,
    ) -> Res<hir::Expr> {
        match op {
            BinOp::And | BinOp::Or => {
                let (l, r) = (self.condition(lhs)?, self.condition(rhs)?);
                let op = if op == BinOp::And {
                    BinaryOp::And
                } else {
                    BinaryOp::Or
                };
                Ok(self.bin(op, l, r, Ty::Bool, span))
            }
            BinOp::In | BinOp::NotIn => {
                let test = self.contains(lhs, rhs, span)?;
                Ok(if op == BinOp::NotIn {
                    self.mk(
                        ExprKind::Unary {
                            op: hir::UnaryOp::Not,
                            operand: Box::new(test),
                        },
                        Ty::Bool,
                        span,
                    )
                } else {
                    test
                })
            }
            _ => {
                let l = self.expr(lhs, None)?;
                let r = self.expr(rhs, Some(&l.ty))?;
                let native = matches!(op, BinOp::Mod | BinOp::FloorDiv)
                    && !self.scopes.in_lambda()
                    && nonneg::positive_literal(rhs)
                    && nonneg::non_negative(lhs, &self.non_negative);
                let value = self.binary_values(op, l, r, span)?;
                Ok(if native {
                    native_division(value)
                } else {
                    value
                })
            }
        }
    }

    /// A binary operator on checked operands (also used by `x op= y`).
    pub fn binary_values(
        &mut self,
        op: BinOp,
        l: hir::Expr,
        r: hir::Expr,
        span: Span,
    ) -> Res<hir::Expr> {
        // An operand whose type is still open (behind a reference or not)
        // takes the other's: a map's value type decided by `m[k] += 1`.
        self.close_open_operand(&l.ty, &r.ty);
        self.close_open_operand(&r.ty, &l.ty);
        let (l, r) = (self.numeric_operand(l), self.numeric_operand(r));
        let (lt, rt) = (self.infer.resolve(&l.ty), self.infer.resolve(&r.ty));
        if is_stringy(&lt) && is_stringy(&rt) {
            return self.string_op(op, l, r, span);
        }
        if (lt.is_adt("String") || is_str(&lt)) && op == BinOp::Mul {
            let times = self.convert(r, Ty::Int(IntTy::Usize));
            return Ok(self.method_call_raw(l, "repeat", vec![times], Ty::string(), span));
        }
        let numeric = |c: &Self, t: &Ty| t.is_numeric() || c.infer.is_int_literal_var(t);
        if numeric(self, &lt) && numeric(self, &rt) {
            return self.numeric_op(op, l, r, span);
        }
        if let Some(cmp) = comparison(op) {
            let r = self.coerce(r, &l.ty);
            let l = self.coerce(l, &r.ty);
            if !self.infer.unify(&l.ty, &r.ty) {
                return Err(self.mismatch(op, &l, &r, span));
            }
            return Ok(self.bin(cmp, l, r, Ty::Bool, span));
        }
        let (l, r) = self.operator_operands(op, l, r)?;
        match self.operator_impl(op, &l.ty, &r.ty) {
            Some((rop, out)) => Ok(self.bin(rop, l, r, out, span)),
            None => Err(self.mismatch(op, &l, &r, span)),
        }
    }

    fn close_open_operand(&mut self, open: &Ty, other: &Ty) {
        let is_open = |c: &Self, t: &Ty| {
            matches!(c.infer.shallow(t), Ty::Infer(_)) && !c.infer.is_int_literal_var(t)
        };
        let target = match self.infer.shallow(open) {
            Ty::Ref { inner, .. } => *inner,
            t => t,
        };
        if is_open(self, &target) && !is_open(self, other) {
            let other = self.infer.resolve_now(other);
            self.infer.unify(&target, deref(&other));
        }
    }

    fn numeric_op(&mut self, op: BinOp, l: hir::Expr, r: hir::Expr, span: Span) -> Res<hir::Expr> {
        let (l, r) = self.same_number_type(op, l, r, span)?;
        let ty = self.infer.shallow(&l.ty);
        let is_float = matches!(ty, Ty::Float(_));
        if let Some(cmp) = comparison(op) {
            return Ok(self.bin(cmp, l, r, Ty::Bool, span));
        }
        let runtime = |c: &mut Self, func, out: Ty| {
            c.mk(
                ExprKind::Runtime {
                    func,
                    args: vec![l.clone(), r.clone()],
                },
                out,
                span,
            )
        };
        Ok(match (op, is_float) {
            (BinOp::Add, _) => self.bin(BinaryOp::Add, l, r, ty, span),
            (BinOp::Sub, _) => self.bin(BinaryOp::Sub, l, r, ty, span),
            (BinOp::Mul, _) => self.bin(BinaryOp::Mul, l, r, ty, span),
            (BinOp::Div, false) => runtime(self, RuntimeFn::TrueDivInt, Ty::F64),
            (BinOp::Div, true) => runtime(self, RuntimeFn::TrueDivFloat, ty),
            (BinOp::FloorDiv, false) => runtime(self, RuntimeFn::FloorDiv, ty),
            (BinOp::FloorDiv, true) => runtime(self, RuntimeFn::FloorDivFloat, ty),
            (BinOp::Mod, false) => runtime(self, RuntimeFn::Modulo, ty),
            (BinOp::Mod, true) => runtime(self, RuntimeFn::ModuloFloat, ty),
            (BinOp::Pow, false) => runtime(self, RuntimeFn::PowInt, ty),
            (BinOp::Pow, true) => self.method_call_raw(l, "powf", vec![r], ty, span),
            _ => unreachable!("logical and membership operators are handled before"),
        })
    }

    /// Both operands as one number type: literals adapt, other integer types
    /// convert to i64; an int mixed with a float is an error.
    fn same_number_type(
        &mut self,
        op: BinOp,
        l: hir::Expr,
        r: hir::Expr,
        span: Span,
    ) -> Res<(hir::Expr, hir::Expr)> {
        // A literal may already carry the other side's type (it was checked
        // expecting it); it is still a literal that can adapt.
        let l_lit = matches!(l.kind, ExprKind::Int(_));
        let r_lit = matches!(r.kind, ExprKind::Int(_));
        // Two literals say their types outright: `1 + 2.0` mixes them (spec
        // §2), where `x * 2` with a float `x` lets the literal adapt.
        let float_lit = |e: &hir::Expr| matches!(e.kind, ExprKind::Float(_));
        if (l_lit && float_lit(&r)) || (r_lit && float_lit(&l)) {
            return Err(self.report(
                Diagnostic::error(span, format!("`{}` between an int and a float literal", op.as_str()))
                    .with_help("Keyton does not mix ints and floats: write both as floats (`1.0`), or convert one side with `float(x)`"),
            ));
        }
        let (lt, rt) = (self.infer.shallow(&l.ty), self.infer.shallow(&r.ty));
        let (l, r) = match (&lt, &rt) {
            // A Rust integer mixed with a Keyton number is an i64 (spec §8):
            // `xs.len() - 2` is -1, not a usize overflow.
            (_, Ty::Int(t)) if l_lit && *t != IntTy::I64 => {
                (self.coerce(l, &Ty::I64), self.convert(r, Ty::I64))
            }
            (Ty::Int(t), _) if r_lit && *t != IntTy::I64 => {
                (self.convert(l, Ty::I64), self.coerce(r, &Ty::I64))
            }
            _ if l_lit && !r_lit => (self.coerce(l, &rt), r),
            _ if r_lit && !l_lit => {
                let r = self.coerce(r, &lt);
                (l, r)
            }
            (Ty::Int(a), Ty::Int(b)) if a != b => {
                (self.convert(l, Ty::I64), self.convert(r, Ty::I64))
            }
            (Ty::Float(a), Ty::Float(b)) if a != b => {
                (self.coerce(l, &Ty::F64), self.coerce(r, &Ty::F64))
            }
            _ => (l, r),
        };
        if !self.infer.unify(&l.ty, &r.ty) {
            let (a, b) = (self.show(&l.ty), self.show(&r.ty));
            return Err(self.report(
                Diagnostic::error(span, format!("`{}` between {a} and {b}", op.as_str()))
                    .label(format!("{a} {} {b}", op.as_str()))
                    .with_help("Keyton does not mix ints and floats: convert one side with `float(x)` or `int(x)`"),
            ));
        }
        Ok((l, r))
    }

    fn string_op(&mut self, op: BinOp, l: hir::Expr, r: hir::Expr, span: Span) -> Res<hir::Expr> {
        if op == BinOp::Add {
            let parts = vec![
                hir::FmtPart::Arg {
                    expr: l,
                    spec: String::new(),
                },
                hir::FmtPart::Arg {
                    expr: r,
                    spec: String::new(),
                },
            ];
            return Ok(self.mk(ExprKind::Format(parts), Ty::string(), span));
        }
        let Some(cmp) = comparison(op) else {
            return Err(self.mismatch(op, &l, &r, span));
        };
        // Compare as `&str` on both sides, whatever mix of String and &str.
        let (l, r) = (self.as_str_ref(l), self.as_str_ref(r));
        Ok(self.bin(cmp, l, r, Ty::Bool, span))
    }

    fn as_str_ref(&mut self, x: hir::Expr) -> hir::Expr {
        let ty = self.infer.resolve(&x.ty);
        if is_str(&ty) {
            return x;
        }
        let span = x.span;
        self.method_call_raw(x, "as_str", vec![], Ty::reference(Ty::Str), span)
    }

    fn bin(&self, op: BinaryOp, l: hir::Expr, r: hir::Expr, ty: Ty, span: Span) -> hir::Expr {
        self.mk(
            ExprKind::Binary {
                op,
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            ty,
            span,
        )
    }

    /// A reference to a Copy number used in arithmetic is read through.
    pub fn numeric_operand(&mut self, x: hir::Expr) -> hir::Expr {
        let ty = self.infer.resolve(&x.ty);
        match &ty {
            Ty::Ref { inner, .. }
                if inner.is_numeric()
                    || self.infer.is_int_literal_var(inner)
                    || **inner == Ty::Bool
                    || **inner == Ty::Char
                    || matches!(**inner, Ty::Ref { .. }) =>
            {
                let inner = (**inner).clone();
                let span = x.span;
                let d = self.mk(ExprKind::Deref(Box::new(x)), inner, span);
                self.numeric_operand(d)
            }
            _ => x,
        }
    }

    /// `x in xs`: membership in a list, a set, a map's keys, a range, or a substring.
    fn contains(&mut self, item: &ast::Expr, within: &ast::Expr, span: Span) -> Res<hir::Expr> {
        let c = self.expr(within, None)?;
        let ct = self.infer.resolve_now(&c.ty);
        let target = deref(&ct).clone();
        let (method, want) = if is_stringy(&target) {
            ("contains", Ty::reference(Ty::Str))
        } else if target.is_adt("HashMap") || target.is_adt("BTreeMap") {
            ("contains_key", Ty::reference(target.args()[0].clone()))
        } else if target.is_adt("Vec")
            || target.is_adt("HashSet")
            || target.is_adt("BTreeSet")
            || target.is_adt("VecDeque")
            || target.is_adt("Range")
        {
            ("contains", Ty::reference(target.args()[0].clone()))
        } else if let Ty::Slice(elem) = &target {
            ("contains", Ty::reference((**elem).clone()))
        } else if let Some(membership) = self.membership_method(&ct) {
            membership
        } else {
            let found = self.show(&ct);
            return self.error_help(
                span,
                format!("`in` cannot look inside {found}"),
                "`in` works on lists, sets, maps, ranges and strings",
            );
        };
        let x = self.expr(item, Some(deref(&want)))?;
        let x = self.coerce(x, &want);
        if !self.infer.unify(&x.ty, &want) && !is_stringy(deref(&x.ty)) {
            let (w, f) = (self.show(deref(&want)), self.show(&x.ty));
            return self.error_help(
                item.span,
                format!("looking for {f} among {w} values"),
                "the item must have the element type",
            );
        }
        Ok(self.method_call_raw(c, method, vec![x], Ty::Bool, span))
    }

    /// A crate collection's own membership test (indexmap's maps and sets):
    /// `contains_key`, else `contains`, taking a reference, giving a bool.
    fn membership_method(&mut self, ty: &Ty) -> Option<(&'static str, Ty)> {
        ["contains_key", "contains"].into_iter().find_map(|name| {
            let (found, _) = self.find_method(ty, name)?;
            match (found.params.as_slice(), self.infer.shallow(&found.ret)) {
                ([want @ Ty::Ref { .. }], Ty::Bool) => Some((name, want.clone())),
                _ => None,
            }
        })
    }

    fn mismatch(&mut self, op: BinOp, l: &hir::Expr, r: &hir::Expr, span: Span) -> crate::Reported {
        let (a, b) = (self.show(&l.ty), self.show(&r.ty));
        self.report(
            Diagnostic::error(
                span,
                format!("`{}` is not defined between {a} and {b}", op.as_str()),
            )
            .label(format!("{a} {} {b}", op.as_str()))
            .with_help("convert one side so both have the same type"),
        )
    }
}

/// Python's `//` and `%` as Rust's `/` and `%`: the same where the
/// dividend is never negative and the divisor is a positive literal.
fn native_division(value: hir::Expr) -> hir::Expr {
    let hir::Expr { kind, ty, span } = value;
    let kind = match kind {
        ExprKind::Runtime {
            func: func @ (RuntimeFn::FloorDiv | RuntimeFn::Modulo),
            args,
        } => {
            let [lhs, rhs]: [hir::Expr; 2] = args.try_into().expect("two operands");
            let op = if func == RuntimeFn::FloorDiv {
                BinaryOp::Div
            } else {
                BinaryOp::Rem
            };
            ExprKind::Binary {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            }
        }
        other => other,
    };
    hir::Expr { kind, ty, span }
}

/// The Rust comparison for a Keyton comparison operator.
fn comparison(op: BinOp) -> Option<BinaryOp> {
    Some(match op {
        BinOp::Eq => BinaryOp::Eq,
        BinOp::Ne => BinaryOp::Ne,
        BinOp::Lt => BinaryOp::Lt,
        BinOp::Le => BinaryOp::Le,
        BinOp::Gt => BinaryOp::Gt,
        BinOp::Ge => BinaryOp::Ge,
        _ => return None,
    })
}

fn is_str(ty: &Ty) -> bool {
    matches!(deref(ty), Ty::Str)
}

/// `String`, `str` or a reference to either.
fn is_stringy(ty: &Ty) -> bool {
    let t = deref(ty);
    *t == Ty::Str || t.is_adt("String")
}
