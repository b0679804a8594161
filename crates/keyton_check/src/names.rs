//! Names: `rimport` of std paths, and unknown-name errors with a
//! did-you-mean suggestion.

use crate::{Checker, Reported, Res};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_syntax::ast;

/// Python habits that have another spelling in Keyton, and that spelling.
const PYTHON_HABITS: [(&str, &str); 11] = [
    ("True", "Keyton writes `true`"),
    ("False", "Keyton writes `false`"),
    (
        "max",
        "use `std.cmp.max(a, b)`, or `xs.iter().max()` for a list",
    ),
    (
        "min",
        "use `std.cmp.min(a, b)`, or `xs.iter().min()` for a list",
    ),
    ("abs", "call the method: `x.abs()`"),
    ("sum", "use `xs.iter().sum()`"),
    (
        "sorted",
        "copy and sort: `ys = xs.clone()` then `ys.sort()`",
    ),
    (
        "input",
        "read a line with std.io: `std.io.stdin().read_line(...)`",
    ),
    (
        "open",
        "use `std.fs.read_to_string(path)` or `std.fs.write(path, text)`",
    ),
    (
        "list",
        "write a list literal `[...]`, or `.collect()` an iterator",
    ),
    (
        "dict",
        "use `from std.collections rimport HashMap` and `HashMap.new()`",
    ),
];

/// Python method names that mean something else in Rust, and what to use.
const METHOD_HABITS: [(&str, &str); 6] = [
    ("join", "Rust joins from the list: `words.join(\", \")`"),
    ("upper", "use `s.to_uppercase()`"),
    ("lower", "use `s.to_lowercase()`"),
    (
        "append",
        "Rust's `append` moves every item of another list; to add one item, use `push(x)`",
    ),
    (
        "remove",
        "Rust's `remove` takes a position; to remove a value, find its position first",
    ),
    ("index", "use `iter().position(lambda y: y == x)`"),
];

/// What to tell a Python user who called `method` the Python way.
pub fn method_habit(method: &str) -> Option<&'static str> {
    METHOD_HABITS
        .iter()
        .find(|(m, _)| *m == method)
        .map(|(_, h)| *h)
}

