//! Macro calls. Their tokens go to Rust unread, so the checker cannot tell
//! the type of what a call makes: it comes from what is expected there (an
//! annotation, a parameter), or, for a crate's macro, from whoever runs
//! the checker ([`MacroTypes`]: the session asks rustc, and caches the
//! answer). The checker itself stays free of builds.

use crate::{Checker, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_hir::{self as hir, ExprKind};
use keyton_index::Ty;
use keyton_syntax::ast;

/// A crate macro's call whose value's type is asked for.
pub struct MacroQuery<'q> {
    /// The macro's public Rust path (`["serde_json", "json"]`).
    pub path: &'q [String],
    /// `(`, `[` or `{`.
    pub delimiter: char,
    /// The tokens inside the delimiters, as written.
    pub tokens: &'q str,
    /// The Keyton variables the tokens name, with their types (public
    /// paths, nothing left open): what the tokens can use.
    pub vars: &'q [(String, Ty)],
}

/// Why the type of a macro call's value is not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MacroTypeError {
    /// rustc rejected the call: its errors' messages.
    Rejected(Vec<String>),
    /// The value is of this Rust type, which Keyton cannot name.
    Unnameable(String),
    /// rustc could not be asked.
    Unasked(String),
}

/// Answers the type of a crate macro call's value (see [`MacroQuery`]).
pub trait MacroTypes {
    fn macro_type(&mut self, query: &MacroQuery<'_>) -> Result<Ty, MacroTypeError>;
}

/// What becomes of a macro call's value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MacroValue {
    /// An operand, an argument, a variable's value: its type must be known.
    Used,
    /// A statement of a cell's top level: shown if it is the cell's last
    /// and has a type rustc can tell; else dropped (a macro may expand to
    /// statements, which have none).
    MaybeShown,
    /// A statement of its own: its type does not matter.
    Dropped,
}

impl Checker<'_> {
    /// `path!(tokens)`.
    pub(crate) fn macro_call(
        &mut self,
        written: &[ast::Ident],
        delimiter: char,
        tokens: &str,
        expected: Option<&Ty>,
        value: MacroValue,
        span: Span,
    ) -> Res<hir::Expr> {
        let names: Vec<String> = written.iter().map(|i| i.name.clone()).collect();
        let path = self.macro_path(&names);
        let vars = self.macro_vars(tokens, span)?;
        // An open expected type (a template's return) is decided by the value.
        let open = matches!(expected, None | Some(Ty::Infer(_)));
        let ty = match (expected, names.last().map(String::as_str)) {
            (Some(t), _) if !open => t.clone(),
            (_, Some("format")) => Ty::string(),
            _ if value != MacroValue::Dropped && self.can_ask_macro_type(&path) => {
                match self.asked_macro_type(&names, &path, delimiter, tokens, &vars, span) {
                    Ok(ty) => ty,
                    Err(error) if value == MacroValue::Used => return Err(self.report(error)),
                    // rustc tells what is wrong, if anything, when it builds the cell.
                    Err(_) => self.infer.fresh_with_default(Ty::Unit),
                }
            }
            (Some(t), _) => t.clone(),
            (None, _) => self.infer.fresh_with_default(Ty::Unit),
        };
        Ok(self.mk(
            ExprKind::MacroCall {
                path,
                delimiter,
                tokens: tokens.to_string(),
                vars,
            },
            ty,
            span,
        ))
    }

    /// Whether the type of `written!(...)` is to be asked (a crate's macro,
    /// with someone to ask) rather than written by the user.
    pub(crate) fn macro_type_is_asked(&self, written: &[ast::Ident]) -> bool {
        let names: Vec<String> = written.iter().map(|i| i.name.clone()).collect();
        names.last().is_some_and(|m| m == "format")
            || self.can_ask_macro_type(&self.macro_path(&names))
    }

    fn can_ask_macro_type(&self, path: &[String]) -> bool {
        self.macro_types.is_some()
            && path.len() > 1
            && path[0] != "std"
            && self.index.has_crate(&path[0])
    }

    /// A macro's Rust path: std's macros by name, crate macros by their
    /// crate (`json` after `from serde_json rimport json` too).
    pub(crate) fn macro_path(&self, path: &[String]) -> Vec<String> {
        match path {
            [one] => self
                .macro_imports
                .get(one)
                .cloned()
                .unwrap_or_else(|| vec![one.clone()]),
            _ => {
                let names: Vec<&str> = path.iter().map(String::as_str).collect();
                self.public_path(&names).unwrap_or_else(|| path.to_vec())
            }
        }
    }

    /// The Keyton variables the tokens name, each as generated code reads it.
    fn macro_vars(&mut self, tokens: &str, span: Span) -> Res<Vec<(String, hir::Expr)>> {
        let mut vars = Vec::new();
        for name in hir::macro_variable_names(tokens) {
            let Some(id) = self.scopes.lookup(&name) else {
                continue;
            };
            if self.scopes.get(id).ty.adt_name() == Some(crate::expr::LAMBDA_MARKER) {
                continue;
            }
            let var = self.name(&name, span)?;
            vars.push((name, var));
        }
        Ok(vars)
    }

    fn asked_macro_type(
        &mut self,
        written: &[String],
        path: &[String],
        delimiter: char,
        tokens: &str,
        vars: &[(String, hir::Expr)],
        span: Span,
    ) -> Result<Ty, Diagnostic> {
        let shown = written.join(".");
        let mut typed = Vec::new();
        for (name, var) in vars {
            let ty = self.infer.resolve_now(&var.ty);
            if !crate::finish::nameable(&ty) {
                let ty = self.show(&ty);
                return Err(Diagnostic::error(
                    span,
                    format!("`{shown}!` uses `{name}`, whose type {ty} has no name here"),
                )
                .with_help(format!(
                    "give `{name}` a written type where it is made (`let {name}: Type = ...`), or annotate the macro's value: `let v: Type = {shown}!(...)`"
                )));
            }
            typed.push((name.clone(), crate::finish::nameable_paths(self.index, &ty)));
        }
        let query = MacroQuery {
            path,
            delimiter,
            tokens,
            vars: &typed,
        };
        let Some(macro_types) = self.macro_types.as_deref_mut() else {
            return Ok(self.infer.fresh_with_default(Ty::Unit));
        };
        let annotate = format!("write the type of its value: `let v: Type = {shown}!(...)`");
        let (message, help) = match macro_types.macro_type(&query) {
            Ok(ty) => return Ok(crate::finish::canonical_paths(self.index, &ty)),
            Err(MacroTypeError::Rejected(errors)) => (
                format!("`{shown}!(...)` does not compile: {}", errors.join("; ")),
                "its tokens go to Rust as written: make them a call Rust accepts".to_string(),
            ),
            Err(MacroTypeError::Unnameable(rust)) => (
                format!("`{shown}!` makes a `{rust}`, a type Keyton cannot name"),
                annotate,
            ),
            Err(MacroTypeError::Unasked(reason)) => (
                format!("cannot ask rustc the type of what `{shown}!` makes: {reason}"),
                annotate,
            ),
        };
        Err(Diagnostic::error(span, message).with_help(help))
    }
}
