//! The layers of a session's deps: `rimport` adds a crate by building a new
//! dylib on top of the ones the session already links, instead of
//! rebuilding them.
//!
//! Layer 1 is the deps dylib ([`DepsDylib`]: the runtime). Each `rimport`
//! adds a package `keyton_deps_<N>_<key>` of crate type `dylib` to the same
//! cargo workspace, under `layers/<key>/`, that depends on the previous
//! layer (a path dependency it names with `pub extern crate`) and on the
//! requested crate, which it re-exports. Built by cargo with `-C
//! prefer-dynamic` into the workspace's one target directory, the new
//! dylib takes every crate the earlier layers hold from them (their code
//! and statics stay one object) and holds only what is new. A cell names
//! the crate as `::name` with `--extern name=<its rlib>`, and links the
//! newest layer with `extern crate keyton_deps_<N>_<key>;`.
//!
//! The key of a layer hashes the previous layer's key and the request, so
//! a second session (or the same notebook after a kernel restart) that
//! imports the same crates in the same order finds each layer built: its
//! `built` stamp and `layer.json` record are read, and cargo is not run
//! (except for a local crate, whose sources may have changed, and every
//! layer above one: cargo checks them, and rebuilds what changed).
//!
//! A build holds the workspace's lock (other processes' builds in the
//! workspace wait) and leaves nothing behind when it fails: the manifest and
//! lock file are put back and the layer's directory removed. Cargo's
//! feature unification may make a new crate change one that an earlier
//! layer holds (another feature of tokio): such an import is refused before
//! anything is built (see [`RimportError::ChangesEarlier`]), since the
//! rebuilt earlier layer would replace, under the same file name, the one
//! this process and other sessions have loaded. A crate an earlier layer
//! holds already, built with all that the request asks for, is not built
//! again: cells name it from that layer (see [`crate::reuse`]).

use crate::layer_build::{self, LayerRecord};
use crate::request::RequestError;
use crate::reuse::{self, BuiltPackage};
use crate::{CrateRequest, DepsDylib, Error};
use kayton_vm::CrateBuild;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// `KEYTON_OFFLINE=1`: cargo runs `--offline` (only what is in cargo's
/// cache can be imported).
pub(crate) fn offline() -> bool {
    std::env::var_os("KEYTON_OFFLINE").is_some_and(|v| v == "1")
}

/// A crate a `rimport` made available to cells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedCrate {
    /// The package, as cargo resolved it (the registry's spelling).
    pub package: String,
    pub version: String,
    /// The features cargo turned on for it.
    pub features: Vec<String>,
    /// Its library's name: how Rust code names it (`::tokio_util`), and the
    /// name of its `--extern`.
    pub lib_name: String,
    /// The library file to pass as `--extern lib_name=`.
    pub rlib: PathBuf,
    /// The name the request bound it to (`as rq`), if any.
    pub alias: Option<String>,
    /// The layer that holds it: a cell naming the crate has
    /// `extern crate <layer>;`.
    pub layer: String,
    pub layer_dylib: PathBuf,
    /// Every library in the layer's build (the crate's dependencies, and
    /// those of the layers below): what a cell would pass as `--extern`
    /// to name one of them directly (`::http::StatusCode` for reqwest's
    /// `StatusCode`). Proc macros and build scripts are left out.
    pub libraries: Vec<CrateLibrary>,
}

/// A library cargo built for a layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrateLibrary {
    pub package: String,
    pub version: String,
    pub lib_name: String,
    pub rlib: PathBuf,
}

/// Why a `rimport` did not happen. Whatever the reason, the session and
/// the workspace are as they were before it.
#[derive(Debug, thiserror::Error)]
pub enum RimportError {
    #[error(transparent)]
    Request(#[from] RequestError),
    /// cargo could not resolve or build the crate (unknown crate or
    /// version, a feature it does not have, a compile error); `message` is
    /// the first lines of cargo's errors.
    #[error("rimport {request} failed:\n{message}")]
    Cargo { request: String, message: String },
    /// Building the crate would change crates an earlier `rimport` built,
    /// with other features or versions (cargo unifies them): those are
    /// loaded already and cannot change in this process.
    #[error(
        "rimport {request} would rebuild crates that earlier imports built: {}\n\
         help: the session has them loaded, and they cannot change while it runs; restart \
         it and rimport {request} before the imports whose crates it changes{}",
        changed.join(", "),
        reuse::as_built(built)
    )]
    ChangesEarlier {
        request: String,
        /// Each changed crate: `name vX (features a, b -> a, b, c)`.
        changed: Vec<String>,
        /// The requested crate as earlier imports built it (`name vX
        /// (features a, b)`), when they did: what this request asks for
        /// that those builds lack is what changes them.
        built: Vec<String>,
    },
    /// cargo built the layer but its output was not what this module
    /// expects: a bug in Keyton.
    #[error("rimport {request}: {message} (a bug in Keyton)")]
    Unexpected { request: String, message: String },
    #[error(transparent)]
    Session(#[from] Error),
}

