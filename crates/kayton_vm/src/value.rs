//! What a global holds: a plain Keyton value the VM understands, or a dyn
//! value, an opaque box made by some cell together with its kind and the
//! function that frees it. Kinds are fingerprints numbered by the VM, so a
//! cell's get can be checked against the kind the value was put with.

use kayton_api::abi::{DropFn, KFingerprint, KStr};
use std::collections::HashMap;
use std::ffi::c_void;
use std::fmt;
use std::ptr::NonNull;

/// The value of a global.
#[derive(Debug)]
pub enum Value {
    I64(i64),
    F64(f64),
    Bool(bool),
    Str(String),
    VecI64(Vec<i64>),
    VecF64(Vec<f64>),
    VecStr(Vec<String>),
    /// A value of a Rust type the VM does not know (a tuple, a crate type).
    Dyn(DynValue),
}

impl Value {
    /// The Keyton type of a plain value; `None` for a dyn value, whose type
    /// is its kind's fingerprint.
    pub fn plain_type(&self) -> Option<&'static str> {
        Some(match self {
            Value::I64(_) => "i64",
            Value::F64(_) => "f64",
            Value::Bool(_) => "bool",
            Value::Str(_) => "String",
            Value::VecI64(_) => "Vec<i64>",
            Value::VecF64(_) => "Vec<f64>",
            Value::VecStr(_) => "Vec<String>",
            Value::Dyn(_) => return None,
        })
    }
}

/// A boxed value of a Rust type, owned by the VM, freed by the drop
/// function of the cell that made it, exactly once.
pub struct DynValue {
    kind: KindId,
    value: NonNull<c_void>,
    drop: DropFn,
}

impl DynValue {
    /// # Safety
    /// `drop(value)` must free `value`, once, and its code must stay loaded
    /// until then (the `dyn_put` contract).
    pub(crate) unsafe fn new(kind: KindId, value: NonNull<c_void>, drop: DropFn) -> DynValue {
        DynValue { kind, value, drop }
    }

    /// The kind the value was put with.
    pub fn kind(&self) -> KindId {
        self.kind
    }

    /// The box, still owned by this value.
    pub(crate) fn as_ptr(&self) -> *mut c_void {
        self.value.as_ptr()
    }

    /// Give up the box without dropping it (`dyn_take`).
    pub(crate) fn into_raw(self) -> *mut c_void {
        let value = self.value.as_ptr();
        std::mem::forget(self);
        value
    }
}

impl Drop for DynValue {
    fn drop(&mut self) {
        // SAFETY: `new`'s contract: `drop` frees this box; `into_raw`
        // forgets `self`, so this runs at most once per box.
        unsafe { (self.drop)(self.value.as_ptr()) }
    }
}

impl fmt::Debug for DynValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DynValue")
            .field("kind", &self.kind)
            .field("value", &self.value)
            .finish()
    }
}

/// The VM's number for a fingerprint; never 0 on the ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KindId(pub u64);

/// An owned type fingerprint (see `kayton_api::abi::KFingerprint`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    pub crate_name: String,
    pub crate_version: String,
    pub features: String,
    pub type_path: String,
    pub generation: u64,
}

impl Fingerprint {
    /// Copy a fingerprint off the ABI; `None` if a text is not valid.
    ///
    /// # Safety
    /// Every view in `raw` must satisfy `KSlice::as_slice`.
    pub(crate) unsafe fn from_raw(raw: &KFingerprint) -> Option<Fingerprint> {
        // SAFETY: the caller's promise.
        let text = |view: KStr| unsafe { view.as_slice() }.and_then(|b| str::from_utf8(b).ok());
        Some(Fingerprint {
            crate_name: text(raw.crate_name)?.to_string(),
            crate_version: text(raw.crate_version)?.to_string(),
            features: text(raw.features)?.to_string(),
            type_path: text(raw.type_path)?.to_string(),
            generation: raw.generation,
        })
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} {} [features: {}] (build {})",
            self.type_path,
            self.crate_name,
            self.crate_version,
            if self.features.is_empty() {
                "none"
            } else {
                &self.features
            },
            self.generation
        )
    }
}

/// The registered kinds: each distinct fingerprint, numbered from 1.
#[derive(Default)]
pub(crate) struct Kinds {
    by_id: Vec<Fingerprint>,
    ids: HashMap<Fingerprint, KindId>,
}

impl Kinds {
    /// The id of `fingerprint`, registering it the first time.
    pub(crate) fn register(&mut self, fingerprint: Fingerprint) -> KindId {
        if let Some(&id) = self.ids.get(&fingerprint) {
            return id;
        }
        self.by_id.push(fingerprint.clone());
        let id = KindId(self.by_id.len() as u64);
        self.ids.insert(fingerprint, id);
        id
    }

    /// The fingerprint of a registered kind.
    pub(crate) fn get(&self, id: KindId) -> Option<&Fingerprint> {
        let index = usize::try_from(id.0).ok()?.checked_sub(1)?;
        self.by_id.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(generation: u64) -> Fingerprint {
        Fingerprint {
            crate_name: "reqwest".into(),
            crate_version: "0.13.1".into(),
            features: "default,json".into(),
            type_path: "reqwest::Client".into(),
            generation,
        }
    }

    #[test]
    fn equal_fingerprints_share_an_id_and_ids_start_at_one() {
        let mut kinds = Kinds::default();
        let first = kinds.register(fingerprint(1));
        assert_eq!(first, KindId(1));
        assert_eq!(kinds.register(fingerprint(1)), first);
        let second = kinds.register(fingerprint(2));
        assert_eq!(second, KindId(2));
        assert_eq!(kinds.get(second), Some(&fingerprint(2)));
        assert_eq!(kinds.get(KindId(0)), None);
        assert_eq!(kinds.get(KindId(3)), None);
    }

    #[test]
    fn a_fingerprint_reads_as_type_crate_version_features_and_build() {
        assert_eq!(
            fingerprint(4).to_string(),
            "reqwest::Client of reqwest 0.13.1 [features: default,json] (build 4)"
        );
    }
}
