//! Calls: of builtins, of Keyton functions (templates instantiated per
//! argument types), of lambdas, of Rust functions, associated functions,
//! constructors and methods found through the index; and their arguments.

use crate::expr::LAMBDA_MARKER;
use crate::method::Found;
use crate::{Checker, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{Receiver, Ty};
use keyton_syntax::ast;
use std::collections::HashMap;

impl Checker<'_> {
    pub fn call(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        if let ast::ExprKind::Name(name) = &func.kind {
            if let Some(id) = self.scopes.lookup(name) {
                let binding = self.scopes.get(id).clone();
                if binding.ty.adt_name() == Some(LAMBDA_MARKER) {
                    return self.call_lambda_var(&binding.ty, name, args, span);
                }
                if let Ty::Fn { params, ret } = self.infer.resolve(&binding.ty) {
                    let callee = self.mk(
                        ExprKind::Local(binding.rust_name),
                        binding.ty.clone(),
                        func.span,
                    );
                    let args = self.args(&params, args, &HashMap::new(), name, span)?;
                    return Ok(self.mk(
                        ExprKind::Call {
                            callee: Box::new(callee),
                            args,
                        },
                        *ret,
                        span,
                    ));
                }
                let found = self.show(&binding.ty);
                return self.error_help(
                    func.span,
                    format!("`{name}` is {found}, not a function"),
                    "only functions and lambdas can be called",
                );
            }
            if !self.fns.contains_key(name)
                && self.all_fns.contains_key(name)
                && !self.returns.is_empty()
            {
                self.forward_declare(name, func.span)?;
            }
            if self.fns.contains_key(name) {
                return self.call_fn(name, args, span);
            }
            if let Some(ctor) = ["Some", "Ok", "Err"].iter().find(|c| *c == name) {
                return self.prelude_ctor(ctor, args, expected, span);
            }
            if crate::builtins::BUILTINS.contains(&name.as_str()) {
                return self.builtin(name, args, expected, span);
            }
        }
        if let Some(path) = self.as_path(func) {
            return self.call_path(&path, func.span, args, expected, span);
        }
        if let ast::ExprKind::Attr { base, name } = &func.kind {
            let recv = self.expr(base, None)?;
            let recv = self.result_receiver(recv, &name.name);
            return self.method_call(recv, name, args, expected, span);
        }
        if let ast::ExprKind::Name(name) = &func.kind {
            let mut candidates = self.scopes.visible_names();
            candidates.extend(self.fns.keys().cloned());
            candidates.extend(crate::builtins::BUILTINS.iter().map(|s| s.to_string()));
            return Err(self.unknown(func.span, "function", name, candidates));
        }
        let callee = self.expr(func, None)?;
        if let Ty::Fn { params, ret } = self.infer.resolve(&callee.ty) {
            let args = self.args(&params, args, &HashMap::new(), "this function", span)?;
            return Ok(self.mk(
                ExprKind::Call {
                    callee: Box::new(callee),
                    args,
                },
                *ret,
                span,
            ));
        }
        self.error_help(
            func.span,
            "this cannot be called",
            "call a function, a method or a lambda",
        )
    }

    fn prelude_ctor(
        &mut self,
        ctor: &str,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let [arg] = args else {
            return self.error_help(
                span,
                format!("`{ctor}` takes one value"),
                format!("write `{ctor}(x)`"),
            );
        };
        let (a, b) = (self.infer.fresh(), self.infer.fresh());
        let ty = if ctor == "Some" {
            Ty::option(a.clone())
        } else {
            Ty::result(a.clone(), b.clone())
        };
        if let Some(want) = expected {
            self.infer.unify(&ty, want);
        }
        let inner = if ctor == "Err" { b } else { a };
        let value = self.value(&arg.value, Some(&inner))?;
        self.expect_type(&value, &inner)?;
        let callee = self.mk(ExprKind::Path(vec![ctor.to_string()]), Ty::Unit, span);
        Ok(self.mk(
            ExprKind::Call {
                callee: Box::new(callee),
                args: vec![value],
            },
            ty,
            span,
        ))
    }

    pub fn method_call(
        &mut self,
        recv: hir::Expr,
        name: &ast::Ident,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let recv_ty = self.resolve_settled(&recv.ty)?;
        if matches!(recv_ty, Ty::Infer(_)) {
            return self.error_help(
                recv.span,
                format!(
                    "the type of this value must be known before calling `.{}()`",
                    name.name
                ),
                "annotate the variable: `let x: Vec<i64> = ...`",
            );
        }
        let found = self.find_method(&recv_ty, &name.name);
        if let Some(traits) = self.ambiguous.take() {
            let shown: Vec<String> = traits
                .iter()
                .map(|t| format!("`{}`", t.join(".")))
                .collect();
            let first = traits[0].join(".");
            return self.error_help(
                name.span,
                format!(
                    "`{}` is given by {} traits: {}",
                    name.name,
                    traits.len(),
                    shown.join(", ")
                ),
                format!(
                    "pick one by importing it: `from {} rimport {}`",
                    first.rsplit_once('.').map_or(first.as_str(), |(m, _)| m),
                    traits[0].last().map_or("", String::as_str)
                ),
            );
        }
        let Some((found, _cand)) = found else {
            let names = self.method_names(&recv_ty);
            let what = format!("method of {}", self.show(&recv_ty));
            return Err(self.unknown(name.span, &what, &name.name, names));
        };
        let recv = match found.sig.receiver {
            Some(Receiver::Value) => self.consume(recv)?,
            Some(Receiver::RefMut) => self.writable(recv),
            _ => recv,
        };
        self.use_trait(found.trait_path.as_ref(), &name.name, name.span)?;
        let method = name.name.clone();
        let is_iter_fold = found
            .trait_path
            .as_ref()
            .is_some_and(|p| p.last().is_some_and(|l| l == "Iterator"));
        let default = if is_iter_fold {
            self.iterator_default(&recv_ty, &method)
        } else {
            None
        };
        let args = self.args(&found.params, args, &found.fn_bounds, &method, span)?;
        self.settle_into_literals(&found.into_targets);
        let mut ret = self.normalize(&found.ret);
        if let (Some(default), Ty::Infer(_)) = (default, self.infer.shallow(&ret))
            && !expected.is_some_and(|want| self.infer.unify(&ret, want))
        {
            let var = self.infer.fresh_with_default(default);
            self.infer.unify(&ret, &var);
            ret = var;
        }
        let turbofish = found.turbofish.clone();
        let call = self.mk(
            ExprKind::MethodCall {
                receiver: Box::new(recv),
                method,
                turbofish,
                args,
            },
            ret,
            span,
        );
        let call = self.awaited(call, found.sig.is_async);
        let call = self.rust_result(call, &name.name, expected);
        self.open_generics(found.generics, &name.name, &call);
        Ok(call)
    }

    /// What `sum`, `product` and `collect` give when nothing else decides:
    /// the item's value type, and a `Vec` of items.
    fn iterator_default(&mut self, iter: &Ty, method: &str) -> Option<Ty> {
        let item = self.assoc_of(iter, "Iterator", "Item").or_else(|| {
            let Ty::Opaque(_) = iter else { return None };
            self.normalize(&Ty::Assoc {
                base: Box::new(iter.clone()),
                trait_path: None,
                name: "Item".into(),
            })
            .into()
        })?;
        let item = self.infer.resolve(&item);
        match method {
            "sum" | "product" => Some(crate::types::deref(&item).clone()),
            "collect" => Some(Ty::vec(item)),
            _ => None,
        }
    }

    pub fn finish_call(
        &mut self,
        callee: hir::Expr,
        found: Found,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let name = found.sig.name.clone();
        let shown = match &callee.kind {
            ExprKind::Path(p) => p.join("."),
            _ => name.clone(),
        };
        let args = self.args(&found.params, args, &found.fn_bounds, &name, span)?;
        self.settle_into_literals(&found.into_targets);
        self.settle_assoc_bindings(&found.assoc_bindings);
        let ret = self.normalize(&found.ret);
        if let Some(want) = expected {
            self.infer.unify(&ret, want);
        }
        let callee = match callee.kind {
            ExprKind::Path(path) if !found.turbofish.is_empty() => hir::Expr {
                kind: ExprKind::GenericPath {
                    path,
                    generics: found.turbofish,
                },
                ..callee
            },
            _ => callee,
        };
        let call = self.mk(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
            },
            ret,
            span,
        );
        let call = self.awaited(call, found.sig.is_async);
        let call = self.rust_result(call, &shown, expected);
        self.open_generics(found.generics, &shown, &call);
        Ok(call)
    }

    /// `s.parse().unwrap_or(0)`: a method of `Result` itself called on a
    /// Rust call's result takes the `Result`, not its unwrapped value.
    fn result_receiver(&mut self, recv: hir::Expr, method: &str) -> hir::Expr {
        match recv.kind {
            ExprKind::UnwrapResult { expr, call } => {
                let on_result = self
                    .find_method(&expr.ty, method)
                    .is_some_and(|(f, _)| f.trait_path.is_none());
                if on_result {
                    *expr
                } else {
                    hir::Expr {
                        kind: ExprKind::UnwrapResult { expr, call },
                        ..recv
                    }
                }
            }
            _ => recv,
        }
    }

    /// A Rust `Result` is unwrapped: `Ok` gives the value, `Err` stops the
    /// program at this line (spec §8).
    /// A Rust `Result` is unwrapped: `Ok` gives the value, `Err` stops the
    /// program at this line (spec §8) — unless a `Result` is what is wanted
    /// (`let r: Result<...> = ...`, a `match` with `Ok`/`Err` cases).
    /// A call of an `async fn` (whose signature gives the awaited type), or
    /// one giving `impl Future<Output = T>`, waits for its result here: the
    /// language has no futures, only their results.
    fn awaited(&mut self, call: hir::Expr, is_async: bool) -> hir::Expr {
        let ty = self.infer.resolve(&call.ty);
        let output = if is_async {
            Some(ty)
        } else {
            future_output(&ty)
        };
        match output {
            Some(output) => {
                let span = call.span;
                self.mk(ExprKind::Await(Box::new(call)), output, span)
            }
            None => call,
        }
    }

    pub fn rust_result(
        &mut self,
        call: hir::Expr,
        shown: &str,
        expected: Option<&Ty>,
    ) -> hir::Expr {
        if let Some(want) = expected
            .map(|t| self.infer.resolve(t))
            .filter(|t| t.is_adt("Result"))
        {
            // The Ok type first: it decides projections in the Err type
            // (`parse` gives `Result<F, <F as FromStr>::Err>`).
            let have = self.infer.resolve(&call.ty);
            if have.is_adt("Result") {
                self.infer.unify(&have.args()[0], &want.args()[0]);
            }
            let ty = self.normalize(&have);
            self.infer.unify(&ty, &want);
            return hir::Expr { ty, ..call };
        }
        let ty = self.infer.resolve(&call.ty);
        if !ty.is_adt("Result") {
            return call;
        }
        let ok = ty.args()[0].clone();
        let span = call.span;
        self.mk(
            ExprKind::UnwrapResult {
                expr: Box::new(call),
                call: shown.to_string(),
            },
            ok,
            span,
        )
    }

    /// Check call arguments against parameter types.
    pub fn args(
        &mut self,
        params: &[Ty],
        args: &[ast::Arg],
        fn_bounds: &HashMap<u32, (Vec<Ty>, Ty)>,
        callee: &str,
        span: Span,
    ) -> Res<Vec<hir::Expr>> {
        if params.len() != args.len() {
            let s = if params.len() == 1 { "" } else { "s" };
            return Err(self.report(
                Diagnostic::error(
                    span,
                    format!(
                        "`{callee}` takes {} argument{s}, but {} were given",
                        params.len(),
                        args.len()
                    ),
                )
                .with_help(format!("pass {} argument{s}", params.len())),
            ));
        }
        let mut out = Vec::new();
        for (i, (param, arg)) in params.iter().zip(args).enumerate() {
            let param = &self.normalize(param);
            if let Some(name) = &arg.name {
                return self.error_help(
                    name.span,
                    "keyword arguments are only for struct fields",
                    "pass the arguments by position",
                );
            }
            let shape = match self.infer.shallow(param) {
                Ty::Infer(v) => fn_bounds.get(&v).cloned(),
                Ty::Fn { params, ret } => Some((params, *ret)),
                _ => None,
            };
            if let Some((ps, ret)) = shape
                && let Some(closure) = self.closure_arg(&arg.value, &ps, &ret)?
            {
                self.infer.unify(param, &closure.ty);
                out.push(closure);
                continue;
            }
            let x = self.expr(&arg.value, Some(param))?;
            let x = self.coerce(x, param);
            let x = if matches!(self.infer.shallow(param), Ty::Ref { .. }) {
                x
            } else {
                self.consume(x)?
            };
            if !self.infer.unify(&x.ty, param) {
                let (want, found) = (self.show(param), self.show_value(&x));
                let help = crate::names::method_habit(callee)
                    .map_or_else(|| format!("pass a value of type {want}"), String::from);
                return Err(self.report(
                    Diagnostic::error(
                        arg.value.span,
                        format!(
                            "argument {} of `{callee}` should be {want}, found {found}",
                            i + 1
                        ),
                    )
                    .label(format!("this is {found}"))
                    .with_help(help),
                ));
            }
            out.push(x);
        }
        Ok(out)
    }

    fn call_lambda_var(
        &mut self,
        marker: &Ty,
        name: &str,
        args: &[ast::Arg],
        span: Span,
    ) -> Res<hir::Expr> {
        let values = args
            .iter()
            .map(|a| self.value(&a.value, None))
            .collect::<Res<Vec<_>>>()?;
        let params: Vec<Ty> = values
            .iter()
            .map(|v| self.infer.resolve_now(&v.ty))
            .collect();
        let ret = self.infer.fresh();
        let closure = self.check_lambda_var(marker, name, &params, &ret, span)?;
        let ret = self.infer.resolve(&ret);
        Ok(self.mk(
            ExprKind::Call {
                callee: Box::new(closure),
                args: values,
            },
            ret,
            span,
        ))
    }
}

/// `T` of `impl Future<Output = T>`.
fn future_output(ty: &Ty) -> Option<Ty> {
    let Ty::Opaque(bounds) = ty else {
        return None;
    };
    bounds
        .iter()
        .filter(|b| {
            b.path
                .last()
                .is_some_and(|l| l == "Future" || l == "IntoFuture")
        })
        .find_map(|b| {
            b.bindings
                .iter()
                .find(|(n, _)| n == "Output")
                .map(|(_, t)| t.clone())
        })
}