/// One built layer.
#[derive(Clone, Debug)]
pub struct Layer {
    /// Its crate name (`keyton_deps` for layer 1).
    pub crate_name: String,
    /// Its dylib: `--extern <crate_name>=`.
    pub dylib: PathBuf,
    /// 1 for the runtime's deps dylib, 2 for the first `rimport`, ...
    pub depth: usize,
    key: String,
    /// Its directory relative to the workspace: what a later layer's path
    /// dependency names.
    dir: PathBuf,
    /// The canonical text of the request that made it (empty for layer 1).
    request: String,
    /// The crate it added (none for layer 1).
    imported: Option<ImportedCrate>,
    /// Every package in it as built, `{p}|{f}` of `cargo tree` (`None` for
    /// layer 1 until asked: it has no registry crates, so it cannot differ
    /// from what `cargo tree` says now).
    packages: Option<Vec<String>>,
    /// Whether it or a layer below it holds a local crate: its build may
    /// be out of date with the crate's sources, so cargo is asked.
    local: bool,
}

/// The layers a session links, layer 1 first.
#[derive(Clone, Debug)]
pub struct Layers {
    deps: DepsDylib,
    chain: Vec<Layer>,
    /// Every import, oldest first, with the canonical text of its request:
    /// the crates of the layers, and those found built in earlier layers.
    imports: Vec<(String, ImportedCrate)>,
}

impl Layers {
    /// Layer 1 alone: the session's deps dylib.
    pub fn new(deps: &DepsDylib) -> Layers {
        let base = Layer {
            crate_name: "keyton_deps".to_string(),
            dylib: deps.dylib().to_path_buf(),
            depth: 1,
            key: deps.name().to_string(),
            dir: PathBuf::from("."),
            request: String::new(),
            imported: None,
            packages: None,
            local: false,
        };
        Layers {
            deps: deps.clone(),
            chain: vec![base],
            imports: Vec::new(),
        }
    }

    /// The directory of the newest layer's package (its Cargo.toml), in
    /// the session workspace: `cargo metadata` there sees the imported
    /// crates as direct dependencies.
    pub fn top_manifest_dir(&self) -> PathBuf {
        self.deps.workspace().join(&self.top().dir)
    }

    /// The workspace's build lock, held while cargo reads the workspace
    /// (`cargo metadata` for a crate's API): another process's build may
    /// be changing its manifest, and puts it back only when it fails.
    pub(crate) fn lock(&self, progress: &mut dyn FnMut(&str)) -> Result<std::fs::File, Error> {
        self.deps.lock(&mut || {
            progress("Waiting for another build in the session workspace");
        })
    }

    /// The newest layer: the one a cell links.
    pub fn top(&self) -> &Layer {
        // `chain` starts with layer 1 and only grows.
        &self.chain[self.chain.len() - 1]
    }

    /// All layers, layer 1 first.
    pub fn all(&self) -> &[Layer] {
        &self.chain
    }

    /// The crates imported so far, oldest first.
    pub fn imported(&self) -> impl Iterator<Item = &ImportedCrate> {
        self.imports.iter().map(|(_, krate)| krate)
    }

    /// The crates a program must name with `extern crate NAME;` so that
    /// the imported crates link from the layers (not copied into it): the
    /// newest layer, once something is imported.
    pub fn extern_crates(&self) -> Vec<String> {
        let top = self.top();
        if top.depth > 1 {
            vec![top.crate_name.clone()]
        } else {
            Vec::new()
        }
    }

