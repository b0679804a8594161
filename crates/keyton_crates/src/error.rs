//! What can go wrong between a workspace and an index.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("`cargo metadata` failed in {dir}: {message}")]
    Metadata { dir: PathBuf, message: String },
    #[error("the workspace in {0} has no root package")]
    NoRoot(PathBuf),
    #[error("`{0}` is not a dependency of the workspace")]
    NotADependency(String),
    #[error("package `{0}` has no library target")]
    NoLibrary(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("reading crate `{krate}`: {source}")]
    Index {
        krate: String,
        source: keyton_index::IndexError,
    },
    #[error("{path}: not a Cargo manifest: {message}")]
    Manifest { path: PathBuf, message: String },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}
