//! The checker: resolves names against the program and the API indexes,
//! infers types, instantiates templates, tracks moves, and produces the typed
//! program ([`keyton_hir::Program`]) that codegen prints.
//!
//! Checking is one pass over the statements in order, as a Python user reads
//! them: a later statement can decide an earlier open type (`out = []` then
//! `out.push(1.5)`), and a final pass ([`finish`]) writes the decided types
//! into the tree.

mod access;
mod assign;
mod builtins;
mod call;
mod candidates;
mod choose;
mod coerce;
mod expr;
mod finish;
mod fns;
mod hoist;
mod infer;
mod lambdas;
mod macros;
mod method;
mod names;
mod nonneg;
mod operators;
mod ops;
mod paths;
mod pattern;
mod place;
mod projection;
mod scope;
mod session;
mod stmt;
mod types;

use infer::Infer;
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir as hir;
use keyton_index::{Ty, World};
use keyton_syntax::ast;
use scope::{FrameKind, Scopes};
use std::collections::{BTreeSet, HashMap, HashSet};

pub use builtins::BUILTINS;
pub use macros::{MacroQuery, MacroTypeError, MacroTypes};
pub use session::{CheckedCell, SessionEnv, check_cell, check_cell_with};

/// Check a whole script against the APIs of std and the imported crates;
/// the value of a crate macro's call needs an annotation.
pub fn check(module: &ast::Module, world: &World) -> Result<hir::Program, Vec<Diagnostic>> {
    check_program(module, world, None)
}

/// [`check`], asking `macro_types` the type of a crate macro call's value
/// where nothing else gives it.
pub fn check_with(
    module: &ast::Module,
    world: &World,
    macro_types: &mut dyn MacroTypes,
) -> Result<hir::Program, Vec<Diagnostic>> {
    check_program(module, world, Some(macro_types))
}

fn check_program<'a>(
    module: &ast::Module,
    world: &'a World,
    macro_types: Option<&'a mut dyn MacroTypes>,
) -> Result<hir::Program, Vec<Diagnostic>> {
    let mut checker = Checker::new(world);
    checker.macro_types = macro_types;
    collect_fn_defs(&mut checker, module);
    checker.non_negative = nonneg::non_negative_names(&module.stmts);
    checker.scopes.push(FrameKind::Function);
    let main = checker.block(&module.stmts, false);
    checker.scopes.pop();
    if !checker.diags.is_empty() {
        return Err(checker.diags);
    }
    let program = hir::Program {
        fns: std::mem::take(&mut checker.out_fns),
        main: main.stmts,
        traits: checker.used_traits.iter().cloned().collect(),
    };
    finish::finish(&mut checker, program)
}

/// Every top-level `fn` of the module, for "defined later" errors.
fn collect_fn_defs(checker: &mut Checker<'_>, module: &ast::Module) {
    for stmt in &module.stmts {
        if let ast::StmtKind::FnDef(def) = &stmt.kind {
            checker
                .all_fns
                .entry(def.name.name.clone())
                .or_insert_with(|| def.clone());
        }
    }
}

/// An error was reported (it is in `Checker::diags`); stop checking this statement.
#[derive(Debug)]
pub(crate) struct Reported;

pub(crate) type Res<T> = Result<T, Reported>;

/// A function defined with `fn`, checked at definition (all parameters
/// annotated) or once per combination of argument types (a template).
#[derive(Clone)]
pub(crate) struct FnEntry {
    pub def: ast::FnDef,
    /// The Rust name of the checked function when it is not a template.
    pub concrete: Option<(String, Vec<Ty>, Ty)>,
    /// Defined in an earlier cell: its spans point into that cell.
    pub foreign: bool,
}

