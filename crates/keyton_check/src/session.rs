//! Checking one notebook cell against the session it runs in.
//!
//! A cell is checked like a script's top level, with three differences:
//! the session's variables are already bound (each to the guard local that
//! codegen reads through, see [`hir::global_local`]); the functions of
//! earlier cells are known and called in place, in the crate of the cell
//! that defined them; and after every top-level statement, the variables
//! it bound become session variables ([`hir::StmtKind::Publish`]), so a
//! later failure in the cell leaves them in place, as in Python.
//!
//! [`SessionEnv`] is what the session remembers between cells; checking a
//! cell gives the environment after it, which the session keeps once the
//! cell has been built.

use crate::expr::LAMBDA_MARKER;
use crate::scope::FrameKind;
use crate::{Checker, FnEntry, MacroTypes, Res, nonneg};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir as hir;
use keyton_index::{Ty, World};
use keyton_syntax::ast;
use std::collections::{BTreeSet, HashMap};

/// What later cells see of the earlier ones: variables and functions.
#[derive(Clone, Default)]
pub struct SessionEnv {
    /// Session variables and their types, in the order they were defined.
    globals: Vec<(String, Ty)>,
    /// Functions, with Rust paths qualified by the crate of their cell.
    fns: HashMap<String, FnEntry>,
    /// Template instances made so far, with qualified Rust paths.
    instances: HashMap<(String, Vec<Ty>), (String, Ty)>,
    /// Names bound by `rimport` and `from ... rimport`.
    imports: HashMap<String, Vec<String>>,
    /// Macros bound by `from ... rimport`.
    macro_imports: HashMap<String, Vec<String>>,
    /// Lambdas bound to names: like templates, checked where they are used.
    lambdas: Vec<(String, ast::Expr)>,
    /// Top-level variables that could not outlive their cell (they borrow
    /// from other values, or their type has no name), with their types:
    /// a later cell using one is told why it is gone.
    cell_only: HashMap<String, Ty>,
    /// Variables whose values a cell gave away (moved into a call).
    given_away: BTreeSet<String>,
}

impl SessionEnv {
    /// The session's variables and their types.
    pub fn globals(&self) -> &[(String, Ty)] {
        &self.globals
    }

    /// Keep only the variables `keep` accepts (the ones the VM really holds
    /// after a cell that stopped early).
    pub fn retain_globals(&mut self, mut keep: impl FnMut(&str, &Ty) -> bool) {
        self.globals.retain(|(name, ty)| keep(name, ty));
    }

    /// Bring back a variable a failed cell left as it was.
    pub fn restore_global(&mut self, name: &str, ty: &Ty) {
        self.globals.push((name.to_string(), ty.clone()));
    }

    /// Names bound by imports (macros' included).
    pub fn import_names(&self) -> impl Iterator<Item = &str> {
        let macros = self.macro_imports.keys();
        self.imports.keys().chain(macros).map(String::as_str)
    }

    /// Names of the session's functions (lambdas bound to names included).
    pub fn fn_names(&self) -> impl Iterator<Item = &str> {
        let lambdas = self.lambdas.iter().map(|(name, _)| name.as_str());
        self.fns.keys().map(String::as_str).chain(lambdas)
    }

    /// A function's signature as written: `fn area(w: f64, h: f64) -> f64`.
    pub fn fn_signature(&self, name: &str) -> Option<String> {
        let entry = self.fns.get(name)?;
        let params: Vec<String> = match &entry.concrete {
            Some((_, params, _)) => entry
                .def
                .params
                .iter()
                .zip(params)
                .map(|(p, ty)| format!("{}: {ty}", p.name.name))
                .collect(),
            None => entry
                .def
                .params
                .iter()
                .map(|p| p.name.name.clone())
                .collect(),
        };
        let ret = match &entry.concrete {
            Some((_, _, Ty::Unit)) | None => String::new(),
            Some((_, _, ret)) => format!(" -> {ret}"),
        };
        Some(format!("fn {name}({}){ret}", params.join(", ")))
    }
}

