//! A cell's `rimport` lines, done before the cell is checked: each crate
//! not imported yet is built into a new deps layer ([`Session::rimport`]),
//! and its API is read (`keyton_crates`, cached on disk) into the session's
//! [`World`](keyton_index::World), so the checker sees it. A failed import
//! stops the cell before anything of it runs, with cargo's reason at the
//! `rimport` line.

use crate::{CrateRequest, Output, Session};
use keyton_diagnostics::Diagnostic;
use keyton_syntax::ast;
use std::path::Path;

impl Session {
    /// Import the crates of the cell's top-level `rimport` lines that are
    /// not imported yet; cargo's progress goes to the cell's stderr.
    pub(crate) fn import_crates(
        &mut self,
        module: &ast::Module,
        out: &mut dyn FnMut(Output),
    ) -> Result<(), Diagnostic> {
        for stmt in &module.stmts {
            let ast::StmtKind::Rimport(r) = &stmt.kind else {
                continue;
            };
            let krate = &r.path[0].name;
            if self.world.has_crate(krate) {
                continue;
            }
            let request = request(r, self.dir());
            let mut progress = |line: &str| out(Output::Progress(format!("{line}\n")));
            let imported = self.rimport(&request, &mut progress).map_err(|e| {
                Diagnostic::error(r.span, format!("cannot import `{krate}`"))
                    .with_help(e.to_string())
            })?;
            let dir = self.layers.top_manifest_dir();
            let index = keyton_crates::CrateIndexer::new(&dir, Some(self.index_dir.clone()))
                .and_then(|indexer| indexer.index(&imported.lib_name))
                .map_err(|e| {
                    Diagnostic::error(r.span, format!("cannot read the API of `{krate}`"))
                        .with_help(e.to_string())
                })?;
            self.world = std::mem::replace(&mut self.world, keyton_index::World::std()).with(index);
        }
        Ok(())
    }
}

/// The cargo request a `rimport` line makes: `rimport NAME[features] ==
/// "REQ" @ "path" as ALIAS` (a relative path starts at the notebook's
/// directory).
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
