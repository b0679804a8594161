//! One cell, Rust source in, dylib out, by one direct `rustc` call: the
//! path the user waits on after every cell, so no cargo and nothing built
//! twice. The cell links the deps dylib and the earlier cells whose items it
//! uses (`--extern`), all with `-C prefer-dynamic`, so a cell's build time
//! does not grow with the session and the whole session shares one libstd
//! and one copy of every crate.
//!
//! Each session builds into a directory of its own under the cache's
//! `sessions/`, removed when the [`CellBuilder`] is dropped; each cell is
//! `<name>.rs` and `lib<name>.so` there.
//!
//! Measured on this project's machine kind (2 cores, shared; rustc 1.95,
//! median of 9 wall times): a cell exporting `keyton_cell!` and a function
//! takes 0.11 s and is a 32 KB `.so`; a bare `rustc --crate-type dylib
//! -C prefer-dynamic` of a one-function file takes 0.08 s, and the same
//! file with this module's flags and externs 0.07 s: linking the deps
//! dylib costs nothing measurable.

use crate::{DepsDylib, Error, Layers};
use keyton_compiler::{Cache, Toolchain, linker_arg_pair};
use keyton_diagnostics::Span;
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

/// Builds the cells of one session.
#[derive(Debug)]
pub struct CellBuilder {
    toolchain: Toolchain,
    deps: DepsDylib,
    /// Unique among the sessions of this cache (a fresh temporary name), so
    /// it also keeps two sessions' cells apart in symbol names.
    session: String,
    dir: TempDir,
    imports: CellImports,
}

/// What the session's `rimport`s add to every later cell's rustc call.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellImports {
    /// (crate name, dylib) of each layer above the deps dylib, oldest
    /// first. A cell that names an imported crate must have `extern crate`
    /// of the newest (the last), so that rustc takes the crate from the
    /// layers rather than copying its rlib into the cell.
    pub layers: Vec<(String, PathBuf)>,
    /// (library name, rlib) of each imported crate: `--extern`, so a cell
    /// names it as `::name`.
    pub crates: Vec<(String, PathBuf)>,
}

impl CellImports {
    /// What `layers` add: their dylibs and the crates imported into them.
    pub fn of(layers: &Layers) -> CellImports {
        CellImports {
            layers: layers.layer_externs(),
            crates: layers.crate_externs(),
        }
    }
}

/// Why a cell did not build.
#[derive(Debug, thiserror::Error)]
pub enum BuildFailure {
    /// rustc rejected the cell's Rust.
    #[error("rustc rejected the cell `{cell}`:\n{}", messages.join("\n"))]
    Rejected {
        cell: String,
        /// The cell's file name as rustc was given it, and as its JSON
        /// errors (and `file!()`) name it.
        rust_file: String,
        /// rustc's stderr: one JSON diagnostic a line.
        stderr: String,
        /// Each error as rustc rendered it (warnings left out).
        messages: Vec<String>,
    },
    /// The build could not run at all.
    #[error(transparent)]
    Session(#[from] Error),
}

impl BuildFailure {
    /// rustc's errors told against the Keyton cell, through `span_at`, which
    /// maps a line of the cell's Rust (1-based) to a Keyton span: as
    /// `keyton run` reports a script's. `None` when the build did not reach
    /// rustc's judgement ([`BuildFailure::Session`]).
    pub fn to_keyton(
        &self,
        span_at: impl Fn(usize) -> Option<Span>,
    ) -> Option<keyton_compiler::Error> {
        match self {
            BuildFailure::Rejected {
                rust_file, stderr, ..
            } => Some(keyton_compiler::from_rustc_stderr(
                stderr, rust_file, span_at,
            )),
            BuildFailure::Session(_) => None,
        }
    }
}

impl CellBuilder {
    /// A builder for a new session, with its own directory under the
    /// cache's `sessions/`.
    pub fn new(
        cache: &Cache,
        toolchain: &Toolchain,
        deps: &DepsDylib,
    ) -> Result<CellBuilder, Error> {
        let sessions = cache.root().join("sessions");
        fs::create_dir_all(&sessions).map_err(Error::io(&sessions))?;
        let dir = tempfile::Builder::new()
            .prefix("session-")
            .tempdir_in(&sessions)
            .map_err(Error::io(&sessions))?;
        let session = dir
            .path()
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(CellBuilder {
            toolchain: toolchain.clone(),
            deps: deps.clone(),
            session,
            dir,
            imports: CellImports::default(),
        })
    }

    /// What later cells link because of `rimport`s.
    pub fn set_imports(&mut self, imports: CellImports) {
        self.imports = imports;
    }

    pub fn imports(&self) -> &CellImports {
        &self.imports
    }

    pub fn toolchain(&self) -> &Toolchain {
        &self.toolchain
    }

