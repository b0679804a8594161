//! Phase two of reading a crate: what each name in each module stands for.
//! Every module gets a table of the names in scope, per namespace (types
//! and modules; functions and consts: `fn not` and `mod not` can live side
//! by side): its declarations, its `use` bindings and what its glob imports
//! bring. `use` items can depend on each other in any order (and on globs),
//! so the tables are filled to a fixed point, as rustc does; a path whose
//! first segment is never found locally names another crate.

use std::collections::HashMap;

use crate::collect::{Crate, DefId, DefKind, ModId, Vis};
use crate::ty::Path;

/// What a name stands for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Target {
    Module(ModId),
    /// An item other than a module.
    Def(DefId),
    /// A path of another crate, `core`/`alloc` spelled `std`.
    External(Path),
    /// An enum variant or an associated item: not an item of the index.
    Other,
}

/// Rust's namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ns {
    /// Modules, structs, enums, traits, type aliases.
    Type,
    /// Functions, consts, statics.
    Value,
    /// `#[macro_export]` macros (at the crate root) and their re-exports.
    Macro,
}

impl Ns {
    pub(crate) const ALL: [Ns; 3] = [Ns::Type, Ns::Value, Ns::Macro];

    fn of(kind: &DefKind) -> Ns {
        match kind {
            DefKind::Fn(..) | DefKind::Const(_) | DefKind::Static(_) | DefKind::LazyStatic(_) => {
                Ns::Value
            }
            DefKind::Macro(..) => Ns::Macro,
            _ => Ns::Type,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Binding {
    pub target: Target,
    pub vis: Vis,
    /// Brought by a glob import (explicit names shadow it).
    pub glob: bool,
}

/// The names in scope in one module, per namespace.
#[derive(Default)]
pub(crate) struct Table {
    types: HashMap<String, Binding>,
    values: HashMap<String, Binding>,
    macros: HashMap<String, Binding>,
}

impl Table {
    pub(crate) fn get(&self, ns: Ns, name: &str) -> Option<&Binding> {
        self.ns(ns).get(name)
    }

    /// Whether `name` is bound as a type, module or value.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.types.contains_key(name) || self.values.contains_key(name)
    }

    /// Every binding, types first, then values and macros, with its namespace.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Ns, &String, &Binding)> {
        let types = self.types.iter().map(|(n, b)| (Ns::Type, n, b));
        let values = self.values.iter().map(|(n, b)| (Ns::Value, n, b));
        let macros = self.macros.iter().map(|(n, b)| (Ns::Macro, n, b));
        types.chain(values).chain(macros)
    }

    fn ns(&self, ns: Ns) -> &HashMap<String, Binding> {
        match ns {
            Ns::Type => &self.types,
            Ns::Value => &self.values,
            Ns::Macro => &self.macros,
        }
    }

    /// Bind `name` unless an explicit binding already holds it; whether it did.
    fn bind(&mut self, ns: Ns, name: &str, binding: Binding) -> bool {
        let map = match ns {
            Ns::Type => &mut self.types,
            Ns::Value => &mut self.values,
            Ns::Macro => &mut self.macros,
        };
        match map.get(name) {
            Some(old) if !old.glob || binding.glob => false,
            _ => {
                map.insert(name.to_string(), binding);
                true
            }
        }
    }
}

pub(crate) struct Scopes {
    pub tables: Vec<Table>,
    /// Glob imports of other crates' modules (`pub use http::header::*`).
    pub ext_globs: Vec<Vec<(Vis, Path)>>,
    /// Imports of a name already imported from another crate: (vis, name, path).
    pub ext_alts: Vec<Vec<(Vis, String, Path)>>,
    pub warnings: Vec<String>,
}

/// The std prelude (Rust 2021 and later): names in scope in every module.
const PRELUDE: &[(&str, &[&str])] = &[
    ("Copy", &["marker", "Copy"]),
    ("Send", &["marker", "Send"]),
    ("Sized", &["marker", "Sized"]),
    ("Sync", &["marker", "Sync"]),
    ("Unpin", &["marker", "Unpin"]),
    ("Drop", &["ops", "Drop"]),
    ("Fn", &["ops", "Fn"]),
    ("FnMut", &["ops", "FnMut"]),
    ("FnOnce", &["ops", "FnOnce"]),
    ("drop", &["mem", "drop"]),
    ("Box", &["boxed", "Box"]),
    ("ToOwned", &["borrow", "ToOwned"]),
    ("Clone", &["clone", "Clone"]),
    ("PartialEq", &["cmp", "PartialEq"]),
    ("PartialOrd", &["cmp", "PartialOrd"]),
    ("Eq", &["cmp", "Eq"]),
    ("Ord", &["cmp", "Ord"]),
    ("AsRef", &["convert", "AsRef"]),
    ("AsMut", &["convert", "AsMut"]),
    ("Into", &["convert", "Into"]),
    ("From", &["convert", "From"]),
    ("TryFrom", &["convert", "TryFrom"]),
    ("TryInto", &["convert", "TryInto"]),
    ("Default", &["default", "Default"]),
    ("Iterator", &["iter", "Iterator"]),
    ("Extend", &["iter", "Extend"]),
    ("IntoIterator", &["iter", "IntoIterator"]),
    ("DoubleEndedIterator", &["iter", "DoubleEndedIterator"]),
    ("ExactSizeIterator", &["iter", "ExactSizeIterator"]),
    ("FromIterator", &["iter", "FromIterator"]),
    ("Option", &["option", "Option"]),
    ("Some", &["option", "Option", "Some"]),
    ("None", &["option", "Option", "None"]),
    ("Result", &["result", "Result"]),
    ("Ok", &["result", "Result", "Ok"]),
    ("Err", &["result", "Result", "Err"]),
    ("String", &["string", "String"]),
    ("ToString", &["string", "ToString"]),
    ("Vec", &["vec", "Vec"]),
];

/// The std path of a prelude name: `Vec` → `std::vec::Vec`.
pub fn prelude_path(name: &str) -> Option<Path> {
    let (_, rest) = PRELUDE.iter().find(|(n, _)| *n == name)?;
    Some(
        std::iter::once("std")
            .chain(rest.iter().copied())
            .map(String::from)
            .collect(),
    )
}

/// `core::` and `alloc::` paths are std's (std re-exports both whole).
fn normalize_external(mut path: Path) -> Path {
    if path.first().is_some_and(|p| p == "core" || p == "alloc") {
        path[0] = "std".to_string();
    }
    path
}

impl Scopes {
    pub(crate) fn build(krate: &Crate) -> Scopes {
        let mut scopes = Scopes {
            tables: krate.modules.iter().map(|_| Table::default()).collect(),
            ext_globs: krate.modules.iter().map(|_| Vec::new()).collect(),
            ext_alts: krate.modules.iter().map(|_| Vec::new()).collect(),
            warnings: Vec::new(),
        };
        for (m, module) in krate.modules.iter().enumerate() {
            for (name, def) in &module.decls {
                let kind = &krate.defs[*def].kind;
                let target = match kind {
                    DefKind::Module(id) => Target::Module(*id),
                    _ => Target::Def(*def),
                };
                let binding = Binding {
                    target,
                    vis: krate.defs[*def].vis,
                    glob: false,
                };
                scopes.tables[m].bind(Ns::of(kind), name, binding);
            }
        }
        let mut done: Vec<Vec<bool>> = krate
            .modules
            .iter()
            .map(|m| vec![false; m.uses.len()])
            .collect();
        // First only what resolves inside the crate; then the rest is external.
        for last_pass in [false, true] {
            while scopes.import_round(krate, &mut done, last_pass) {}
        }
        for (m, module) in krate.modules.iter().enumerate() {
            for (u, decl) in module.uses.iter().enumerate() {
                if !done[m][u] && decl.binding.is_some() {
                    let at = module.path.join("::");
                    scopes.warnings.push(format!(
                        "{at}: unresolved import `{}`",
                        decl.path.join("::")
                    ));
                }
            }
        }
        scopes
    }

