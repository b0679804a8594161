//! What a `rimport` asks for: a crate, where it comes from, its features,
//! and the name the session binds it to.

use std::fmt;
use std::path::PathBuf;

/// One `rimport`:
///
/// ```text
/// rimport reqwest                  CrateRequest::new("reqwest")
/// rimport reqwest[blocking, -default]   .features(["blocking", "-default"])
/// rimport reqwest == "0.12"        .version("0.12")
/// rimport mylib @ "../mylib"       .path(<absolute path>)
/// rimport reqwest as rq            .alias("rq")
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CrateRequest {
    /// The package name, as on crates.io (`serde_json`, `tokio-util`): if
    /// the registry knows it only with the other separator (`-` for `_`),
    /// that one is used.
    pub name: String,
    pub source: CrateSource,
    /// Cargo features; `-default` turns the default features off.
    pub features: Vec<String>,
    /// The name the session binds the crate to (`as rq`); the crate itself
    /// is still named by its library name in Rust.
    pub alias: Option<String>,
}

/// Where a requested crate comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CrateSource {
    /// crates.io, with a cargo version requirement (`None`: any).
    Registry { version: Option<String> },
    /// A local crate: an absolute path (the caller resolves relative paths
    /// against the notebook's directory).
    Path(PathBuf),
}

/// A request that cannot be written into a manifest.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("`{0}` is not a crate name: use ASCII letters, digits, `-` and `_`")]
    Name(String),
    #[error("`{0}` is not a cargo feature name")]
    Feature(String),
    #[error("`{0}` is not an absolute path (resolve it against the notebook's directory first)")]
    RelativePath(PathBuf),
    #[error("the version requirement is empty")]
    EmptyVersion,
}

impl CrateRequest {
    /// The newest version of `name` on crates.io, default features.
    pub fn new(name: &str) -> CrateRequest {
        CrateRequest {
            name: name.to_string(),
            source: CrateSource::Registry { version: None },
            features: Vec::new(),
            alias: None,
        }
    }

    /// From crates.io, matching the cargo version requirement `version`.
    pub fn version(mut self, version: &str) -> CrateRequest {
        self.source = CrateSource::Registry {
            version: Some(version.to_string()),
        };
        self
    }

    /// The local crate at `path` (absolute).
    pub fn path(mut self, path: impl Into<PathBuf>) -> CrateRequest {
        self.source = CrateSource::Path(path.into());
        self
    }

    pub fn features<I, S>(mut self, features: I) -> CrateRequest
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.features = features.into_iter().map(Into::into).collect();
        self
    }

    pub fn alias(mut self, alias: &str) -> CrateRequest {
        self.alias = Some(alias.to_string());
        self
    }

    /// Whether the default features stay on (no `-default`).
    pub fn default_features(&self) -> bool {
        !self.features.iter().any(|f| f == "-default")
    }

    /// The features to turn on, `-default` left out, sorted, each once.
    pub fn enabled_features(&self) -> Vec<&str> {
        let mut features: Vec<&str> = self
            .features
            .iter()
            .map(String::as_str)
            .filter(|f| *f != "-default")
            .collect();
        features.sort_unstable();
        features.dedup();
        features
    }

    /// Refuse what would not make a valid manifest entry (cargo judges the
    /// rest: whether the crate, version and features exist).
    pub fn validate(&self) -> Result<(), RequestError> {
        let name_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if self.name.is_empty()
            || !self.name.chars().all(name_char)
            || !self.name.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return Err(RequestError::Name(self.name.clone()));
        }
        // A feature may name a dependency's (`serde/derive`) or a
        // dependency (`dep:foo`).
        let feature_char = |c: char| name_char(c) || "/:+.".contains(c);
        for feature in &self.features {
            if feature.is_empty() || !feature.chars().all(feature_char) {
                return Err(RequestError::Feature(feature.clone()));
            }
        }
        match &self.source {
            CrateSource::Path(path) if !path.is_absolute() => {
                Err(RequestError::RelativePath(path.clone()))
            }
            CrateSource::Registry { version: Some(v) } if v.trim().is_empty() => {
                Err(RequestError::EmptyVersion)
            }
            _ => Ok(()),
        }
    }

    /// The same request naming the package with the other separator
    /// (`tokio_util` for `tokio-util` and back), if the name has one.
    pub(crate) fn other_spelling(&self) -> Option<CrateRequest> {
        let name = if self.name.contains('_') {
            self.name.replace('_', "-")
        } else if self.name.contains('-') {
            self.name.replace('-', "_")
        } else {
            return None;
        };
        Some(CrateRequest {
            name,
            ..self.clone()
        })
    }
}

/// The canonical text of what is built (the alias is not part of it): a
/// layer's key hashes it.
impl fmt::Display for CrateRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        let mut features = self.enabled_features();
        if !self.default_features() {
            features.insert(0, "-default");
        }
        if !features.is_empty() {
            write!(f, "[{}]", features.join(", "))?;
        }
        match &self.source {
            CrateSource::Registry { version: None } => Ok(()),
            CrateSource::Registry { version: Some(v) } => write!(f, " == {v:?}"),
            CrateSource::Path(path) => write!(f, " @ {:?}", path.display().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_text_ignores_order_and_alias() {
        let a = CrateRequest::new("reqwest")
            .features(["json", "-default", "blocking", "json"])
            .version("0.12")
            .alias("rq");
        let b = CrateRequest::new("reqwest")
            .features(["blocking", "-default", "json"])
            .version("0.12");
        assert_eq!(
            a.to_string(),
            r#"reqwest[-default, blocking, json] == "0.12""#
        );
        assert_eq!(a.to_string(), b.to_string());
        assert!(!a.default_features());
        assert_eq!(CrateRequest::new("itoa").to_string(), "itoa");
    }

    #[test]
    fn bad_requests_are_refused() {
        for name in ["", "a b", "1abc", "x\"y", "-x", "a]"] {
            let error = CrateRequest::new(name).validate().unwrap_err();
            assert_eq!(error, RequestError::Name(name.to_string()));
        }
        assert!(CrateRequest::new("tokio-util").validate().is_ok());
        assert!(CrateRequest::new("tokio_util").validate().is_ok());
        let feature = CrateRequest::new("x").features(["a\"]"]);
        assert!(matches!(feature.validate(), Err(RequestError::Feature(_))));
        assert!(
            CrateRequest::new("x")
                .features(["serde/derive", "dep:foo"])
                .validate()
                .is_ok()
        );
        let relative = CrateRequest::new("x").path("../x");
        assert!(matches!(
            relative.validate(),
            Err(RequestError::RelativePath(_))
        ));
        let empty = CrateRequest::new("x").version(" ");
        assert_eq!(empty.validate(), Err(RequestError::EmptyVersion));
    }

    #[test]
    fn the_other_spelling_swaps_separators() {
        let other = CrateRequest::new("tokio_util").other_spelling().unwrap();
        assert_eq!(other.name, "tokio-util");
        let back = other.other_spelling().unwrap();
        assert_eq!(back.name, "tokio_util");
        assert!(CrateRequest::new("itoa").other_spelling().is_none());
    }
}
