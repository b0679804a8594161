//! Building one layer (see [`crate::layers`]), under the workspace's lock:
//! the package written, the request resolved and checked against the
//! earlier layers (`cargo tree`), built (`cargo build`, JSON messages), and
//! recorded; or, on any failure, everything put back.

use crate::cargo_output::{Artifacts, TreeEntry, changed_packages, name_version, package_keys};
use crate::cargo_run;
use crate::deps::{ASYNC_CRATE, BUILT_STAMP, table_in, write};
use crate::layers::{ImportedCrate, Layer, RimportError};
use crate::{CrateRequest, CrateSource, DepsDylib, Error};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::env::consts::DLL_SUFFIX;
use std::fs;
use std::path::{Path, PathBuf};
use toml_edit::{Array, DocumentMut, InlineTable};

/// What a built layer's directory records, next to its `built` stamp.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct LayerRecord {
    pub crate_name: String,
    pub request: String,
    pub imported: ImportedCrate,
    /// `{p}|{f}` of every package in the layer, as `cargo tree` gave them
    /// when it was built.
    pub packages: Vec<String>,
}

const RECORD: &str = "layer.json";
const LAYERS: &str = "layers";

/// The record of the layer in `dir` (relative to the workspace), if it is
/// built and its files are still there.
pub(crate) fn read_record(deps: &DepsDylib, dir: &Path) -> Option<LayerRecord> {
    let dir = deps.workspace().join(dir);
    if !dir.join(BUILT_STAMP).is_file() {
        return None;
    }
    let text = fs::read_to_string(dir.join(RECORD)).ok()?;
    let record: LayerRecord = serde_json::from_str(&text).ok()?;
    let imported = &record.imported;
    (imported.rlib.is_file() && imported.layer_dylib.is_file()).then_some(record)
}

/// A layer to build.
pub(crate) struct Spec<'a> {
    pub deps: &'a DepsDylib,
    pub crate_name: &'a str,
    /// Relative to the workspace.
    pub dir: &'a Path,
    pub request: &'a CrateRequest,
    pub previous: &'a Layer,
}

