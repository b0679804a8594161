//! [`ApiIndex`] on disk (feature `serde`): the entries, impls, re-exports
//! and warnings; the lookup tables are rebuilt on load.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::index::ApiIndex;
use crate::item::{Entry, ImplDef};
use crate::ty::Path;

#[derive(Serialize)]
struct StoredRef<'a> {
    crate_name: &'a str,
    entries: &'a [Entry],
    externals: Vec<(&'a Path, &'a Path)>,
    ext_globs: &'a [(Path, Path)],
    impls: &'a [ImplDef],
    warnings: &'a [String],
}

#[derive(Deserialize)]
struct Stored {
    crate_name: String,
    entries: Vec<Entry>,
    externals: Vec<(Path, Path)>,
    ext_globs: Vec<(Path, Path)>,
    impls: Vec<ImplDef>,
    warnings: Vec<String>,
}

impl Serialize for ApiIndex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut externals: Vec<(&Path, &Path)> = self.externals.iter().collect();
        externals.sort();
        StoredRef {
            crate_name: &self.crate_name,
            entries: &self.entries,
            externals,
            ext_globs: &self.ext_globs,
            impls: &self.impls,
            warnings: &self.warnings,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ApiIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ApiIndex, D::Error> {
        let stored = Stored::deserialize(d)?;
        let mut index = ApiIndex::empty(&stored.crate_name);
        // Entries in their order, so the same paths win as when read.
        for e in stored.entries {
            index.add_entry(e.public_path, e.canonical_path, e.item);
        }
        for (path, target) in stored.externals {
            index.add_external(path, target);
        }
        index.ext_globs = stored.ext_globs;
        for imp in stored.impls {
            index.add_impl(imp);
        }
        index.warnings = stored.warnings;
        Ok(index)
    }
}
