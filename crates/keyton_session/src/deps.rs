//! The deps dylib: the crate `keyton_deps` of a session workspace, built by
//! cargo as a `-C prefer-dynamic` dylib that re-exports `keyton_rt` and
//! `kayton_api` (and, once `rimport` exists, the imported crates).
//!
//! The workspace is `workspaces/deps-<key>/` in the cache, made from the
//! embedded `workspace-template/`, with the two runtime crates' embedded
//! sources written under `runtime/`. The key hashes everything the build
//! depends on, so a different `keyton` binary or toolchain never picks up a
//! stale build: it gets a workspace of its own.
//!
//! Many processes may ask at once (nextest runs every test in a process of
//! its own, all sharing the cache), so the build runs under a lock file in
//! the workspace, and a `built` stamp, written only after cargo succeeded,
//! is what makes the result visible: without it nobody uses the dylib.
//!
//! A cold build (the two runtime crates, optimised) takes about 1 s of wall
//! time (0.5 s CPU) on this project's machine kind; later calls only look
//! for the stamp.

use crate::Error;
use keyton_compiler::embedded::{API_SOURCES, ASYNC_SOURCES, RT_SOURCES, WORKSPACE_TEMPLATE};
use keyton_compiler::{Cache, Toolchain};
use std::collections::hash_map::DefaultHasher;
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use toml_edit::{DocumentMut, InlineTable, Table};

/// The runtime crates the deps dylib re-exports: (crate name, embedded
/// `src/`). Each becomes `runtime/<name>/` in the workspace.
const RUNTIME_CRATES: &[(&str, &[(&str, &str)])] =
    &[("keyton_rt", RT_SOURCES), ("kayton_api", API_SOURCES)];

/// The manifest of each runtime crate. They are path dependencies inside
/// the workspace, so they share its `[profile.release]`.
const RUNTIME_MANIFEST: &str = r#"[package]
name = "NAME"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
path = "src/lib.rs"
"#;

/// The companion crate of the layer that brings tokio: the session's tokio
/// runtime, installed as `keyton_rt::block_on`'s executor.
pub(crate) const ASYNC_CRATE: &str = "keyton_async";

/// Its `extern "C"` function that installs the runtime.
pub(crate) const ASYNC_INSTALL: &str = "keyton_async_install";

/// What `keyton_async`'s manifest adds to [`RUNTIME_MANIFEST`]'s.
const ASYNC_DEPENDENCIES: &str = r#"
[dependencies]
keyton_rt = { path = "../keyton_rt" }
tokio = { version = "1", features = ["rt-multi-thread", "net", "time"] }
"#;

/// The manifest of runtime crate `name`, with `keyton_async`'s dependencies
/// when it is that one.
fn runtime_manifest(name: &str) -> String {
    let mut manifest = RUNTIME_MANIFEST.replace("NAME", name);
    if name == ASYNC_CRATE {
        manifest.push_str(ASYNC_DEPENDENCIES);
    }
    manifest
}

/// Marks a finished build. Its presence is all that is read, so writing
/// it needs no care beyond coming after cargo's success.
pub(crate) const BUILT_STAMP: &str = "built";
const LOCK: &str = "build.lock";

/// Environment variables of the calling process that would change what
/// cargo builds or where it puts it: a test run under `cargo` has some of
/// them set for its own build, which is not this one.
pub(crate) const CARGO_ENV_REMOVED: &[&str] = &[
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "CARGO_BUILD_TARGET",
    "RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "RUSTC",
    "RUSTC_WRAPPER",
    "RUSTC_WORKSPACE_WRAPPER",
];

/// A built deps dylib.
#[derive(Clone, Debug)]
pub struct DepsDylib {
    workspace: PathBuf,
    /// `target/<host>/release`: the uplifted dylib.
    release_dir: PathBuf,
    /// `target/<host>/release/deps`: the rlibs and metadata of every crate
    /// in the dylib, which rustc reads when a cell names them.
    dependency_dir: PathBuf,
    dylib: PathBuf,
    /// The workspace's name under `workspaces/`, which keys it: the key of
    /// layer 1, from which every later layer's key is derived.
    name: String,
    host: String,
    rustflags: String,
    cache_root: PathBuf,
}

impl DepsDylib {
    /// The deps dylib for this Keyton build and toolchain, built now if the
    /// cache does not hold it yet (the first time takes cargo a while; every
    /// later call only checks a file).
    pub fn ensure(cache: &Cache, toolchain: &Toolchain) -> Result<DepsDylib, Error> {
        let host = host_target(toolchain)?;
        let rustflags = rustflags(toolchain);
        let name = format!("deps-{:016x}", key(toolchain, &rustflags));
        // Writes the template's files where missing; under another process's
        // build they are already there and left alone.
        let workspace = cache.workspace(&name)?;
        let release_dir = workspace.join("target").join(host).join("release");
        let deps = DepsDylib {
            dependency_dir: release_dir.join("deps"),
            dylib: release_dir.join(format!("{DLL_PREFIX}keyton_deps{DLL_SUFFIX}")),
            release_dir,
            workspace,
            name,
            host: host.to_string(),
            rustflags,
            cache_root: cache.root().to_path_buf(),
        };
        if !deps.workspace.join(BUILT_STAMP).is_file() {
            deps.build_locked()?;
        }
        Ok(deps)
    }