pub(crate) struct Checker<'a> {
    /// std's API and the imported crates'.
    pub index: &'a World,
    pub infer: Infer,
    pub scopes: Scopes,
    pub diags: Vec<Diagnostic>,
    pub fns: HashMap<String, FnEntry>,
    /// Template instances: (fn name, argument types) -> (Rust name, return type).
    pub instances: HashMap<(String, Vec<Ty>), (String, Ty)>,
    /// Functions being checked right now (a call to one is recursion).
    pub in_progress: HashSet<String>,
    pub out_fns: Vec<hir::Function>,
    /// Names bound by `rimport` and `from ... rimport`, to public paths.
    pub imports: HashMap<String, Vec<String>>,
    /// Macros bound by `from ... rimport`, to public paths: macros have a
    /// namespace of their own, so `from anyhow rimport anyhow` leaves the
    /// name `anyhow` the crate's in paths.
    pub macro_imports: HashMap<String, Vec<String>>,
    /// The return type of each function being checked, innermost last.
    pub returns: Vec<Ty>,
    /// Rust names already given to functions.
    pub fn_names: HashSet<String>,
    /// Lambdas bound to names, checked where they are used.
    pub lambdas: Vec<ast::Expr>,
    /// Top-level variables, hidden while a function body is checked.
    pub hidden_globals: Vec<String>,
    /// Every top-level `fn` of the program, for "defined later" errors.
    pub all_fns: HashMap<String, ast::FnDef>,
    /// Functions called from a body before their definition (mutual
    /// recursion): declared by their annotations, checked where defined.
    pub forward: HashSet<String>,
    /// Names whose binding statement failed: their uses are not reported again.
    pub failed_names: HashSet<String>,
    /// Integer variables of the body being checked that are never negative.
    pub non_negative: HashSet<String>,
    /// Checking a notebook cell (see `session`), not a script.
    pub cell: bool,
    /// Crates of earlier cells whose functions are called.
    pub used_crates: BTreeSet<String>,
    /// Projections of associated types being worked out (a guard against
    /// cycles among impls).
    pub projecting: usize,
    /// Crate traits that all give the method being looked up (set by the
    /// lookup, taken by the call that reports it).
    pub ambiguous: Option<Vec<Vec<String>>>,
    /// Crate traits whose methods the program calls: generated code
    /// brings them into scope.
    pub used_traits: BTreeSet<Vec<String>>,
    /// Variables of earlier cells that could not outlive them (session).
    pub cell_only: HashMap<String, Ty>,
    /// Session variables an earlier cell gave away (moved).
    pub given_away: BTreeSet<String>,
    /// Lambdas `0..foreign_lambdas` come from earlier cells.
    pub foreign_lambdas: usize,
    /// Instances of earlier cells' templates, by Rust name, and the call
    /// that made each: their code is told at that call.
    pub respan: HashMap<String, Span>,
    /// Generics of calls that only their results mention, not decided yet.
    pub open_generics: Vec<choose::OpenGeneric>,
    /// Bounds of the calls' generics the checker does not solve
    /// (`C: FromIterator<B>`): rustc may decide a generic through one.
    pub generic_ties: Vec<keyton_index::TraitRef>,
    /// Crate types of the session's values: instantiations a generic may
    /// be given besides Keyton's own types.
    pub session_types: Vec<Ty>,
    /// Who tells the type of a crate macro call's value, if anyone.
    pub macro_types: Option<&'a mut dyn MacroTypes>,
}

impl<'a> Checker<'a> {
    fn new(index: &'a World) -> Checker<'a> {
        Checker {
            index,
            infer: Infer::default(),
            scopes: Scopes::default(),
            diags: Vec::new(),
            fns: HashMap::new(),
            instances: HashMap::new(),
            in_progress: HashSet::new(),
            out_fns: Vec::new(),
            imports: HashMap::new(),
            macro_imports: HashMap::new(),
            returns: Vec::new(),
            fn_names: HashSet::new(),
            lambdas: Vec::new(),
            hidden_globals: Vec::new(),
            all_fns: HashMap::new(),
            forward: HashSet::new(),
            non_negative: HashSet::new(),
            failed_names: HashSet::new(),
            cell: false,
            used_crates: BTreeSet::new(),
            projecting: 0,
            cell_only: HashMap::new(),
            given_away: BTreeSet::new(),
            used_traits: BTreeSet::new(),
            ambiguous: None,
            foreign_lambdas: 0,
            respan: HashMap::new(),
            open_generics: Vec::new(),
            generic_ties: Vec::new(),
            session_types: Vec::new(),
            macro_types: None,
        }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) -> Reported {
        self.diags.push(diagnostic);
        Reported
    }

    pub fn error<T>(&mut self, span: Span, message: impl Into<String>) -> Res<T> {
        Err(self.report(Diagnostic::error(span, message)))
    }

    pub fn error_help<T>(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Res<T> {
        Err(self.report(Diagnostic::error(span, message).with_help(help)))
    }

    /// A type as the user should read it (variables resolved).
    pub fn show(&self, ty: &Ty) -> String {
        let ty = self.infer.resolve_for_display(ty);
        format!("`{}`", finish::nameable_paths(self.index, &ty))
    }

    /// The type of a value as the user wrote it: a string literal is a `String`.
    pub fn show_value(&self, value: &hir::Expr) -> String {
        match value.kind {
            hir::ExprKind::Str(_) => "`String`".to_string(),
            _ => self.show(&value.ty),
        }
    }

    /// A typed expression.
    pub fn mk(&self, kind: hir::ExprKind, ty: Ty, span: Span) -> hir::Expr {
        hir::Expr { kind, ty, span }
    }
}
