//! `keyton kernel install`: the kernelspec directory `keyton`, written
//! where Jupyter looks for kernels, pointing at the running binary.

use crate::error::KernelError;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where to install, as `jupyter kernelspec install` names the places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The user's Jupyter data directory.
    User,
    /// The Python environment on PATH (`sys.prefix`).
    SysPrefix,
    /// `PREFIX/share/jupyter/kernels`.
    Prefix(PathBuf),
}

/// Write the kernelspec for `location`; the directory it is in.
pub fn install(location: &Location) -> Result<PathBuf, KernelError> {
    let dir = kernels_dir(location)?.join("keyton");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KernelError::Install { path, source }
    };
    let exe = std::env::current_exe().map_err(io(Path::new("keyton")))?;
    let exe = exe.canonicalize().unwrap_or(exe);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let spec = json!({
        "argv": [exe, "kernel", "run", "-f", "{connection_file}"],
        "display_name": "Keyton",
        "language": "keyton",
        "interrupt_mode": "signal",
        "metadata": {},
    });
    let file = dir.join("kernel.json");
    let text = serde_json::to_string_pretty(&spec).expect("a JSON value serializes");
    std::fs::write(&file, text + "\n").map_err(io(&file))?;
    Ok(dir)
}

fn kernels_dir(location: &Location) -> Result<PathBuf, KernelError> {
    let prefix_kernels = |prefix: &Path| prefix.join("share").join("jupyter").join("kernels");
    Ok(match location {
        Location::User => user_data_dir()?.join("kernels"),
        Location::SysPrefix => prefix_kernels(&sys_prefix()?),
        Location::Prefix(prefix) => prefix_kernels(prefix),
    })
}

/// `jupyter --data-dir`: JUPYTER_DATA_DIR, else the platform's place.
fn user_data_dir() -> Result<PathBuf, KernelError> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var("JUPYTER_DATA_DIR") {
        return Ok(dir);
    }
    let home = var("HOME").ok_or(KernelError::NoHome)?;
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library").join("Jupyter"));
    }
    let data = var("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local").join("share"));
    Ok(data.join("jupyter"))
}

/// The active virtualenv, else `sys.prefix` of the python3 on PATH.
fn sys_prefix() -> Result<PathBuf, KernelError> {
    if let Some(env) = std::env::var_os("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        return Ok(env.into());
    }
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .map_err(|_| KernelError::NoSysPrefix)?;
    let prefix = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || prefix.is_empty() {
        return Err(KernelError::NoSysPrefix);
    }
    Ok(prefix.into())
}
