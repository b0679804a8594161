//! [`World`]: every API a program sees at once — std's and those of the
//! crates it imported — answering the checker's questions as one index.
//!
//! Paths start with their crate's name (`["reqwest", "Client"]`), so a
//! lookup goes to that crate's index. Impls are gathered from every index:
//! a crate may implement its traits for std's types, and another crate's
//! traits for its own. A canonical path usually names its defining crate,
//! but a re-exported item copied into the importing crate's index is found
//! there too, so `by_canonical` asks every index when the first has nothing.

use crate::index::ApiIndex;
use crate::item::{Entry, ImplDef, TraitDef};
use crate::relink::as_strs;
use crate::ty::{Path, Ty};
use std::sync::Arc;

/// The indexes of std and of the imported crates.
#[derive(Clone)]
pub struct World {
    /// std first, then the crates in the order they were imported.
    indexes: Vec<Arc<ApiIndex>>,
    /// The imported crates' own dependencies: not crates a program names,
    /// but their impls and traits hold for its types (rand's `ThreadRng`
    /// is an `Rng` through rand_core's blanket impl).
    impl_sources: Vec<Arc<ApiIndex>>,
}

impl World {
    /// std alone.
    pub fn std() -> World {
        World {
            indexes: vec![ApiIndex::std_shared()],
            impl_sources: Vec::new(),
        }
    }

    /// This world and `index`, which replaces an index of the same crate.
    pub fn with(mut self, index: Arc<ApiIndex>) -> World {
        self.indexes
            .retain(|i| i.crate_name() != index.crate_name());
        self.impl_sources
            .retain(|i| i.crate_name() != index.crate_name());
        self.indexes.push(index);
        self
    }

    /// This world and the impls and traits of `index`, a dependency of an
    /// imported crate (its items are not nameable: it is not imported).
    pub fn with_impls_of(mut self, index: Arc<ApiIndex>) -> World {
        let name = index.crate_name();
        let known = self
            .indexes
            .iter()
            .chain(&self.impl_sources)
            .any(|i| i.crate_name() == name);
        if !known {
            self.impl_sources.push(index);
        }
        self
    }

    /// Every index impls and traits are looked up in.
    fn all(&self) -> impl Iterator<Item = &ApiIndex> {
        self.indexes.iter().chain(&self.impl_sources).map(|i| &**i)
    }

    /// Whether `name` is std or an imported crate.
    pub fn has_crate(&self, name: &str) -> bool {
        self.of(name).is_some()
    }

    /// The crates' names, std first.
    pub fn crate_names(&self) -> impl Iterator<Item = &str> {
        self.indexes.iter().map(|i| i.crate_name())
    }

    fn of(&self, name: &str) -> Option<&ApiIndex> {
        self.indexes
            .iter()
            .find(|i| i.crate_name() == name)
            .map(|i| &**i)
    }

    /// The item public at `path`, also under a crate an imported crate
    /// re-exports whole (`sha2::digest::Output`) when that crate's index is
    /// at hand.
    pub fn lookup(&self, path: &[&str]) -> Option<&Entry> {
        let index = self.of(path.first()?)?;
        index.lookup(path).or_else(|| {
            let (there, target) = self.reexported(index, path)?;
            there.lookup(&as_strs(&target))
        })
    }

    /// Where `path`, under a crate `index` re-exports whole, leads: that
    /// crate's index, when at hand, and the path in it.
    fn reexported(&self, index: &ApiIndex, path: &[&str]) -> Option<(&ApiIndex, Path)> {
        let target = index.external(path)?;
        let krate = target.first()?;
        let there = self.all().find(|i| i.crate_name() == krate)?;
        Some((there, target))
    }

    /// The public names directly under the module at `path`, sorted; as
    /// [`lookup`](Self::lookup), also under a crate re-exported whole.
    pub fn children(&self, path: &[&str]) -> Vec<String> {
        match path.first().and_then(|name| self.of(name)) {
            Some(index) => {
                let own = index.children(path);
                if !own.is_empty() {
                    return own;
                }
                self.reexported(index, path)
                    .map(|(there, target)| there.children(&as_strs(&target)))
                    .unwrap_or_default()
            }
            None if path.is_empty() => self.crate_names().map(str::to_string).collect(),
            None => Vec::new(),
        }
    }

    /// The item defined at `path`.
    pub fn by_canonical(&self, path: &[String]) -> Option<&Entry> {
        self.own_then_all(path, |i| i.by_canonical(path))
    }

    /// `find` asked of the index of `path`'s crate, then of every index (a
    /// re-exported item is copied into the importing crate's index).
    fn own_then_all<'w, T>(
        &'w self,
        path: &[String],
        find: impl Fn(&'w ApiIndex) -> Option<T>,
    ) -> Option<T> {
        let own = path.first().and_then(|name| self.of(name));
        own.and_then(&find).or_else(|| self.all().find_map(find))
    }

    /// Impl blocks that may apply to `ty`, from every crate.
    pub fn impls_for(&self, ty: &Ty) -> Vec<&ImplDef> {
        self.all().flat_map(|i| i.impls_for(ty)).collect()
    }

    /// Impl blocks of traits named `name` (last segment), from every crate.
    pub fn impls_of_trait<'w>(&'w self, name: &'w str) -> impl Iterator<Item = &'w ImplDef> {
        self.all().flat_map(move |i| i.impls_of_trait(name))
    }

