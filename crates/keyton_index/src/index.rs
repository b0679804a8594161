//! [`ApiIndex`]: one crate's public API as the checker asks about it — items
//! by the path they are public at (re-exports followed), by the path they
//! are defined at, the names under a module, impl blocks by self type, and
//! traits. Built by reading the crate's source in three phases (`collect`,
//! `scope`, `lower`), then walking the public names from the crate root.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path as FsPath;

use crate::cfg::Cfg;
use crate::collect::{self, ModId, Vis};
use crate::item::{Entry, ImplDef, Item, TraitDef};
use crate::lower::Lower;
use crate::relink::{DepLoader, NoDeps};
use crate::scope::{Scopes, Target};
use crate::source::{NoFiles, SourceLoader};
use crate::ty::{FloatTy, IntTy, Path, Ty};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// `line` is where the failing item starts, or near.
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
}

/// The public API of one crate.
#[derive(Debug)]
pub struct ApiIndex {
    pub(crate) crate_name: String,
    pub(crate) entries: Vec<Entry>,
    by_public: HashMap<Path, usize>,
    by_canonical: HashMap<Path, usize>,
    children: HashMap<Path, BTreeSet<String>>,
    /// Public names that re-export another crate's item: public → its path.
    pub(crate) externals: HashMap<Path, Path>,
    /// Public glob re-exports of another crate's module: (module here, module there).
    pub(crate) ext_globs: Vec<(Path, Path)>,
    /// Further re-exports at a path of `externals` (another namespace), while reading.
    pub(crate) ext_more: Vec<(Path, Path)>,
    pub(crate) impls: Vec<ImplDef>,
    by_head: HashMap<Head, Vec<usize>>,
    /// Impls whose self type is a bare parameter: `impl<T: Display> ToString for T`.
    blankets: Vec<usize>,
    /// Trait impls by the trait's name (its last segment, as impl lookups
    /// compare them): which types have a trait, without scanning all impls.
    by_trait: HashMap<String, Vec<usize>>,
    pub(crate) warnings: Vec<String>,
}

/// The outermost shape of a type, which impls are filed under.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Head {
    Adt(Path),
    Int(IntTy),
    Float(FloatTy),
    Bool,
    Char,
    Str,
    Unit,
    Never,
    Tuple(usize),
    Slice,
    Array,
    Fn,
    Dyn(Option<Path>),
    Ref(bool, Box<Head>),
    /// A parameter, an opaque type, an inference variable: any type.
    Any,
}

fn head(ty: &Ty) -> Head {
    match ty {
        Ty::Adt { path, .. } => Head::Adt(path.clone()),
        Ty::Int(i) => Head::Int(*i),
        Ty::Float(f) => Head::Float(*f),
        Ty::Bool => Head::Bool,
        Ty::Char => Head::Char,
        Ty::Str => Head::Str,
        Ty::Unit => Head::Unit,
        Ty::Never => Head::Never,
        Ty::Tuple(items) => Head::Tuple(items.len()),
        Ty::Slice(_) => Head::Slice,
        Ty::Array(..) => Head::Array,
        Ty::Fn { .. } => Head::Fn,
        Ty::Dyn(bounds) => Head::Dyn(bounds.first().map(|b| b.path.clone())),
        Ty::Ref { mutable, inner } => Head::Ref(*mutable, Box::new(head(inner))),
        Ty::Param(_) | Ty::Assoc { .. } | Ty::Opaque(_) | Ty::Infer(_) => Head::Any,
    }
}

fn owned(path: &[&str]) -> Path {
    path.iter().map(|s| s.to_string()).collect()
}

impl ApiIndex {
    /// Read a crate from the text of its root file alone (inline modules
    /// only), for the host target with no features.
    pub fn from_source(crate_name: &str, source: &str) -> Result<ApiIndex, IndexError> {
        ApiIndex::read(
            crate_name,
            FsPath::new("lib.rs"),
            source,
            &NoFiles,
            &Cfg::host(),
        )
    }

