//! `rimport` of a crate an earlier import built already, as one of its
//! dependencies (`rimport http` after `rimport reqwest`). A new layer would
//! ask cargo for it with this request's features, and cargo would unify
//! them with those of the earlier build, which the session has loaded
//! (refused: [`RimportError::ChangesEarlier`](crate::RimportError)). When
//! the earlier build has all that the request asks for, cells name the
//! crate through its rlib and link it from the layer that holds it: nothing
//! is built.

use crate::{CrateRequest, CrateSource, ImportedCrate};

/// A registry package of the layers' builds, from a `{p}|{f}` line of
/// `cargo tree`.
pub(crate) struct BuiltPackage {
    pub name: String,
    pub version: semver::Version,
    pub features: Vec<String>,
}

impl BuiltPackage {
    /// `name vX.Y.Z|a,b`; `None` for a local or git package, whose `{p}`
    /// ends with its source (a registry request does not name it).
    fn parse(key: &str) -> Option<BuiltPackage> {
        let (package, features) = key.split_once('|')?;
        let mut words = package.split(' ');
        let name = words.next()?;
        let version = words.next()?.strip_prefix('v')?.parse().ok()?;
        if words.next().is_some() {
            return None;
        }
        Some(BuiltPackage {
            name: name.to_string(),
            version,
            features: features
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_string)
                .collect(),
        })
    }

    /// The build of a crate the session imported (`None` if its version
    /// is not semver, which cargo does not allow).
    pub fn of(krate: &ImportedCrate) -> Option<BuiltPackage> {
        Some(BuiltPackage {
            name: krate.package.clone(),
            version: krate.version.parse().ok()?,
            features: krate.features.clone(),
        })
    }

    /// Whether the build has all that `request` asks for: a version its
    /// requirement accepts, its features, and the default features unless
    /// it turns them off (`default_features`: what the package's `default`
    /// turns on, if known; asked only when the build lacks `default`, as a
    /// dependency's build often does while having all it turns on).
    pub fn satisfies(
        &self,
        request: &CrateRequest,
        default_features: impl FnOnce() -> Option<Vec<String>>,
    ) -> bool {
        self.accepts_version(request)
            && self.missing_features(request).is_empty()
            && (!request.default_features()
                || self.has("default")
                // `dep:x` and `x/y` are not among the features cargo tree
                // lists: such a default is taken as missing.
                || default_features().is_some_and(|default| default.iter().all(|f| self.has(f))))
    }

    fn has(&self, feature: &str) -> bool {
        self.features.iter().any(|f| f == feature)
    }

    /// Whether it is from the registry at a version `request` accepts.
    fn accepts_version(&self, request: &CrateRequest) -> bool {
        match &request.source {
            CrateSource::Registry { version: None } => true,
            CrateSource::Registry { version: Some(req) } => {
                semver::VersionReq::parse(req).is_ok_and(|req| req.matches(&self.version))
            }
            CrateSource::Path(_) => false,
        }
    }

    /// The features `request` turns on that it was built without.
    fn missing_features<'r>(&self, request: &'r CrateRequest) -> Vec<&'r str> {
        let mut features = request.enabled_features();
        features.retain(|f| !self.has(f));
        features
    }

    /// `bitflags v2.9.1 (features `std`)`, for messages.
    pub fn describe(&self) -> String {
        format!(
            "{} v{} (features `{}`)",
            self.name,
            self.version,
            self.features.join(",")
        )
    }
}

/// The builds of the registry crate `request` names among `packages` (the
/// `{p}|{f}` lines of the newest layer, which holds every earlier one),
/// newest version first; none for a local crate, whose sources cargo
/// checks again on every import.
pub(crate) fn builds_of(request: &CrateRequest, packages: &[String]) -> Vec<BuiltPackage> {
    if !matches!(request.source, CrateSource::Registry { .. }) {
        return Vec::new();
    }
    // crates.io takes `-` and `_` as one (`rimport num_traits`).
    let wanted = request.name.replace('-', "_");
    let mut builds: Vec<BuiltPackage> = packages
        .iter()
        .filter_map(|key| BuiltPackage::parse(key))
        .filter(|built| built.name.replace('-', "_") == wanted)
        .collect();
    builds.sort_by(|a, b| b.version.cmp(&a.version));
    builds
}

