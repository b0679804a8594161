//! Assignments to places other than plain names: `xs[i] = v`, `m[k] = v`
//! (an insert), and the augmented assignments `x += v` and friends.

use crate::types::deref;
use crate::{Checker, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, BinaryOp, ExprKind};
use keyton_index::Ty;
use keyton_syntax::ast::{self, BinOp};

impl Checker<'_> {
    pub fn assign_index(
        &mut self,
        base: &ast::Expr,
        index: &ast::Expr,
        value: &ast::Expr,
    ) -> Res<hir::StmtKind> {
        let b = self.expr(base, None)?;
        let ty = self.infer.resolve_now(&b.ty);
        let target = deref(&ty).clone();
        if target.is_adt("HashMap") || target.is_adt("BTreeMap") {
            // The value first, as Python evaluates it (`m[k] = m[k] + 1`
            // reads `k` before the insert takes it).
            let (kt, vt) = (target.args()[0].clone(), target.args()[1].clone());
            let v = self.value(value, Some(&vt))?;
            self.expect_type(&v, &vt)?;
            let k = self.value(index, Some(&kt))?;
            self.expect_type(&k, &kt)?;
            let span = base.span.to(value.span);
            let temp = "__keyton_value".to_string();
            let local = self.mk(ExprKind::Local(temp.clone()), vt.clone(), value.span);
            let insert = self.method_call_raw(b, "insert", vec![k, local], Ty::option(vt), span);
            let bind = hir::Stmt {
                kind: hir::StmtKind::Let {
                    pat: hir::Pat {
                        kind: hir::PatKind::Bind {
                            name: temp,
                            mutable: false,
                        },
                        span,
                    },
                    ty: None,
                    value: v,
                },
                span,
            };
            let block = hir::Block {
                stmts: vec![bind],
                tail: Some(Box::new(insert)),
            };
            return Ok(hir::StmtKind::Expr(self.mk(
                ExprKind::Block(block),
                Ty::Unit,
                span,
            )));
        }
        let span = base.span.to(index.span);
        let place = self.index_place(base, index, span)?;
        let v = self.value(value, Some(&place.ty))?;
        self.expect_type(&v, &place.ty)?;
        Ok(hir::StmtKind::Assign { place, value: v })
    }

    /// `base[index]` as a place to write (see [`Checker::writable`]).
    fn index_place(&mut self, base: &ast::Expr, index: &ast::Expr, span: Span) -> Res<hir::Expr> {
        let indexed = ast::Expr {
            kind: ast::ExprKind::Index {
                base: Box::new(base.clone()),
                index: Box::new(index.clone()),
            },
            span,
        };
        let place = self.expr(&indexed, None)?;
        Ok(self.writable(place))
    }

    /// The place a call's `&mut T` result points at:
    /// `counts.entry(w).or_insert(0) += 1` writes into the map.
    pub fn through_mut_ref(&mut self, call: &ast::Expr) -> Res<hir::Expr> {
        let r = self.expr(call, None)?;
        let ty = self.infer.resolve_now(&r.ty);
        let Ty::Ref {
            mutable: true,
            inner,
        } = ty
        else {
            let found = self.show(&ty);
            return self.error_help(
                call.span,
                format!("cannot assign through {found}"),
                "a call can be assigned through only when it gives `&mut T`, like `m.entry(k).or_insert(0)`",
            );
        };
        let span = r.span;
        Ok(self.mk(ExprKind::Deref(Box::new(r)), *inner, span))
    }

    /// A place to change through `&mut`: a map's element is reached with
    /// `get_mut` (maps have no `IndexMut`; a missing key is a run-time error).
    pub fn writable(&mut self, place: hir::Expr) -> hir::Expr {
        let hir::Expr { kind, ty, span } = place;
        match kind {
            ExprKind::Index { base, index } if self.is_map(&base.ty) => {
                let slot_ty = Ty::Ref {
                    mutable: true,
                    inner: Box::new(ty.clone()),
                };
                let get = self.method_call_raw(
                    *base,
                    "get_mut",
                    vec![*index],
                    Ty::option(slot_ty.clone()),
                    span,
                );
                let slot = self.method_call_raw(get, "unwrap", vec![], slot_ty, span);
                self.mk(ExprKind::Deref(Box::new(slot)), ty, span)
            }
            kind => self.mk(kind, ty, span),
        }
    }

    fn is_map(&self, ty: &Ty) -> bool {
        let ty = self.infer.resolve(ty);
        let t = deref(&ty);
        t.is_adt("HashMap") || t.is_adt("BTreeMap")
    }

    pub fn aug_assign(
        &mut self,
        target: &ast::Target,
        op: BinOp,
        value: &ast::Expr,
        span: Span,
    ) -> Res<hir::StmtKind> {
        let place = match target {
            ast::Target::Name(name) => {
                let e = ast::Expr {
                    kind: ast::ExprKind::Name(name.name.clone()),
                    span: name.span,
                };
                self.expr(&e, None)?
            }
            ast::Target::Index { base, index, span } => self.index_place(base, index, *span)?,
            ast::Target::Field { base, field, span } => self.field_place(base, field, *span)?,
            ast::Target::Call(call) => self.through_mut_ref(call)?,
            ast::Target::Tuple(_, span) => {
                return self.error_help(
                    *span,
                    format!("`{}=` needs one target", op.as_str()),
                    "update each variable on its own line",
                );
            }
        };
        let place_ty = self.infer.resolve_now(&place.ty);
        if let (true, BinOp::Add, ast::ExprKind::FStr(parts)) =
            (place_ty.is_adt("String"), op, &value.kind)
        {
            let ExprKind::Format(parts) = self.fstring(parts, value.span)?.kind else {
                unreachable!("an f-string checks to a Format")
            };
            let append = ExprKind::Append {
                target: Box::new(place),
                parts,
            };
            return Ok(hir::StmtKind::Expr(self.mk(append, Ty::Unit, span)));
        }
        if place_ty.is_adt("String") && op == BinOp::Add {
            let v = self.expr(value, Some(&Ty::reference(Ty::Str)))?;
            let v = self.coerce(v, &Ty::reference(Ty::Str));
            return Ok(hir::StmtKind::Expr(self.method_call_raw(
                place,
                "push_str",
                vec![v],
                Ty::Unit,
                span,
            )));
        }
        if place_ty.is_adt("Vec") && op == BinOp::Add {
            let v = self.value(value, Some(&place_ty))?;
            self.expect_type(&v, &place_ty)?;
            return Ok(hir::StmtKind::Expr(self.method_call_raw(
                place,
                "extend",
                vec![v],
                Ty::Unit,
                span,
            )));
        }
        let v = self.expr(value, Some(&place_ty))?;
        let result = self.binary_values(op, place.clone(), v, span)?;
        if !self.infer.unify(&result.ty, &place_ty) {
            let (was, now) = (self.show(&place_ty), self.show(&result.ty));
            return Err(self.report(
                Diagnostic::error(
                    span,
                    format!("`{}=` would turn this {was} into {now}", op.as_str()),
                )
                .with_help(if op == BinOp::Div {
                    "use `//=` for floor division, or convert first with `float(x)`"
                } else {
                    "assign the result to a new name"
                }),
            ));
        }
        if let ExprKind::Binary {
            op: bop @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul),
            rhs,
            ..
        } = result.kind
        {
            return Ok(hir::StmtKind::CompoundAssign {
                place,
                op: bop,
                value: *rhs,
            });
        }
        Ok(hir::StmtKind::Assign {
            place,
            value: result,
        })
    }
}