    /// One pass over every `use`; whether any binding was added.
    fn import_round(&mut self, krate: &Crate, done: &mut [Vec<bool>], last_pass: bool) -> bool {
        let mut changed = false;
        for (m, module) in krate.modules.iter().enumerate() {
            for (u, decl) in module.uses.iter().enumerate() {
                match &decl.binding {
                    Some(_) if done[m][u] => {}
                    // `use a::b as c;` binds `c` in each namespace `b` is found in.
                    Some(name) => {
                        for ns in Ns::ALL {
                            if let Some(target) = self.resolve(krate, m, &decl.path, last_pass, ns)
                            {
                                done[m][u] = true;
                                let binding = Binding {
                                    target,
                                    vis: decl.vis,
                                    glob: false,
                                };
                                changed |= self.bind_use(m, ns, name, binding);
                            }
                        }
                    }
                    None => match self.resolve(krate, m, &decl.path, last_pass, Ns::Type) {
                        Some(Target::Module(from)) => {
                            done[m][u] = true;
                            changed |= self.glob_import(krate, m, from, decl.vis);
                        }
                        Some(Target::External(path)) if !done[m][u] => {
                            done[m][u] = true;
                            self.ext_globs[m].push((decl.vis, path));
                            changed = true;
                        }
                        Some(_) => done[m][u] = true,
                        None => {}
                    },
                }
            }
        }
        changed
    }