/// The note of [`RimportError::ChangesEarlier`](crate::RimportError) on the builds of the
/// requested crate the session has.
pub(crate) fn as_built(built: &[String]) -> String {
    if built.is_empty() {
        return String::new();
    }
    format!(
        "\nnote: earlier imports built {}: a rimport of it that asks for nothing more than \
         that build has uses it as it is",
        built.join(", ")
    )
}

/// Why `request` cannot be met by the crate of its name the session has
/// imported already (`imported`, oldest first), if it cannot: the version
/// or features it asks for are not that build's, which stays loaded. Its
/// default features are not asked again: the import that brought the
/// crate in decided them. A local crate's request is taken as met (the
/// session does not record where its crates came from).
pub(crate) fn unmet_by_import<'a>(
    request: &CrateRequest,
    imported: impl Iterator<Item = &'a ImportedCrate>,
) -> Option<String> {
    if !matches!(request.source, CrateSource::Registry { .. }) {
        return None;
    }
    let wanted = request.name.replace('-', "_");
    let krate = imported
        .filter(|k| k.package.replace('-', "_") == wanted || k.lib_name == wanted)
        .last()?;
    let built = BuiltPackage::of(krate)?;
    let how = if !built.accepts_version(request) {
        format!("at v{}, which `{request}` does not accept", built.version)
    } else {
        let missing = built.missing_features(request);
        if missing.is_empty() {
            return None;
        }
        format!("without `{}`", missing.join("`, `"))
    };
    Some(format!(
        "the session has imported {} already, built {how}; it cannot change while the session \
         runs: restart it and rimport {request} before the import that brought it in",
        built.name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packages() -> Vec<String> {
        [
            "num-traits v0.2.19|i128,std",
            "counter v0.1.0 (/x/counter)|",
            "http v1.3.1|default,std",
        ]
        .map(str::to_string)
        .to_vec()
    }

    #[test]
    fn registry_builds_are_found_by_either_spelling() {
        let builds = builds_of(&CrateRequest::new("num_traits"), &packages());
        assert_eq!(builds.len(), 1);
        assert_eq!(
            builds[0].describe(),
            "num-traits v0.2.19 (features `i128,std`)"
        );
        assert!(builds_of(&CrateRequest::new("counter"), &packages()).is_empty());
        let local = CrateRequest::new("http").path("/x/http");
        assert!(builds_of(&local, &packages()).is_empty());
    }

    #[test]
    fn a_build_satisfies_what_it_has() {
        let http = &builds_of(&CrateRequest::new("http"), &packages())[0];
        let asked_default = || panic!("the build has its default features");
        let unknown = || None;
        assert!(http.satisfies(&CrateRequest::new("http"), asked_default));
        assert!(http.satisfies(&CrateRequest::new("http").version("1.2"), unknown));
        assert!(!http.satisfies(&CrateRequest::new("http").version("0.2"), unknown));
        assert!(!http.satisfies(&CrateRequest::new("http").features(["json"]), unknown));
        // Built as num-bigint asks (no `default`, but `std`, all it turns on).
        let traits = &builds_of(&CrateRequest::new("num-traits"), &packages())[0];
        let request = CrateRequest::new("num-traits").features(["i128"]);
        let default = |features: &[&str]| {
            let features: Vec<String> = features.iter().map(|f| f.to_string()).collect();
            move || Some(features)
        };
        assert!(traits.satisfies(&request, default(&["std"])));
        assert!(traits.satisfies(&request, default(&[])));
        assert!(!traits.satisfies(&request, default(&["libm"])));
        assert!(!traits.satisfies(&request, unknown));
        assert!(traits.satisfies(&request.features(["-default", "std"]), unknown));
    }
}
