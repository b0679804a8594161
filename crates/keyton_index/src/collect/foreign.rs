//! Which `macro_rules!` an invocation names: the crate's own (by name, in
//! textual order), or one a dependency exports (`digest::buffer_fixed! {
//! .. }`, or `mac! { .. }` after `use dep::mac;` or `#[macro_use] extern
//! crate dep;`). A dependency's rules come from its index (`Item::Macro`'s
//! `rules`) and are expanded like the crate's own, `$crate` naming the
//! dependency.

use std::rc::Rc;

use super::{Collector, ModId, name_of};
use crate::item::Item;
use crate::macros::MacroDef;

/// Path roots that never name a dependency with macro_rules to read.
const NOT_DEPENDENCIES: [&str; 6] = ["crate", "self", "super", "std", "core", "alloc"];

impl Collector<'_> {
    /// The definition of the macro `path` invoked in `module`, if known: a
    /// dependency's when the path or a `use` leads there, else the crate's
    /// own of that name.
    pub(super) fn macro_def(&mut self, module: ModId, path: &syn::Path) -> Option<Rc<MacroDef>> {
        let segments: Vec<String> = path.segments.iter().map(|s| name_of(&s.ident)).collect();
        let (name, prefix) = segments.split_last()?;
        let candidates = if prefix.is_empty() {
            self.imported_macro_paths(module, name)
        } else {
            vec![segments.clone()]
        };
        candidates
            .into_iter()
            .find_map(|p| self.dependency_macro(p))
            .or_else(|| self.macros.get(name).cloned())
    }

    /// Where a macro invoked by its bare `name` may come from: a `use` of
    /// the module binding it, or a `#[macro_use] extern crate`.
    fn imported_macro_paths(&self, module: ModId, name: &str) -> Vec<Vec<String>> {
        let used = self.krate.modules[module]
            .uses
            .iter()
            .filter(|u| u.binding.as_deref() == Some(name))
            .map(|u| u.path.iter().filter(|s| *s != "::").cloned().collect());
        let macro_use = self
            .macro_use
            .iter()
            .map(|krate| vec![krate.clone(), name.to_string()]);
        used.chain(macro_use).collect()
    }

    /// The macro a dependency exports at `path` (first segment: the name
    /// this crate uses for the dependency), read once per path.
    fn dependency_macro(&mut self, path: Vec<String>) -> Option<Rc<MacroDef>> {
        let first = path.first()?;
        if NOT_DEPENDENCIES.contains(&first.as_str()) {
            return None;
        }
        if let Some(known) = self.foreign.get(&path) {
            return known.clone();
        }
        let def = self.read_dependency_macro(&path).map(Rc::new);
        self.foreign.insert(path, def.clone());
        def
    }

    fn read_dependency_macro(&self, path: &[String]) -> Option<MacroDef> {
        let (first, rest) = path.split_first()?;
        let renamed = self.krate.extern_renames.get(first).unwrap_or(first);
        let dep = self.deps.dependency(renamed)?;
        let mut there = vec![dep.crate_name()];
        there.extend(rest.iter().map(String::as_str));
        let entry = dep.lookup(&there)?;
        let Item::Macro {
            rules: Some(rules), ..
        } = &entry.item
        else {
            return None;
        };
        // A macro the dependency re-exports from a crate of its own: `$crate`
        // is that crate, which this crate may not name (best effort).
        let defined_in = entry.canonical_path.first()?;
        let krate = if defined_in == dep.crate_name() {
            first
        } else {
            defined_in
        };
        MacroDef::foreign(rules, krate)
    }
}