    /// Read a crate whose root file `root_file` (a path relative to the crate
    /// root's directory, e.g. `lib.rs`) has text `source`; `loader` gives
    /// the files of `mod x;` modules; items are kept when `cfg` allows them.
    pub fn read(
        crate_name: &str,
        root_file: &FsPath,
        source: &str,
        loader: &dyn SourceLoader,
        cfg: &Cfg,
    ) -> Result<ApiIndex, IndexError> {
        ApiIndex::read_crate(crate_name, root_file, source, loader, cfg, &NoDeps)
    }

    /// [`ApiIndex::read`] with `deps` giving the macros the crate's
    /// dependencies export; their re-exports stay unresolved.
    fn read_crate(
        crate_name: &str,
        root_file: &FsPath,
        source: &str,
        loader: &dyn SourceLoader,
        cfg: &Cfg,
        deps: &dyn DepLoader,
    ) -> Result<ApiIndex, IndexError> {
        let krate = collect::collect(crate_name, root_file, source, loader, cfg, deps)?;
        let scopes = Scopes::build(&krate);
        let lower = Lower::new(&krate, &scopes);
        let mut index = ApiIndex::empty(crate_name);
        let mut walk = Walk {
            lower: &lower,
            index: &mut index,
            stack: Vec::new(),
        };
        walk.module(0, vec![crate_name.to_string()]);
        let derived = krate
            .derives
            .iter()
            .map(|(d, path)| lower.derived_impl(*d, path));
        let written = krate
            .impls
            .iter()
            .map(|(module, imp)| lower.impl_def(*module, imp));
        for def in written.chain(derived) {
            index.add_impl(def);
        }
        index.warnings.extend(krate.warnings.iter().cloned());
        index.warnings.extend(scopes.warnings.iter().cloned());
        index.warnings.extend(lower.warnings.take());
        index.dedup_warnings();
        Ok(index)
    }

    /// Like [`ApiIndex::read`], and re-exports of other crates' items (`pub
    /// use http::StatusCode`) resolved and their exported macros expanded
    /// through `deps`, which gives the indexes of the crate's dependencies
    /// by the names it uses for them.
    pub fn read_with_deps(
        crate_name: &str,
        root_file: &FsPath,
        source: &str,
        loader: &dyn SourceLoader,
        cfg: &Cfg,
        deps: &dyn DepLoader,
    ) -> Result<ApiIndex, IndexError> {
        let mut index = ApiIndex::read_crate(crate_name, root_file, source, loader, cfg, deps)?;
        crate::relink::relink(&mut index, deps);
        index.dedup_warnings();
        Ok(index)
    }

