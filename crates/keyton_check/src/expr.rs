//! Expressions: literals, names, lists and tuples, indexing, fields and
//! paths, conditional expressions, lambdas. Operators are in `ops`, calls in
//! `call`.

use crate::types::deref;
use crate::{Checker, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{FloatTy, IntTy, Item, StructShape, Ty};
use keyton_syntax::ast;

/// The marker type of a variable bound to a lambda: the lambda is checked
/// where it is used (Python's late binding), as a template.
pub const LAMBDA_MARKER: &str = "<lambda>";

impl Checker<'_> {
    /// Check an expression; `expected` guides literals, `None`, lists and
    /// lambdas. The result may be a place (a variable, an element).
    pub fn expr(&mut self, e: &ast::Expr, expected: Option<&Ty>) -> Res<hir::Expr> {
        let span = e.span;
        let expected = expected.map(|t| self.infer.shallow(t));
        Ok(match &e.kind {
            ast::ExprKind::Int(n) => return self.int_literal(*n, expected.as_ref(), span),
            ast::ExprKind::Float(f) => {
                let ty = match expected {
                    Some(Ty::Float(FloatTy::F32)) => Ty::Float(FloatTy::F32),
                    _ => Ty::F64,
                };
                self.mk(ExprKind::Float(*f), ty, span)
            }
            ast::ExprKind::Str(s) => {
                self.mk(ExprKind::Str(s.clone()), Ty::reference(Ty::Str), span)
            }
            ast::ExprKind::Bool(b) => self.mk(ExprKind::Bool(*b), Ty::Bool, span),
            ast::ExprKind::None => {
                let ty = Ty::option(self.infer.fresh());
                if let Some(want) = &expected {
                    self.infer.unify(&ty, want);
                }
                self.mk(ExprKind::Path(vec!["None".into()]), ty, span)
            }
            ast::ExprKind::FStr(parts) => self.fstring(parts, span)?,
            ast::ExprKind::Name(name) => self.name(name, span)?,
            ast::ExprKind::List(items) => self.list(items, expected.as_ref(), span)?,
            ast::ExprKind::Tuple(items) => {
                let wants: Vec<Option<Ty>> = match &expected {
                    Some(Ty::Tuple(ts)) if ts.len() == items.len() => {
                        ts.iter().cloned().map(Some).collect()
                    }
                    _ => vec![None; items.len()],
                };
                let values = items
                    .iter()
                    .zip(wants)
                    .map(|(item, want)| self.value(item, want.as_ref()))
                    .collect::<Res<Vec<_>>>()?;
                let ty = Ty::Tuple(values.iter().map(|v| v.ty.clone()).collect());
                self.mk(ExprKind::Tuple(values), ty, span)
            }
            ast::ExprKind::Unary { op, operand } => self.unary(*op, operand, span)?,
            ast::ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, span)?,
            ast::ExprKind::IsNone { operand, negated } => {
                let x = self.expr(operand, None)?;
                let ty = self.infer.resolve_now(&x.ty);
                if !deref(&ty).is_adt("Option") {
                    let found = self.show(&ty);
                    return self.error_help(
                        operand.span,
                        format!("`is None` needs an Option, found {found}"),
                        "only Option values can be None",
                    );
                }
                let method = if *negated { "is_some" } else { "is_none" };
                self.method_call_raw(x, method, vec![], Ty::Bool, span)
            }
            ast::ExprKind::IfElse { cond, then, orelse } => {
                let cond = self.condition(cond)?;
                let then = self.value(then, expected.as_ref())?;
                let orelse = self.value(orelse, Some(&then.ty))?;
                self.expect_type(&orelse, &then.ty)?;
                let ty = then.ty.clone();
                self.mk(
                    ExprKind::IfElse {
                        cond: Box::new(cond),
                        then: Box::new(then),
                        orelse: Box::new(orelse),
                    },
                    ty,
                    span,
                )
            }
            ast::ExprKind::Call { func, args } => self.call(func, args, expected.as_ref(), span)?,
            ast::ExprKind::Attr { base, name } => self.attr(base, name, span)?,
            ast::ExprKind::Index { base, index } => self.index_expr(base, index, span)?,
            ast::ExprKind::Range { start, end } => {
                let start = self.value(start, Some(&Ty::I64))?;
                let end = self.value(end, Some(&start.ty))?;
                self.expect_type(&end, &start.ty)?;
                let ty = Ty::adt(&["std", "ops", "Range"], vec![start.ty.clone()]);
                self.mk(
                    ExprKind::Range {
                        start: Box::new(start),
                        end: Box::new(end),
                    },
                    ty,
                    span,
                )
            }
            ast::ExprKind::Lambda { params, body } => {
                return self.lambda(params, body, expected.as_ref(), span);
            }
            ast::ExprKind::MacroCall {
                path,
                delimiter,
                tokens,
            } => {
                let used = crate::macros::MacroValue::Used;
                return self.macro_call(path, *delimiter, tokens, expected.as_ref(), used, span);
            }
        })
    }

    fn int_literal(&mut self, n: u128, expected: Option<&Ty>, span: Span) -> Res<hir::Expr> {
        let ty = match expected {
            Some(Ty::Int(t)) => Ty::Int(*t),
            Some(Ty::Float(t)) => {
                return Ok(self.mk(ExprKind::Float(n as f64), Ty::Float(*t), span));
            }
            _ => self.infer.int_literal(),
        };
        let limit = match self.infer.int_ty(&ty).unwrap_or(IntTy::I64) {
            IntTy::U128 | IntTy::I128 => u128::MAX,
            IntTy::U64 | IntTy::Usize => u64::MAX as u128,
            // The negation of i64::MIN's magnitude is checked by rustc.
            _ => i64::MAX as u128 + 1,
        };
        if n > limit {
            return self.error_help(
                span,
                "integer literal is too large for `i64`",
                "integers are 64-bit; use a float for larger numbers",
            );
        }
        Ok(self.mk(ExprKind::Int(n), ty, span))
    }

    fn list(&mut self, items: &[ast::Expr], expected: Option<&Ty>, span: Span) -> Res<hir::Expr> {
        let elem = match expected.map(|t| self.infer.resolve(t)) {
            Some(t) if t.is_adt("Vec") => t.args()[0].clone(),
            _ => self.infer.fresh(),
        };
        let mut values = Vec::new();
        for item in items {
            let v = self.value(item, Some(&elem))?;
            if !self.infer.unify(&v.ty, &elem) {
                let (want, found) = (self.show(&elem), self.show(&v.ty));
                return Err(self.report(
                    Diagnostic::error(
                        item.span,
                        format!(
                            "a list holds one type: this item is {found}, the list is of {want}"
                        ),
                    )
                    .with_secondary(
                        items[0].span,
                        format!("the first item makes it a list of {want}"),
                    )
                    .with_help("convert the items to one type, or use a tuple for mixed values"),
                ));
            }
            values.push(v);
        }
        Ok(self.mk(ExprKind::List(values), Ty::vec(elem), span))
    }

    pub(crate) fn name(&mut self, name: &str, span: Span) -> Res<hir::Expr> {
        if let Some(id) = self.scopes.lookup(name) {
            let binding = self.scopes.get(id).clone();
            if let Some(moved) = binding.moved {
                return Err(self.report(
                    Diagnostic::error(span, format!("use of moved value `{name}`"))
                        .label("used here after it moved")
                        .with_secondary(moved, format!("`{name}` moved here"))
                        .with_help(format!(
                            "keep a copy where it moves: `{name}.clone()`; if a function should change `{name}` itself, make its parameter `&mut` (`fn f(xs: &mut Vec<i64>)`)"
                        )),
                ));
            }
            if binding.ty.adt_name() == Some(LAMBDA_MARKER) {
                return self.error_help(
                    span,
                    format!("the lambda `{name}` can only be called or passed to a function"),
                    format!("call it: `{name}(...)`"),
                );
            }
            return Ok(self.mk(ExprKind::Local(binding.rust_name), binding.ty, span));
        }
        if self.fns.contains_key(name) {
            return self.error_help(
                span,
                format!("the function `{name}` can only be called here"),
                format!("call it `{name}(...)`, or pass `lambda x: {name}(x)`"),
            );
        }
        if let Some(path) = self.imports.get(name).cloned() {
            return self.path_value(&path, span);
        }
        let mut candidates = self.scopes.visible_names();
        candidates.extend(self.fns.keys().cloned());
        candidates.extend(self.imports.keys().cloned());
        candidates.extend(crate::builtins::BUILTINS.iter().map(|s| s.to_string()));
        Err(self.unknown(span, "name", name, candidates))
    }

    /// A path used as a value: a const, a static, a unit struct or variant.
    pub fn path_value(&mut self, path: &[String], span: Span) -> Res<hir::Expr> {
        if let Some(value) = self.const_or_static(path, span)? {
            return Ok(value);
        }
        let refs: Vec<&str> = path.iter().map(String::as_str).collect();
        if let Some(entry) = self.index.lookup(&refs)
            && let Item::Fn(_) = &entry.item
        {
            return self.error_help(
                span,
                format!("the function `{}` can only be called here", path.join(".")),
                "call it with `(...)`",
            );
        }
        let (last, parent) = path.split_last().expect("paths are not empty");
        let parent_refs: Vec<&str> = parent.iter().map(String::as_str).collect();
        let children = self.index.children(&parent_refs);
        Err(self.unknown(
            span,
            &format!("item in `{}`", parent.join(".")),
            last,
            children,
        ))
    }

    /// The value at `path` when it names a const, a static, a unit struct,
    /// a `Type.CONST` or a unit variant; `None` for other items.
    pub fn const_or_static(&mut self, path: &[String], span: Span) -> Res<Option<hir::Expr>> {
        let refs: Vec<&str> = path.iter().map(String::as_str).collect();
        if let Some(entry) = self.index.lookup(&refs) {
            let canonical = entry.canonical_path.clone();
            match &entry.item {
                Item::Const(ty) | Item::Static(ty) => {
                    return Ok(Some(self.mk(ExprKind::Path(canonical), ty.clone(), span)));
                }
                // The static's own type is hidden: its value is what it derefs to.
                Item::LazyStatic(ty) => {
                    let ty = ty.clone();
                    let lazy = self.mk(ExprKind::Path(canonical), Ty::Unit, span);
                    return Ok(Some(self.mk(ExprKind::Deref(Box::new(lazy)), ty, span)));
                }
                Item::Struct(def) if def.shape == StructShape::Unit => {
                    let ty = self.fresh_adt(&canonical);
                    return Ok(Some(self.mk(ExprKind::Path(canonical), ty, span)));
                }
                _ => {}
            }
        }
        match path.split_last() {
            Some((member, ty_path)) => self.type_member(ty_path, member, span),
            None => Ok(None),
        }
    }

    /// `Type.CONST` or `Enum.Variant` (a unit variant) as a value.
    fn type_member(
        &mut self,
        ty_path: &[String],
        member: &str,
        span: Span,
    ) -> Res<Option<hir::Expr>> {
        let refs: Vec<&str> = ty_path.iter().map(String::as_str).collect();
        let Some(canonical) = self.adt_named(&refs) else {
            return Ok(None);
        };
        let self_ty = self.fresh_adt(&canonical);
        if let Some(Item::Enum(def)) = self.index.by_canonical(&canonical).map(|e| e.item.clone())
            && def.variants.iter().any(|(n, _)| n == member)
        {
            let mut path = canonical.clone();
            path.push(member.to_string());
            return Ok(Some(self.mk(ExprKind::Path(path), self_ty, span)));
        }
        for imp in self.index.impls_for(&self_ty) {
            if let Some((_, ty)) = imp.consts.iter().find(|(n, _)| n == member) {
                let mut path = canonical.clone();
                path.push(member.to_string());
                let ty = if *ty == Ty::Param("Self".into()) {
                    self_ty.clone()
                } else {
                    ty.clone()
                };
                return Ok(Some(self.mk(ExprKind::Path(path), ty, span)));
            }
        }
        Ok(None)
    }

    /// The ADT at `canonical` with fresh variables for its generics.
    pub fn fresh_adt(&mut self, canonical: &[String]) -> Ty {
        let count = match self.index.by_canonical(canonical).map(|e| &e.item) {
            Some(Item::Struct(s)) => s.generics.len(),
            Some(Item::Enum(e)) => e.generics.len(),
            _ => 0,
        };
        let args = (0..count).map(|_| self.infer.fresh()).collect();
        Ty::Adt {
            path: canonical.to_vec(),
            args,
        }
    }

    /// The dotted names of `e` if it is a path rooted at an import or `std`
    /// (not at a variable): `std.cmp.max`, `HashMap.new`, `Ordering.Less`.
    pub fn as_path(&self, e: &ast::Expr) -> Option<Vec<String>> {
        match &e.kind {
            ast::ExprKind::Name(n) => {
                if self.scopes.lookup(n).is_some() {
                    return None;
                }
                if let Some(p) = self.imports.get(n) {
                    return Some(p.clone());
                }
                if crate::types::PRELUDE_TYPES.iter().any(|(t, _)| t == n) || n == "std" {
                    return self.public_path(&[n.as_str()]).or_else(|| {
                        crate::types::PRELUDE_TYPES
                            .iter()
                            .find(|(t, _)| t == n)
                            .map(|(_, p)| p.iter().map(|s| s.to_string()).collect())
                    });
                }
                None
            }
            ast::ExprKind::Attr { base, name } => {
                let mut p = self.as_path(base)?;
                p.push(name.name.clone());
                Some(p)
            }
            _ => None,
        }
    }

    /// `receiver.method(args)` with a known result type.
    pub fn method_call_raw(
        &mut self,
        receiver: hir::Expr,
        method: &str,
        args: Vec<hir::Expr>,
        ty: Ty,
        span: Span,
    ) -> hir::Expr {
        self.mk(
            ExprKind::MethodCall {
                receiver: Box::new(receiver),
                method: method.into(),
                turbofish: vec![],
                args,
            },
            ty,
            span,
        )
    }
}