/// The packages of the layer `crate_name` as cargo resolves them now.
pub(crate) fn packages_of(
    deps: &DepsDylib,
    crate_name: &str,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<String>, RimportError> {
    let entries = tree(deps, crate_name, progress).map_err(|message| RimportError::Cargo {
        request: crate_name.to_string(),
        message,
    })?;
    Ok(package_keys(&entries))
}

/// `cargo tree` of the package `crate_name`, as `cargo build -p` of it for
/// the host target resolves features; cargo's errors, cut, on failure.
fn tree(
    deps: &DepsDylib,
    crate_name: &str,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<TreeEntry>, String> {
    let mut cargo = deps.cargo("tree");
    cargo
        .args(["-p", crate_name, "--target", deps.host(), "-e", "normal"])
        .args(["--prefix", "depth", "--format", "{p}|{f}|{lib}"]);
    let run = cargo_run::run(cargo, progress).map_err(|e| e.to_string())?;
    if !run.success {
        return Err(cargo_run::brief_errors(&run.stderr));
    }
    Ok(run
        .stdout_lines
        .iter()
        .filter_map(|l| TreeEntry::parse(l))
        .collect())
}

/// The workspace's manifest and lock file as they were before a build.
struct Saved {
    manifest: (PathBuf, Option<Vec<u8>>),
    lock: (PathBuf, Option<Vec<u8>>),
}

impl Saved {
    fn take(workspace: &Path) -> Saved {
        let keep = |name: &str| {
            let path = workspace.join(name);
            let contents = fs::read(&path).ok();
            (path, contents)
        };
        Saved {
            manifest: keep("Cargo.toml"),
            lock: keep("Cargo.lock"),
        }
    }

    /// Best effort: this runs after a failure, whose error is the one to
    /// report.
    fn restore(&self) {
        for (path, contents) in [&self.manifest, &self.lock] {
            let _ = match contents {
                Some(contents) => fs::write(path, contents),
                None => fs::remove_file(path),
            };
        }
    }
}

impl Spec<'_> {
    /// Build the layer; on failure, leave the workspace as it was.
    pub(crate) fn build_locked(
        &self,
        previous_packages: &[String],
        progress: &mut dyn FnMut(&str),
    ) -> Result<LayerRecord, RimportError> {
        let workspace = self.deps.workspace();
        let layer_dir = workspace.join(self.dir);
        remove_unfinished(workspace);
        // Built before (a local crate, checked again; or its files gone):
        // not usable until done.
        let stamp = layer_dir.join(BUILT_STAMP);
        let was_built = fs::remove_file(&stamp).is_ok();
        let saved = Saved::take(workspace);
        let result = self.build_steps(previous_packages, progress);
        if result.is_err() {
            saved.restore();
            if was_built {
                // Layers above it may be built on it, and a failed cargo
                // run replaced none of its files: it stays as it was.
                let _ = fs::write(&stamp, "");
            } else {
                let _ = fs::remove_dir_all(&layer_dir);
            }
        }
        result
    }

    fn build_steps(
        &self,
        previous_packages: &[String],
        progress: &mut dyn FnMut(&str),
    ) -> Result<LayerRecord, RimportError> {
        let request_text = self.request.to_string();
        let cargo_error = |message: String| RimportError::Cargo {
            request: request_text.clone(),
            message,
        };
        let unexpected = |message: &str| RimportError::Unexpected {
            request: request_text.clone(),
            message: message.to_string(),
        };
        let workspace = self.deps.workspace();
        let layer_dir = workspace.join(self.dir);
        write_if_changed(&layer_dir.join("Cargo.toml"), &self.manifest(false)?)?;
        let lib_rs = layer_dir.join("src/lib.rs");
        if !lib_rs.is_file() {
            // Written once the library's name is known.
            write(&lib_rs, "")?;
        }
        write_members(workspace, self.dir)?;

        // Resolve first: an unknown crate or version fails here, in about
        // a second, and what would change is known before anything is
        // built.
        let mut entries = tree(self.deps, self.crate_name, progress).map_err(cargo_error)?;
        // The layer that brings tokio also brings the session's runtime for
        // it, so that awaited futures of its crates find a reactor.
        let has_tokio = |packages: &[String]| packages.iter().any(|p| p.starts_with("tokio v"));
        let brings_tokio = has_tokio(&package_keys(&entries)) && !has_tokio(previous_packages);
        if brings_tokio {
            write_if_changed(&layer_dir.join("Cargo.toml"), &self.manifest(true)?)?;
            entries = tree(self.deps, self.crate_name, progress).map_err(cargo_error)?;
        }
        let changed = changed_packages(previous_packages, &package_keys(&entries));
        if !changed.is_empty() {
            return Err(RimportError::ChangesEarlier {
                request: request_text.clone(),
                changed,
                built: Vec::new(),
            });
        }
        let direct = entries
            .iter()
            .find(|e| {
                e.depth == 1 && e.name() != self.previous.crate_name && e.name() != ASYNC_CRATE
            })
            .ok_or_else(|| unexpected("cargo tree shows no dependency of the layer"))?;
        write_if_changed(&lib_rs, &self.lib_rs(&direct.lib, brings_tokio))?;

        let mut cargo = self.deps.cargo("build");
        cargo
            .args(["--release", "--lib", "-p", self.crate_name])
            .args(["--target", self.deps.host()])
            .arg("--message-format=json-render-diagnostics");
        let run = cargo_run::run(cargo, progress)?;
        if !run.success {
            return Err(cargo_error(cargo_run::brief_errors(&run.stderr)));
        }
        let artifacts = Artifacts(&run);
        let not_fresh = artifacts.rebuilt_of(previous_packages);
        if !not_fresh.is_empty() {
            return Err(RimportError::ChangesEarlier {
                request: request_text.clone(),
                changed: not_fresh,
                built: Vec::new(),
            });
        }
        let layer_dylib = artifacts
            .file_of(
                |name, _| name == self.crate_name,
                |f| f.ends_with(DLL_SUFFIX),
            )
            .ok_or_else(|| unexpected("cargo named no dylib of the layer"))?;
        let is_direct = |name: &str, id: &str| {
            name.replace('-', "_") == direct.lib
                && name_version(id)
                    .is_some_and(|(n, v)| n == direct.name() && v == direct.version())
        };
        let rlib = artifacts
            .file_of(is_direct, |f| f.ends_with(".rlib"))
            .or_else(|| artifacts.file_of(is_direct, |f| f.ends_with(DLL_SUFFIX)))
            .ok_or_else(|| unexpected("cargo named no library of the imported crate"))?;
        let features = direct
            .features
            .split(',')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
        let record = LayerRecord {
            crate_name: self.crate_name.to_string(),
            request: request_text.clone(),
            imported: ImportedCrate {
                package: direct.name().to_string(),
                version: direct.version().to_string(),
                features,
                lib_name: direct.lib.clone(),
                rlib,
                alias: None,
                layer: self.crate_name.to_string(),
                layer_dylib,
                libraries: artifacts.libraries(),
            },
            packages: package_keys(&entries),
        };
        let json = serde_json::to_string_pretty(&record).map_err(|e| unexpected(&e.to_string()))?;
        write(&layer_dir.join(RECORD), &json)?;
        // Last: the stamp is what makes the layer visible to others.
        write(&layer_dir.join(BUILT_STAMP), "")?;
        Ok(record)
    }

    /// The layer package's manifest: a dylib depending on the previous
    /// layer and on the requested crate (and, when it brings tokio, on the
    /// session's runtime for it).
    fn manifest(&self, async_runtime: bool) -> Result<String, Error> {
        let mut doc = DocumentMut::new();
        let package = table_in(doc.as_table_mut(), "package")?;
        package.insert("name", toml_edit::value(self.crate_name));
        package.insert("version", toml_edit::value("0.0.0"));
        package.insert("edition", toml_edit::value("2024"));
        package.insert("publish", toml_edit::value(false));
        let lib = table_in(doc.as_table_mut(), "lib")?;
        lib.insert("path", toml_edit::value("src/lib.rs"));
        let mut crate_type = Array::new();
        crate_type.push("dylib");
        lib.insert("crate-type", toml_edit::value(crate_type));
        let dependencies = table_in(doc.as_table_mut(), "dependencies")?;
        // From layers/<key>/, the previous layer's directory.
        let mut previous = InlineTable::new();
        let previous_dir = Path::new("../..").join(self.previous.dir());
        previous.insert("path", path_text(&previous_dir).into());
        dependencies.insert(&self.previous.crate_name, toml_edit::value(previous));
        let request = self.request;
        let mut dependency = InlineTable::new();
        match &request.source {
            CrateSource::Registry { version } => {
                dependency.insert("version", version.as_deref().unwrap_or("*").into());
            }
            CrateSource::Path(path) => {
                dependency.insert("path", path_text(path).into());
            }
        }
        if !request.default_features() {
            dependency.insert("default-features", false.into());
        }
        let features: Array = request.enabled_features().into_iter().collect();
        if !features.is_empty() {
            dependency.insert("features", features.into());
        }
        dependencies.insert(&request.name, toml_edit::value(dependency));
        if async_runtime {
            let mut runtime = InlineTable::new();
            let dir = Path::new("../../runtime").join(ASYNC_CRATE);
            runtime.insert("path", path_text(&dir).into());
            dependencies.insert(ASYNC_CRATE, toml_edit::value(runtime));
        }
        Ok(doc.to_string())
    }

    fn lib_rs(&self, lib: &str, async_runtime: bool) -> String {
        let runtime = if async_runtime {
            format!("pub extern crate {ASYNC_CRATE};\n")
        } else {
            String::new()
        };
        format!(
            "//! Layer {} of a Keyton session's deps: `rimport {}`.\n\
             pub extern crate {};\npub extern crate {lib};\n{runtime}",
            self.previous.depth + 1,
            self.request,
            self.previous.crate_name,
        )
    }
}

/// Write `contents` unless `path` holds them already: cargo would rebuild
/// a layer whose source file is newer than its last build.
fn write_if_changed(path: &Path, contents: &str) -> Result<(), Error> {
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    write(path, contents)
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Remove the layer directories that have no stamp: left by a build that
/// was killed (the caller holds the lock, so none is being built).
fn remove_unfinished(workspace: &Path) {
    let Ok(dirs) = fs::read_dir(workspace.join(LAYERS)) else {
        return;
    };
    for dir in dirs.flatten() {
        if !dir.path().join(BUILT_STAMP).is_file() {
            let _ = fs::remove_dir_all(dir.path());
        }
    }
}

/// Set the workspace's members: every built layer, and `new`.
fn write_members(workspace: &Path, new: &Path) -> Result<(), Error> {
    let mut members: BTreeSet<String> = BTreeSet::new();
    if let Ok(dirs) = fs::read_dir(workspace.join(LAYERS)) {
        for dir in dirs.flatten() {
            if dir.path().join(BUILT_STAMP).is_file() {
                let name = dir.file_name().to_string_lossy().into_owned();
                members.insert(format!("{LAYERS}/{name}"));
            }
        }
    }
    members.insert(path_text(new));
    let path = workspace.join("Cargo.toml");
    let text = fs::read_to_string(&path).map_err(Error::io(&path))?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Template(e.to_string()))?;
    let table = table_in(doc.as_table_mut(), "workspace")?;
    let members: Array = members.iter().map(String::as_str).collect();
    table.insert("members", toml_edit::value(members));
    write(&path, &doc.to_string())
}
