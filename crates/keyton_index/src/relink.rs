//! Re-exports of other crates' items, resolved against those crates'
//! indexes: `pub use http::StatusCode` in reqwest becomes an entry public at
//! `reqwest::StatusCode` whose canonical path is where `http` defines it
//! (`http::status::StatusCode`), with the impls of the type copied along, so
//! the importing crate's index answers for its whole public API. Paths of
//! the crate's own signatures that name a dependency read here are made
//! canonical the same way (`http::StatusCode` → `http::status::StatusCode`).

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::index::ApiIndex;
use crate::item::{FnSig, GenericParam, ImplDef, Item, VariantShape};
use crate::ty::{Path, TraitRef, Ty};

/// The indexes of a crate's dependencies, by the name the crate uses for
/// each (`http`, or its rename in the crate's Cargo.toml). Asked only for
/// the crates whose items the crate re-exports, so a loader can read
/// dependencies lazily.
pub trait DepLoader {
    fn dependency(&self, name: &str) -> Option<Arc<ApiIndex>>;
}

/// No dependencies: re-exports of other crates stay unresolved.
pub struct NoDeps;

impl DepLoader for NoDeps {
    fn dependency(&self, _: &str) -> Option<Arc<ApiIndex>> {
        None
    }
}

pub(crate) fn relink(index: &mut ApiIndex, deps: &dyn DepLoader) {
    let mut externals: Vec<(Path, Path)> = index
        .externals
        .iter()
        .map(|(a, b)| (a.clone(), b.clone()))
        .chain(std::mem::take(&mut index.ext_more))
        .collect();
    externals.sort();
    let globs = index.ext_globs.clone();
    // The dependencies named by re-exports, each read once.
    let mut loaded: BTreeMap<String, Option<Arc<ApiIndex>>> = BTreeMap::new();
    let mut wanted: Vec<String> = externals
        .iter()
        .chain(&globs)
        .filter_map(|(_, target)| target.first().cloned())
        .collect();
    // The crates the public signatures name, so their paths can be made canonical.
    let mut named = |path: &Path| -> Option<Path> {
        wanted.extend(path.first().cloned());
        None
    };
    for entry in &mut index.entries {
        map_item(&mut entry.item, &mut named);
    }
    for imp in index.impls.iter_mut().filter(|i| i.trait_ref.is_none()) {
        map_impl(imp, &mut named);
    }
    let own = index.crate_name().to_string();
    for first in wanted {
        if first != "std" && first != own && !loaded.contains_key(&first) {
            let dep = deps.dependency(&first);
            loaded.insert(first, dep);
        }
    }
    let mut canonical = |path: &Path| -> Option<Path> {
        let dep = loaded.get(path.first()?)?.as_ref()?;
        let there = rebase(dep, path);
        match dep.lookup(&as_strs(&there)) {
            Some(e) => Some(e.canonical_path.clone()),
            None => Some(there),
        }
    };
    for entry in &mut index.entries {
        map_item(&mut entry.item, &mut canonical);
    }
    for imp in &mut index.impls {
        map_impl(imp, &mut canonical);
    }
    index.refile_impls();
    let mut copied = HashSet::new();
    for (public, target) in externals {
        let Some(Some(dep)) = target.first().and_then(|f| loaded.get(f)) else {
            continue;
        };
        let there = rebase(dep, &target);
        if !import(index, dep, &public, &there, &mut copied) {
            let at = public.join("::");
            let what = format!(
                "{at}: `{}` is not public in `{}`",
                there.join("::"),
                dep.crate_name()
            );
            index.warnings.push(what);
        }
    }
    for (here, target) in globs {
        let Some(Some(dep)) = target.first().and_then(|f| loaded.get(f)) else {
            continue;
        };
        let there = rebase(dep, &target);
        for child in dep.children(&as_strs(&there)) {
            let mut public = here.clone();
            public.push(child.clone());
            if index.lookup(&as_strs(&public)).is_none() {
                let mut from = there.clone();
                from.push(child);
                import(index, dep, &public, &from, &mut copied);
            }
        }
    }
    let reexported: HashSet<&String> = index
        .externals
        .values()
        .chain(index.ext_globs.iter().map(|(_, t)| t))
        .filter_map(|t| t.first())
        .collect();
    for (name, dep) in &loaded {
        if dep.is_none() && reexported.contains(name) {
            let what = format!("re-exports from `{name}` are not resolved: its index was not read");
            index.warnings.push(what);
        }
    }
}

/// `path` with its first segment (the name the importing crate uses) made
/// the dependency's own crate name.
fn rebase(dep: &ApiIndex, path: &Path) -> Path {
    let mut there = path.clone();
    if let Some(first) = there.first_mut() {
        *first = dep.crate_name().to_string();
    }
    there
}

pub(crate) fn as_strs(path: &Path) -> Vec<&str> {
    path.iter().map(String::as_str).collect()
}

