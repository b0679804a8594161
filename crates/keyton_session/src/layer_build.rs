//! Building one layer (see [`crate::layers`]), under the workspace's lock:
//! the package written, the request resolved and checked against the
//! earlier layers (`cargo tree`), built (`cargo build`, JSON messages), and
//! recorded; or, on any failure, everything put back.

use crate::cargo_run::{self, CargoRun};
use crate::deps::{BUILT_STAMP, table_in, write};
use crate::layers::{ImportedCrate, Layer, RimportError};
use crate::{CrateRequest, CrateSource, DepsDylib, Error};
use serde::{Deserialize, Serialize};
use serde_json::Value;
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

/// One package of `cargo tree`'s output.
struct TreeEntry {
    depth: usize,
    /// `{p}`: `name vX.Y.Z` and, for a local crate, ` (path)`.
    package: String,
    features: String,
    lib: String,
}

impl TreeEntry {
    fn name(&self) -> &str {
        self.package.split(' ').next().unwrap_or("")
    }

    fn version(&self) -> &str {
        let word = self.package.split(' ').nth(1).unwrap_or("");
        word.strip_prefix('v').unwrap_or(word)
    }

    fn key(&self) -> String {
        format!("{}|{}", self.package, self.features)
    }
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

fn package_keys(entries: &[TreeEntry]) -> Vec<String> {
    let keys: BTreeSet<String> = entries.iter().map(TreeEntry::key).collect();
    keys.into_iter().collect()
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
        .filter_map(|l| tree_entry(l))
        .collect())
}

