//! Reading cargo's output for a layer build: `cargo tree`'s lines (the
//! packages of a layer and their features) and `cargo build`'s
//! `compiler-artifact` messages (which files it made, which it rebuilt).

use crate::CrateLibrary;
use crate::cargo_run::CargoRun;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One package of `cargo tree`'s output.
pub(crate) struct TreeEntry {
    pub depth: usize,
    /// `{p}`: `name vX.Y.Z` and, for a local crate, ` (path)`.
    pub package: String,
    pub features: String,
    pub lib: String,
}

impl TreeEntry {
    pub fn name(&self) -> &str {
        self.package.split(' ').next().unwrap_or("")
    }

    pub fn version(&self) -> &str {
        let word = self.package.split(' ').nth(1).unwrap_or("");
        word.strip_prefix('v').unwrap_or(word)
    }

    pub fn key(&self) -> String {
        format!("{}|{}", self.package, self.features)
    }

    /// A line of `cargo tree --prefix depth --format '{p}|{f}|{lib}'`.
    pub fn parse(line: &str) -> Option<TreeEntry> {
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
}

/// The sorted, distinct `{p}|{f}` lines of `entries`.
pub(crate) fn package_keys(entries: &[TreeEntry]) -> Vec<String> {
    let keys: BTreeSet<String> = entries.iter().map(TreeEntry::key).collect();
    keys.into_iter().collect()
}

/// The packages of `before` that `after` has with other features or at
/// another version: `name vX (features a -> a,b)`.
pub(crate) fn changed_packages(before: &[String], after: &[String]) -> Vec<String> {
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
pub(crate) fn name_and_version(key: &str) -> &str {
    let package = key.split('|').next().unwrap_or(key);
    match package.match_indices(' ').nth(1) {
        Some((end, _)) => &package[..end],
        None => package,
    }
}

/// `(name, version)` of a cargo package id
/// (`registry+https://...#itoa@1.0.15`, `path+file:///x/counter#0.1.0`).
pub(crate) fn name_version(id: &str) -> Option<(&str, &str)> {
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
pub(crate) struct Artifacts<'a>(pub &'a CargoRun);

impl Artifacts<'_> {
    fn each(&self) -> impl Iterator<Item = &Value> {
        self.0
            .messages
            .iter()
            .filter(|m| m["reason"] == "compiler-artifact")
    }

    /// Each rlib built (or found up to date), with its package.
    pub fn libraries(&self) -> Vec<CrateLibrary> {
        let mut libraries: Vec<CrateLibrary> = self
            .each()
            .filter_map(|m| {
                let (package, version) = name_version(m["package_id"].as_str()?)?;
                let rlib = m["filenames"]
                    .as_array()?
                    .iter()
                    .filter_map(Value::as_str)
                    .find(|f| f.ends_with(".rlib"))?;
                Some(CrateLibrary {
                    package: package.to_string(),
                    version: version.to_string(),
                    lib_name: m["target"]["name"].as_str()?.replace('-', "_"),
                    rlib: PathBuf::from(rlib),
                })
            })
            .collect();
        libraries.sort_by(|a, b| (&a.lib_name, &a.version).cmp(&(&b.lib_name, &b.version)));
        libraries.dedup();
        libraries
    }

    /// The first file (of those `file` accepts) of the artifact whose
    /// target name and package id `artifact` accepts.
    pub fn file_of(
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
    pub fn rebuilt_of(&self, packages: &[String]) -> Vec<String> {
        let mut rebuilt: Vec<String> = self
            .each()
            .filter(|m| m["fresh"] == false)
            .filter_map(|m| name_version(m["package_id"].as_str()?))
            .map(|(name, version)| format!("{name} v{version}"))
            .filter(|p| packages.iter().any(|k| name_and_version(k) == p))
            .map(|p| format!("{p} (rebuilt: its sources or its build changed)"))
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
        let entry =
            TreeEntry::parse("1counter v0.1.0 (/a|b/counter)|default,std|counter (*)").unwrap();
        assert_eq!(entry.depth, 1);
        assert_eq!(entry.name(), "counter");
        assert_eq!(entry.version(), "0.1.0");
        assert_eq!(entry.features, "default,std");
        assert_eq!(entry.lib, "counter");
        assert_eq!(entry.key(), "counter v0.1.0 (/a|b/counter)|default,std");
        assert!(TreeEntry::parse("").is_none());
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