/// Enter the item public at `there` in `dep` (a module: with everything
/// under it) at `public`; whether `dep` has it. The crate itself (`pub use
/// digest;`) is entered as a module alone: copying a whole API (typenum's
/// thousands of aliases) would cost more than it gives, and `World` names
/// the crate's items through it when generated code needs them.
fn import(
    index: &mut ApiIndex,
    dep: &ApiIndex,
    public: &Path,
    there: &Path,
    copied: &mut HashSet<Path>,
) -> bool {
    if there.len() == 1 {
        index.add_entry(public.clone(), there.clone(), Item::Module);
        return true;
    }
    let Some(entry) = dep.lookup(&as_strs(there)) else {
        return false;
    };
    let mut found = vec![entry];
    if entry.item == Item::Module {
        found.extend(
            dep.entries()
                .into_iter()
                .filter(|e| e.public_path.len() > there.len() && e.public_path.starts_with(there)),
        );
    }
    for e in found {
        let mut path = public.clone();
        path.extend(e.public_path[there.len()..].iter().cloned());
        if matches!(e.item, Item::Struct(_) | Item::Enum(_))
            && copied.insert(e.canonical_path.clone())
        {
            let ty = Ty::Adt {
                path: e.canonical_path.clone(),
                args: Vec::new(),
            };
            let impls = dep.impls_for(&ty).into_iter();
            for imp in impls
                .filter(|i| matches!(&i.self_ty, Ty::Adt { path, .. } if *path == e.canonical_path))
            {
                index.add_impl(imp.clone());
            }
        }
        index.add_entry(path, e.canonical_path.clone(), e.item.clone());
    }
    true
}

type PathMap<'a> = dyn FnMut(&Path) -> Option<Path> + 'a;

fn map_ty(ty: &mut Ty, f: &mut PathMap) {
    match ty {
        Ty::Adt { path, args } => {
            if let Some(p) = f(path) {
                *path = p;
            }
            args.iter_mut().for_each(|a| map_ty(a, f));
        }
        Ty::Tuple(items) => items.iter_mut().for_each(|a| map_ty(a, f)),
        Ty::Ref { inner, .. } | Ty::Slice(inner) | Ty::Array(inner, _) => map_ty(inner, f),
        Ty::Assoc {
            base, trait_path, ..
        } => {
            map_ty(base, f);
            if let Some(p) = trait_path.as_ref().and_then(&mut *f) {
                *trait_path = Some(p);
            }
        }
        Ty::Fn { params, ret } => {
            params.iter_mut().for_each(|a| map_ty(a, f));
            map_ty(ret, f);
        }
        Ty::Opaque(bounds) | Ty::Dyn(bounds) => bounds.iter_mut().for_each(|b| map_trait(b, f)),
        _ => {}
    }
}

fn map_trait(t: &mut TraitRef, f: &mut PathMap) {
    if let Some(p) = f(&t.path) {
        t.path = p;
    }
    t.args.iter_mut().for_each(|a| map_ty(a, f));
    t.bindings.iter_mut().for_each(|(_, b)| map_ty(b, f));
}

fn map_generics(g: &mut [GenericParam], f: &mut PathMap) {
    for p in g {
        p.bounds.iter_mut().for_each(|b| map_trait(b, f));
    }
}

fn map_sig(sig: &mut FnSig, f: &mut PathMap) {
    map_generics(&mut sig.generics, f);
    sig.params.iter_mut().for_each(|(_, t)| map_ty(t, f));
    map_ty(&mut sig.ret, f);
    for (t, bounds) in &mut sig.predicates {
        map_ty(t, f);
        bounds.iter_mut().for_each(|b| map_trait(b, f));
    }
}

fn map_item(item: &mut Item, f: &mut PathMap) {
    match item {
        Item::Fn(sig) => map_sig(sig, f),
        Item::Struct(s) => {
            map_generics(&mut s.generics, f);
            s.fields.iter_mut().for_each(|(_, t)| map_ty(t, f));
        }
        Item::Enum(e) => {
            map_generics(&mut e.generics, f);
            for (_, shape) in &mut e.variants {
                match shape {
                    VariantShape::Unit => {}
                    VariantShape::Tuple(ts) => ts.iter_mut().for_each(|t| map_ty(t, f)),
                    VariantShape::Struct(fs) => fs.iter_mut().for_each(|(_, t)| map_ty(t, f)),
                }
            }
        }
        Item::Trait(t) => {
            map_generics(&mut t.generics, f);
            t.supertraits.iter_mut().for_each(|b| map_trait(b, f));
            t.methods.iter_mut().for_each(|m| map_sig(m, f));
        }
        Item::Const(t) | Item::Static(t) | Item::LazyStatic(t) => map_ty(t, f),
        Item::TypeAlias(g, t) => {
            map_generics(g, f);
            map_ty(t, f);
        }
        Item::Module | Item::Macro { .. } => {}
    }
}

fn map_impl(imp: &mut ImplDef, f: &mut PathMap) {
    map_generics(&mut imp.generics, f);
    if let Some(t) = &mut imp.trait_ref {
        map_trait(t, f);
    }
    map_ty(&mut imp.self_ty, f);
    imp.assoc_types.iter_mut().for_each(|(_, t)| map_ty(t, f));
    imp.methods.iter_mut().for_each(|m| map_sig(m, f));
    imp.consts.iter_mut().for_each(|(_, t)| map_ty(t, f));
}