    /// Bind a `use`; whether it did. The same name imported from two other
    /// crates (`serde_core::Serialize` the trait, `serde_derive::Serialize`
    /// the derive) lives in different namespaces there, unknown here: the
    /// second is kept aside, and the index has both looked up.
    fn bind_use(&mut self, m: ModId, ns: Ns, name: &str, binding: Binding) -> bool {
        if let (Some(old), Target::External(path)) = (self.tables[m].get(ns, name), &binding.target)
            && matches!(&old.target, Target::External(p) if p != path)
            && !old.glob
        {
            let alt = (binding.vis, name.to_string(), path.clone());
            if !self.ext_alts[m].contains(&alt) {
                self.ext_alts[m].push(alt);
            }
            return false;
        }
        self.tables[m].bind(ns, name, binding)
    }

    /// Bring into `m` the names of `from` visible there; whether any was new.
    fn glob_import(&mut self, krate: &Crate, m: ModId, from: ModId, vis: Vis) -> bool {
        let new: Vec<(Ns, String, Binding)> = self.tables[from]
            .iter()
            .filter(|(_, _, b)| b.vis != Vis::Private || is_within(krate, m, from))
            .map(|(ns, name, b)| {
                let vis = match (vis, b.vis) {
                    (Vis::Public, Vis::Public) => Vis::Public,
                    (Vis::Private, _) => Vis::Private,
                    _ => Vis::Crate,
                };
                (
                    ns,
                    name.clone(),
                    Binding {
                        target: b.target.clone(),
                        vis,
                        glob: true,
                    },
                )
            })
            .collect();
        let mut changed = false;
        for (ns, name, binding) in new {
            changed |=
                self.tables[m].get(ns, &name).is_none() && self.tables[m].bind(ns, &name, binding);
        }
        changed
    }

    /// What `path`, written in module `m`, stands for, its last segment
    /// looked up in namespace `ns` (the others are modules or types). Without
    /// `last_pass`, a first segment not (yet) found gives `None`; with it,
    /// another crate.
    pub(crate) fn resolve(
        &self,
        krate: &Crate,
        m: ModId,
        path: &[String],
        last_pass: bool,
        ns: Ns,
    ) -> Option<Target> {
        let (first, rest) = path.split_first()?;
        let first_ns = if rest.is_empty() { ns } else { Ns::Type };
        let mut cur = match first.as_str() {
            "::" => {
                let (krate_name, rest) = rest.split_first()?;
                if *krate_name != krate.name {
                    return Some(Target::External(normalize_external(rest_path(
                        krate_name, rest,
                    ))));
                }
                return self.walk(Target::Module(0), rest, ns, last_pass);
            }
            "crate" | "$crate" => Target::Module(0),
            "self" => Target::Module(m),
            "super" => Target::Module(krate.modules[m].parent?),
            name => match self.tables[m].get(first_ns, name) {
                Some(b) => b.target.clone(),
                None if *name == krate.name && !rest.is_empty() => Target::Module(0),
                None if last_pass && !self.tables[m].has(name) => {
                    let mut path = path.to_vec();
                    if let Some(real) = krate.extern_renames.get(name) {
                        path[0] = real.clone();
                    }
                    return Some(Target::External(normalize_external(path)));
                }
                None => return None,
            },
        };
        let mut rest = rest;
        while let (Target::Module(cur_m), Some("super")) = (&cur, rest.first().map(String::as_str))
        {
            cur = Target::Module(krate.modules[*cur_m].parent?);
            rest = &rest[1..];
        }
        self.walk(cur, rest, ns, last_pass)
    }

    /// Follow `rest` from `cur` through the tables of the modules on the way,
    /// the last segment in namespace `ns`.
    /// In the last pass, a name a module lacks may come from its glob import
    /// of another crate's module (`pub use std::*;`).
    fn walk(&self, mut cur: Target, rest: &[String], ns: Ns, last_pass: bool) -> Option<Target> {
        for (i, seg) in rest.iter().enumerate() {
            let seg_ns = if i + 1 == rest.len() { ns } else { Ns::Type };
            cur = match cur {
                Target::Module(m) => match self.tables[m].get(seg_ns, seg) {
                    Some(b) => b.target.clone(),
                    None if last_pass && !self.tables[m].has(seg) => {
                        let (_, glob) = self.ext_globs[m].first()?;
                        let mut path = glob.clone();
                        path.push(seg.clone());
                        Target::External(path)
                    }
                    None => return None,
                },
                Target::External(mut p) => {
                    p.push(seg.clone());
                    Target::External(p)
                }
                Target::Def(_) | Target::Other => Target::Other,
            };
        }
        Some(cur)
    }
}

fn rest_path(first: &str, rest: &[String]) -> Path {
    std::iter::once(first.to_string())
        .chain(rest.iter().cloned())
        .collect()
}

/// Whether module `m` is `ancestor` or inside it (and so sees its private names).
fn is_within(krate: &Crate, mut m: ModId, ancestor: ModId) -> bool {
    loop {
        if m == ancestor {
            return true;
        }
        match krate.modules[m].parent {
            Some(p) => m = p,
            None => return false,
        }
    }
}
