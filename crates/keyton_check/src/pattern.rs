//! `for` loops and `match`: what they walk or inspect, and the patterns
//! that bind their variables. A variable that is walked or matched is
//! borrowed, not consumed (spec §3); bindings that come out as references to
//! Copy values are read through at the top of the body.

use crate::scope::FrameKind;
use crate::types::deref;
use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, ExprKind, PatKind};
use keyton_index::{Item, Ty, VariantShape};
use keyton_syntax::ast::{self, PatternKind};
use std::collections::HashMap;

impl Checker<'_> {
    pub fn for_loop(
        &mut self,
        target: &ast::Target,
        iter: &ast::Expr,
        body: &ast::Block,
    ) -> Res<hir::StmtKind> {
        let x = self.expr(iter, None)?;
        let ty = self.infer.resolve_now(&x.ty);
        // A variable holding a collection is walked by reference (it stays
        // usable); one holding an iterator is walked by value, as Rust must.
        let is_collection_place = matches!(
            x.kind,
            ExprKind::Local(_) | ExprKind::Field { .. } | ExprKind::Index { .. }
        ) && !matches!(ty, Ty::Opaque(_) | Ty::Ref { .. })
            && !ty.is_adt("Range")
            && self.assoc_of(&ty, "Iterator", "Item").is_none();
        let x = if is_collection_place {
            borrow(x)
        } else {
            self.consume(x)?
        };
        let Some(item) = self.iter_item(&x.ty) else {
            let found = self.show(&ty);
            return self.error_help(
                iter.span,
                format!("a `for` loop cannot walk {found}"),
                "walk a list, a range, a map, a set, or an iterator",
            );
        };
        self.scopes.push(FrameKind::Loop);
        let result = (|| {
            let mut reads = Vec::new();
            let pat = self.bind_loop_target(target, &item, &mut reads)?;
            let mut block = self.block(&body.stmts, false);
            block.stmts.splice(0..0, reads);
            self.interrupt_point(&mut block, iter.span);
            Ok(hir::StmtKind::For {
                pat,
                iter: x,
                body: block,
            })
        })();
        self.scopes.pop();
        result
    }

    fn bind_loop_target(
        &mut self,
        target: &ast::Target,
        ty: &Ty,
        reads: &mut Vec<hir::Stmt>,
    ) -> Res<hir::Pat> {
        let ty = self.infer.resolve(ty);
        match (target, &ty) {
            (ast::Target::Name(name), _) => Ok(self.bind_name(&name.name, &ty, name.span, reads)),
            (ast::Target::Tuple(items, span), Ty::Tuple(tys)) if items.len() == tys.len() => {
                let pats = items
                    .iter()
                    .zip(tys.clone())
                    .map(|(t, ty)| self.bind_loop_target(t, &ty, reads))
                    .collect::<Res<Vec<_>>>()?;
                Ok(hir::Pat {
                    kind: PatKind::Tuple(pats),
                    span: *span,
                })
            }
            (ast::Target::Tuple(_, span), Ty::Ref { inner, .. })
                if matches!(**inner, Ty::Tuple(_)) =>
            {
                let inner_tys = match &**inner {
                    Ty::Tuple(t) => t.clone(),
                    _ => unreachable!("matched"),
                };
                let refs = Ty::Tuple(inner_tys.into_iter().map(Ty::reference).collect());
                let _ = span;
                self.bind_loop_target(target, &refs, reads)
            }
            _ => {
                let found = self.show(&ty);
                self.error_help(
                    target.span(),
                    format!("cannot unpack {found} here"),
                    "unpack tuples only: `for k, v in pairs`",
                )
            }
        }
    }

    /// Bind `name` to a value of type `ty`; a reference to a Copy value is
    /// read through by a `let` at the top of the body.
    fn bind_name(
        &mut self,
        name: &str,
        ty: &Ty,
        span: Span,
        reads: &mut Vec<hir::Stmt>,
    ) -> hir::Pat {
        // A binding through a reference cannot be `mut` in edition 2024.
        let mutable = !matches!(ty, Ty::Ref { .. });
        let pat = hir::Pat {
            kind: PatKind::Bind {
                name: name.to_string(),
                mutable,
            },
            span,
        };
        if let Ty::Ref {
            mutable: false,
            inner,
        } = ty
            && self.is_copy(inner)
            && !matches!(**inner, Ty::Ref { .. })
        {
            let local = self.mk(ExprKind::Local(name.to_string()), ty.clone(), span);
            let value = self.mk(ExprKind::Deref(Box::new(local)), (**inner).clone(), span);
            let read = hir::Pat {
                kind: PatKind::Bind {
                    name: name.to_string(),
                    mutable: true,
                },
                span,
            };
            reads.push(hir::Stmt {
                kind: hir::StmtKind::Let {
                    pat: read,
                    ty: None,
                    value,
                },
                span,
            });
            self.scopes.bind(name, (**inner).clone(), span);
            return pat;
        }
        self.scopes.bind(name, ty.clone(), span);
        pat
    }

    pub fn match_stmt(
        &mut self,
        scrutinee: &ast::Expr,
        cases: &[ast::MatchCase],
    ) -> Res<hir::StmtKind> {
        let wants_result = cases.iter().any(|c| matches!(&c.pattern.kind, PatternKind::Ctor { path, .. } if matches!(path.first().map(|i| i.name.as_str()), Some("Ok" | "Err"))));
        let expected = wants_result.then(|| Ty::result(self.infer.fresh(), self.infer.fresh()));
        let x = self.expr(scrutinee, expected.as_ref())?;
        let ty = self.infer.resolve_now(&x.ty);
        let has_str_case = cases.iter().any(|c| has_str_literal(&c.pattern));
        let (x, ty) = if has_str_case && deref(&ty).is_adt("String") {
            let span = x.span;
            let s = self.method_call_raw(x, "as_str", vec![], Ty::reference(Ty::Str), span);
            (s, Ty::reference(Ty::Str))
        } else if !self.is_copy(&ty)
            && matches!(
                x.kind,
                ExprKind::Local(_) | ExprKind::Field { .. } | ExprKind::Index { .. }
            )
        {
            let borrowed = borrow(x);
            let rty = borrowed.ty.clone();
            (borrowed, rty)
        } else {
            (x, ty)
        };
        let before = self.scopes.moves();
        let mut after = Vec::new();
        let mut arms = Vec::new();
        for case in cases {
            self.scopes.set_moves(&before);
            self.scopes.push(FrameKind::Block);
            let arm = (|| {
                let mut reads = Vec::new();
                let pat = self.pattern(&case.pattern, &ty, false, &mut reads)?;
                let guard = case.guard.as_ref().map(|g| self.condition(g)).transpose()?;
                let mut body = self.block(&case.body.stmts, false);
                body.stmts.splice(0..0, reads);
                Ok(hir::Arm {
                    pat,
                    guard,
                    body,
                    span: case.span,
                })
            })();
            self.scopes.pop();
            arms.push(arm?);
            if !crate::stmt::diverges(&case.body) {
                after.push(self.scopes.moves());
            }
        }
        self.scopes.merge_moves(&before, &after);
        Ok(hir::StmtKind::Match { scrutinee: x, arms })
    }

    /// A pattern against a value of type `ty`; `by_ref` when matching
    /// through a reference (bindings then are references).
    fn pattern(
        &mut self,
        p: &ast::Pattern,
        ty: &Ty,
        by_ref: bool,
        reads: &mut Vec<hir::Stmt>,
    ) -> Res<hir::Pat> {
        let ty = self.infer.resolve(ty);
        if let Ty::Ref { inner, .. } = &ty {
            // Rust's default binding mode: a non-reference pattern looks
            // through the reference (a `&str` literal matches `&str` itself).
            let through = match &p.kind {
                PatternKind::Name(_) | PatternKind::Wildcard => false,
                PatternKind::Literal(_) => **inner != Ty::Str,
                _ => true,
            };
            if through {
                return self.pattern(p, inner, true, reads);
            }
        }
        let span = p.span;
        let mk = |kind| hir::Pat { kind, span };
        Ok(match &p.kind {
            PatternKind::Wildcard => mk(PatKind::Wild),
            PatternKind::Name(name) => {
                if let Some(path) = self.imports.get(name).cloned() {
                    let e = self.path_value(&path, span)?;
                    if let ExprKind::Path(path) = e.kind {
                        return Ok(mk(PatKind::Path { path, args: None }));
                    }
                }
                let bty = if by_ref {
                    Ty::reference(ty.clone())
                } else {
                    ty.clone()
                };
                self.bind_name(name, &bty, span, reads)
            }
            PatternKind::NoneLit => {
                self.expect_shape(&ty, "Option", span)?;
                mk(PatKind::Path {
                    path: vec!["None".into()],
                    args: None,
                })
            }
            PatternKind::Literal(e) => {
                let want = ty.clone();
                let lit = self.expr(e, Some(&want))?;
                let lit = if matches!(want, Ty::Ref { .. }) {
                    lit
                } else {
                    self.coerce(lit, &want)
                };
                let lit_ty = self.infer.resolve(&lit.ty);
                let both_str = matches!(deref(&want), Ty::Str) && matches!(deref(&lit_ty), Ty::Str);
                if !both_str && !self.infer.unify(&lit_ty, &want) {
                    self.expect_type(&lit, &want)?;
                }
                mk(PatKind::Lit(lit))
            }
            PatternKind::Tuple(items) => {
                let Ty::Tuple(tys) = &ty else {
                    let found = self.show(&ty);
                    return self.error_help(
                        span,
                        format!("a tuple pattern cannot match {found}"),
                        "match tuples with tuple patterns",
                    );
                };
                if tys.len() != items.len() {
                    return self.error_help(
                        span,
                        format!(
                            "this pattern has {} items, the tuple has {}",
                            items.len(),
                            tys.len()
                        ),
                        "use one pattern per tuple item",
                    );
                }
                let pats = items
                    .iter()
                    .zip(tys.clone())
                    .map(|(p, t)| self.pattern(p, &t, by_ref, reads))
                    .collect::<Res<Vec<_>>>()?;
                mk(PatKind::Tuple(pats))
            }
            PatternKind::Or(alts) => {
                let pats = alts
                    .iter()
                    .map(|p| self.pattern(p, &ty, by_ref, reads))
                    .collect::<Res<Vec<_>>>()?;
                mk(PatKind::Or(pats))
            }
            PatternKind::Ctor { path, args } => {
                let names: Vec<String> = path.iter().map(|i| i.name.clone()).collect();
                let (rust_path, fields) = self.variant_fields(&names, &ty, span)?;
                let args = match (args, fields) {
                    (None, _) => None,
                    (Some(ps), VariantShape::Tuple(tys)) if ps.len() == tys.len() => Some(
                        ps.iter()
                            .zip(tys)
                            .map(|(p, t)| self.pattern(p, &t, by_ref, reads))
                            .collect::<Res<Vec<_>>>()?,
                    ),
                    (Some(_), _) => {
                        return self.error_help(
                            span,
                            format!("`{}` does not hold these values", names.join(".")),
                            "match its values by position, as many as it holds",
                        );
                    }
                };
                mk(PatKind::Path {
                    path: rust_path,
                    args,
                })
            }
            PatternKind::Struct { path, fields } => {
                let names: Vec<String> = path.iter().map(|i| i.name.clone()).collect();
                let (rust_path, shape) = self.variant_fields(&names, &ty, span)?;
                let VariantShape::Struct(defs) = shape else {
                    return self.error_help(
                        span,
                        format!("`{}` has no named fields", names.join(".")),
                        "match it by position: `V(a, b)`",
                    );
                };
                let mut out = Vec::new();
                for (fname, fpat) in fields {
                    let Some((_, fty)) = defs.iter().find(|(n, _)| *n == fname.name) else {
                        let names = defs.iter().map(|(n, _)| n.clone()).collect();
                        return Err(self.unknown(fname.span, "field", &fname.name, names));
                    };
                    out.push((fname.name.clone(), self.pattern(fpat, fty, by_ref, reads)?));
                }
                mk(PatKind::Struct {
                    path: rust_path,
                    fields: out,
                })
            }
        })
    }

    fn expect_shape(&mut self, ty: &Ty, name: &str, span: Span) -> Res<()> {
        if ty.is_adt(name) || matches!(ty, Ty::Infer(_)) {
            return Ok(());
        }
        let found = self.show(ty);
        self.error_help(
            span,
            format!("this pattern matches an {name}, but the value is {found}"),
            "match the value with patterns of its own type",
        )
    }

    /// The Rust path and field types of a constructor pattern
    /// (`Some`, `Ok`, `Err`, or an enum variant) for a value of type `ty`.
    fn variant_fields(
        &mut self,
        names: &[String],
        ty: &Ty,
        span: Span,
    ) -> Res<(Vec<String>, VariantShape)> {
        if let [one] = names {
            let (adt, idx) = match one.as_str() {
                "Some" => ("Option", 0),
                "Ok" => ("Result", 0),
                "Err" => ("Result", 1),
                _ => ("", 0),
            };
            if !adt.is_empty() {
                self.expect_shape(ty, adt, span)?;
                let inner = ty
                    .args()
                    .get(idx)
                    .cloned()
                    .unwrap_or_else(|| self.infer.fresh());
                return Ok((vec![one.clone()], VariantShape::Tuple(vec![inner])));
            }
        }
        let (variant, ty_names) = names.split_last().expect("paths are not empty");
        let Some(public) = ({
            let refs: Vec<&str> = ty_names.iter().map(String::as_str).collect();
            self.public_path(&refs)
        }) else {
            return Err(self.unknown(span, "pattern", &names.join("."), Vec::new()));
        };
        let refs: Vec<&str> = public.iter().map(String::as_str).collect();
        let Some(canonical) = self.adt_named(&refs) else {
            return Err(self.unknown(span, "type", &ty_names.join("."), Vec::new()));
        };
        let Some(Item::Enum(def)) = self.index.by_canonical(&canonical).map(|e| e.item.clone())
        else {
            return self.error_help(
                span,
                format!("`{}` is not an enum", ty_names.join(".")),
                "match enum variants",
            );
        };
        let Some((_, shape)) = def.variants.iter().find(|(n, _)| n == variant) else {
            let names = def.variants.iter().map(|(n, _)| n.clone()).collect();
            return Err(self.unknown(span, "variant", variant, names));
        };
        let adt = self.fresh_adt(&canonical);
        if !self.infer.unify(&adt, ty) {
            let (want, found) = (self.show(&adt), self.show(ty));
            return self.error_help(
                span,
                format!("this pattern matches {want}, but the value is {found}"),
                "match the value with patterns of its own type",
            );
        }
        let params: HashMap<String, Ty> = def
            .generics
            .iter()
            .map(|g| g.name.clone())
            .zip(adt.args().iter().cloned())
            .collect();
        let shape = match shape {
            VariantShape::Unit => VariantShape::Unit,
            VariantShape::Tuple(ts) => {
                VariantShape::Tuple(ts.iter().map(|t| crate::infer::subst(t, &params)).collect())
            }
            VariantShape::Struct(fs) => VariantShape::Struct(
                fs.iter()
                    .map(|(n, t)| (n.clone(), crate::infer::subst(t, &params)))
                    .collect(),
            ),
        };
        let mut path = canonical;
        path.push(variant.clone());
        Ok((path, shape))
    }
}

fn has_str_literal(p: &ast::Pattern) -> bool {
    match &p.kind {
        PatternKind::Literal(e) => matches!(e.kind, ast::ExprKind::Str(_)),
        PatternKind::Or(ps) | PatternKind::Tuple(ps) => ps.iter().any(has_str_literal),
        _ => false,
    }
}

/// `&x`: walking or matching a variable borrows it.
pub fn borrow(x: hir::Expr) -> hir::Expr {
    let (ty, span) = (Ty::reference(x.ty.clone()), x.span);
    hir::Expr {
        kind: ExprKind::Ref {
            mutable: false,
            expr: Box::new(x),
        },
        ty,
        span,
    }
}
