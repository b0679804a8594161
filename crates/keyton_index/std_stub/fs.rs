//! The file system.

use crate::ffi::OsString;
use crate::fmt::Debug;
use crate::io::{self, Read, Write};
use crate::path::{Path, PathBuf};
use crate::time::SystemTime;

pub fn read_to_string<P: AsRef<Path>>(path: P) -> io::Result<String> {}
pub fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>> {}
pub fn write<P: AsRef<Path>, C: AsRef<[u8]>>(path: P, contents: C) -> io::Result<()> {}
pub fn exists<P: AsRef<Path>>(path: P) -> io::Result<bool> {}
pub fn remove_file<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn create_dir<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn create_dir_all<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn remove_dir<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn remove_dir_all<P: AsRef<Path>>(path: P) -> io::Result<()> {}
pub fn copy<P: AsRef<Path>, Q: AsRef<Path>>(from: P, to: Q) -> io::Result<u64> {}
pub fn rename<P: AsRef<Path>, Q: AsRef<Path>>(from: P, to: Q) -> io::Result<()> {}
pub fn metadata<P: AsRef<Path>>(path: P) -> io::Result<Metadata> {}
pub fn canonicalize<P: AsRef<Path>>(path: P) -> io::Result<PathBuf> {}
pub fn read_dir<P: AsRef<Path>>(path: P) -> io::Result<ReadDir> {}

/// The entries of a directory.
pub struct ReadDir;
impl Iterator for ReadDir {
    type Item = io::Result<DirEntry>;
}
impl Debug for ReadDir {}

pub struct DirEntry;
impl DirEntry {
    pub fn path(&self) -> PathBuf {}
    pub fn file_name(&self) -> OsString {}
    pub fn metadata(&self) -> io::Result<Metadata> {}
    pub fn file_type(&self) -> io::Result<FileType> {}
}
impl Debug for DirEntry {}

pub struct Metadata;
impl Metadata {
    pub fn len(&self) -> u64 {}
    pub fn is_dir(&self) -> bool {}
    pub fn is_file(&self) -> bool {}
    pub fn is_symlink(&self) -> bool {}
    pub fn file_type(&self) -> FileType {}
    pub fn modified(&self) -> io::Result<SystemTime> {}
}
impl Debug for Metadata {}
impl Clone for Metadata {}

pub struct FileType;
impl FileType {
    pub fn is_dir(&self) -> bool {}
    pub fn is_file(&self) -> bool {}
    pub fn is_symlink(&self) -> bool {}
}
impl Debug for FileType {}
impl Clone for FileType {}
impl Copy for FileType {}
impl PartialEq for FileType {}

pub struct File;
impl File {
    pub fn open<P: AsRef<Path>>(path: P) -> io::Result<File> {}
    pub fn create<P: AsRef<Path>>(path: P) -> io::Result<File> {}
    pub fn metadata(&self) -> io::Result<Metadata> {}
    pub fn sync_all(&self) -> io::Result<()> {}
}
impl Read for File {}
impl Write for File {}
impl Debug for File {}
