//! Indexes on disk, one JSON file per crate build: keyed by crate name,
//! version, sorted features, the reader's version and the dependencies the
//! crate resolved to (a re-export's item comes from one of them). Several
//! processes may share the directory: a file is written under a temporary
//! name, then renamed into place, so a reader sees a whole file or none.

use std::path::{Path, PathBuf};

use keyton_index::{ApiIndex, INDEX_VERSION};

use crate::graph::CrateInfo;

/// A directory of cached indexes.
#[derive(Clone, Debug)]
pub struct IndexCache {
    dir: PathBuf,
}

impl IndexCache {
    pub fn new(dir: impl Into<PathBuf>) -> IndexCache {
        IndexCache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a crate's index: everything its content depends on.
    pub fn key(info: &CrateInfo) -> String {
        let deps: Vec<String> = info
            .deps
            .iter()
            .map(|(n, id)| format!("{n}={id}"))
            .collect();
        format!(
            "{} {} [{}] {} ({})",
            info.name,
            info.version,
            info.features.join(","),
            INDEX_VERSION,
            deps.join(" ")
        )
    }

    /// Where the index of `info` is kept.
    pub fn file(&self, info: &CrateInfo) -> PathBuf {
        let hash = fnv1a(IndexCache::key(info).as_bytes());
        self.dir
            .join(format!("{}-{}-{hash:016x}.json", info.name, info.version))
    }

    /// The cached index of `info`, if there is a readable one.
    pub fn load(&self, info: &CrateInfo) -> Option<ApiIndex> {
        let text = std::fs::read_to_string(self.file(info)).ok()?;
        let (key, json) = text.split_once('\n')?;
        if key != IndexCache::key(info) {
            return None;
        }
        serde_json::from_str(json).ok()
    }

    /// Keep `index` for `info`; a failure to write only loses the cache entry.
    pub fn store(&self, info: &CrateInfo, index: &ApiIndex) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let json = serde_json::to_string(index).map_err(std::io::Error::other)?;
        let file = self.file(info);
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, format!("{}\n{json}", IndexCache::key(info)))?;
        std::fs::rename(&tmp, &file).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// FNV-1a, 64 bits: a stable hash for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
