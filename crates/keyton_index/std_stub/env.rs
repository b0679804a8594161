//! The process's environment: arguments, variables, directories.

use crate::error::Error;
use crate::ffi::{OsStr, OsString};
use crate::fmt::{Debug, Display};
use crate::io;
use crate::path::{Path, PathBuf};

pub fn args() -> impl Iterator<Item = String> + DoubleEndedIterator + ExactSizeIterator {}
pub fn var<K: AsRef<OsStr>>(key: K) -> Result<String, VarError> {}
pub fn var_os<K: AsRef<OsStr>>(key: K) -> Option<OsString> {}
pub fn vars() -> impl Iterator<Item = (String, String)> {}
pub fn temp_dir() -> PathBuf {}
pub fn current_dir() -> io::Result<PathBuf> {}
pub fn set_current_dir<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn current_exe() -> io::Result<PathBuf> {}
pub fn home_dir() -> Option<PathBuf> {}

/// Why `var` gave no value.
pub enum VarError {
    NotPresent,
    NotUnicode(OsString),
}
impl Debug for VarError {}
impl Display for VarError {}
impl Error for VarError {}
impl Clone for VarError {}
impl PartialEq for VarError {}
impl Eq for VarError {}

pub mod consts {
    pub const ARCH: &str = "x86_64";
    pub const FAMILY: &str = "unix";
    pub const OS: &str = "linux";
}
