//! File system paths: `Path` (borrowed, like `str`) and `PathBuf` (owned).

use crate::borrow::{Borrow, ToOwned};
use crate::error::Error;
use crate::ffi::{OsStr, OsString};
use crate::fmt::{Debug, Display};
use crate::fs::{Metadata, ReadDir};
use crate::hash::Hash;
use crate::io;
use crate::ops::Deref;

pub const MAIN_SEPARATOR: char = '/';

pub struct Path;
pub struct PathBuf;

impl Path {
    pub fn new<S: AsRef<OsStr> + ?Sized>(s: &S) -> &Path {}
    pub fn as_os_str(&self) -> &OsStr {}
    pub fn to_str(&self) -> Option<&str> {}
    pub fn to_string_lossy(&self) -> String {}
    pub fn to_path_buf(&self) -> PathBuf {}
    pub fn is_absolute(&self) -> bool {}
    pub fn is_relative(&self) -> bool {}
    pub fn parent(&self) -> Option<&Path> {}
    pub fn ancestors(&self) -> impl Iterator<Item = &Path> {}
    pub fn file_name(&self) -> Option<&OsStr> {}
    pub fn strip_prefix<P: AsRef<Path>>(&self, base: P) -> Result<&Path, StripPrefixError> {}
    pub fn starts_with<P: AsRef<Path>>(&self, base: P) -> bool {}
    pub fn ends_with<P: AsRef<Path>>(&self, child: P) -> bool {}
    pub fn file_stem(&self) -> Option<&OsStr> {}
    pub fn extension(&self) -> Option<&OsStr> {}
    pub fn join<P: AsRef<Path>>(&self, path: P) -> PathBuf {}
    pub fn with_file_name<S: AsRef<OsStr>>(&self, file_name: S) -> PathBuf {}
    pub fn with_extension<S: AsRef<OsStr>>(&self, extension: S) -> PathBuf {}
    pub fn components(&self) -> impl Iterator<Item = &OsStr> + DoubleEndedIterator {}
    pub fn display(&self) -> impl Display {}
    pub fn metadata(&self) -> io::Result<Metadata> {}
    pub fn canonicalize(&self) -> io::Result<PathBuf> {}
    pub fn read_dir(&self) -> io::Result<ReadDir> {}
    pub fn exists(&self) -> bool {}
    pub fn is_file(&self) -> bool {}
    pub fn is_dir(&self) -> bool {}
    pub fn is_symlink(&self) -> bool {}
}

impl PathBuf {
    pub fn new() -> PathBuf {}
    pub fn as_path(&self) -> &Path {}
    pub fn push<P: AsRef<Path>>(&mut self, path: P) {}
    pub fn pop(&mut self) -> bool {}
    pub fn set_file_name<S: AsRef<OsStr>>(&mut self, file_name: S) {}
    pub fn set_extension<S: AsRef<OsStr>>(&mut self, extension: S) -> bool {}
    pub fn into_os_string(self) -> OsString {}
}

/// A path that does not start with the given prefix.
pub struct StripPrefixError;
impl Clone for StripPrefixError {}
impl Copy for StripPrefixError {}
impl Debug for StripPrefixError {}
impl Display for StripPrefixError {}
impl Error for StripPrefixError {}

impl Deref for PathBuf {
    type Target = Path;
}
impl AsRef<Path> for Path {}
impl AsRef<Path> for PathBuf {}
impl AsRef<Path> for str {}
impl AsRef<Path> for String {}
impl AsRef<Path> for OsStr {}
impl AsRef<Path> for OsString {}
impl AsRef<OsStr> for Path {}
impl AsRef<OsStr> for PathBuf {}
impl From<String> for PathBuf {}
impl From<&str> for PathBuf {}
impl From<&Path> for PathBuf {}
impl From<OsString> for PathBuf {}
impl Borrow<Path> for PathBuf {}
impl ToOwned for Path {
    type Owned = PathBuf;
}
impl<P: AsRef<Path>> FromIterator<P> for PathBuf {}
impl Debug for Path {}
impl PartialEq for Path {}
impl Eq for Path {}
impl Hash for Path {}
impl Clone for PathBuf {}
impl Debug for PathBuf {}
impl Default for PathBuf {}
impl PartialEq for PathBuf {}
impl Eq for PathBuf {}
impl PartialOrd for PathBuf {}
impl Ord for PathBuf {}
impl Hash for PathBuf {}
