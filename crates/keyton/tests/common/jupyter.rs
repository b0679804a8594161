//! What the Jupyter tests need: the Python venv of the repository (made by
//! `scripts/python-env` under a file lock, so parallel tests make it once),
//! the `keyton` kernelspec installed into a temporary prefix of the test's
//! own, and Python scripts run against it with every Jupyter directory
//! pointed into that prefix, so nothing touches the user's Jupyter setup.
//!
//! Only the Jupyter tests include it (`#[path]` beside `mod common;`), so
//! the other test binaries do not compile it as dead code.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The root of the repository this test was built from.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

/// The directory of the Python side of the tests: `tests/jupyter`.
pub fn python_dir() -> PathBuf {
    repo_root().join("tests/jupyter")
}

/// The venv's interpreter, after making the venv if it is missing or
/// incomplete. An exclusive lock on `cache/python-venv.lock` keeps tests
/// started together from building it at once; the script is quick when the
/// venv is already complete.
pub fn python() -> Result<PathBuf, String> {
    let root = repo_root();
    let venv = root.join("cache/python-venv");
    let lock_path = root.join("cache/python-venv.lock");
    fs::create_dir_all(root.join("cache")).map_err(|e| format!("cannot create cache/: {e}"))?;
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot open {}: {e}", lock_path.display()))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    let output = Command::new(root.join("scripts/python-env"))
        .arg(&venv)
        .env("KEYTON_PYTHON_ENV_LOCKED", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run scripts/python-env: {e}"))?;
    drop(lock);
    if !output.status.success() {
        return Err(format!(
            "scripts/python-env {} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
            venv.display(),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        ));
    }
    Ok(venv.join("bin/python"))
}

/// One test's Jupyter world: a temporary prefix holding the `keyton`
/// kernelspec, and the Jupyter config, data and runtime directories.
pub struct Jupyter {
    dir: TempDir,
    python: PathBuf,
    envs: Vec<(OsString, OsString)>,
}

impl Jupyter {
    /// Makes the venv if needed and installs the kernelspec with
    /// `keyton kernel install --prefix <tempdir>`.
    pub fn new() -> Result<Self, String> {
        let python = python()?;
        let dir = tempfile::tempdir().map_err(|e| format!("cannot make a temp dir: {e}"))?;
        let output = crate::common::keyton(dir.path())
            .args(["kernel", "install", "--prefix"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run keyton: {e}"))?;
        let kernel_json = dir.path().join("share/jupyter/kernels/keyton/kernel.json");
        if !output.status.success() || !kernel_json.is_file() {
            return Err(format!(
                "`keyton kernel install --prefix {}` ({}) did not write {}\n--- stdout\n{}\n--- stderr\n{}",
                dir.path().display(),
                output.status,
                kernel_json.display(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr),
            ));
        }
        Ok(Jupyter {
            dir,
            python,
            envs: Vec::new(),
        })
    }

    /// Sets an environment variable for the scripts [`Self::run_python`]
    /// runs (and so for their kernels, which inherit it).
    pub fn env(&mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Self {
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Runs the venv's Python with `args` in `tests/jupyter`, and fails with
    /// everything it printed (its own output and the kernel's, which
    /// inherits its stdout and stderr) unless it exits with 0.
    pub fn run_python<I, S>(&self, args: I) -> Result<(), String>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let prefix = self.dir.path();
        // A file rather than pipes: a kernel that outlived the script
        // would hold pipes open, and reading them to the end would hang.
        let log_path = prefix.join("python.log");
        let log = File::create(&log_path).map_err(|e| format!("cannot create the log: {e}"))?;
        let log_err = log
            .try_clone()
            .map_err(|e| format!("cannot clone the log: {e}"))?;
        let mut command = Command::new(&self.python);
        command
            .args(args)
            .current_dir(python_dir())
            .env("JUPYTER_PATH", prefix.join("share/jupyter"))
            .env("JUPYTER_PLATFORM_DIRS", "1")
            .env("JUPYTER_CONFIG_DIR", prefix.join("config"))
            .env("JUPYTER_DATA_DIR", prefix.join("data"))
            .env("JUPYTER_RUNTIME_DIR", prefix.join("runtime"))
            .env("KEYTON_CACHE_DIR", crate::common::cache_dir())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONUNBUFFERED", "1")
            .envs(self.envs.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        let status = command
            .status()
            .map_err(|e| format!("cannot run {}: {e}", self.python.display()))?;
        if status.success() {
            return Ok(());
        }
        let output = fs::read(&log_path).unwrap_or_default();
        Err(format!(
            "{command:?} failed ({status})\n--- output (the script's and the kernel's)\n{}",
            String::from_utf8_lossy(&output)
        ))
    }
}