    /// The item defined at `path` where an imported crate (not std, not a
    /// dependency the program does not name) makes it public: an item
    /// generated code can name.
    pub fn imported_item(&self, path: &[String]) -> Option<&Entry> {
        self.indexes
            .iter()
            .filter(|i| i.crate_name() != "std")
            .find_map(|i| i.by_canonical(path))
    }

    /// The path generated code can name the item defined at `path` by:
    /// where it is public, and when that is in a crate the program does not
    /// import, through an imported crate's re-export of that crate (sha2's
    /// `pub use digest;` makes `digest::Output` `sha2::digest::Output`).
    pub fn nameable_path(&self, path: &[String]) -> Option<Path> {
        let public = &self.by_canonical(path)?.public_path;
        Some(
            self.through_reexport(public)
                .unwrap_or_else(|| public.clone()),
        )
    }

    /// `path`, in a crate the program does not import, spelled through an
    /// imported crate that re-exports that crate whole.
    pub fn through_reexport(&self, path: &[String]) -> Option<Path> {
        let (krate, rest) = path.split_first()?;
        if self.has_crate(krate) {
            return None;
        }
        let reexport = self.indexes.iter().find_map(|i| i.crate_reexport(krate))?;
        Some(reexport.iter().chain(rest).cloned().collect())
    }

    /// The trait defined at `path`.
    pub fn trait_def(&self, path: &[String]) -> Option<&TraitDef> {
        self.own_then_all(path, |i| i.trait_def(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_go_to_their_crate_and_impls_come_from_all() {
        let tiny = ApiIndex::from_source(
            "tiny",
            "pub struct Meter(pub f64);\npub trait Double { fn double(&self) -> Self; }\nimpl Double for i64 { fn double(&self) -> i64 { *self * 2 } }\n",
        )
        .unwrap();
        let world = World::std().with(Arc::new(tiny));
        assert!(world.has_crate("std") && world.has_crate("tiny") && !world.has_crate("nope"));
        assert!(world.lookup(&["tiny", "Meter"]).is_some());
        assert!(world.lookup(&["std", "collections", "HashMap"]).is_some());
        assert!(world.lookup(&["nope", "X"]).is_none());
        let from_tiny = world.impls_for(&Ty::I64).iter().any(|imp| {
            imp.trait_ref
                .as_ref()
                .is_some_and(|t| t.path.last().is_some_and(|l| l == "Double"))
        });
        assert!(from_tiny, "tiny's impl for i64 is found with std's");
        assert_eq!(world.children(&[]), ["std", "tiny"]);
    }

    #[test]
    fn impls_are_found_by_trait_and_types_where_an_import_names_them() {
        let tiny = ApiIndex::from_source(
            "tiny",
            "pub struct Meter(pub f64);\nmod inner { pub struct Hidden; impl crate::Double for Hidden { fn double(&self) -> Self { Hidden } } }\npub trait Double { fn double(&self) -> Self; }\nimpl Double for Meter { fn double(&self) -> Meter { Meter(self.0 * 2.0) } }\n",
        )
        .unwrap();
        let world = World::std().with(Arc::new(tiny));
        let selves: Vec<String> = world
            .impls_of_trait("Double")
            .map(|imp| imp.self_ty.to_string())
            .collect();
        assert_eq!(selves, ["tiny.inner.Hidden", "tiny.Meter"]);
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(world.imported_item(&path(&["tiny", "Meter"])).is_some());
        assert!(
            world
                .imported_item(&path(&["tiny", "inner", "Hidden"]))
                .is_none()
        );
        assert!(
            world
                .imported_item(&path(&["std", "string", "String"]))
                .is_none()
        );
    }

    /// `dig`, a dependency of `sha` that `sha` re-exports whole.
    struct Dig(Arc<ApiIndex>);

    impl crate::DepLoader for Dig {
        fn dependency(&self, name: &str) -> Option<Arc<ApiIndex>> {
            (name == "dig").then(|| self.0.clone())
        }
    }

    #[test]
    fn items_of_a_crate_reexported_whole_are_named_through_it() {
        let dig =
            ApiIndex::from_source("dig", "mod out { pub struct Output; } pub use out::Output;");
        let dig = Arc::new(dig.unwrap());
        let sha = ApiIndex::read_with_deps(
            "sha",
            std::path::Path::new("lib.rs"),
            "pub use dig; pub fn hash() -> dig::Output { todo!() }",
            &crate::NoFiles,
            &crate::Cfg::host(),
            &Dig(dig.clone()),
        )
        .unwrap();
        assert!(sha.warnings().is_empty(), "{:?}", sha.warnings());
        let world = World::std().with(Arc::new(sha)).with_impls_of(dig);
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            world.nameable_path(&path(&["dig", "out", "Output"])),
            Some(path(&["sha", "dig", "Output"]))
        );
        assert_eq!(
            world.through_reexport(&path(&["dig", "Unread"])),
            Some(path(&["sha", "dig", "Unread"])),
            "a path as written, not in the index"
        );
        let found = world
            .lookup(&["sha", "dig", "Output"])
            .expect("through the re-export");
        assert_eq!(found.canonical_path, ["dig", "out", "Output"]);
        assert_eq!(world.children(&["sha", "dig"]), ["Output"]);
        assert!(world.lookup(&["sha", "dig"]).is_some(), "module");
    }
}
