//! sccache, the compiler cache the deps builds use as `RUSTC_WRAPPER` when
//! it is installed: a crate compiled once (for one set of features and
//! flags) is then reused by any later build, whatever its workspace or
//! target directory, so a cleaned cache or a new toolchain-keyed workspace
//! does not compile every crate again. `scripts/sccache` installs it.
//!
//! Where it is looked for, first found wins:
//! - `KEYTON_SCCACHE`: its path; empty, `0` or `off` turn sccache off;
//! - `<cache>/tools/bin/sccache` (where `scripts/sccache` installs it),
//!   for the session's cache and for the default cache of this build;
//! - `sccache` on `PATH`.
//!
//! Its entries go to `sccache/` of the default cache (`KEYTON_CACHE_DIR`,
//! else the repository's `cache/`; `SCCACHE_DIR`), whatever cache a session
//! uses, so that sessions in caches of their own (tests) share it too. A
//! sccache server that is running already keeps the directory it started
//! with (one server per user, on sccache's port). Only rlib crates are
//! cached (sccache does not cache crates it would have to link: the layer
//! dylibs, proc macros, build scripts).

use std::env;
use std::path::{Path, PathBuf};

const TOOL: &str = "sccache";

/// The sccache to use as `RUSTC_WRAPPER` for builds in `cache_root`.
pub(crate) fn find(cache_root: &Path) -> Option<PathBuf> {
    if let Some(chosen) = env::var_os("KEYTON_SCCACHE") {
        let off = chosen.is_empty() || chosen == "0" || chosen == "off";
        return (!off).then(|| PathBuf::from(chosen));
    }
    let mut candidates = vec![installed(cache_root)];
    if let Ok(default) = keyton_compiler::Cache::from_env() {
        candidates.push(installed(default.root()));
    }
    if let Some(path) = env::var_os("PATH") {
        candidates.extend(env::split_paths(&path).map(|dir| dir.join(TOOL)));
    }
    candidates.into_iter().find(|path| path.is_file())
}

/// `SCCACHE_DIR` for builds in `cache_root`.
pub(crate) fn dir(cache_root: &Path) -> PathBuf {
    match keyton_compiler::Cache::from_env() {
        Ok(default) => default.root().join(TOOL),
        Err(_) => cache_root.join(TOOL),
    }
}

/// Where `scripts/sccache` installs it for the cache `cache_root`.
fn installed(cache_root: &Path) -> PathBuf {
    cache_root.join("tools").join("bin").join(TOOL)
}
