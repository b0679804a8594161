//! Reaching into values: fields, tuple items, list and map elements
//! (Python indexes, negative ones too), and slices.

use crate::types::deref;
use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{IntTy, Item, Ty};
use keyton_syntax::ast;

impl Checker<'_> {
    pub fn attr(&mut self, base: &ast::Expr, name: &ast::Ident, span: Span) -> Res<hir::Expr> {
        if let Some(mut path) = self.as_path(base) {
            path.push(name.name.clone());
            return self.path_value(&path, span);
        }
        self.field_place(base, name, span)
    }

    /// `base.field` (also an assignment target).
    pub fn field_place(
        &mut self,
        base: &ast::Expr,
        field: &ast::Ident,
        span: Span,
    ) -> Res<hir::Expr> {
        let b = self.expr(base, None)?;
        let ty = self.resolve_settled(&b.ty)?;
        let target = deref(&ty).clone();
        if let Ty::Adt { path, args } = &target
            && let Some(Item::Struct(def)) = self.index.by_canonical(path).map(|e| e.item.clone())
        {
            if let Some((_, fty)) = def.fields.iter().find(|(n, _)| *n == field.name) {
                let params = def
                    .generics
                    .iter()
                    .map(|g| g.name.clone())
                    .zip(args.iter().cloned())
                    .collect();
                let fty = crate::infer::subst(fty, &params);
                return Ok(self.mk(
                    ExprKind::Field {
                        base: Box::new(b),
                        name: field.name.clone(),
                    },
                    fty,
                    span,
                ));
            }
            let names = def.fields.iter().map(|(n, _)| n.clone()).collect();
            return Err(self.unknown(
                field.span,
                &format!("field of {}", self.show(&target)),
                &field.name,
                names,
            ));
        }
        let found = self.show(&ty);
        self.error_help(
            field.span,
            format!("{found} has no field `{}`", field.name),
            "to call a method, add parentheses: `x.name()`",
        )
    }

    pub fn index_expr(
        &mut self,
        base: &ast::Expr,
        index: &ast::Expr,
        span: Span,
    ) -> Res<hir::Expr> {
        let b = self.expr(base, None)?;
        let ty = self.infer.resolve_now(&b.ty);
        let target = deref(&ty).clone();
        if let Ty::Tuple(items) = &target {
            let ast::ExprKind::Int(i) = index.kind else {
                return self.error_help(
                    index.span,
                    "a tuple is indexed by a number literal",
                    "write `t[0]`, `t[1]`, ...",
                );
            };
            let Some(item) = items.get(i as usize) else {
                return self.error_help(
                    index.span,
                    format!(
                        "this tuple has {} items; index {i} is out of range",
                        items.len()
                    ),
                    "tuple indexes start at 0",
                );
            };
            let item = item.clone();
            return Ok(self.mk(
                ExprKind::TupleField {
                    base: Box::new(b),
                    index: i as usize,
                },
                item,
                span,
            ));
        }
        if target.is_adt("HashMap") || target.is_adt("BTreeMap") {
            let key_ty = target.args()[0].clone();
            let key = self.expr(index, Some(&key_ty))?;
            let key = self.coerce(key, &Ty::reference(key_ty.clone()));
            let value_ty = target.args()[1].clone();
            return Ok(self.mk(
                ExprKind::Index {
                    base: Box::new(b),
                    index: Box::new(key),
                },
                value_ty,
                span,
            ));
        }
        let elem = match &target {
            t if t.is_adt("Vec") || t.is_adt("VecDeque") => t.args()[0].clone(),
            Ty::Slice(e) | Ty::Array(e, _) => (**e).clone(),
            t if t.is_adt("String") || *t == Ty::Str => {
                return self.error_help(
                    span,
                    "a string cannot be indexed by position",
                    "use `s.chars().nth(i).unwrap()` for a character",
                );
            }
            other if self.implements(other, "Index") => {
                let other = other.clone();
                return self.index_by_trait(b, &other, index, span);
            }
            other => {
                let found = self.show(other);
                return self.error_help(
                    span,
                    format!("{found} cannot be indexed"),
                    "index lists, tuples and maps",
                );
            }
        };
        if let ast::ExprKind::Range { start, end } = &index.kind {
            let start = self.value(start, Some(&Ty::Int(IntTy::Usize)))?;
            let end = self.value(end, Some(&Ty::Int(IntTy::Usize)))?;
            let usize_ty = Ty::Int(IntTy::Usize);
            let range_ty = Ty::adt(&["std", "ops", "Range"], vec![usize_ty]);
            let range = self.mk(
                ExprKind::Range {
                    start: Box::new(start),
                    end: Box::new(end),
                },
                range_ty,
                index.span,
            );
            return Ok(self.mk(
                ExprKind::Index {
                    base: Box::new(b),
                    index: Box::new(range),
                },
                Ty::Slice(Box::new(elem)),
                span,
            ));
        }
        let i = self.value(index, Some(&Ty::I64))?;
        self.expect_type(&i, &Ty::I64)?;
        let position = if is_plain_place(&b) {
            let len = self.method_call_raw(b.clone(), "len", vec![], Ty::Int(IntTy::Usize), span);
            self.mk(
                ExprKind::Runtime {
                    func: hir::RuntimeFn::ListIndex,
                    args: vec![i, len],
                },
                Ty::Int(IntTy::Usize),
                index.span,
            )
        } else {
            self.convert(i, Ty::Int(IntTy::Usize))
        };
        Ok(self.mk(
            ExprKind::Index {
                base: Box::new(b),
                index: Box::new(position),
            },
            elem,
            span,
        ))
    }
}

impl Checker<'_> {
    /// `v["key"]`, `v[0]` on a crate's type through its `Index` impl
    /// (serde_json's `Value`): integers index as `usize`, text as `&str`.
    fn index_by_trait(
        &mut self,
        base: hir::Expr,
        target: &Ty,
        index: &ast::Expr,
        span: Span,
    ) -> Res<hir::Expr> {
        let i = self.value(index, None)?;
        let ity = self.infer.resolve_now(&i.ty);
        let i = match ity {
            Ty::Int(_) => self.convert(i, Ty::Int(IntTy::Usize)),
            t if t.is_adt("String") || t == Ty::reference(Ty::Str) => {
                self.coerce(i, &Ty::reference(Ty::Str))
            }
            _ => i,
        };
        // The impl for this index's type: indexmap's `map["k"]` is its
        // `Index<&Q>`, not `Index<usize>` or the ranges' (which give slices).
        let Some(output) = self.trait_output(target, "Index", &i.ty) else {
            let found = self.show(target);
            return self.error_help(
                span,
                format!("{found} cannot be indexed by this value"),
                "index it by a number or a string, as its `Index` impls allow",
            );
        };
        let indexed = self.mk(
            ExprKind::Index {
                base: Box::new(base),
                index: Box::new(i),
            },
            output.clone(),
            span,
        );
        // An unsized result (csv's `record[1]` is `str`) is only usable
        // borrowed: `&record[1]`.
        Ok(match output {
            Ty::Str | Ty::Slice(_) | Ty::Dyn(_) => crate::pattern::borrow(indexed),
            _ => indexed,
        })
    }
}

/// Whether evaluating `e` twice is harmless (it is a variable or a place in one).
fn is_plain_place(e: &hir::Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) => true,
        ExprKind::Field { base, .. } | ExprKind::TupleField { base, .. } => is_plain_place(base),
        _ => false,
    }
}
