//! Calls through paths: Rust functions, `Type.assoc_fn(...)`, tuple
//! structs and variants, and struct literals by keyword arguments.

use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{Item, Ty, VariantShape};
use keyton_syntax::ast;
use std::collections::HashMap;

impl Checker<'_> {
    /// A call through a path: a Rust fn, `Type.assoc_fn(...)`, a tuple
    /// struct or variant, or a struct literal by keywords.
    pub fn call_path(
        &mut self,
        path: &[String],
        path_span: Span,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let refs: Vec<&str> = path.iter().map(String::as_str).collect();
        if let Some(entry) = self.index.lookup(&refs).cloned() {
            match &entry.item {
                Item::Fn(sig) => {
                    let found = self.instantiate(sig, HashMap::new(), &Ty::Unit, None);
                    let callee = self.mk(
                        ExprKind::Path(entry.canonical_path.clone()),
                        Ty::Unit,
                        path_span,
                    );
                    return self.finish_call(callee, found, args, expected, span);
                }
                Item::Struct(_) => return self.struct_literal(&entry.canonical_path, args, span),
                _ => {}
            }
        }
        let (member, ty_path) = path.split_last().expect("paths are not empty");
        let ty_refs: Vec<&str> = ty_path.iter().map(String::as_str).collect();
        if let Some((alias, self_ty)) = self.alias_type(&ty_refs, &[]) {
            return self.call_assoc_fn(alias, self_ty, member, args, expected, (path_span, span));
        }
        let canonical = self
            .type_path(&ty_refs)
            .or_else(|| self.adt_named(&ty_refs));
        let Some(canonical) = canonical else {
            // `flags.LETTERS.len()`, `Perms.READ.union(..)`: a method of a value.
            if let Some(recv) = self.const_or_static(ty_path, path_span)? {
                let name = ast::Ident {
                    name: member.clone(),
                    span: path_span,
                };
                return self.method_call(recv, &name, args, expected, span);
            }
            let parent: Vec<&str> = ty_refs.clone();
            let children = self.index.children(&parent);
            return Err(self.unknown(
                path_span,
                &format!("item in `{}`", ty_path.join(".")),
                member,
                children,
            ));
        };
        let self_ty = self.fresh_adt(&canonical);
        // The expected type tells the named type's arguments only when it is
        // that type: what `Type.f(..)` gives need not be `Type` (`Ty.make(1)`
        // may be `Wrap<Ty>`), and an open variable (a generic parameter of an
        // outer call) must not be taken for `Type`.
        if let Some(expected) = expected
            && matches!(self.infer.resolve(expected), Ty::Adt { ref path, .. } if *path == canonical)
        {
            self.infer.unify(&self_ty, expected);
        }
        if let Some(Item::Enum(def)) = self.index.by_canonical(&canonical).map(|e| e.item.clone())
            && let Some((_, shape)) = def.variants.iter().find(|(n, _)| n == member)
        {
            let mut vpath = canonical.clone();
            vpath.push(member.clone());
            let params: HashMap<String, Ty> = def
                .generics
                .iter()
                .map(|g| g.name.clone())
                .zip(self_ty.args().iter().cloned())
                .collect();
            return self.variant_ctor(vpath, shape, &params, self_ty, args, span);
        }
        self.call_assoc_fn(
            canonical,
            self_ty,
            member,
            args,
            expected,
            (path_span, span),
        )
    }

    /// `Type.name(args)` for the type at `ty_path` (emitted as written
    /// there, so an alias's path works as Rust's does), of type `self_ty`.
    fn call_assoc_fn(
        &mut self,
        ty_path: Vec<String>,
        self_ty: Ty,
        member: &str,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        (path_span, span): (Span, Span),
    ) -> Res<hir::Expr> {
        match self.find_assoc_fn(&self_ty, member) {
            Some(found) => {
                // As for methods (`Sha256.digest`, `StdRng.seed_from_u64`).
                self.use_trait(found.trait_path.as_ref(), member, path_span)?;
                let mut callee_path = ty_path;
                callee_path.push(member.to_string());
                let callee = self.mk(ExprKind::Path(callee_path), Ty::Unit, path_span);
                self.finish_call(callee, found, args, expected, span)
            }
            None => {
                let names = self.method_names(&self_ty);
                Err(self.unknown(
                    path_span,
                    &format!("function of `{}`", ty_path.join(".")),
                    member,
                    names,
                ))
            }
        }
    }

    fn variant_ctor(
        &mut self,
        path: Vec<String>,
        shape: &VariantShape,
        params: &HashMap<String, Ty>,
        ty: Ty,
        args: &[ast::Arg],
        span: Span,
    ) -> Res<hir::Expr> {
        match shape {
            VariantShape::Unit => self.error_help(
                span,
                format!("`{}` takes no values", path.join(".")),
                "write it without parentheses",
            ),
            VariantShape::Tuple(fields) => {
                let fields: Vec<Ty> = fields
                    .iter()
                    .map(|f| crate::infer::subst(f, params))
                    .collect();
                let name = path.join(".");
                let args = self.args(&fields, args, &HashMap::new(), &name, span)?;
                let callee = self.mk(ExprKind::Path(path), Ty::Unit, span);
                Ok(self.mk(
                    ExprKind::Call {
                        callee: Box::new(callee),
                        args,
                    },
                    ty,
                    span,
                ))
            }
            VariantShape::Struct(fields) => {
                let fields: Vec<(String, Ty)> = fields
                    .iter()
                    .map(|(n, f)| (n.clone(), crate::infer::subst(f, params)))
                    .collect();
                let values = self.keyword_fields(&fields, args, span)?;
                Ok(self.mk(
                    ExprKind::StructLit {
                        path,
                        fields: values,
                    },
                    ty,
                    span,
                ))
            }
        }
    }

    fn struct_literal(
        &mut self,
        canonical: &[String],
        args: &[ast::Arg],
        span: Span,
    ) -> Res<hir::Expr> {
        let ty = self.fresh_adt(canonical);
        let Some(Item::Struct(def)) = self.index.by_canonical(canonical).map(|e| e.item.clone())
        else {
            return self.error(span, "not a struct");
        };
        let params: HashMap<String, Ty> = def
            .generics
            .iter()
            .map(|g| g.name.clone())
            .zip(ty.args().iter().cloned())
            .collect();
        let fields: Vec<(String, Ty)> = def
            .fields
            .iter()
            .map(|(n, f)| (n.clone(), crate::infer::subst(f, &params)))
            .collect();
        let values = self.keyword_fields(&fields, args, span)?;
        Ok(self.mk(
            ExprKind::StructLit {
                path: canonical.to_vec(),
                fields: values,
            },
            ty,
            span,
        ))
    }

    fn keyword_fields(
        &mut self,
        fields: &[(String, Ty)],
        args: &[ast::Arg],
        span: Span,
    ) -> Res<Vec<(String, hir::Expr)>> {
        let mut out = Vec::new();
        for arg in args {
            let Some(name) = &arg.name else {
                return self.error_help(
                    arg.value.span,
                    "struct fields are given by name",
                    "write `Point(x=1.0, y=2.0)`",
                );
            };
            let Some((_, fty)) = fields.iter().find(|(n, _)| *n == name.name) else {
                let names = fields.iter().map(|(n, _)| n.clone()).collect();
                return Err(self.unknown(name.span, "field", &name.name, names));
            };
            let v = self.value(&arg.value, Some(fty))?;
            self.expect_type(&v, fty)?;
            out.push((name.name.clone(), v));
        }
        if let Some((missing, _)) = fields
            .iter()
            .find(|(n, _)| !out.iter().any(|(m, _)| m == n))
        {
            return self.error_help(
                span,
                format!("missing field `{missing}`"),
                format!("give every field: `{missing}=...`"),
            );
        }
        Ok(out)
    }
}