    /// The dylib to pass as `--extern keyton_deps=`.
    pub fn dylib(&self) -> &Path {
        &self.dylib
    }

    /// The directory to pass as `-L dependency=`: where rustc finds the
    /// crates inside the dylib (`keyton_deps::keyton_rt` and the like).
    pub fn dependency_dir(&self) -> &Path {
        &self.dependency_dir
    }

    /// Where cargo puts what runs on the host while building (proc macros:
    /// `--target` sends them to `target/release/deps`): rustc reads an
    /// imported crate's proc-macro dependencies from here.
    pub fn host_dependency_dir(&self) -> PathBuf {
        self.workspace.join("target").join("release").join("deps")
    }

    /// The directory holding [`dylib`](Self::dylib), for a cell's rpath.
    pub fn rpath_dir(&self) -> &Path {
        &self.release_dir
    }

    /// The session workspace the dylib is built in (its Cargo.toml is where
    /// `rimport` will add crates).
    pub fn workspace(&self) -> &Path {
        &self.workspace
    }

    /// The workspace's name under the cache's `workspaces/` (the key of
    /// layer 1).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The host target the dylib is built for.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The cache the workspace is in.
    pub fn cache_root(&self) -> &Path {
        &self.cache_root
    }

    /// The workspace's build lock, taken (blocking; `waiting` is told first
    /// when another process holds it). A killed build never blocks the
    /// next one, which finds no stamp and lets cargo pick up where it
    /// stopped. Every cargo run in the workspace holds it.
    pub(crate) fn lock(&self, waiting: &mut dyn FnMut()) -> Result<fs::File, Error> {
        let lock_path = self.workspace.join(LOCK);
        keyton_compiler::lock_file(&lock_path, waiting).map_err(Error::io(&lock_path))
    }

    /// `cargo SUBCOMMAND` in the workspace, with the environment every
    /// build of it uses: the target directory shared by all layers, the
    /// rustflags, sccache when there is one, and none of the calling
    /// process's cargo settings.
    pub(crate) fn cargo(&self, subcommand: &str) -> Command {
        let mut cargo = Command::new("cargo");
        for name in CARGO_ENV_REMOVED {
            cargo.env_remove(name);
        }
        cargo
            .current_dir(&self.workspace)
            .arg(subcommand)
            .arg("--manifest-path")
            .arg(self.workspace.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", self.workspace.join("target"))
            .env("CARGO_ENCODED_RUSTFLAGS", &self.rustflags)
            .env("CARGO_TERM_COLOR", "never")
            .env("CARGO_TERM_PROGRESS_WHEN", "never")
            .stdin(Stdio::null());
        if let Some(sccache) = crate::sccache::find(&self.cache_root) {
            cargo
                .env("RUSTC_WRAPPER", sccache)
                .env("SCCACHE_DIR", crate::sccache::dir(&self.cache_root));
        }
        if crate::layers::offline() {
            cargo.arg("--offline");
        }
        cargo
    }

    fn build_locked(&self) -> Result<(), Error> {
        let _lock = self.lock(&mut || {})?;
        let stamp = self.workspace.join(BUILT_STAMP);
        if stamp.is_file() {
            return Ok(()); // another process built it while we waited
        }
        self.write_sources()?;
        let output = self
            .cargo("build")
            .args(["--release", "--lib", "--quiet", "--target", &self.host])
            .stdout(Stdio::null())
            .output()
            .map_err(Error::NoCargo)?;
        if !output.status.success() {
            return Err(Error::DepsBuild {
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        fs::write(&stamp, "").map_err(Error::io(&stamp))
    }

    /// The manifest, `src/lib.rs` and the runtime crates, from the embedded
    /// copies: rewritten on every build, so a workspace left half-written by
    /// a killed process is made whole.
    fn write_sources(&self) -> Result<(), Error> {
        // keyton_async is no dependency of layer 1: the layer that brings
        // tokio adds it.
        let async_crate = (ASYNC_CRATE, ASYNC_SOURCES);
        for &(name, sources) in RUNTIME_CRATES.iter().chain([&async_crate]) {
            let dir = self.workspace.join("runtime").join(name);
            write(&dir.join("Cargo.toml"), &runtime_manifest(name))?;
            for (relative, contents) in sources {
                write(&dir.join("src").join(relative), contents)?;
            }
        }
        write(&self.workspace.join("Cargo.toml"), &manifest()?)?;
        let mut lib_rs = template_file("src/lib.rs")?.to_string();
        for (name, _) in RUNTIME_CRATES {
            lib_rs.push_str(&format!("pub extern crate {name};\n"));
        }
        write(&self.workspace.join("src/lib.rs"), &lib_rs)
    }
}

/// The template's Cargo.toml with the runtime crates as path dependencies
/// and the release profile the language needs.
fn manifest() -> Result<String, Error> {
    let mut doc: DocumentMut = template_file("Cargo.toml")?
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Template(e.to_string()))?;
    let dependencies = table_in(doc.as_table_mut(), "dependencies")?;
    for (name, _) in RUNTIME_CRATES {
        let mut dependency = InlineTable::new();
        dependency.insert("path", format!("runtime/{name}").into());
        dependencies.insert(name, toml_edit::value(dependency));
    }
    let profile = table_in(doc.as_table_mut(), "profile")?;
    profile.set_implicit(true); // written as [profile.release] only
    let release = table_in(profile, "release")?;
    // Overflow is a run-time error in Keyton, and cells catch panics (so
    // they must unwind); debug info would only make the build slower.
    release.insert("overflow-checks", toml_edit::value(true));
    release.insert("panic", toml_edit::value("unwind"));
    release.insert("debug", toml_edit::value(false));
    Ok(doc.to_string())
}

/// The table `key` of `parent`, made if missing.
pub(crate) fn table_in<'a>(parent: &'a mut Table, key: &str) -> Result<&'a mut Table, Error> {
    parent
        .entry(key)
        .or_insert_with(toml_edit::table)
        .as_table_mut()
        .ok_or_else(|| Error::Template(format!("`{key}` is not a table")))
}

fn template_file(relative: &str) -> Result<&'static str, Error> {
    WORKSPACE_TEMPLATE
        .iter()
        .find(|(path, _)| *path == relative)
        .map(|(_, contents)| *contents)
        .ok_or_else(|| Error::Template(format!("it has no {relative}")))
}