impl Checker<'_> {
    /// An unknown-name error, suggesting the nearest candidate.
    pub fn unknown(
        &mut self,
        span: Span,
        what: &str,
        name: &str,
        candidates: Vec<String>,
    ) -> Reported {
        if self.failed_names.contains(name) {
            return Reported;
        }
        let message = match what.split_once(" in ").or_else(|| what.split_once(" of ")) {
            Some((kind, place)) if what.contains(" in ") => {
                format!("unknown {kind} `{name}` in {place}")
            }
            Some((kind, place)) => format!("unknown {kind} `{name}` of {place}"),
            None => format!("unknown {what} `{name}`"),
        };
        let mut d = Diagnostic::error(span, message);
        let later = self
            .all_fns
            .get(name)
            .map(|def| def.name.span)
            .filter(|s| s.start > span.start);
        if let Some(def) = later {
            d = d
                .with_secondary(def, format!("`{name}` is defined later, here"))
                .with_help(format!(
                    "define `fn {name}` before the first line that uses it"
                ));
        } else if self.given_away.contains(name) {
            d = d.with_help(format!(
                "`{name}` was given away by an earlier cell (its value moved into a call that took it, such as `.text()`); make it again, or keep a copy before: `x = {name}.clone()` where the type allows"
            ));
        } else if let Some(ty) = self.cell_only.get(name).cloned() {
            let ty = self.show(&ty);
            d = d.with_help(format!(
                "`{name}` ({ty}) borrows from other values or has a type without a name, so it lived only in the cell that made it: compute it again in this cell"
            ));
        } else if self.hidden_globals.iter().any(|g| g == name) {
            d = d
                .label("a function sees only its parameters and other functions")
                .with_help(format!("pass `{name}` to the function as an argument"));
        } else if let Some(best) = closest(name, &candidates) {
            d = d.with_help(format!("did you mean `{best}`?"));
        } else if let Some((_, habit)) = PYTHON_HABITS.iter().find(|(n, _)| *n == name) {
            d = d.with_help(*habit);
        } else if let Some(habit) = method_habit(name).filter(|_| what.starts_with("method")) {
            d = d.with_help(habit);
        } else if let Some(module) = what.strip_prefix("item in ") {
            let krate = module
                .trim_matches('`')
                .split('.')
                .next()
                .unwrap_or_default();
            d = d.with_help(format!(
                "{module} has no public item `{name}`; `keyton index {krate}` lists what it has"
            ));
        } else if what.starts_with("method")
            || what.starts_with("function of")
            || what.starts_with("field")
        {
            d = d.with_help(format!(
                "`{name}` is not part of this type's API; check the spelling against the Rust documentation"
            ));
        } else {
            d = d.with_help(format!(
                "define `{name}` before this line, or import it with `from ... rimport {name}`"
            ));
        }
        self.report(d)
    }

    /// Put the crate trait giving the method or function `name` in scope
    /// (Rust finds a trait's methods only there; std's are in the prelude).
    /// A trait of a crate the program did not import (num-bigint's `abs`
    /// is num-traits' `Signed`) cannot be named: that is an error here.
    pub fn use_trait(
        &mut self,
        trait_path: Option<&Vec<String>>,
        name: &str,
        span: Span,
    ) -> Res<()> {
        let Some(trait_path) = trait_path.filter(|p| p[0] != "std") else {
            return Ok(());
        };
        let public = crate::finish::public_path(self.index, trait_path);
        if !self.index.has_crate(&public[0]) {
            let krate = &public[0];
            return self.error_help(
                span,
                format!(
                    "`{name}` comes from the trait `{}` of the crate `{krate}`, which is not imported",
                    public.join(".")
                ),
                format!(
                    "add `rimport {krate}` above the imports of crates that use it, so Rust can see the trait"
                ),
            );
        }
        self.used_traits.insert(trait_path.clone());
        Ok(())
    }

    /// `rimport std.cmp`, `rimport reqwest` (or `... as alias`): binds the
    /// path's first name, or the alias. A crate's own import (adding it to
    /// the build) has happened before checking; here its API is in `index`.
    pub fn rimport(&mut self, r: &ast::Rimport) -> Res<()> {
        let names: Vec<&str> = r.path.iter().map(|i| i.name.as_str()).collect();
        self.known_crate(&r.path[0], r.span)?;
        if names.len() > 1 && self.index.lookup(&names).is_none() {
            let parent = &names[..names.len() - 1];
            let children = self.index.children(parent);
            let last = r.path[r.path.len() - 1].clone();
            return Err(self.unknown(last.span, "module", &last.name, children));
        }
        let full: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        match &r.alias {
            Some(alias) => {
                self.imports.insert(alias.name.clone(), full);
            }
            None => {
                self.imports
                    .insert(names[0].to_string(), vec![names[0].to_string()]);
            }
        }
        Ok(())
    }

    /// The crate a path starts with must be std or an imported crate.
    fn known_crate(&mut self, krate: &ast::Ident, span: Span) -> Res<()> {
        if self.index.has_crate(&krate.name) {
            return Ok(());
        }
        let name = &krate.name;
        self.error_help(
            span,
            format!("the crate `{name}` is not imported"),
            format!(
                "`rimport {name}` imports it (and must build first); crates imported so far: {}",
                self.index.crate_names().collect::<Vec<_>>().join(", ")
            ),
        )
    }

    /// `from std.collections rimport HashMap, HashSet as Set`
    /// (or `from alias.module rimport ...` after `rimport crate as alias`).
    pub fn rimport_items(&mut self, f: &ast::FromRimport) -> Res<()> {
        let written = f.path.iter().map(|i| i.name.clone());
        let base: Vec<String> = match self.imports.get(&f.path[0].name) {
            Some(aliased) if !self.index.has_crate(&f.path[0].name) => {
                aliased.iter().cloned().chain(written.skip(1)).collect()
            }
            _ => {
                self.known_crate(&f.path[0], f.span)?;
                written.collect()
            }
        };
        let base: Vec<&str> = base.iter().map(String::as_str).collect();
        for item in &f.items {
            let mut path = base.clone();
            path.push(&item.name.name);
            let Some(entry) = self.index.lookup(&path) else {
                let children = self.index.children(&base);
                return Err(self.unknown(
                    item.name.span,
                    &format!("item in `{}`", base.join(".")),
                    &item.name.name,
                    children,
                ));
            };
            let local = item.alias.as_ref().unwrap_or(&item.name).name.clone();
            let full = path.iter().map(|s| s.to_string()).collect();
            if matches!(entry.item, keyton_index::Item::Macro { .. }) {
                self.macro_imports.insert(local, full);
            } else {
                self.imports.insert(local, full);
            }
        }
        Ok(())
    }
}

/// The candidate nearest to `name` by edit distance, if near enough.
pub fn closest(name: &str, candidates: &[String]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .iter()
        .filter(|c| c.as_str() != name)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let names = vec!["counter".to_string(), "total".to_string()];
        assert_eq!(closest("countr", &names), Some("counter".to_string()));
        assert_eq!(closest("zebra", &names), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