    /// The (crate name, dylib) of each layer above the deps dylib, oldest
    /// first: the `--extern` pairs of the layers a program links.
    pub fn layer_externs(&self) -> Vec<(String, PathBuf)> {
        self.chain[1..]
            .iter()
            .map(|layer| (layer.crate_name.clone(), layer.dylib.clone()))
            .collect()
    }

    /// The build of every crate cells can name a type of, for the
    /// fingerprints of session values: the imported crates with their
    /// features, then their dependencies (features not recorded). A crate
    /// found built in an earlier layer is one of those dependencies: its
    /// values made before its `rimport` keep their fingerprints.
    pub(crate) fn crate_builds(&self) -> Vec<CrateBuild> {
        let mut builds: Vec<CrateBuild> = self
            .chain
            .iter()
            .filter_map(|layer| layer.imported.as_ref())
            .map(|krate| {
                let mut features = krate.features.clone();
                features.sort();
                CrateBuild {
                    lib_name: krate.lib_name.clone(),
                    version: krate.version.clone(),
                    features: features.join(","),
                }
            })
            .collect();
        for library in self.imported().flat_map(|krate| &krate.libraries) {
            if !builds.iter().any(|b| b.lib_name == library.lib_name) {
                builds.push(CrateBuild {
                    lib_name: library.lib_name.clone(),
                    version: library.version.clone(),
                    features: String::new(),
                });
            }
        }
        builds
    }

    /// The `--extern` pairs (name, file) a cell needs for the imported
    /// crates: when two imports have one library name, the later wins.
    pub fn crate_externs(&self) -> Vec<(String, PathBuf)> {
        let mut externs: Vec<(String, PathBuf)> = Vec::new();
        for imported in self.imported() {
            externs.retain(|(name, _)| *name != imported.lib_name);
            externs.push((imported.lib_name.clone(), imported.rlib.clone()));
        }
        externs
    }

    /// Make the crate of `request` available to cells: build the next
    /// layer (or find it built), and make it the top. `progress` gets
    /// cargo's status lines ("Compiling tokio v1.48.0") as they come.
    pub fn import(
        &mut self,
        request: &CrateRequest,
        progress: &mut dyn FnMut(&str),
    ) -> Result<ImportedCrate, RimportError> {
        request.validate()?;
        let text = request.to_string();
        if let Some((_, imported)) = self.imports.iter().find(|(request, _)| *request == text) {
            // Imported already in this session: only the alias is new.
            return Ok(ImportedCrate {
                alias: request.alias.clone(),
                ..imported.clone()
            });
        }
        if let Some(imported) = self.built_already(request, progress) {
            self.imports.push((text, imported.clone()));
            return Ok(imported);
        }
        let layer = match self.build(request, progress) {
            Err(RimportError::Cargo { message, .. }) if message.contains("no matching package") => {
                match request.other_spelling() {
                    Some(other) => self.build(&other, progress).map_err(|e| match e {
                        // The error about the name as written reads best.
                        RimportError::Cargo { .. } => RimportError::Cargo {
                            request: text.clone(),
                            message,
                        },
                        other => other,
                    }),
                    None => Err(RimportError::Cargo {
                        request: text.clone(),
                        message,
                    }),
                }
            }
            result => result,
        }
        .map_err(|error| match error {
            RimportError::ChangesEarlier {
                request: asked,
                changed,
                ..
            } => RimportError::ChangesEarlier {
                request: asked,
                changed,
                built: self
                    .builds_of(request)
                    .iter()
                    .map(BuiltPackage::describe)
                    .collect(),
            },
            other => other,
        })?;
        let mut layer = layer;
        layer.request = text.clone();
        let imported = layer
            .imported
            .clone()
            .ok_or_else(|| RimportError::Unexpected {
                request: layer.request.clone(),
                message: "the layer names no crate".to_string(),
            })?;
        self.chain.push(layer);
        let imported = ImportedCrate {
            alias: request.alias.clone(),
            ..imported
        };
        self.imports.push((text, imported.clone()));
        Ok(imported)
    }

    /// The builds of `request`'s crate in the layers, newest first.
    fn builds_of(&self, request: &CrateRequest) -> Vec<BuiltPackage> {
        // The top layer's packages are every layer's.
        match &self.top().packages {
            Some(packages) if self.top().depth > 1 => reuse::builds_of(request, packages),
            _ => Vec::new(),
        }
    }

