//! Reading the indexes of a workspace's crates: each package once per
//! indexer (in memory) and once per machine (the disk cache), its
//! dependencies read when a re-export of theirs or an item-level invocation
//! of their exported macros needs them (or when a caller asks, for their
//! impls).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use keyton_index::{ApiIndex, Cfg, DepLoader, DirLoader};

use crate::cache::IndexCache;
use crate::error::Error;
use crate::graph::{CrateGraph, CrateInfo};

/// The indexes of the crates of one resolved workspace.
pub struct CrateIndexer {
    graph: CrateGraph,
    cache: Option<IndexCache>,
    memo: Mutex<HashMap<String, Arc<ApiIndex>>>,
}

impl CrateIndexer {
    /// Resolve the workspace at `dir` with `cargo metadata`; indexes are
    /// cached under `cache_dir` when given.
    pub fn new(dir: &Path, cache_dir: Option<PathBuf>) -> Result<CrateIndexer, Error> {
        Ok(CrateIndexer::with_graph(
            CrateGraph::load(dir)?,
            cache_dir.map(IndexCache::new),
        ))
    }

    pub fn with_graph(graph: CrateGraph, cache: Option<IndexCache>) -> CrateIndexer {
        CrateIndexer {
            graph,
            cache,
            memo: Mutex::default(),
        }
    }

    pub fn graph(&self) -> &CrateGraph {
        &self.graph
    }

    /// The index of the dependency the workspace's root package calls `name`.
    pub fn index(&self, name: &str) -> Result<Arc<ApiIndex>, Error> {
        let info = self
            .graph
            .direct(name)
            .ok_or_else(|| Error::NotADependency(name.to_string()))?;
        self.index_package(&info.id)
    }

    /// The index of the package with cargo id `id`: from memory, the disk
    /// cache, or read from its source (and then cached).
    pub fn index_package(&self, id: &str) -> Result<Arc<ApiIndex>, Error> {
        if let Some(ix) = self.memo.lock().expect("not poisoned").get(id) {
            return Ok(ix.clone());
        }
        let info = self
            .graph
            .packages
            .get(id)
            .ok_or_else(|| Error::NoLibrary(id.to_string()))?;
        let cache = self.cache.as_ref().filter(|_| info.cacheable);
        let index = match cache.and_then(|c| c.load(info)) {
            Some(ix) => ix,
            None => {
                let ix = self.read(info)?;
                if let Some(c) = cache {
                    // A cache that cannot be written only costs a re-read.
                    let _ = c.store(info, &ix);
                }
                ix
            }
        };
        let index = Arc::new(index);
        self.memo
            .lock()
            .expect("not poisoned")
            .insert(id.to_string(), index.clone());
        Ok(index)
    }

    fn read(&self, info: &CrateInfo) -> Result<ApiIndex, Error> {
        let text = std::fs::read_to_string(&info.root_file).map_err(Error::io(&info.root_file))?;
        let dir = info.root_file.parent().unwrap_or(Path::new("."));
        let file = Path::new(info.root_file.file_name().unwrap_or_default());
        let versions = info.deps.iter().filter_map(|(name, id)| {
            let version = &self.graph.packages.get(id)?.version;
            Some((name.clone(), version.clone()))
        });
        let cfg = Cfg::host()
            .with_features(info.features.iter().cloned())
            .with_dependencies(versions);
        let deps = DepsOf {
            indexer: self,
            info,
        };
        ApiIndex::read_with_deps(
            &info.name,
            file,
            &text,
            &DirLoader(dir.to_path_buf()),
            &cfg,
            &deps,
        )
        .map_err(|source| Error::Index {
            krate: info.name.clone(),
            source,
        })
    }
}

/// The dependencies of one package, by the names it uses for them.
struct DepsOf<'a> {
    indexer: &'a CrateIndexer,
    info: &'a CrateInfo,
}

impl DepLoader for DepsOf<'_> {
    fn dependency(&self, name: &str) -> Option<Arc<ApiIndex>> {
        let id = self.info.deps.get(name)?;
        self.indexer.index_package(id).ok()
    }
}
