//! Keyton functions and lambdas. A function whose parameters are all
//! annotated is checked once, where it is defined; any other is a template,
//! checked (and emitted) once per combination of argument types. A lambda is
//! checked where it is used, with the parameter types that place wants.

use crate::expr::LAMBDA_MARKER;
use crate::scope::FrameKind;
use crate::{Checker, FnEntry, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, ExprKind};
use keyton_index::{TraitRef, Ty};
use keyton_syntax::ast;

impl Checker<'_> {
    pub fn define_fn(&mut self, def: &ast::FnDef) -> Res<()> {
        if self.scopes.in_function() || !self.returns.is_empty() {
            return self.error_help(
                def.name.span,
                "functions are defined at the top level",
                "move this `fn` out of the enclosing block",
            );
        }
        let name = def.name.name.clone();
        if self.forward.remove(&name) {
            let (rust_name, params, ret) = self.fns[&name]
                .concrete
                .clone()
                .expect("forward declarations are concrete");
            self.check_fn_body(def, &params, Some(ret), &rust_name)?;
            return Ok(());
        }
        self.fns.insert(
            name.clone(),
            FnEntry {
                def: def.clone(),
                concrete: None,
                foreign: false,
            },
        );
        // A redefinition (in a later cell) replaces the template's instances too.
        self.instances.retain(|(of, _), _| *of != name);
        if def.params.iter().all(|p| p.ty.is_some()) {
            let params = def
                .params
                .iter()
                .map(|p| self.annotation(p.ty.as_ref().expect("all annotated")))
                .collect::<Res<Vec<_>>>()?;
            let ret = def.ret.as_ref().map(|r| self.annotation(r)).transpose()?;
            let rust_name = self.fresh_fn_name(&name);
            if let Some(ret) = &ret {
                // Known before the body, so the body may call itself.
                self.fns.get_mut(&name).expect("inserted").concrete =
                    Some((rust_name.clone(), params.clone(), ret.clone()));
            }
            let Ok(ret) = self.check_fn_body(def, &params, ret, &rust_name) else {
                // Reported once: calls of the broken function stay quiet.
                self.fns.remove(&name);
                self.failed_names.insert(name);
                return Err(crate::Reported);
            };
            self.fns.get_mut(&name).expect("inserted").concrete = Some((rust_name, params, ret));
        }
        Ok(())
    }

    fn fresh_fn_name(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 1;
        while self.fn_names.contains(&name) || name == "main" {
            n += 1;
            name = format!("{base}_{n}");
        }
        self.fn_names.insert(name.clone());
        name
    }

    /// Check a function body with these parameter types; emits the function
    /// and gives its return type.
    fn check_fn_body(
        &mut self,
        def: &ast::FnDef,
        params: &[Ty],
        ret: Option<Ty>,
        rust_name: &str,
    ) -> Res<Ty> {
        let saved = std::mem::take(&mut self.scopes);
        let hidden = std::mem::replace(&mut self.hidden_globals, saved.visible_names());
        let outer_non_negative = std::mem::replace(
            &mut self.non_negative,
            crate::nonneg::non_negative_in_fn(def),
        );
        self.scopes.push(FrameKind::Function);
        let ret = ret.unwrap_or_else(|| self.infer.fresh());
        self.returns.push(ret.clone());
        self.in_progress.insert(def.name.name.clone());
        let mut hparams = Vec::new();
        for (p, ty) in def.params.iter().zip(params) {
            self.scopes.bind(&p.name.name, ty.clone(), p.name.span);
            let rust_ty = match ty {
                Ty::Fn { params, ret } => dyn_fn_ref(params, ret),
                _ => ty.clone(),
            };
            hparams.push((p.name.name.clone(), rust_ty));
        }
        let errors_before = self.diags.len();
        let body = self.block(&def.body.stmts, true);
        self.in_progress.remove(&def.name.name);
        self.returns.pop();
        self.scopes = saved;
        self.hidden_globals = hidden;
        self.non_negative = outer_non_negative;
        if self.diags.len() > errors_before {
            return Err(crate::Reported);
        }
        let tail_ty = body.tail.as_ref().map(|t| t.ty.clone());
        match tail_ty {
            Some(t) => {
                if !self.infer.unify(&t, &ret) {
                    let tail = body.tail.as_ref().expect("present");
                    let (want, found) = (self.show(&ret), self.show(&t));
                    return Err(self.report(
                        Diagnostic::error(
                            tail.span,
                            format!(
                                "`{}` returns {want}, but its last expression is {found}",
                                def.name.name
                            ),
                        )
                        .with_help("make every `return` and the last expression give one type"),
                    ));
                }
            }
            None => {
                if matches!(self.infer.shallow(&ret), Ty::Infer(_)) {
                    self.infer.unify(&ret, &Ty::Unit);
                }
            }
        }
        let ret = self.infer.resolve_now(&ret);
        self.out_fns.push(hir::Function {
            name: rust_name.to_string(),
            params: hparams,
            ret: ret.clone(),
            body,
            span: def.span,
        });
        Ok(ret)
    }

    /// Declare a function defined later, for a call from a function body
    /// (mutual recursion); only a fully annotated one can be known ahead.
    pub fn forward_declare(&mut self, name: &str, span: Span) -> Res<()> {
        let def = self.all_fns[name].clone();
        let annotated = def.params.iter().all(|p| p.ty.is_some()) && def.ret.is_some();
        if !annotated {
            return self.error_help(
                span,
                format!("`{name}` is defined later, so its types must be written out to call it here"),
                format!("annotate `fn {name}`'s parameters and result, or define it before this function"),
            );
        }
        let params = def
            .params
            .iter()
            .map(|p| self.annotation(p.ty.as_ref().expect("annotated")))
            .collect::<Res<Vec<_>>>()?;
        let ret = self.annotation(def.ret.as_ref().expect("annotated"))?;
        let rust_name = self.fresh_fn_name(name);
        self.fns.insert(
            name.to_string(),
            FnEntry {
                def,
                concrete: Some((rust_name, params, ret)),
                foreign: false,
            },
        );
        self.forward.insert(name.to_string());
        Ok(())
    }

    /// A call of a Keyton function; templates are instantiated for the
    /// argument types.
    pub fn call_fn(&mut self, name: &str, args: &[ast::Arg], span: Span) -> Res<hir::Expr> {
        let entry = self.fns[name].clone();
        let (rust_name, params, ret) = match entry.concrete {
            Some(c) => c,
            None => {
                if self.in_progress.contains(name) {
                    return Err(self.report(
                        Diagnostic::error(
                            span,
                            format!("`{name}` calls itself, so its types must be written out"),
                        )
                        .with_secondary(entry.def.name.span, "defined here")
                        .with_help(format!(
                            "annotate the parameters and the result: `fn {name}(n: i64) -> i64:`"
                        )),
                    ));
                }
                return self.call_template(&entry.def, args, span);
            }
        };
        if self.in_progress.contains(name) && matches!(self.infer.shallow(&ret), Ty::Infer(_)) {
            return self.error_help(
                span,
                format!("`{name}` calls itself, so its result type must be written out"),
                format!("add the result type: `fn {name}(...) -> i64:`"),
            );
        }
        let args = self.args(&params, args, &Default::default(), name, span)?;
        let path = self.fn_path(&rust_name);
        let callee = self.mk(ExprKind::Path(path), Ty::Unit, span);
        Ok(self.mk(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
            },
            ret,
            span,
        ))
    }

    fn call_template(&mut self, def: &ast::FnDef, args: &[ast::Arg], span: Span) -> Res<hir::Expr> {
        let name = def.name.name.clone();
        if def.params.len() != args.len() {
            return self.error_help(
                span,
                format!(
                    "`{name}` takes {} arguments, but {} were given",
                    def.params.len(),
                    args.len()
                ),
                format!("pass {} arguments", def.params.len()),
            );
        }
        // A function or lambda passed to an unannotated parameter is a
        // closure whose parameter types the function body decides.
        let mut values = Vec::new();
        let mut callables = Vec::new();
        for (i, (p, a)) in def.params.iter().zip(args).enumerate() {
            if p.ty.is_none()
                && let Some(arity) = self.callable_arity(&a.value)
            {
                let params = (0..arity).map(|_| self.infer.fresh()).collect();
                let ret = Box::new(self.infer.fresh());
                let placeholder = self.mk(ExprKind::Unit, Ty::Fn { params, ret }, a.value.span);
                values.push(placeholder);
                callables.push(i);
                continue;
            }
            let want = p.ty.as_ref().map(|t| self.annotation(t)).transpose()?;
            let v = self.value(&a.value, want.as_ref())?;
            if let Some(w) = &want {
                self.expect_type(&v, w)?;
            }
            values.push(v);
        }
        let types: Vec<Ty> = values
            .iter()
            .map(|v| self.infer.resolve_now(&v.ty))
            .collect();
        let key = (name.clone(), types.clone());
        let cached = if callables.is_empty() {
            self.instances.get(&key).cloned()
        } else {
            None
        };
        let (rust_name, ret) = match cached {
            Some(found) => found,
            None => {
                let rust_name = self.fresh_fn_name(&name);
                let declared = def.ret.as_ref().map(|r| self.annotation(r)).transpose()?;
                let foreign = self.fns.get(&name).is_some_and(|f| f.foreign);
                let before = self.diags.len();
                let checked = self.check_fn_body(def, &types, declared, &rust_name);
                if foreign {
                    self.respan_since(before, span, &name);
                    self.respan.insert(rust_name.clone(), span);
                }
                let ret = checked.inspect_err(|_e| {
                    let shown: Vec<String> = types.iter().map(|t| t.to_string()).collect();
                    self.diags.push(
                        Diagnostic::error(
                            span,
                            format!("in this call, `{name}` is used with ({})", shown.join(", ")),
                        )
                        .with_help("the error above is in the function, for these argument types"),
                    );
                })?;
                self.instances.insert(key, (rust_name.clone(), ret.clone()));
                (rust_name, ret)
            }
        };
        for i in callables {
            let Ty::Fn { params, ret } = self.infer.resolve(&values[i].ty) else {
                unreachable!("callables are given fn types")
            };
            let closure = self
                .closure_arg(&args[i].value, &params, &ret)?
                .expect("callable_arity said so");
            let (ty, span) = (dyn_fn_ref(&params, &ret), closure.span);
            values[i] = self.mk(
                ExprKind::Ref {
                    mutable: false,
                    expr: Box::new(closure),
                },
                ty,
                span,
            );
        }
        let path = self.fn_path(&rust_name);
        let callee = self.mk(ExprKind::Path(path), Ty::Unit, span);
        Ok(self.mk(
            ExprKind::Call {
                callee: Box::new(callee),
                args: values,
            },
            ret,
            span,
        ))
    }

    /// How many parameters `arg` takes, if it is a lambda, a lambda
    /// variable, or a Keyton function.
    fn callable_arity(&self, arg: &ast::Expr) -> Option<usize> {
        match &arg.kind {
            ast::ExprKind::Lambda { params, .. } => Some(params.len()),
            ast::ExprKind::Name(n) => match self.scopes.lookup(n) {
                Some(id) => {
                    let ty = &self.scopes.get(id).ty;
                    (ty.adt_name() == Some(LAMBDA_MARKER)).then(|| match self.lambda_ast(ty).kind {
                        ast::ExprKind::Lambda { params, .. } => params.len(),
                        _ => 0,
                    })
                }
                None => self.fns.get(n).map(|f| f.def.params.len()),
            },
            _ => None,
        }
    }
}

/// `&dyn Fn(params) -> ret`: how a template takes a closure.
fn dyn_fn_ref(params: &[Ty], ret: &Ty) -> Ty {
    let bound = TraitRef {
        path: ["std", "ops", "Fn"].map(String::from).to_vec(),
        args: vec![Ty::Tuple(params.to_vec())],
        bindings: vec![("Output".into(), ret.clone())],
    };
    Ty::reference(Ty::Dyn(vec![bound]))
}