/// A checked cell.
pub struct CheckedCell {
    pub program: hir::Program,
    /// The session after this cell, if it runs to the end.
    pub env: SessionEnv,
    /// Crates of earlier cells whose functions this cell calls.
    pub uses_crates: BTreeSet<String>,
}

/// Check a cell that will be built as the crate `crate_name`; the value
/// of a crate macro's call needs an annotation.
pub fn check_cell(
    module: &ast::Module,
    index: &World,
    env: &SessionEnv,
    crate_name: &str,
) -> Result<CheckedCell, Vec<Diagnostic>> {
    check_cell_with(module, index, env, crate_name, None)
}

/// [`check_cell`], asking `macro_types` (if given) the type of a crate
/// macro call's value where nothing else gives it.
pub fn check_cell_with<'a>(
    module: &ast::Module,
    index: &'a World,
    env: &SessionEnv,
    crate_name: &str,
    macro_types: Option<&'a mut dyn MacroTypes>,
) -> Result<CheckedCell, Vec<Diagnostic>> {
    let mut checker = Checker::new(index);
    checker.macro_types = macro_types;
    checker.cell = true;
    checker.fns = env.fns.clone();
    checker.instances = env.instances.clone();
    checker.imports = env.imports.clone();
    checker.macro_imports = env.macro_imports.clone();
    crate::collect_fn_defs(&mut checker, module);
    checker.non_negative = nonneg::non_negative_names(&module.stmts);
    checker.scopes.push(FrameKind::Function);
    for (name, lambda) in &env.lambdas {
        let marker = checker.lambda_marker(lambda);
        checker.scopes.bind(name, marker, Span::default());
    }
    checker.foreign_lambdas = env.lambdas.len();
    checker.cell_only = env.cell_only.clone();
    checker.given_away = env.given_away.clone();
    for (name, ty) in &env.globals {
        // Values come from earlier cells: nothing here says they are not negative.
        checker.non_negative.remove(name);
        let ty = crate::finish::canonical_paths(index, ty);
        crate_types(&ty, &mut checker.session_types);
        let id = checker.scopes.bind(name, ty, Span::default());
        checker.scopes.get_mut(id).rust_name = hir::global_local(name);
    }
    let mut main = checker.block(&module.stmts, false);
    show_last_value(&mut checker, &mut main.stmts);
    let globals = checker.top_level_globals();
    let given_away = checker.given_away_now();
    checker.given_away.extend(given_away.iter().cloned());
    let lambdas = checker.top_level_lambdas();
    checker.scopes.pop();
    if !checker.diags.is_empty() {
        return Err(checker.diags);
    }
    let loads = env
        .globals
        .iter()
        .filter(|(name, _)| checker.scopes.was_looked_up(name))
        .map(|(name, ty)| hir::Stmt {
            kind: hir::StmtKind::Load {
                name: name.clone(),
                ty: ty.clone(),
            },
            span: Span::default(),
        });
    main.stmts.splice(0..0, loads);
    let program = hir::Program {
        fns: std::mem::take(&mut checker.out_fns),
        main: main.stmts,
        traits: checker.used_traits.iter().cloned().collect(),
    };
    let program = crate::finish::finish(&mut checker, program)?;
    let qualify = |rust: &mut String| {
        if !rust.contains("::") {
            *rust = format!("{crate_name}::{rust}");
        }
    };
    let mut fns = checker.fns;
    for entry in fns.values_mut() {
        entry.foreign = true;
        if let Some((rust, _, _)) = &mut entry.concrete {
            qualify(rust);
        }
    }
    let mut instances = checker.instances;
    for (rust, _) in instances.values_mut() {
        qualify(rust);
    }
    let published = published_types(&program);
    let globals = globals
        .into_iter()
        .filter_map(|name| Some((name.clone(), published.get(&name)?.clone())))
        .collect::<Vec<_>>();
    let mut all = env.globals.clone();
    for (name, ty) in globals {
        all.retain(|(n, _)| *n != name);
        all.push((name, ty));
    }
    all.retain(|(n, _)| !lambdas.iter().any(|(l, _)| l == n) && !given_away.contains(n));
    Ok(CheckedCell {
        program,
        env: SessionEnv {
            globals: all,
            fns,
            instances,
            imports: checker.imports,
            macro_imports: checker.macro_imports,
            lambdas,
            cell_only: checker.cell_only,
            given_away: checker.given_away,
        },
        uses_crates: checker.used_crates,
    })
}

