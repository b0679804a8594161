//! The crates of a workspace as `cargo metadata` resolves them: for each
//! package, the source file of its library, its version, the features
//! enabled on it and the names it uses for its (normal) dependencies.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_metadata::{DependencyKind, MetadataCommand, TargetKind};

use crate::error::Error;

/// One package's library, as the index reader needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateInfo {
    /// cargo's package id.
    pub id: String,
    /// The library's crate name (`-` made `_`): the first segment of its paths.
    pub name: String,
    /// The package name on the registry.
    pub package: String,
    pub version: String,
    /// The library's root source file (`.../src/lib.rs`).
    pub root_file: PathBuf,
    /// Features cargo enabled, sorted.
    pub features: Vec<String>,
    /// What the package's `default` feature turns on (empty if it has
    /// none).
    pub default_features: Vec<String>,
    /// Normal dependencies: the name this crate uses (after renames) → package id.
    pub deps: BTreeMap<String, String>,
    pub proc_macro: bool,
    /// From a registry or git (its source does not change under a version):
    /// its index may be cached.
    pub cacheable: bool,
}

/// Every package of a resolved workspace, and the root package's dependencies.
#[derive(Clone, Debug)]
pub struct CrateGraph {
    /// The root package's normal dependencies by the name it uses.
    pub direct: BTreeMap<String, String>,
    /// Packages by id (the root package has no library and is left out).
    pub packages: BTreeMap<String, CrateInfo>,
}

impl CrateGraph {
    /// Run `cargo metadata` in the workspace at `dir` for the host platform
    /// (fetching sources as needed; nothing is built).
    pub fn load(dir: &Path) -> Result<CrateGraph, Error> {
        let mut cmd = MetadataCommand::new();
        cmd.manifest_path(dir.join("Cargo.toml")).current_dir(dir);
        if let Some(host) = host_triple() {
            cmd.other_options(vec!["--filter-platform".to_string(), host]);
        }
        let meta = cmd.exec().map_err(|e| Error::Metadata {
            dir: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let resolve = meta.resolve.as_ref().ok_or(Error::NoRoot(dir.into()))?;
        let root = resolve.root.clone().ok_or(Error::NoRoot(dir.into()))?;
        let mut graph = CrateGraph {
            direct: BTreeMap::new(),
            packages: BTreeMap::new(),
        };
        for node in &resolve.nodes {
            let deps: BTreeMap<String, String> = node
                .deps
                .iter()
                .filter(|d| {
                    d.dep_kinds.is_empty()
                        || d.dep_kinds.iter().any(|k| k.kind == DependencyKind::Normal)
                })
                .map(|d| (d.name.clone(), d.pkg.repr.clone()))
                .collect();
            if node.id == root {
                graph.direct = deps;
                continue;
            }
            let Some(pkg) = meta.packages.iter().find(|p| p.id == node.id) else {
                continue;
            };
            let lib_kinds = [
                TargetKind::Lib,
                TargetKind::RLib,
                TargetKind::DyLib,
                TargetKind::ProcMacro,
            ];
            let Some(lib) = pkg
                .targets
                .iter()
                .find(|t| t.kind.iter().any(|k| lib_kinds.contains(k)))
            else {
                continue;
            };
            let mut features: Vec<String> = node.features.iter().map(|f| f.to_string()).collect();
            features.sort();
            graph.packages.insert(
                node.id.repr.clone(),
                CrateInfo {
                    id: node.id.repr.clone(),
                    name: lib.name.replace('-', "_"),
                    package: pkg.name.to_string(),
                    version: pkg.version.to_string(),
                    root_file: lib.src_path.clone().into_std_path_buf(),
                    features,
                    default_features: pkg.features.get("default").cloned().unwrap_or_default(),
                    deps,
                    proc_macro: lib.kind.contains(&TargetKind::ProcMacro),
                    cacheable: pkg.source.is_some(),
                },
            );
        }
        Ok(graph)
    }

    /// The library packages `id` depends on, directly or through others,
    /// nearest first; proc-macro crates and what only they use left out
    /// (their impls are for the compiler's types, not a program's).
    pub fn dependencies_of(&self, id: &str) -> Vec<&CrateInfo> {
        let mut seen = BTreeSet::from([id]);
        let mut queue = VecDeque::from([id]);
        let mut found = Vec::new();
        while let Some(next) = queue.pop_front() {
            let deps = self
                .packages
                .get(next)
                .into_iter()
                .flat_map(|p| p.deps.values());
            for dep in deps {
                if seen.insert(dep)
                    && let Some(info) = self.packages.get(dep)
                    && !info.proc_macro
                {
                    queue.push_back(dep);
                    found.push(info);
                }
            }
        }
        found
    }

    /// The library of package `package` at `version`; if several (a local
    /// crate and a registry one), the root package's dependency.
    pub fn package(&self, package: &str, version: &str) -> Option<&CrateInfo> {
        let matches = |info: &&CrateInfo| info.package == package && info.version == version;
        self.direct
            .values()
            .filter_map(|id| self.packages.get(id))
            .find(matches)
            .or_else(|| self.packages.values().find(matches))
    }

    /// The package the root package calls `name`.
    pub fn direct(&self, name: &str) -> Option<&CrateInfo> {
        let name = name.replace('-', "_");
        self.packages.get(self.direct.get(&name)?)
    }
}

/// The host's target triple, from `rustc -vV`.
fn host_triple() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc).arg("-vV").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(|h| h.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(id: &str, deps: &[&str], proc_macro: bool) -> (String, CrateInfo) {
        let info = CrateInfo {
            id: id.to_string(),
            name: id.to_string(),
            package: id.to_string(),
            version: "1.0.0".to_string(),
            root_file: PathBuf::from("lib.rs"),
            features: Vec::new(),
            default_features: Vec::new(),
            deps: deps
                .iter()
                .map(|d| (d.to_string(), d.to_string()))
                .collect(),
            proc_macro,
            cacheable: true,
        };
        (id.to_string(), info)
    }

    #[test]
    fn dependencies_go_deeper_than_direct_ones_but_not_into_proc_macros() {
        let graph = CrateGraph {
            direct: BTreeMap::from([("rand".to_string(), "rand".to_string())]),
            packages: BTreeMap::from([
                package("rand", &["rand_core", "derive"], false),
                package("rand_core", &["getrandom", "derive"], false),
                package("getrandom", &["rand_core"], false),
                package("derive", &["syn"], true),
                package("syn", &[], false),
            ]),
        };
        let found: Vec<&str> = graph
            .dependencies_of("rand")
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(found, ["rand_core", "getrandom"]);
    }
}
