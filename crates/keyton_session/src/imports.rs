//! A module's `rimport` lines of crates, done before the module is
//! checked: each crate not imported yet is built into a new deps layer
//! ([`Layers::import`]; or found built, as a dependency, in an earlier
//! one), and its API is read (`keyton_crates`, cached on
//! disk) into the [`World`] the checker sees. A notebook cell does this
//! against its session's layers and World ([`Session`](crate::Session)), a
//! script against fresh ones (`build_script`). A failed import stops the
//! module before anything of it runs, with cargo's reason at the `rimport`
//! line.

use crate::{CrateRequest, ImportedCrate, Layers};
use keyton_compiler::Cache;
use keyton_crates::{CrateGraph, CrateIndexer, IndexCache};
use keyton_diagnostics::{Diagnostic, Span};
use keyton_index::World;
use keyton_syntax::ast;
use std::path::{Path, PathBuf};

/// A top-level `rimport` line of a crate.
#[derive(Clone, Debug)]
pub struct CrateImport {
    /// The crate's name as written (`rimport regex`): what the checker looks
    /// it up by.
    pub name: String,
    /// The whole line, where its errors are reported.
    pub span: Span,
    pub request: CrateRequest,
}

/// The top-level `rimport` lines of `module` that name crates `world` does
/// not have (std is there from the start), or that ask for a version, a
/// path or features, in order; a relative `@ "path"` starts at `dir` (the
/// notebook's or the script's directory).
pub fn crate_imports(module: &ast::Module, dir: &Path, world: &World) -> Vec<CrateImport> {
    let asks =
        |r: &ast::Rimport| r.version.is_some() || r.local_path.is_some() || !r.features.is_empty();
    module
        .stmts
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            ast::StmtKind::Rimport(r) if !world.has_crate(&r.path[0].name) || asks(r) => {
                Some(CrateImport {
                    name: r.path[0].name.clone(),
                    span: r.span,
                    request: request(r, dir),
                })
            }
            _ => None,
        })
        .collect()
}

/// Where crates' API indexes are cached.
pub fn index_dir(cache: &Cache) -> PathBuf {
    cache.root().join("index")
}

/// Import each of `imports` whose crate `world` does not have yet: build
/// its layer on top of `layers` (cargo's progress lines to `progress`),
/// read its API (cached in `index_dir`) and add it to `world`. The crates
/// imported before a failure stay imported.
pub fn import_crates(
    imports: &[CrateImport],
    layers: &mut Layers,
    world: &mut World,
    index_dir: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<ImportedCrate>, Diagnostic> {
    let mut imported = Vec::new();
    for import in imports {
        if world.has_crate(&import.name) {
            // Imported already: what the line asks for must be what the
            // session has.
            let unmet = crate::reuse::unmet_by_import(&import.request, layers.imported());
            if let Some(reason) = unmet {
                return Err(import.error(format!("cannot import `{}`", import.name), &reason));
            }
            continue;
        }
        let krate = layers
            .import(&import.request, progress)
            .map_err(|e| import.error(format!("cannot import `{}`", import.name), &e))?;
        let api_error = |e: &dyn std::fmt::Display| {
            import.error(format!("cannot read the API of `{}`", import.name), e)
        };
        let lock = layers.lock(progress).map_err(|e| api_error(&e))?;
        let indexer = indexer_of(&krate, layers, index_dir).map_err(|e| api_error(&e))?;
        let graph = indexer.graph();
        let info = graph
            .package(&krate.package, &krate.version)
            .ok_or_else(|| api_error(&"cargo metadata lists no library of it"))?;
        let index = indexer.index_package(&info.id).map_err(|e| api_error(&e))?;
        let mut grown = std::mem::replace(world, World::std()).with(index);
        // The impls of its dependencies, direct or deeper, hold for its
        // types too (best effort: a dependency that cannot be read only
        // costs those impls).
        for info in graph.dependencies_of(&info.id) {
            if let Ok(dependency) = indexer.index_package(&info.id) {
                grown = grown.with_impls_of(dependency);
            }
        }
        drop(lock);
        *world = grown;
        imported.push(krate);
    }
    Ok(imported)
}

/// The indexer of the crates of `layers`' workspace, reading `krate` with
/// the features it was built with: cargo metadata unifies features over
/// the whole workspace, whose other layers may ask for more of it.
fn indexer_of(
    krate: &ImportedCrate,
    layers: &Layers,
    index_dir: &Path,
) -> Result<CrateIndexer, keyton_crates::Error> {
    let mut graph = CrateGraph::load(&layers.top_manifest_dir())?;
    let built = graph
        .packages
        .values_mut()
        .filter(|info| info.package == krate.package && info.version == krate.version);
    for info in built {
        info.features = krate.features.clone();
        info.features.sort();
    }
    let cache = IndexCache::new(index_dir);
    Ok(CrateIndexer::with_graph(graph, Some(cache)))
}

impl CrateImport {
    /// `message` at the `rimport` line, with `reason` as help.
    pub fn error(&self, message: String, reason: &dyn std::fmt::Display) -> Diagnostic {
        Diagnostic::error(self.span, message).with_help(reason.to_string())
    }
}

/// The cargo request a `rimport` line makes: `rimport NAME[features] ==
/// "REQ" @ "path" as ALIAS` (a relative path starts at `dir`).
fn request(r: &ast::Rimport, dir: &Path) -> CrateRequest {
    let mut request = CrateRequest::new(&r.path[0].name);
    if let Some(version) = &r.version {
        request = request.version(&version.value);
    }
    if let Some(path) = &r.local_path {
        request = request.path(dir.join(&path.value));
    }
    let features = r.features.iter().map(|f| {
        if f.negated {
            format!("-{}", f.name)
        } else {
            f.name.clone()
        }
    });
    request = request.features(features);
    if let Some(alias) = &r.alias {
        request = request.alias(&alias.name);
    }
    request
}