    /// The session's build directory.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Compile the cell `name` (a Rust crate name, new in this session) from
    /// `rust_source` into `lib<name>.so` in the session's directory, linking
    /// `earlier`: the (crate name, dylib) of each earlier cell it uses,
    /// as returned by earlier calls.
    ///
    /// A name is built once per session: a loaded library is never
    /// overwritten, and the loader would hand back the old one for its path
    /// anyway. Give a rebuilt cell a new name (`cell_3_v2`).
    pub fn build(
        &self,
        name: &str,
        rust_source: &str,
        earlier: &[(String, PathBuf)],
    ) -> Result<PathBuf, BuildFailure> {
        if !is_crate_name(name) {
            return Err(Error::CellName(name.to_string()).into());
        }
        let library = self.dir().join(format!("{DLL_PREFIX}{name}{DLL_SUFFIX}"));
        if library.exists() {
            return Err(Error::CellTaken(name.to_string()).into());
        }
        // A stable file name per cell, given relative to the session
        // directory (rustc's working directory), so rustc's errors and
        // `file!()` in panic locations read `<name>.rs`.
        let rust_file = format!("{name}.rs");
        let source_path = self.dir().join(&rust_file);
        fs::write(&source_path, rust_source).map_err(Error::io(&source_path))?;

        let output = self
            .rustc(name, &rust_file, earlier, &library)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| Error::from(keyton_compiler::Error::NoRustc(e)))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            return Err(BuildFailure::Rejected {
                cell: name.to_string(),
                messages: keyton_compiler::error_messages(&stderr),
                rust_file,
                stderr,
            });
        }
        Ok(library)
    }

    /// The `rustc` call that builds the cell `name` from `rust_file` (in
    /// the session's directory) into `library`. Public so a benchmark can
    /// time rustc alone on a cell's generated file: the floor of a cell's
    /// latency.
    pub fn rustc(
        &self,
        name: &str,
        rust_file: &str,
        earlier: &[(String, PathBuf)],
        library: &Path,
    ) -> Command {
        let mut rustc = self.toolchain.rustc();
        rustc
            .current_dir(self.dir())
            .args(["--crate-type", "dylib", "--crate-name", name])
            .args(["-C", "prefer-dynamic", "-C", "opt-level=0"])
            // Symbol names of two sessions' `cell_1` must differ: both may
            // be loaded in one process.
            .arg("-C")
            .arg(format!("metadata={}-{name}", self.session))
            .arg("--error-format=json")
            .arg("-L")
            .arg(prefixed("dependency=", self.deps.dependency_dir()))
            .arg("-L")
            .arg(prefixed("dependency=", &self.deps.host_dependency_dir()))
            .arg("--extern")
            .arg(prefixed("keyton_deps=", self.deps.dylib()));
        for (crate_name, path) in self.imports.layers.iter().chain(&self.imports.crates) {
            rustc
                .arg("--extern")
                .arg(prefixed(&format!("{crate_name}="), path));
        }
        let mut dirs: Vec<&Path> = Vec::new();
        for (crate_name, path) in earlier {
            rustc
                .arg("--extern")
                .arg(prefixed(&format!("{crate_name}="), path));
            // rustc looks up an earlier cell's own earlier cells here.
            if let Some(dir) = path.parent().filter(|d| !dirs.contains(d)) {
                dirs.push(dir);
                rustc.arg("-L").arg(prefixed("dependency=", dir));
            }
        }
        // Every layer's directory: today they all share the deps dylib's.
        let mut rpath = vec![self.toolchain.target_libdir(), self.deps.rpath_dir()];
        for (_, dylib) in &self.imports.layers {
            if let Some(dir) = dylib.parent().filter(|d| !rpath.contains(d)) {
                rpath.push(dir);
            }
        }
        rustc
            .args(link_args(&rpath))
            .args(soname_args(library))
            .arg("-o")
            .arg(library)
            .arg(rust_file);
        rustc
    }
}

/// An rpath entry for each of `dirs`, so the cell finds libstd and the deps
/// dylib when it is loaded, without LD_LIBRARY_PATH.
fn link_args(dirs: &[&Path]) -> Vec<OsString> {
    dirs.iter()
        .flat_map(|dir| linker_arg_pair("-rpath", dir))
        .collect()
}

/// The cell's soname is its absolute path, and a later cell's dependency
/// on it is recorded under that name: the loader then opens exactly this
/// file, never another session's `lib<name>.so` found by name.
fn soname_args(library: &Path) -> Vec<OsString> {
    linker_arg_pair("-soname", library)
}

fn prefixed(prefix: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(prefix);
    arg.push(path);
    arg
}

/// ASCII letters, digits and `_`, not starting with a digit: a crate name
/// rustc accepts and a file name that needs no quoting.
fn is_crate_name(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_are_crate_names() {
        assert!(is_crate_name("cell_1"));
        assert!(is_crate_name("_x"));
        for bad in ["", "1cell", "my-cell", "a b", "../x", "grüße"] {
            assert!(!is_crate_name(bad), "{bad}");
        }
    }

    #[test]
    fn linker_values_stay_one_argument() {
        let args = link_args(&[Path::new("/a,b c")]);
        assert_eq!(
            args,
            [
                "-C",
                "link-arg=-Xlinker",
                "-C",
                "link-arg=-rpath",
                "-C",
                "link-arg=-Xlinker",
                "-C",
                "link-arg=/a,b c"
            ]
        );
    }
}