/// The final type of each variable the cell publishes (the last binding
/// of a name wins), with the types the whole cell decided.
fn published_types(program: &hir::Program) -> HashMap<String, Ty> {
    program
        .main
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            hir::StmtKind::Publish { name, ty, .. } => Some((name.clone(), ty.clone())),
            _ => None,
        })
        .collect()
}

/// A type no `let` can spell (an iterator, a closure): a variable of it
/// lives in its cell only.
fn unnameable(ty: &Ty) -> bool {
    let is = |t: &Ty| matches!(t, Ty::Opaque(_) | Ty::Fn { .. } | Ty::Dyn(_));
    is(ty) || any_inside(ty, &is)
}

/// Whether a type anywhere inside `ty` (not `ty` itself) is one `pred` accepts.
fn any_inside(ty: &Ty, pred: &dyn Fn(&Ty) -> bool) -> bool {
    let mut found = false;
    crate::infer::map_ty(ty, &mut |t| {
        found |= pred(t) || any_inside(t, pred);
        t.clone()
    });
    found
}

/// The crate types in `ty` (`Vec<counter::Point>` has `counter::Point`),
/// added to `out` once each: the types the session's values have.
fn crate_types(ty: &Ty, out: &mut Vec<Ty>) {
    if let Ty::Adt { path, .. } = ty
        && path[0] != "std"
        && !out.contains(ty)
    {
        out.push(ty.clone());
    }
    crate::infer::map_ty(ty, &mut |t| {
        crate_types(t, out);
        t.clone()
    });
}

/// A final expression statement with a value is the cell's result.
fn show_last_value(checker: &mut Checker<'_>, stmts: &mut [hir::Stmt]) {
    let Some(last) = stmts.last_mut() else {
        return;
    };
    if let hir::StmtKind::Expr(e) = &last.kind {
        let ty = checker.infer.resolve_now(&e.ty);
        if ty != Ty::Unit && !matches!(e.kind, hir::ExprKind::Print { .. }) {
            let hir::StmtKind::Expr(e) = std::mem::replace(&mut last.kind, hir::StmtKind::Break)
            else {
                unreachable!("matched above")
            };
            last.kind = hir::StmtKind::Show(e);
        }
    }
}

