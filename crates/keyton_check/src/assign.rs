//! Assignments: `x = value` (a new binding, or a write to an existing one
//! of the same type, under the rebinding rules), tuple unpacking, and the
//! places a statement writes.

use crate::{Checker, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir as hir;
use keyton_index::Ty;
use keyton_syntax::ast;

impl Checker<'_> {
    pub(crate) fn assign(
        &mut self,
        target: &ast::Target,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) -> Res<()> {
        let kind = match target {
            ast::Target::Name(name) => self.assign_name(name, value)?,
            ast::Target::Tuple(..) => self.assign_tuple(target, value)?,
            ast::Target::Index { base, index, .. } => self.assign_index(base, index, value)?,
            ast::Target::Field { base, field, span } => {
                let place = self.field_place(base, field, *span)?;
                let value = self.value(value, Some(&place.ty))?;
                self.expect_type(&value, &place.ty)?;
                hir::StmtKind::Assign { place, value }
            }
            ast::Target::Call(call) => {
                let place = self.through_mut_ref(call)?;
                let value = self.value(value, Some(&place.ty))?;
                self.expect_type(&value, &place.ty)?;
                hir::StmtKind::Assign { place, value }
            }
        };
        out.push(hir::Stmt { kind, span });
        Ok(())
    }

    fn assign_name(&mut self, name: &ast::Ident, value: &ast::Expr) -> Res<hir::StmtKind> {
        let existing = self.scopes.lookup(&name.name);
        if matches!(value.kind, ast::ExprKind::Lambda { .. })
            && existing.is_none_or(|id| self.scopes.is_local_to_frame(id))
        {
            let marker = self.lambda_marker(value);
            self.scopes.bind(&name.name, marker, name.span);
            return Ok(hir::StmtKind::Expr(self.mk(
                hir::ExprKind::Unit,
                Ty::Unit,
                value.span,
            )));
        }
        if let Some(id) = existing {
            let current = self.scopes.get(id).ty.clone();
            let v = self.value(value, Some(&current))?;
            if self.infer.unify(&v.ty, &current) {
                let binding = self.scopes.get_mut(id);
                binding.moved = None;
                let place = hir::Expr {
                    kind: hir::ExprKind::Local(binding.rust_name.clone()),
                    ty: current,
                    span: name.span,
                };
                return Ok(hir::StmtKind::Assign { place, value: v });
            }
            if !self.scopes.is_local_to_frame(id) {
                let binding = self.scopes.get(id).clone();
                let (was, now) = (self.show(&binding.ty), self.show(&v.ty));
                let place = if self.scopes.in_loop() {
                    "a loop body"
                } else {
                    "a nested block"
                };
                return Err(self.report(
                    Diagnostic::error(
                        value.span,
                        format!("`{}` is {was}, but this gives it {now}", name.name),
                    )
                    .label(format!("this is {now}"))
                    .with_secondary(binding.defined, format!("`{}` is {was} from here", name.name))
                    .with_help(format!(
                        "a variable keeps its type inside {place}; use a new name for the {now} value"
                    )),
                ));
            }
            let ty = v.ty.clone();
            self.scopes.bind(&name.name, ty, name.span);
            return Ok(let_stmt(&name.name, None, v));
        }
        if let ast::ExprKind::MacroCall { path, .. } = &value.kind
            && !self.macro_type_is_asked(path)
        {
            let shown: Vec<&str> = path.iter().map(|i| i.name.as_str()).collect();
            return self.error_help(
                value.span,
                format!("the type of what `{}!` makes is not known", shown.join(".")),
                format!(
                    "a macro's tokens go to Rust unread, so write the type of its value: `let {}: Type = {}!(...)`",
                    name.name,
                    shown.join(".")
                ),
            );
        }
        let v = self.value(value, None)?;
        self.name_open_generics(&name.name, &v);
        self.scopes.bind(&name.name, v.ty.clone(), name.span);
        Ok(let_stmt(&name.name, None, v))
    }

    fn assign_tuple(&mut self, target: &ast::Target, value: &ast::Expr) -> Res<hir::StmtKind> {
        let v = self.value(value, None)?;
        let ty = self.infer.resolve_now(&v.ty);
        if let Some(place) = self.existing_tuple_place(target, &ty) {
            return Ok(hir::StmtKind::Assign { place, value: v });
        }
        let pat = self.bind_target(target, &ty)?;
        Ok(hir::StmtKind::Let {
            pat,
            ty: None,
            value: v,
        })
    }

    /// `a, b = ...` where every name already exists with the right type: a
    /// destructuring assignment (so `a, b = b, a` swaps).
    fn existing_tuple_place(&mut self, target: &ast::Target, ty: &Ty) -> Option<hir::Expr> {
        match (target, ty) {
            (ast::Target::Name(name), _) => {
                let id = self.scopes.lookup(&name.name)?;
                let b = self.scopes.get(id).clone();
                if !self.infer.unify(&b.ty, ty) {
                    return None;
                }
                self.scopes.get_mut(id).moved = None;
                Some(self.mk(hir::ExprKind::Local(b.rust_name), b.ty, name.span))
            }
            (ast::Target::Tuple(items, span), Ty::Tuple(tys)) if items.len() == tys.len() => {
                let parts = items
                    .iter()
                    .zip(tys)
                    .map(|(t, ty)| self.existing_tuple_place(t, ty))
                    .collect::<Option<Vec<_>>>()?;
                Some(self.mk(hir::ExprKind::Tuple(parts), ty.clone(), *span))
            }
            _ => None,
        }
    }

    /// New bindings for a name or tuple target holding a value of type `ty`.
    pub fn bind_target(&mut self, target: &ast::Target, ty: &Ty) -> Res<hir::Pat> {
        match target {
            ast::Target::Name(name) => {
                self.scopes.bind(&name.name, ty.clone(), name.span);
                Ok(hir::Pat {
                    kind: hir::PatKind::Bind {
                        name: name.name.clone(),
                        mutable: true,
                    },
                    span: name.span,
                })
            }
            ast::Target::Tuple(items, span) => {
                let ty = self.infer.resolve_now(ty);
                let Ty::Tuple(tys) = &ty else {
                    let found = self.show(&ty);
                    return self.error_help(
                        *span,
                        format!("cannot unpack {found} into {} names", items.len()),
                        "only tuples unpack: `a, b = (1, 2)`",
                    );
                };
                if tys.len() != items.len() {
                    return self.error_help(
                        *span,
                        format!(
                            "this unpacks {} names, but the tuple has {} items",
                            items.len(),
                            tys.len()
                        ),
                        "use as many names as the tuple has items",
                    );
                }
                let pats = items
                    .iter()
                    .zip(tys.clone())
                    .map(|(t, ty)| self.bind_target(t, &ty))
                    .collect::<Res<Vec<_>>>()?;
                Ok(hir::Pat {
                    kind: hir::PatKind::Tuple(pats),
                    span: *span,
                })
            }
            ast::Target::Index { span, .. } | ast::Target::Field { span, .. } => self.error_help(
                *span,
                "only names can be bound here",
                "unpack into plain names, then assign",
            ),
            ast::Target::Call(call) => self.error_help(
                call.span,
                "only names can be bound here",
                "unpack into plain names, then assign",
            ),
        }
    }
}

pub(crate) fn let_stmt(name: &str, ty: Option<Ty>, value: hir::Expr) -> hir::StmtKind {
    hir::StmtKind::Let {
        pat: hir::Pat {
            kind: hir::PatKind::Bind {
                name: name.to_string(),
                mutable: true,
            },
            span: value.span,
        },
        ty,
        value,
    }
}
