//! The runtime every generated program links: `keyton_rt`, built from the
//! sources embedded in this crate into the cache, once per runtime version,
//! toolchain and profile, by a bare `rustc` call.
//!
//! Many processes may want it at the same moment (nextest runs every test in
//! a process of its own), so the build takes a lock file next to the
//! artifact, looks again, builds into a staging directory and publishes the
//! rlib with an atomic rename: an rlib at the final path is always complete.

use crate::embedded::RT_SOURCES;
use crate::{Cache, Error, Profile, Toolchain};
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const RLIB: &str = "libkeyton_rt.rlib";

/// A built runtime rlib.
#[derive(Clone, Debug)]
pub struct Runtime {
    dir: PathBuf,
    rlib: PathBuf,
}

impl Runtime {
    /// The runtime for this toolchain and profile, built now if the cache
    /// does not hold it yet (under `rt/<profile>-<key>/`).
    pub fn ensure(
        cache: &Cache,
        toolchain: &Toolchain,
        profile: Profile,
    ) -> Result<Runtime, Error> {
        let name = format!("{}-{:016x}", profile.name(), key(toolchain, profile));
        let dir = cache.root().join("rt").join(name);
        let runtime = Runtime {
            rlib: dir.join(RLIB),
            dir,
        };
        if !runtime.rlib.is_file() {
            runtime.build_locked(toolchain, profile)?;
        }
        Ok(runtime)
    }

    /// The directory to pass as `-L dependency=`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The rlib to pass as `--extern keyton_rt=`.
    pub fn rlib(&self) -> &Path {
        &self.rlib
    }

    fn build_locked(&self, toolchain: &Toolchain, profile: Profile) -> Result<(), Error> {
        fs::create_dir_all(&self.dir).map_err(Error::io(&self.dir))?;
        let lock_path = self.dir.join("build.lock");
        let _lock = crate::lock_file(&lock_path, &mut || {}).map_err(Error::io(&lock_path))?;
        if self.rlib.is_file() {
            return Ok(()); // another process built it while we waited
        }
        let src = self.dir.join("src");
        for (relative, contents) in RT_SOURCES {
            let path = src.join(relative);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(Error::io(parent))?;
            }
            fs::write(&path, contents).map_err(Error::io(&path))?;
        }
        let staging = self.dir.join("staging");
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(Error::io(&staging))?;
        }
        let output = toolchain
            .rustc()
            .args(profile.codegen_flags())
            .args(["--crate-type", "rlib", "--crate-name", "keyton_rt"])
            .arg("--out-dir")
            .arg(&staging)
            .arg(src.join("lib.rs"))
            .output()
            .map_err(Error::NoRustc)?;
        if !output.status.success() {
            return Err(Error::Runtime(
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ));
        }
        let built = staging.join(RLIB);
        fs::rename(&built, &self.rlib).map_err(Error::io(&built))?;
        fs::remove_dir_all(&staging).map_err(Error::io(&staging))
    }
}

/// What the built rlib depends on: the runtime's sources, the compiler and
/// the flags. (`DefaultHasher` may hash differently in a later Rust; that
/// only costs one rebuild of the runtime.)
fn key(toolchain: &Toolchain, profile: Profile) -> u64 {
    let mut hasher = DefaultHasher::new();
    RT_SOURCES.hash(&mut hasher);
    toolchain.version().hash(&mut hasher);
    crate::toolchain::COMMON_FLAGS.hash(&mut hasher);
    profile.codegen_flags().hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_runtime_has_its_crate_root() {
        assert!(RT_SOURCES.iter().any(|(path, _)| *path == "lib.rs"));
    }

    #[test]
    fn profiles_have_their_own_artifacts() {
        let toolchain = Toolchain::detect().unwrap();
        assert_ne!(
            key(&toolchain, Profile::Dev),
            key(&toolchain, Profile::Release)
        );
    }

    /// Several threads at once, as several processes would: one builds, the
    /// others wait on the lock and then find the rlib.
    #[test]
    fn concurrent_ensures_build_once_and_agree() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::at(root.path());
        let toolchain = Toolchain::detect().unwrap();
        let rlibs: Vec<PathBuf> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| Runtime::ensure(&cache, &toolchain, Profile::Dev)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap().unwrap().rlib().to_path_buf())
                .collect()
        });
        assert!(rlibs.windows(2).all(|w| w[0] == w[1]));
        assert!(rlibs[0].is_file());
        assert!(!rlibs[0].with_file_name("staging").exists());
    }
}