    /// The crate of `request` as an earlier layer built it, if that build
    /// has all that the request asks for: named through its rlib, from the
    /// first layer whose build holds it.
    fn built_already(
        &self,
        request: &CrateRequest,
        progress: &mut dyn FnMut(&str),
    ) -> Option<ImportedCrate> {
        let mut graph = None;
        let mut default_features = |built: &BuiltPackage| {
            // Asked only of a build without its `default` feature (a
            // dependency's, turned off): cargo metadata knows the package's.
            let graph = graph.get_or_insert_with(|| {
                let _lock = self.lock(progress).ok()?;
                keyton_crates::CrateGraph::load(&self.top_manifest_dir()).ok()
            });
            let version = built.version.to_string();
            let info = graph.as_ref()?.package(&built.name, &version)?;
            Some(info.default_features.clone())
        };
        self.builds_of(request)
            .into_iter()
            .filter(|built| built.satisfies(request, || default_features(built)))
            .find_map(|built| self.named(&built, request))
    }

    /// `built` as a crate cells name, if a layer's build lists its library
    /// (a proc macro's is not).
    fn named(&self, built: &BuiltPackage, request: &CrateRequest) -> Option<ImportedCrate> {
        let version = built.version.to_string();
        self.imported().find_map(|holder| {
            let library = holder
                .libraries
                .iter()
                .find(|l| l.package == built.name && l.version == version)?;
            Some(ImportedCrate {
                package: built.name.clone(),
                version: version.clone(),
                features: built.features.clone(),
                lib_name: library.lib_name.clone(),
                rlib: library.rlib.clone(),
                alias: request.alias.clone(),
                ..holder.clone()
            })
        })
    }

    /// The next layer for `request`, from the cache or built now.
    fn build(
        &mut self,
        request: &CrateRequest,
        progress: &mut dyn FnMut(&str),
    ) -> Result<Layer, RimportError> {
        let top = self.top();
        let key = layer_key(&top.key, request);
        let crate_name = format!("keyton_deps_{}_{key}", top.depth + 1);
        let dir = Path::new("layers").join(&key);
        let local = top.local || matches!(request.source, crate::CrateSource::Path(_));
        if !local && let Some(record) = layer_build::read_record(&self.deps, &dir) {
            return Ok(self.layer_of(record, key, dir));
        }
        let _lock = self.lock(progress)?;
        // Another process may have built it while this one waited.
        if !local && let Some(record) = layer_build::read_record(&self.deps, &dir) {
            return Ok(self.layer_of(record, key, dir));
        }
        let previous_packages = match &self.top().packages {
            Some(packages) => packages.clone(),
            None => layer_build::packages_of(&self.deps, &self.top().crate_name, progress)?,
        };
        if self.chain.len() == 1 {
            self.chain[0].packages = Some(previous_packages.clone());
        }
        let spec = layer_build::Spec {
            deps: &self.deps,
            crate_name: &crate_name,
            dir: &dir,
            request,
            previous: self.top(),
        };
        let record = spec.build_locked(&previous_packages, progress)?;
        let mut layer = self.layer_of(record, key, dir);
        layer.local = local;
        Ok(layer)
    }

    /// The layer `record` describes, on top of the current top.
    fn layer_of(&self, record: LayerRecord, key: String, dir: PathBuf) -> Layer {
        Layer {
            crate_name: record.crate_name,
            dylib: record.imported.layer_dylib.clone(),
            depth: self.top().depth + 1,
            key,
            dir,
            request: record.request,
            imported: Some(record.imported),
            packages: Some(record.packages),
            local: false,
        }
    }
}

impl Layer {
    /// The layer's directory, relative to the workspace.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }
}

/// A layer's key: the previous layer's key and the canonical request, as
/// 16 hex digits.
fn layer_key(previous: &str, request: &CrateRequest) -> String {
    let mut hasher = DefaultHasher::new();
    previous.hash(&mut hasher);
    request.to_string().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_chain_and_the_request_not_the_alias() {
        let itoa = CrateRequest::new("itoa");
        assert_eq!(
            layer_key("a", &itoa),
            layer_key("a", &itoa.clone().alias("i"))
        );
        assert_ne!(layer_key("a", &itoa), layer_key("b", &itoa));
        assert_ne!(
            layer_key("a", &itoa),
            layer_key("a", &itoa.clone().version("1"))
        );
        assert_eq!(layer_key("a", &itoa).len(), 16);
    }
}
