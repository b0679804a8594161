//! Where the text of file modules (`mod x;`) comes from. The reader asks by a
//! path relative to the crate root's directory (`x.rs`, `x/mod.rs`,
//! `a/b.rs`, or a `#[path]`), so the same reader works on a crate's files on
//! disk and on std's stub embedded in this binary.

use std::path::{Path, PathBuf};

/// Gives the text of a source file by its path relative to the crate root's
/// directory, or `None` when there is no such file.
pub trait SourceLoader {
    fn load(&self, path: &Path) -> Option<String>;
}

impl<F: Fn(&Path) -> Option<String>> SourceLoader for F {
    fn load(&self, path: &Path) -> Option<String> {
        self(path)
    }
}

/// A loader with no files: every `mod x;` is missing (a single-file source).
pub struct NoFiles;

impl SourceLoader for NoFiles {
    fn load(&self, _: &Path) -> Option<String> {
        None
    }
}

/// Files in a directory on disk (a crate's `src/`).
pub struct DirLoader(pub PathBuf);

impl SourceLoader for DirLoader {
    fn load(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(self.0.join(path)).ok()
    }
}

/// Files embedded in the binary, by relative path with `/` separators.
pub struct Embedded(pub &'static [(&'static str, &'static str)]);

impl SourceLoader for Embedded {
    fn load(&self, path: &Path) -> Option<String> {
        let wanted: Vec<_> = path.components().collect();
        self.0
            .iter()
            .find(|(name, _)| Path::new(name).components().eq(wanted.iter().copied()))
            .map(|(_, text)| text.to_string())
    }
}
