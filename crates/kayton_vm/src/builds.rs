//! The builds of the crates a session imported, which complete the
//! fingerprints cells register. Generated code gives a session variable's
//! fingerprint as its type's path alone (`::serde_json::Value`); the host
//! knows which build of each crate the cell was compiled against, so it
//! records the version and features of every crate the path names. A
//! value made against one build of a crate is then refused, never misread,
//! by a cell compiled against another.

use crate::Vm;
use crate::value::Fingerprint;

/// One build of a crate cells link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateBuild {
    /// How Rust code names it (`serde_json`).
    pub lib_name: String,
    pub version: String,
    /// Sorted, comma-separated resolved features (empty if unknown).
    pub features: String,
}

impl Vm {
    /// The crate builds cells are compiled against from now on.
    pub fn set_crate_builds(&mut self, builds: Vec<CrateBuild>) {
        self.crate_builds = builds;
    }

    /// `fingerprint` as a cell gave it, with the builds of the crates its
    /// type path names when the cell named none (joined with `+` when the
    /// path names several: `HashMap<::url::Url, ::serde_json::Value>`).
    pub(crate) fn with_crate_builds(&self, mut fingerprint: Fingerprint) -> Fingerprint {
        if !fingerprint.crate_name.is_empty() {
            return fingerprint;
        }
        let mut named: Vec<&CrateBuild> = Vec::new();
        for root in path_roots(&fingerprint.type_path) {
            let build = self.crate_builds.iter().find(|b| b.lib_name == root);
            if let Some(build) = build.filter(|b| !named.contains(b)) {
                named.push(build);
            }
        }
        let join = |part: fn(&CrateBuild) -> &str| {
            named.iter().map(|b| part(b)).collect::<Vec<_>>().join("+")
        };
        fingerprint.crate_name = join(|b| &b.lib_name);
        fingerprint.crate_version = join(|b| &b.version);
        fingerprint.features = join(|b| &b.features);
        fingerprint
    }
}

/// The first segment of every path in a type's text: `serde_json` and
/// `std` of `::std::vec::Vec<::serde_json::Value>`.
fn path_roots(text: &str) -> Vec<&str> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut roots = Vec::new();
    for (start, c) in text.char_indices() {
        let before = &text[..start];
        if !is_ident(c) || before.ends_with(is_ident) {
            continue;
        }
        let leading = match before.strip_suffix("::") {
            Some(rest) => !rest.ends_with(is_ident),
            None => true,
        };
        if leading {
            let end = text[start..]
                .find(|c| !is_ident(c))
                .map_or(text.len(), |n| start + n);
            roots.push(&text[start..end]);
        }
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_the_first_segments_of_paths() {
        assert_eq!(
            path_roots("::std::collections::HashMap<::url::Url, ::serde_json::Value>"),
            ["std", "url", "serde_json"]
        );
        assert_eq!(path_roots("demo::Counted"), ["demo"]);
        assert_eq!(path_roots("::std::vec::Vec<i64>"), ["std", "i64"]);
    }
}