    pub(crate) fn empty(crate_name: &str) -> ApiIndex {
        ApiIndex {
            crate_name: crate_name.to_string(),
            entries: Vec::new(),
            by_public: HashMap::new(),
            by_canonical: HashMap::new(),
            children: HashMap::new(),
            externals: HashMap::new(),
            ext_globs: Vec::new(),
            ext_more: Vec::new(),
            impls: Vec::new(),
            by_head: HashMap::new(),
            blankets: Vec::new(),
            by_trait: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    fn dedup_warnings(&mut self) {
        let mut seen = HashSet::new();
        self.warnings.retain(|w| seen.insert(w.clone()));
    }

    /// File an impl block under the shape of its self type.
    pub(crate) fn add_impl(&mut self, def: ImplDef) {
        match head(&def.self_ty) {
            Head::Any => self.blankets.push(self.impls.len()),
            h => self.by_head.entry(h).or_default().push(self.impls.len()),
        }
        if let Some(name) = def.trait_ref.as_ref().and_then(|t| t.path.last()) {
            self.by_trait
                .entry(name.clone())
                .or_default()
                .push(self.impls.len());
        }
        self.impls.push(def);
    }

    /// File every impl again (after their types changed).
    pub(crate) fn refile_impls(&mut self) {
        self.by_head.clear();
        self.blankets.clear();
        self.by_trait.clear();
        for def in std::mem::take(&mut self.impls) {
            self.add_impl(def);
        }
    }

    /// A public name that leads into another crate: `target` there.
    pub(crate) fn add_external(&mut self, path: Path, target: Path) {
        if let Some((last, parent)) = path.split_last() {
            self.children
                .entry(parent.to_vec())
                .or_default()
                .insert(last.clone());
        }
        match self.externals.get(&path) {
            // The same name imported from two crates in different namespaces.
            Some(first) if *first != target => self.ext_more.push((path, target)),
            _ => {
                self.externals.insert(path, target);
            }
        }
    }

    pub fn crate_name(&self) -> &str {
        &self.crate_name
    }

    /// The item public at `path` (`["std", "collections", "HashMap"]`).
    pub fn lookup(&self, path: &[&str]) -> Option<&Entry> {
        self.by_public.get(&owned(path)).map(|&i| &self.entries[i])
    }

    /// The public names directly under the module at `path`, sorted.
    pub fn children(&self, path: &[&str]) -> Vec<String> {
        self.children
            .get(&owned(path))
            .map(|c| c.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// The item defined at `path`, at its preferred public path (the defining
    /// path when public, else the shortest).
    pub fn by_canonical(&self, path: &[String]) -> Option<&Entry> {
        self.by_canonical.get(path).map(|&i| &self.entries[i])
    }

    /// Where a public path of this crate leads into another crate: a
    /// re-export (`reqwest::StatusCode` → `http::StatusCode`), or a name under
    /// a re-exported module or glob. `None` for this crate's own items.
    pub fn external(&self, path: &[&str]) -> Option<Path> {
        let path = owned(path);
        for len in (1..=path.len()).rev() {
            if let Some(target) = self.externals.get(&path[..len]) {
                return Some(target.iter().chain(&path[len..]).cloned().collect());
            }
        }
        let (last, module) = path.split_last()?;
        if self.by_public.contains_key(&path) {
            return None;
        }
        self.ext_globs
            .iter()
            .find(|(m, _)| m == module)
            .map(|(_, target)| {
                let mut p = target.clone();
                p.push(last.clone());
                p
            })
    }

    /// Where this crate re-exports the whole crate it calls `krate` (sha2's
    /// `pub use digest;` is `sha2::digest`).
    pub fn crate_reexport(&self, krate: &str) -> Option<&Path> {
        let found = self.externals.iter().filter(|(_, t)| **t == [krate]);
        found.map(|(public, _)| public).min()
    }

    /// Impl blocks that may apply to `ty`: those whose self type has the same
    /// outermost shape (same ADT, primitive, `str`, slice, reference to the
    /// same shape...), then blanket impls (`impl<T: Display> ToString for T`,
    /// and `impl<T> Tr for &T` for references). The caller unifies the rest.
    pub fn impls_for(&self, ty: &Ty) -> Vec<&ImplDef> {
        let h = head(ty);
        let mut found: Vec<usize> = Vec::new();
        if h != Head::Any {
            found.extend(self.by_head.get(&h).into_iter().flatten());
        }
        if let Head::Ref(mutable, _) = h {
            found.extend(
                self.by_head
                    .get(&Head::Ref(mutable, Box::new(Head::Any)))
                    .into_iter()
                    .flatten(),
            );
        }
        found.extend(&self.blankets);
        found.into_iter().map(|i| &self.impls[i]).collect()
    }

    /// The impl blocks of traits named `name` (the last segment of the
    /// trait's path), in the order they were read.
    pub fn impls_of_trait(&self, name: &str) -> impl Iterator<Item = &ImplDef> {
        let found = self.by_trait.get(name).map_or(&[][..], Vec::as_slice);
        found.iter().map(|&i| &self.impls[i])
    }

    /// All impl blocks of the crate.
    pub fn impls(&self) -> &[ImplDef] {
        &self.impls
    }

    /// The trait defined at `path`.
    pub fn trait_def(&self, path: &[String]) -> Option<&TraitDef> {
        match &self.by_canonical(path)?.item {
            Item::Trait(t) => Some(t),
            _ => None,
        }
    }

    /// Every public trait, by the path it is defined at.
    pub fn traits(&self) -> impl Iterator<Item = (&Path, &TraitDef)> {
        self.by_canonical
            .values()
            .filter_map(|&i| match &self.entries[i].item {
                Item::Trait(t) => Some((&self.entries[i].canonical_path, t)),
                _ => None,
            })
    }

    /// Every public path, with its entry, sorted by path.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut all: Vec<&Entry> = self.entries.iter().collect();
        all.sort_by(|a, b| a.public_path.cmp(&b.public_path));
        all
    }

    /// What the reader could not resolve or read (unresolved names, items
    /// inside macros, missing module files).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

/// The walk over public names from the crate root.
struct Walk<'a, 'l> {
    lower: &'a Lower<'l>,
    index: &'a mut ApiIndex,
    /// Modules being walked (a module may re-export an ancestor).
    stack: Vec<ModId>,
}

/// Re-export chains deeper than this are not followed.
const MAX_DEPTH: usize = 16;

impl Walk<'_, '_> {
    fn module(&mut self, m: ModId, prefix: Path) {
        self.stack.push(m);
        let mut names: Vec<_> = self.lower.scopes.tables[m]
            .iter()
            .filter(|(_, _, b)| b.vis == Vis::Public)
            .map(|(_, name, b)| (name, b))
            .collect();
        // Types (listed first) before values of the same name.
        names.sort_by(|a, b| a.0.cmp(b.0));
        for (name, binding) in names {
            let mut path = prefix.clone();
            path.push(name.clone());
            match &binding.target {
                Target::Module(c) => {
                    self.add(
                        path.clone(),
                        self.lower.krate.modules[*c].path.clone(),
                        Item::Module,
                    );
                    if !self.stack.contains(c) && path.len() < MAX_DEPTH {
                        self.module(*c, path);
                    }
                }
                Target::Def(d) => {
                    // An item public at several paths is lowered once.
                    let canonical = &self.lower.krate.defs[*d].path;
                    let item = match self.index.by_canonical.get(canonical) {
                        Some(&i) => self.index.entries[i].item.clone(),
                        None => self.lower.item(*d),
                    };
                    self.add(path, canonical.clone(), item);
                }
                Target::External(target) => self.index.add_external(path, target.clone()),
                Target::Other => {}
            }
        }
        for (vis, name, target) in &self.lower.scopes.ext_alts[m] {
            if *vis == Vis::Public {
                let mut path = prefix.clone();
                path.push(name.clone());
                self.index.add_external(path, target.clone());
            }
        }
        for (vis, target) in &self.lower.scopes.ext_globs[m] {
            if *vis == Vis::Public {
                self.index.ext_globs.push((prefix.clone(), target.clone()));
            }
        }
        self.stack.pop();
    }

    fn add(&mut self, public_path: Path, canonical_path: Path, item: Item) {
        self.index.add_entry(public_path, canonical_path, item);
    }
}

impl ApiIndex {
    /// Enter `item` at `public_path`. Where a module and a function share a
    /// path (`mod not` and `fn not`), `lookup` gives the function.
    pub(crate) fn add_entry(&mut self, public_path: Path, canonical_path: Path, item: Item) {
        let index = self;
        // One item per path: a module matters only as a prefix, and a macro
        // (`serde::Serialize` the derive) yields to a type or value of its name.
        let rank = |item: &Item| match item {
            Item::Module => 0,
            Item::Macro { .. } => 1,
            _ => 2,
        };
        if let Some(&old) = index.by_public.get(&public_path)
            && rank(&item) <= rank(&index.entries[old].item)
        {
            return;
        }
        let i = index.entries.len();
        if let Some((last, parent)) = public_path.split_last() {
            index
                .children
                .entry(parent.to_vec())
                .or_default()
                .insert(last.clone());
        }
        let entries = &index.entries;
        index
            .by_canonical
            .entry(canonical_path.clone())
            .and_modify(|best| {
                let cur = &entries[*best].public_path;
                if *cur != canonical_path
                    && (public_path == canonical_path || public_path.len() < cur.len())
                {
                    *best = i;
                }
            })
            .or_insert(i);
        index.by_public.insert(public_path.clone(), i);
        index.entries.push(Entry {
            public_path,
            canonical_path,
            item,
        });
    }
}
