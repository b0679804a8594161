//! Lambdas: checked where they are used, with the parameter types that
//! place wants (a Rust `Fn`, `FnMut` or `FnOnce` parameter, or a Keyton
//! function's); a lambda stored in a variable is a marker type that keeps
//! its syntax, checked again at each use.

use crate::expr::LAMBDA_MARKER;
use crate::scope::FrameKind;
use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, ExprKind};
use keyton_index::Ty;
use keyton_syntax::ast;

impl Checker<'_> {
    /// A lambda in a place that says its parameter types (a `Fn` parameter).
    pub fn lambda(
        &mut self,
        params: &[ast::Ident],
        body: &ast::Expr,
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let expected = expected.map(|t| self.infer.resolve(t));
        let Some(Ty::Fn { params: ps, ret }) = expected else {
            return self.error_help(
                span,
                "the parameter types of this lambda are unknown here",
                "bind a lambda to a name (`f = lambda x: ...`), call it, or pass it to a function; returning one or storing it in a list is not supported yet: use a `fn`",
            );
        };
        let lambda = ast::Expr {
            kind: ast::ExprKind::Lambda {
                params: params.to_vec(),
                body: Box::new(body.clone()),
            },
            span,
        };
        self.check_lambda_ast(&lambda, &ps, &ret)
    }

    /// A closure argument: a lambda, a lambda variable, or a Keyton function.
    pub fn closure_arg(
        &mut self,
        arg: &ast::Expr,
        params: &[Ty],
        ret: &Ty,
    ) -> Res<Option<hir::Expr>> {
        match &arg.kind {
            ast::ExprKind::Lambda { .. } => self.check_lambda_ast(arg, params, ret).map(Some),
            ast::ExprKind::Name(n) => {
                if let Some(id) = self.scopes.lookup(n) {
                    let ty = self.scopes.get(id).ty.clone();
                    if ty.adt_name() == Some(LAMBDA_MARKER) {
                        return self
                            .check_lambda_var(&ty, n, params, ret, arg.span)
                            .map(Some);
                    }
                    return Ok(None);
                }
                if !self.fns.contains_key(n) {
                    return Ok(None);
                }
                // `map(double)`: a closure calling the function.
                let names: Vec<ast::Ident> = (0..params.len())
                    .map(|i| ast::Ident {
                        name: format!("__arg{i}"),
                        span: arg.span,
                    })
                    .collect();
                let call = ast::Expr {
                    kind: ast::ExprKind::Call {
                        func: Box::new(arg.clone()),
                        args: names
                            .iter()
                            .map(|i| ast::Arg {
                                name: None,
                                value: ast::Expr {
                                    kind: ast::ExprKind::Name(i.name.clone()),
                                    span: arg.span,
                                },
                            })
                            .collect(),
                    },
                    span: arg.span,
                };
                let lambda = ast::Expr {
                    kind: ast::ExprKind::Lambda {
                        params: names,
                        body: Box::new(call),
                    },
                    span: arg.span,
                };
                self.check_lambda_ast(&lambda, params, ret).map(Some)
            }
            _ => Ok(None),
        }
    }

    pub fn check_lambda_ast(
        &mut self,
        lambda: &ast::Expr,
        params: &[Ty],
        ret: &Ty,
    ) -> Res<hir::Expr> {
        let ast::ExprKind::Lambda {
            params: names,
            body,
        } = &lambda.kind
        else {
            return self.error(lambda.span, "expected a lambda");
        };
        if names.len() != params.len() {
            return self.error_help(
                lambda.span,
                format!(
                    "this lambda takes {} parameters, but {} are passed to it",
                    names.len(),
                    params.len()
                ),
                format!("write a lambda of {} parameters", params.len()),
            );
        }
        self.scopes.push(FrameKind::Lambda);
        let mut hparams = Vec::new();
        for (n, ty) in names.iter().zip(params) {
            let ty = self.infer.resolve(ty);
            self.scopes.bind(&n.name, ty.clone(), n.span);
            hparams.push((n.name.clone(), ty));
        }
        let result = self.value(body, Some(ret));
        self.scopes.pop();
        let body = result?;
        if !self.infer.unify(&body.ty, ret) {
            let (want, found) = (self.show(ret), self.show(&body.ty));
            return self.error_help(
                body.span,
                format!("this lambda should give {want}, found {found}"),
                format!("make the lambda's expression {want}"),
            );
        }
        let ty = Ty::Fn {
            params: params.to_vec(),
            ret: Box::new(ret.clone()),
        };
        Ok(self.mk(
            ExprKind::Closure {
                params: hparams,
                body: Box::new(body),
            },
            ty,
            lambda.span,
        ))
    }

    /// Remember a lambda bound to a name; it is checked where it is used.
    pub fn lambda_marker(&mut self, lambda: &ast::Expr) -> Ty {
        self.lambdas.push(lambda.clone());
        Ty::Adt {
            path: vec![
                (self.lambdas.len() - 1).to_string(),
                LAMBDA_MARKER.to_string(),
            ],
            args: vec![],
        }
    }

    pub fn lambda_ast(&self, marker: &Ty) -> ast::Expr {
        self.lambdas[self.lambda_index(marker)].clone()
    }

    pub fn lambda_index(&self, marker: &Ty) -> usize {
        let Ty::Adt { path, .. } = marker else {
            unreachable!("lambda markers are ADTs")
        };
        path[0].parse().expect("marker paths hold an index")
    }
}