fn tree_entry(line: &str) -> Option<TreeEntry> {
    let line = line.strip_suffix(" (*)").unwrap_or(line);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let depth = line[..digits].parse().ok()?;
    let mut fields = line[digits..].rsplitn(3, '|');
    let lib = fields.next()?.to_string();
    let features = fields.next()?.to_string();
    let package = fields.next()?.to_string();
    Some(TreeEntry {
        depth,
        package,
        features,
        lib,
    })
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
        // Rebuilt (a local crate, or files gone): not usable until done.
        let _ = fs::remove_file(layer_dir.join(BUILT_STAMP));
        let saved = Saved::take(workspace);
        let result = self.build_steps(previous_packages, progress);
        if result.is_err() {
            saved.restore();
            let _ = fs::remove_dir_all(&layer_dir);
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
        write_if_changed(&layer_dir.join("Cargo.toml"), &self.manifest()?)?;
        let lib_rs = layer_dir.join("src/lib.rs");
        if !lib_rs.is_file() {
            // Written once the library's name is known.
            write(&lib_rs, "")?;
        }
        write_members(workspace, self.dir)?;

        // Resolve first: an unknown crate or version fails here, in about
        // a second, and what would change is known before anything is
        // built.
        let entries = tree(self.deps, self.crate_name, progress).map_err(cargo_error)?;
        let changed = changed_packages(previous_packages, &package_keys(&entries));
        if !changed.is_empty() {
            return Err(RimportError::ChangesEarlier {
                request: request_text.clone(),
                changed,
            });
        }
        let direct = entries
            .iter()
            .find(|e| e.depth == 1 && e.name() != self.previous.crate_name)
            .ok_or_else(|| unexpected("cargo tree shows no dependency of the layer"))?;
        write_if_changed(&lib_rs, &self.lib_rs(&direct.lib))?;

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
    /// layer and on the requested crate.
    fn manifest(&self) -> Result<String, Error> {
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
        Ok(doc.to_string())
    }

    fn lib_rs(&self, lib: &str) -> String {
        format!(
            "//! Layer {} of a Keyton session's deps: `rimport {}`.\n\
             pub extern crate {};\npub extern crate {lib};\n",
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

/// The packages of `before` that `after` has with other features or at
/// another version: `name vX (features a -> a,b)`.
fn changed_packages(before: &[String], after: &[String]) -> Vec<String> {
    let after_set: BTreeSet<&str> = after.iter().map(String::as_str).collect();
    let mut changed = Vec::new();
    for old in before
        .iter()
        .filter(|old| !after_set.contains(old.as_str()))
    {
        let (package, features) = old.split_once('|').unwrap_or((old, ""));
        let name = package.split(' ').next().unwrap_or(package);
        let now = after.iter().find_map(|new| {
            let (p, f) = new.split_once('|')?;
            (p == package).then_some(f)
        });
        changed.push(match now {
            Some(now) => format!("{package} (features `{features}` -> `{now}`)"),
            None => {
                let other = after
                    .iter()
                    .filter_map(|new| new.split_once('|').map(|(p, _)| p))
                    .find(|p| p.split(' ').next() == Some(name));
                match other {
                    Some(other) => format!("{package} (now {other})"),
                    None => format!("{package} (no longer built)"),
                }
            }
        });
    }
    changed
}

/// `name vX` of a `{p}|{f}` line (without a local crate's path).
fn name_and_version(key: &str) -> &str {
    let package = key.split('|').next().unwrap_or(key);
    match package.match_indices(' ').nth(1) {
        Some((end, _)) => &package[..end],
        None => package,
    }
}

/// `(name, version)` of a cargo package id
/// (`registry+https://...#itoa@1.0.15`, `path+file:///x/counter#0.1.0`).
fn name_version(id: &str) -> Option<(&str, &str)> {
    let (url, fragment) = id.rsplit_once('#')?;
    match fragment.split_once('@') {
        Some((name, version)) => Some((name, version)),
        None => {
            let url = url.split('?').next().unwrap_or(url);
            Some((url.trim_end_matches('/').rsplit('/').next()?, fragment))
        }
    }
}

/// The `compiler-artifact` messages of a cargo build.
struct Artifacts<'a>(&'a CargoRun);

impl Artifacts<'_> {
    fn each(&self) -> impl Iterator<Item = &Value> {
        self.0
            .messages
            .iter()
            .filter(|m| m["reason"] == "compiler-artifact")
    }

    /// The first file (of those `file` accepts) of the artifact whose
    /// target name and package id `artifact` accepts.
    fn file_of(
        &self,
        artifact: impl Fn(&str, &str) -> bool,
        file: impl Fn(&str) -> bool,
    ) -> Option<PathBuf> {
        self.each()
            .filter(|m| {
                let name = m["target"]["name"].as_str().unwrap_or("");
                artifact(name, m["package_id"].as_str().unwrap_or(""))
            })
            .flat_map(|m| m["filenames"].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .find(|f| file(f))
            .map(PathBuf::from)
    }

    /// The packages of `packages` (`{p}|{f}` lines) that were rebuilt.
    fn rebuilt_of(&self, packages: &[String]) -> Vec<String> {
        let mut rebuilt: Vec<String> = self
            .each()
            .filter(|m| m["fresh"] == false)
            .filter_map(|m| name_version(m["package_id"].as_str()?))
            .map(|(name, version)| format!("{name} v{version}"))
            .filter(|p| packages.iter().any(|k| name_and_version(k) == p))
            .collect();
        rebuilt.sort();
        rebuilt.dedup();
        rebuilt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_lines_are_read() {
        let entry = tree_entry("1counter v0.1.0 (/a|b/counter)|default,std|counter (*)").unwrap();
        assert_eq!(entry.depth, 1);
        assert_eq!(entry.name(), "counter");
        assert_eq!(entry.version(), "0.1.0");
        assert_eq!(entry.features, "default,std");
        assert_eq!(entry.lib, "counter");
        assert_eq!(entry.key(), "counter v0.1.0 (/a|b/counter)|default,std");
        assert!(tree_entry("").is_none());
    }

    #[test]
    fn package_ids_give_name_and_version() {
        let registry = "registry+https://github.com/rust-lang/crates.io-index#itoa@1.0.15";
        assert_eq!(name_version(registry), Some(("itoa", "1.0.15")));
        let path = "path+file:///x/counter#0.1.0";
        assert_eq!(name_version(path), Some(("counter", "0.1.0")));
        let renamed = "path+file:///x/dir#my-lib@0.2.0";
        assert_eq!(name_version(renamed), Some(("my-lib", "0.2.0")));
    }

    #[test]
    fn changes_name_features_and_versions() {
        let before = ["tokio v1.0.0|rt".to_string(), "itoa v1.0.1|".to_string()];
        let after = [
            "tokio v1.0.0|net,rt".to_string(),
            "itoa v1.0.2|".to_string(),
        ];
        assert_eq!(
            changed_packages(&before, &after),
            [
                "tokio v1.0.0 (features `rt` -> `net,rt`)",
                "itoa v1.0.1 (now itoa v1.0.2)"
            ]
        );
        assert!(changed_packages(&before, &before).is_empty());
        assert_eq!(name_and_version("counter v0.1.0 (/x)|a"), "counter v0.1.0");
        assert_eq!(name_and_version("itoa v1.0.1|"), "itoa v1.0.1");
    }
}