impl Checker<'_> {
    /// Checking a cell's own top-level statements (not a function body).
    pub(crate) fn at_cell_top(&self) -> bool {
        self.cell && self.returns.is_empty() && self.scopes.depth() == 1
    }

    /// In a cell, after a top-level statement: the variables it bound for
    /// the first time (or bound again with another type) move into guards
    /// that keep them in the session.
    pub(crate) fn publish_new_globals(&mut self, out: &mut Vec<hir::Stmt>, span: Span) {
        for (name, id) in self.scopes.top_level_bindings() {
            let binding = self.scopes.get(id);
            if hir::global_name(&binding.rust_name).is_some()
                || binding.ty.adt_name() == Some(LAMBDA_MARKER)
            {
                continue;
            }
            let resolved = self.infer.resolve_now(&binding.ty);
            if unnameable(&resolved) || self.borrows(&resolved) {
                self.cell_only.insert(name, resolved);
                continue;
            }
            self.cell_only.remove(&name);
            self.given_away.remove(&name);
            // The session outlives every borrow: it keeps an owned copy.
            let (ty, to_owned) = match self.infer.resolve_now(&binding.ty) {
                Ty::Ref { inner, .. } => match *inner {
                    Ty::Str => (Ty::string(), true),
                    Ty::Slice(elem) => (Ty::vec(*elem), true),
                    other => (other, true),
                },
                _ => (binding.ty.clone(), false),
            };
            out.push(hir::Stmt {
                kind: hir::StmtKind::Publish {
                    name: name.clone(),
                    ty: ty.clone(),
                    to_owned,
                },
                span,
            });
            let binding = self.scopes.get_mut(id);
            binding.rust_name = hir::global_local(&name);
            binding.ty = ty;
        }
    }

    /// Whether a value of `ty` borrows from others: a crate type with
    /// lifetime parameters, or a reference inside another type (`Vec<&str>`,
    /// csv's `Reader<&[u8]>`). A reference itself is kept as an owned copy.
    fn borrows(&self, ty: &Ty) -> bool {
        let borrowing_adt = |t: &Ty| {
            let Ty::Adt { path, .. } = t else {
                return false;
            };
            matches!(
                self.index.by_canonical(path).map(|e| &e.item),
                Some(keyton_index::Item::Struct(keyton_index::StructDef {
                    borrows: true,
                    ..
                })) | Some(keyton_index::Item::Enum(keyton_index::EnumDef {
                    borrows: true,
                    ..
                }))
            )
        };
        borrowing_adt(ty) || any_inside(ty, &|t| matches!(t, Ty::Ref { .. }) || borrowing_adt(t))
    }

    /// The session variables bound at the top level now (not those whose
    /// value the cell gave away).
    fn top_level_globals(&self) -> Vec<String> {
        self.scopes
            .top_level_bindings()
            .into_iter()
            .filter(|(_, id)| {
                let binding = self.scopes.get(*id);
                hir::global_name(&binding.rust_name).is_some() && binding.moved.is_none()
            })
            .map(|(name, _)| name)
            .collect()
    }

    /// Session variables whose value the cell gave away.
    fn given_away_now(&self) -> Vec<String> {
        self.scopes
            .top_level_bindings()
            .into_iter()
            .filter(|(_, id)| self.scopes.get(*id).moved.is_some())
            .map(|(name, _)| name)
            .collect()
    }

    /// Check a lambda bound to `name` where it is used (`at`). A lambda of
    /// an earlier cell has spans into that cell: its errors are told here.
    pub(crate) fn check_lambda_var(
        &mut self,
        marker: &Ty,
        name: &str,
        params: &[Ty],
        ret: &Ty,
        at: Span,
    ) -> Res<hir::Expr> {
        let lambda = self.lambda_ast(marker);
        let before = self.diags.len();
        let checked = self.check_lambda_ast(&lambda, params, ret);
        if self.lambda_index(marker) < self.foreign_lambdas {
            self.respan_since(before, at, name);
            return checked.map(|mut closure| {
                closure.span = at;
                closure
            });
        }
        checked
    }

    /// The errors reported since `before` came from the code of `name`, a
    /// function or lambda of an earlier cell: point them at `at`, where it
    /// is used in this cell.
    pub(crate) fn respan_since(&mut self, before: usize, at: Span, name: &str) {
        for d in &mut self.diags[before..] {
            d.message = format!("in `{name}` (defined in an earlier cell): {}", d.message);
            d.primary.span = at;
            d.secondary.clear();
        }
    }

    /// The lambdas bound at the top level now, by name.
    fn top_level_lambdas(&self) -> Vec<(String, ast::Expr)> {
        self.scopes
            .top_level_bindings()
            .into_iter()
            .filter(|(_, id)| self.scopes.get(*id).ty.adt_name() == Some(LAMBDA_MARKER))
            .map(|(name, id)| {
                let marker = self.scopes.get(id).ty.clone();
                (name, self.lambda_ast(&marker))
            })
            .collect()
    }

    /// The path of a function's Rust name (`cell_3::add` for a function of
    /// an earlier cell), noting the crate it comes from.
    pub(crate) fn fn_path(&mut self, rust_name: &str) -> Vec<String> {
        let path: Vec<String> = rust_name.split("::").map(str::to_string).collect();
        if path.len() > 1 {
            self.used_crates.insert(path[0].clone());
        }
        path
    }

    /// In a cell, a loop body starts by checking for an interrupt.
    pub(crate) fn interrupt_point(&self, body: &mut hir::Block, span: Span) {
        if self.cell {
            body.stmts.insert(
                0,
                hir::Stmt {
                    kind: hir::StmtKind::InterruptPoint,
                    span,
                },
            );
        }
    }
}
