//! `keyton index CRATE`: a scratch workspace depending on the crate, its
//! index read (or taken from the cache), and the crate's API as text.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use keyton_index::{ApiIndex, Item};

use crate::error::Error;
use crate::indexer::CrateIndexer;
use crate::scratch::{CrateRequest, scratch_workspace};

/// A crate's index with how it was obtained.
pub struct Report {
    pub index: Arc<ApiIndex>,
    pub version: String,
    pub features: Vec<String>,
    /// `cargo metadata` (which fetches sources the first time).
    pub metadata_time: Duration,
    /// Reading the index: from source, or from the cache.
    pub read_time: Duration,
}

/// Index `request`'s crate through a scratch workspace under
/// `cache_dir/scratch`, with indexes cached in `cache_dir/index`.
pub fn index_crate(cache_dir: &Path, request: &CrateRequest) -> Result<Report, Error> {
    let dir = cache_dir.join("scratch").join(request.dir_name());
    scratch_workspace(&dir, request)?;
    let start = Instant::now();
    let indexer = CrateIndexer::new(&dir, Some(cache_dir.join("index")))?;
    let metadata_time = start.elapsed();
    let start = Instant::now();
    let index = indexer.index(&request.name)?;
    let read_time = start.elapsed();
    let info = indexer
        .graph()
        .direct(&request.name)
        .expect("indexed above");
    Ok(Report {
        index,
        version: info.version.clone(),
        features: info.features.clone(),
        metadata_time,
        read_time,
    })
}

impl Report {
    /// One line per public item (`path  kind  signature`), then a summary:
    /// counts by kind, timings, and the warnings of what was skipped.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = self.index.describe();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in self.index.entries() {
            *counts.entry(kind_name(&e.item)).or_default() += 1;
        }
        let counts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let warnings = self.index.warnings();
        lines.push(format!(
            "# {} {} [{}]: {} entries ({}), {} impls; metadata {:.2?}, index {:.2?}; {} warnings",
            self.index.crate_name(),
            self.version,
            self.features.join(", "),
            self.index.entries().len(),
            counts.join(", "),
            self.index.impls().len(),
            self.metadata_time,
            self.read_time,
            warnings.len()
        ));
        lines.extend(warnings.iter().map(|w| format!("# warning: {w}")));
        lines
    }
}

fn kind_name(item: &Item) -> &'static str {
    match item {
        Item::Module => "modules",
        Item::Fn(_) => "fns",
        Item::Struct(_) => "structs",
        Item::Enum(_) => "enums",
        Item::Trait(_) => "traits",
        Item::Const(_) => "consts",
        Item::Static(_) | Item::LazyStatic(_) => "statics",
        Item::TypeAlias(..) => "type aliases",
        Item::Macro { .. } => "macros",
    }
}
