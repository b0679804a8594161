//! The builtins of spec §7 and f-strings: how values print (Display where
//! there is one, Debug otherwise, Python's text for floats).

use crate::types::deref;
use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_hir::{self as hir, ExprKind, FmtPart, RuntimeFn};
use keyton_index::{IntTy, TraitRef, Ty};
use keyton_syntax::ast;

pub const BUILTINS: [&str; 9] = [
    "print", "eprint", "len", "str", "int", "float", "range", "type", "display",
];

impl Checker<'_> {
    pub fn builtin(
        &mut self,
        name: &str,
        args: &[ast::Arg],
        expected: Option<&Ty>,
        span: Span,
    ) -> Res<hir::Expr> {
        let _ = expected;
        match name {
            "print" | "eprint" => self.print(name == "eprint", args, span),
            "display" if self.cell => self.display_in_cell(args, span),
            "display" => {
                // In a script, rich output (`display(svg, "image/svg+xml")`)
                // has nowhere to render: its text is printed.
                let part = match args {
                    [value] => {
                        let x = self.expr(&value.value, None)?;
                        self.repr_arg(x)
                    }
                    [data, mime] => {
                        let mime = self.value(&mime.value, Some(&Ty::reference(Ty::Str)))?;
                        self.expect_type(&mime, &Ty::reference(Ty::Str))?;
                        let x = self.expr(&data.value, None)?;
                        self.fmt_arg(x, None)
                    }
                    _ => {
                        return self.error_help(
                            span,
                            "`display` takes a value, and optionally a MIME type",
                            "write `display(x)` or `display(data, \"text/html\")`",
                        );
                    }
                };
                Ok(self.mk(
                    ExprKind::Print {
                        parts: vec![part],
                        stderr: false,
                        newline: true,
                    },
                    Ty::Unit,
                    span,
                ))
            }
            _ => {
                let [arg] = args else {
                    if name == "range" {
                        return self.range(args, span);
                    }
                    return self.error_help(
                        span,
                        format!("`{name}` takes one value"),
                        format!("write `{name}(x)`"),
                    );
                };
                match name {
                    "range" => self.range(args, span),
                    "len" => self.len(&arg.value, span),
                    "str" => {
                        let x = self.expr(&arg.value, None)?;
                        let part = self.fmt_arg(x, None);
                        Ok(self.mk(ExprKind::Format(vec![part]), Ty::string(), span))
                    }
                    "type" => {
                        let x = self.expr(&arg.value, None)?;
                        let x = self.materialize(x);
                        let text = self.infer.resolve_now(&x.ty).to_string();
                        let lit = self.mk(ExprKind::Str(text), Ty::reference(Ty::Str), span);
                        Ok(self.owned_string(lit))
                    }
                    "int" => self.int_of(&arg.value, span),
                    _ => self.float_of(&arg.value, span),
                }
            }
        }
    }

    /// How `print`, `str` and f-strings show a value.
    /// `print(*args, sep=" ", end="\n")`; `sep` and `end` are string literals.
    /// `display(x)` and `display(data, mime)` in a cell: rich output
    /// through the session.
    fn display_in_cell(&mut self, args: &[ast::Arg], span: Span) -> Res<hir::Expr> {
        let (value, mime) = match args {
            [value] => (self.expr(&value.value, None)?, None),
            [data, mime] => {
                let mime = self.value(&mime.value, Some(&Ty::reference(Ty::Str)))?;
                self.expect_type(&mime, &Ty::reference(Ty::Str))?;
                (self.expr(&data.value, None)?, Some(Box::new(mime)))
            }
            _ => {
                return self.error_help(
                    span,
                    "`display` takes a value, and optionally a MIME type",
                    "write `display(x)` or `display(data, \"text/html\")`",
                );
            }
        };
        let value = Box::new(value);
        Ok(self.mk(ExprKind::Display { value, mime }, Ty::Unit, span))
    }

    fn print(&mut self, stderr: bool, args: &[ast::Arg], span: Span) -> Res<hir::Expr> {
        let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
        for a in args {
            if let Some(name) = &a.name {
                let ast::ExprKind::Str(text) = &a.value.kind else {
                    return self.error_help(
                        a.value.span,
                        format!("`{}` must be a string literal", name.name),
                        "write e.g. `sep=\", \"`",
                    );
                };
                match name.name.as_str() {
                    "sep" => sep = text.clone(),
                    "end" => end = text.clone(),
                    other => {
                        return self.error_help(
                            name.span,
                            format!("`print` has no keyword `{other}`"),
                            "`print` takes `sep=` and `end=`",
                        );
                    }
                }
            }
        }
        let mut parts = Vec::new();
        for a in args.iter().filter(|a| a.name.is_none()) {
            if !parts.is_empty() {
                parts.push(FmtPart::Lit(sep.clone()));
            }
            let x = self.expr(&a.value, None)?;
            parts.push(self.fmt_arg(x, None));
        }
        let newline = end.ends_with('\n');
        let end = end.strip_suffix('\n').unwrap_or(&end);
        if !end.is_empty() {
            parts.push(FmtPart::Lit(end.to_string()));
        }
        Ok(self.mk(
            ExprKind::Print {
                parts,
                stderr,
                newline,
            },
            Ty::Unit,
            span,
        ))
    }

    /// `x` as `&str` for parsing: a string as it is, a `char` as its text.
    fn text_of(&mut self, x: hir::Expr) -> hir::Expr {
        let ty = self.infer.resolve(&x.ty);
        let x = if *deref(&ty) == Ty::Char {
            let span = x.span;
            let part = FmtPart::Arg {
                expr: x,
                spec: String::new(),
            };
            self.mk(ExprKind::Format(vec![part]), Ty::string(), span)
        } else {
            x
        };
        self.coerce(x, &Ty::reference(Ty::Str))
    }

    /// How a value prints: Display where the type has it, Debug otherwise,
    /// and Python's text for a float. A user's spec is Rust's, as written.
    pub fn fmt_arg(&mut self, x: hir::Expr, spec: Option<&str>) -> FmtPart {
        let ty = self.infer.resolve_now(&x.ty);
        let inner = deref(&ty).clone();
        if let Some(spec) = spec {
            let names_trait = spec.ends_with(['?', 'x', 'X', 'o', 'b', 'e', 'E', 'p']);
            let debug = !names_trait && !self.has_display(&inner) && !inner.is_numeric();
            let spec = format!(":{spec}{}", if debug { "?" } else { "" });
            return FmtPart::Arg { expr: x, spec };
        }
        if matches!(inner, Ty::Float(_)) {
            let value = self.numeric_operand(x);
            let value = self.coerce(value, &Ty::F64);
            let span = value.span;
            let text = self.mk(
                ExprKind::Runtime {
                    func: RuntimeFn::FloatText,
                    args: vec![value],
                },
                Ty::Unit,
                span,
            );
            return FmtPart::Arg {
                expr: text,
                spec: String::new(),
            };
        }
        let spec = if self.has_display(&inner) { "" } else { ":?" };
        FmtPart::Arg {
            expr: x,
            spec: spec.into(),
        }
    }

    /// How a value shows as a result: strings quoted, everything through Debug
    /// except numbers and bools.
    fn repr_arg(&mut self, x: hir::Expr) -> FmtPart {
        let ty = self.infer.resolve_now(&x.ty);
        let plain = matches!(deref(&ty), Ty::Int(_) | Ty::Bool);
        FmtPart::Arg {
            expr: x,
            spec: if plain { String::new() } else { ":?".into() },
        }
    }

    pub fn fstring(&mut self, parts: &[ast::FStrPart], span: Span) -> Res<hir::Expr> {
        let mut out = Vec::new();
        for part in parts {
            match part {
                ast::FStrPart::Lit(s) => out.push(FmtPart::Lit(s.clone())),
                ast::FStrPart::Expr { expr, spec } => {
                    let x = self.expr(expr, None)?;
                    out.push(self.fmt_arg(x, spec.as_deref()));
                }
            }
        }
        Ok(self.mk(ExprKind::Format(out), Ty::string(), span))
    }

    fn range(&mut self, args: &[ast::Arg], span: Span) -> Res<hir::Expr> {
        let values = args
            .iter()
            .map(|a| {
                let v = self.value(&a.value, Some(&Ty::I64))?;
                self.expect_type(&v, &Ty::I64)?;
                Ok(v)
            })
            .collect::<Res<Vec<_>>>()?;
        let range_ty = Ty::adt(&["std", "ops", "Range"], vec![Ty::I64]);
        let mut values = values.into_iter();
        match (values.next(), values.next(), values.next(), values.next()) {
            (Some(end), None, None, None) => {
                let start = self.mk(ExprKind::Int(0), Ty::I64, span);
                Ok(self.mk(
                    ExprKind::Range {
                        start: Box::new(start),
                        end: Box::new(end),
                    },
                    range_ty,
                    span,
                ))
            }
            (Some(start), Some(end), None, None) => Ok(self.mk(
                ExprKind::Range {
                    start: Box::new(start),
                    end: Box::new(end),
                },
                range_ty,
                span,
            )),
            (Some(a), Some(b), Some(step), None) => {
                let iter = TraitRef {
                    path: ["std", "iter", "Iterator"].map(String::from).to_vec(),
                    args: vec![],
                    bindings: vec![("Item".into(), Ty::I64)],
                };
                Ok(self.mk(
                    ExprKind::Runtime {
                        func: RuntimeFn::RangeStep,
                        args: vec![a, b, step],
                    },
                    Ty::Opaque(vec![iter]),
                    span,
                ))
            }
            _ => self.error_help(
                span,
                "`range` takes 1 to 3 numbers",
                "write `range(n)`, `range(a, b)` or `range(a, b, step)`",
            ),
        }
    }

    fn len(&mut self, arg: &ast::Expr, span: Span) -> Res<hir::Expr> {
        let x = self.expr(arg, None)?;
        let ty = self.infer.resolve_now(&x.ty);
        let inner = deref(&ty);
        let usize_ty = Ty::Int(IntTy::Usize);
        let count = if *inner == Ty::Str || inner.is_adt("String") {
            // Python counts characters, not bytes.
            let chars = self.method_call_raw(x, "chars", vec![], Ty::Unit, span);
            self.method_call_raw(chars, "count", vec![], usize_ty, span)
        } else if self.find_method(&ty, "len").is_some() {
            self.method_call_raw(x, "len", vec![], usize_ty, span)
        } else {
            let found = self.show(&ty);
            return self.error_help(
                arg.span,
                format!("{found} has no length"),
                "`len` works on strings, lists, maps and sets",
            );
        };
        Ok(self.convert(count, Ty::I64))
    }

    fn int_of(&mut self, arg: &ast::Expr, span: Span) -> Res<hir::Expr> {
        let x = self.expr(arg, None)?;
        let x = self.numeric_operand(x);
        let ty = self.infer.resolve_now(&x.ty);
        Ok(match deref(&ty) {
            Ty::Int(IntTy::I64) => x,
            Ty::Int(_) => self.convert(x, Ty::I64),
            Ty::Float(_) => self.mk(
                ExprKind::Runtime {
                    func: RuntimeFn::FloatToInt,
                    args: vec![x],
                },
                Ty::I64,
                span,
            ),
            Ty::Bool => self.mk(
                ExprKind::As {
                    expr: Box::new(x),
                    to: Ty::I64,
                },
                Ty::I64,
                span,
            ),
            t if *t == Ty::Str || t.is_adt("String") || *t == Ty::Char => {
                let s = self.text_of(x);
                self.mk(
                    ExprKind::Runtime {
                        func: RuntimeFn::ParseInt,
                        args: vec![s],
                    },
                    Ty::I64,
                    span,
                )
            }
            _ => {
                let found = self.show(&ty);
                return self.error_help(
                    arg.span,
                    format!("`int` cannot convert {found}"),
                    "`int` converts numbers, bools and strings",
                );
            }
        })
    }

    fn float_of(&mut self, arg: &ast::Expr, span: Span) -> Res<hir::Expr> {
        let x = self.expr(arg, None)?;
        let x = self.numeric_operand(x);
        let ty = self.infer.resolve_now(&x.ty);
        Ok(match deref(&ty) {
            Ty::Float(keyton_index::FloatTy::F64) => x,
            Ty::Int(_) | Ty::Float(_) => self.mk(
                ExprKind::As {
                    expr: Box::new(x),
                    to: Ty::F64,
                },
                Ty::F64,
                span,
            ),
            t if *t == Ty::Str || t.is_adt("String") || *t == Ty::Char => {
                let s = self.text_of(x);
                self.mk(
                    ExprKind::Runtime {
                        func: RuntimeFn::ParseFloat,
                        args: vec![s],
                    },
                    Ty::F64,
                    span,
                )
            }
            _ => {
                let found = self.show(&ty);
                return self.error_help(
                    arg.span,
                    format!("`float` cannot convert {found}"),
                    "`float` converts numbers and strings",
                );
            }
        })
    }
}
