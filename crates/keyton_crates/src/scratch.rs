//! A scratch workspace depending on one crate: the session workspace's
//! template (`workspace-template/`) with the crate added to
//! `[dependencies]`, for `keyton index CRATE` and tests.

use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, InlineTable, value};

use crate::error::Error;

const TEMPLATE_MANIFEST: &str = include_str!("../../../workspace-template/Cargo.toml");
const TEMPLATE_LIB: &str = include_str!("../../../workspace-template/src/lib.rs");

/// A crate to depend on: `CRATE`, `--version V`, `--features F,G`; the
/// feature `-default` turns default features off, as in `rimport`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrateRequest {
    pub name: String,
    /// A cargo version requirement; any version when `None`.
    pub version: Option<String>,
    pub features: Vec<String>,
}

impl CrateRequest {
    pub fn new(name: &str) -> CrateRequest {
        CrateRequest {
            name: name.to_string(),
            ..CrateRequest::default()
        }
    }

    /// A directory name for this request's scratch workspace.
    pub fn dir_name(&self) -> String {
        let mut name = format!("{}-{}", self.name, self.version.as_deref().unwrap_or("any"));
        for f in &self.features {
            name.push('+');
            name.push_str(f);
        }
        name.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.+".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }
}

/// Write the workspace of `request` in `dir` (created if needed; its
/// `Cargo.lock` is kept, so a second use resolves offline); the directory.
pub fn scratch_workspace(dir: &Path, request: &CrateRequest) -> Result<PathBuf, Error> {
    let manifest = dir.join("Cargo.toml");
    let mut doc: DocumentMut = TEMPLATE_MANIFEST.parse().map_err(|e| Error::Manifest {
        path: manifest.clone(),
        message: format!("{e}"),
    })?;
    let mut dep = InlineTable::new();
    dep.insert("version", request.version.as_deref().unwrap_or("*").into());
    let mut features = Array::new();
    for f in &request.features {
        if f == "-default" {
            dep.insert("default-features", false.into());
        } else {
            features.push(f.as_str());
        }
    }
    if !features.is_empty() {
        dep.insert("features", features.into());
    }
    doc["dependencies"][request.name.as_str()] = value(dep);
    std::fs::create_dir_all(dir.join("src")).map_err(Error::io(dir))?;
    write_if_changed(&manifest, &doc.to_string())?;
    write_if_changed(&dir.join("src/lib.rs"), TEMPLATE_LIB)?;
    Ok(dir.to_path_buf())
}

/// Write through a temporary file and a rename (other processes may read it).
fn write_if_changed(path: &Path, text: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(Error::io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(Error::io(path))
}
