//! The cache directory: the built runtime (`rt/`) and the workspaces made
//! from `workspace-template/` (`workspaces/`): `scripts`, where each script
//! build gets a temporary directory of its own (`builds/`), and sessions. Many
//! processes share it at once (parallel tests, several terminals), so
//! everything written here is either private to one process (a unique build
//! directory) or published atomically under a lock (the runtime).

use crate::Error;
use crate::embedded::WORKSPACE_TEMPLATE;
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// Build directories older than this belong to a process that died (killed
/// while its program ran); the next build removes them.
const STALE_BUILD: Duration = Duration::from_secs(24 * 60 * 60);

/// The workspace `keyton run` and `keyton build` compile scripts in.
const SCRIPTS_WORKSPACE: &str = "scripts";

/// Where Keyton keeps what it builds.
#[derive(Clone, Debug)]
pub struct Cache {
    root: PathBuf,
}

impl Cache {
    /// `KEYTON_CACHE_DIR` if set; else the `cache/` directory of the Keyton
    /// repository this binary was built from, if it still exists; else
    /// `$HOME/.cache/keyton`.
    pub fn from_env() -> Result<Cache, Error> {
        let repo_cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../cache");
        resolve(
            std::env::var_os("KEYTON_CACHE_DIR"),
            &repo_cache,
            std::env::var_os("HOME"),
        )
        .map(Cache::at)
        .ok_or(Error::NoCacheDir)
    }

    pub fn at(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The workspace `workspaces/<name>`, made from `workspace-template/`
    /// (built into this binary). Files that exist already are kept, so an
    /// existing session workspace comes back as it was left.
    pub fn workspace(&self, name: &str) -> Result<PathBuf, Error> {
        let dir = self.root.join("workspaces").join(name);
        for (relative, contents) in WORKSPACE_TEMPLATE {
            let path = dir.join(relative);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(Error::io(parent))?;
            }
            create_whole(&path, contents.as_bytes()).map_err(Error::io(&path))?;
        }
        Ok(dir)
    }

    /// A new directory of this process's own under `builds/` of the
    /// scripts' workspace, removed when dropped. Scripts build there with
    /// direct rustc calls; the workspace's Cargo.toml is where `rimport`
    /// will add their crates.
    pub(crate) fn build_dir(&self) -> Result<TempDir, Error> {
        let builds = self.workspace(SCRIPTS_WORKSPACE)?.join("builds");
        fs::create_dir_all(&builds).map_err(Error::io(&builds))?;
        remove_stale(&builds);
        tempfile::Builder::new()
            .prefix("build-")
            .tempdir_in(&builds)
            .map_err(Error::io(&builds))
    }
}

/// Take the lock file at `path` (made if missing), blocking until it is
/// free; `waiting` is told first when another process holds it. The lock is
/// released when the file is dropped, or when the process dies, so a killed
/// build never blocks the next one. Builds shared through the cache (the
/// runtime, session workspaces) take one before they look and build.
pub fn lock_file(path: &Path, waiting: &mut dyn FnMut()) -> std::io::Result<fs::File> {
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    match lock.try_lock() {
        Ok(()) => return Ok(lock),
        Err(fs::TryLockError::WouldBlock) => waiting(),
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    lock.lock()?;
    Ok(lock)
}

/// Create `path` with `contents` unless it exists, so that no other process
/// ever sees it half-written: the contents go to a file of this process's
/// own, which is then hard-linked into place (a link fails, atomically, when
/// the name is taken).
fn create_whole(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut staged = tempfile::NamedTempFile::new_in(dir)?;
    staged.write_all(contents)?;
    match fs::hard_link(staged.path(), path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

/// The cache directory from the environment's values.
fn resolve(
    env_dir: Option<OsString>,
    repo_cache: &Path,
    home: Option<OsString>,
) -> Option<PathBuf> {
    if let Some(dir) = env_dir.filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if repo_cache.is_dir() {
        return Some(repo_cache.to_path_buf());
    }
    let home = home.filter(|h| !h.is_empty())?;
    Some(Path::new(&home).join(".cache").join("keyton"))
}

/// Remove build directories left behind by processes that were killed.
/// Best effort: another process may be removing the same ones.
fn remove_stale(builds: &Path) {
    let Ok(entries) = fs::read_dir(builds) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let modified = entry.metadata().and_then(|m| m.modified());
        let stale = modified.is_ok_and(|m| now.duration_since(m).unwrap_or_default() > STALE_BUILD);
        if stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_variable_wins_then_the_repository_then_home() {
        let repo = tempfile::tempdir().unwrap();
        let missing = repo.path().join("missing");
        assert_eq!(
            resolve(Some("/x".into()), repo.path(), Some("/home/u".into())),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(
            resolve(Some("".into()), repo.path(), None),
            Some(repo.path().to_path_buf())
        );
        assert_eq!(
            resolve(None, &missing, Some("/home/u".into())),
            Some(PathBuf::from("/home/u/.cache/keyton"))
        );
        assert_eq!(resolve(None, &missing, None), None);
    }

    #[test]
    fn workspaces_are_real_cargo_packages_and_keep_their_edits() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::at(root.path());
        let dir = cache.workspace("s1").unwrap();
        let metadata = std::process::Command::new("cargo")
            .args(["metadata", "--no-deps", "--offline", "--format-version=1"])
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&metadata.stdout);
        assert!(
            metadata.status.success() && stdout.contains(r#""name":"keyton_deps""#),
            "{}",
            String::from_utf8_lossy(&metadata.stderr)
        );
        fs::write(dir.join("Cargo.toml"), "edited").unwrap();
        cache.workspace("s1").unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("Cargo.toml")).unwrap(),
            "edited"
        );
    }

    #[test]
    fn build_dirs_are_unique_and_removed_when_dropped() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::at(root.path());
        let a = cache.build_dir().unwrap();
        let b = cache.build_dir().unwrap();
        assert_ne!(a.path(), b.path());
        let kept = a.path().to_path_buf();
        drop(a);
        assert!(!kept.exists() && b.path().exists());
    }
}