/// Write `contents` to `path`, making its directory.
pub(crate) fn write(path: &Path, contents: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(Error::io(parent))?;
    }
    fs::write(path, contents).map_err(Error::io(path))
}

/// The rustflags of the deps build, as `CARGO_ENCODED_RUSTFLAGS` (flags
/// separated by 0x1f, so a path may hold spaces): std linked dynamically,
/// so all cells share one libstd and one copy of every crate, and an rpath
/// to the toolchain's libstd, so the dylib loads without LD_LIBRARY_PATH.
/// `-Xlinker` passes the directory as one argument, commas and all.
fn rustflags(toolchain: &Toolchain) -> String {
    let libdir = toolchain.target_libdir().to_string_lossy();
    [
        "-Cprefer-dynamic",
        "-Clink-arg=-Xlinker",
        "-Clink-arg=-rpath",
        "-Clink-arg=-Xlinker",
        &format!("-Clink-arg={libdir}"),
    ]
    .join("\x1f")
}

/// The host's target triple from `rustc -vV`. The build names it with
/// `--target` so that the rustflags apply to the dylib's crates only, not to
/// build scripts and proc macros, which then keep linking std statically.
fn host_target(toolchain: &Toolchain) -> Result<&str, Error> {
    toolchain
        .version()
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::trim)
        .ok_or_else(|| Error::NoHostTarget(toolchain.version().to_string()))
}

/// What the build depends on: the embedded sources and template, the
/// manifest edits, the compiler and the flags. (`DefaultHasher` may hash
/// differently in a later Rust; that only costs one rebuild.)
fn key(toolchain: &Toolchain, rustflags: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    RT_SOURCES.hash(&mut hasher);
    API_SOURCES.hash(&mut hasher);
    ASYNC_SOURCES.hash(&mut hasher);
    runtime_manifest(ASYNC_CRATE).hash(&mut hasher);
    WORKSPACE_TEMPLATE.hash(&mut hasher);
    RUNTIME_MANIFEST.hash(&mut hasher);
    manifest().ok().hash(&mut hasher);
    toolchain.version().hash(&mut hasher);
    rustflags.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_names_the_runtime_crates_and_the_release_profile() {
        let manifest = manifest().unwrap();
        assert!(manifest.contains(r#"keyton_rt = { path = "runtime/keyton_rt" }"#));
        assert!(manifest.contains(r#"kayton_api = { path = "runtime/kayton_api" }"#));
        assert!(manifest.contains(
            "[profile.release]\noverflow-checks = true\npanic = \"unwind\"\ndebug = false\n"
        ));
        assert!(!manifest.contains("[profile]\n"));
        // The template's own workspace table stays: the cache may sit in
        // another Cargo workspace.
        assert!(manifest.contains("[workspace]"));
    }

    #[test]
    fn the_async_crate_manifest_adds_tokio_to_the_runtime_one() {
        // Unchanged text keeps the key, and so every cached workspace.
        assert_eq!(
            runtime_manifest(ASYNC_CRATE),
            "[package]\nname = \"keyton_async\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n\
             keyton_rt = { path = \"../keyton_rt\" }\n\
             tokio = { version = \"1\", features = [\"rt-multi-thread\", \"net\", \"time\"] }\n"
        );
        assert!(!runtime_manifest("keyton_rt").contains("[dependencies]"));
    }

    #[test]
    fn the_host_target_is_read_from_rustc() {
        let toolchain = Toolchain::detect().unwrap();
        assert!(!host_target(&toolchain).unwrap().is_empty());
    }
}
