//! Values of Rust types in the VM's dyn store, from the cell side.
//!
//! A value of a crate type (a `reqwest::Client`) cannot cross the C ABI, so
//! the cell that makes it boxes it and hands the host the box's pointer
//! with a drop function ([`drop_box`], instantiated for the value's type in
//! that cell), and the type's fingerprint. A later cell asks for the value
//! with the fingerprint of the type *it* was compiled against; the host
//! compares the two and refuses a mismatch, and only then does the cell
//! cast the pointer back to `&T`.
//!
//! Why the cast is sound, and only under these conditions:
//! - Equal fingerprints mean the same crate, version, feature set, type
//!   path and build generation of the deps dylib, so both cells name the
//!   one type compiled once, in the deps dylib that every cell links with
//!   `-C prefer-dynamic`: one layout, and one copy of its code and statics.
//!   With static linking each cell would get its own copy of the crate's
//!   code and statics, and equal names would prove nothing.
//! - All cells and the deps dylib are built by the same `rustc`, so the
//!   layout of `T` (which Rust does not fix between compilers) agrees.
//! - The box was allocated through the shared `std` dylib's global
//!   allocator, so `dyn_take` may free it from another cell.
//! - The drop function's code lives in the dylib of the cell that put the
//!   value: the host keeps every cell dylib loaded while the VM lives.
//!
//! [`DynKind`] ties a fingerprint to a Rust type once, in `unsafe` code the
//! code generator writes; every store call is then safe.

use crate::abi::{DropFn, KFingerprint, KStr};
use crate::ctx::{Ctx, bad_view};
use crate::error::ApiError;
use std::ffi::c_void;
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A type fingerprint; see [`KFingerprint`] for what each field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint<'s> {
    pub crate_name: &'s str,
    pub crate_version: &'s str,
    /// Sorted, comma-separated resolved features.
    pub features: &'s str,
    pub type_path: &'s str,
    pub generation: u64,
}

impl Fingerprint<'_> {
    fn raw(&self) -> KFingerprint {
        KFingerprint {
            crate_name: KStr::str(self.crate_name),
            crate_version: KStr::str(self.crate_version),
            features: KStr::str(self.features),
            type_path: KStr::str(self.type_path),
            generation: self.generation,
        }
    }
}

/// The Rust type `T` together with its fingerprint.
pub struct DynKind<T> {
    fingerprint: Fingerprint<'static>,
    _type: PhantomData<fn() -> T>,
}

impl<T: 'static> DynKind<T> {
    /// # Safety
    /// `fingerprint` must describe `T` exactly (crate, version, resolved
    /// features, path, deps build generation): any value stored under it is
    /// read back as a `T`.
    pub const unsafe fn new(fingerprint: Fingerprint<'static>) -> DynKind<T> {
        DynKind {
            fingerprint,
            _type: PhantomData,
        }
    }

    /// The fingerprint of `T`.
    pub fn fingerprint(&self) -> &Fingerprint<'static> {
        &self.fingerprint
    }
}

/// Drops a `Box<T>` made by [`Box::into_raw`]; what a cell hands the host
/// with a value. A panic in `T`'s `Drop` is caught: it must not unwind
/// into the host.
///
/// # Safety
/// `value` must come from `Box::<T>::into_raw`, and be dropped once.
pub unsafe extern "C" fn drop_box<T>(value: *mut c_void) {
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller passes a pointer from `Box::<T>::into_raw`,
        // once.
        drop(unsafe { Box::from_raw(value.cast::<T>()) })
    }));
}

impl Ctx<'_> {
    /// The host's id of `kind`'s fingerprint.
    fn kind_id<T>(&self, kind: &DynKind<T>) -> Result<u64, ApiError> {
        let raw = kind.fingerprint.raw();
        let mut id = 0;
        // SAFETY: valid host and vtable; `raw` and the texts it views are
        // borrowed for the call; `id` is a valid out-parameter.
        self.check(unsafe { (self.vtable.dyn_register_kind)(self.host(), &raw, &mut id) })?;
        Ok(id)
    }

    /// Bind the global `name` to `value`; the host owns it from now on.
    pub fn dyn_put<T: 'static>(
        &mut self,
        name: &str,
        kind: &DynKind<T>,
        value: T,
    ) -> Result<(), ApiError> {
        let id = self.kind_id(kind)?;
        let boxed = Box::into_raw(Box::new(value)).cast::<c_void>();
        let drop: DropFn = drop_box::<T>;
        // SAFETY: valid host and vtable; `boxed` is a live `Box<T>` and
        // `drop_box::<T>` frees exactly that.
        let status =
            unsafe { (self.vtable.dyn_put)(self.host(), KStr::str(name), id, boxed, Some(drop)) };
        let result = self.check(status);
        if result.is_err() {
            // SAFETY: refused, so the value is still ours (the `dyn_put`
            // contract) and freed here, once.
            unsafe { drop_box::<T>(boxed) };
        }
        result
    }

    /// The global `name`, a value of `kind`, borrowed from the host.
    pub fn dyn_get<T: 'static>(&self, name: &str, kind: &DynKind<T>) -> Result<&T, ApiError> {
        let value = self.lend(name, kind)?;
        // SAFETY: the host checked the fingerprint, so this is the `Box<T>`
        // some cell put (see the module docs for why the type is the same);
        // it lives until a call that sets, takes or drops it, and those take
        // `&mut self`, which this borrow of `self` excludes.
        Ok(unsafe { &*value.cast::<T>() })
    }

    /// The global `name`, a value of `kind`, mutably borrowed from the host.
    pub fn dyn_get_mut<T: 'static>(
        &mut self,
        name: &str,
        kind: &DynKind<T>,
    ) -> Result<&mut T, ApiError> {
        let value = self.lend(name, kind)?;
        // SAFETY: as in `dyn_get`; the `&mut self` borrow makes this the
        // only reference to the value while it lives.
        Ok(unsafe { &mut *value.cast::<T>() })
    }

    /// Remove the global `name`, a value of `kind`, and own it.
    pub fn dyn_take<T: 'static>(&mut self, name: &str, kind: &DynKind<T>) -> Result<T, ApiError> {
        let id = self.kind_id(kind)?;
        let mut value = std::ptr::null_mut();
        // SAFETY: valid host and vtable; `value` is a valid out-parameter.
        let status =
            unsafe { (self.vtable.dyn_take)(self.host(), KStr::str(name), id, &mut value) };
        self.check(status)?;
        let value = checked::<T>(value)?;
        // SAFETY: the host checked the fingerprint and gave up the value, a
        // `Box<T>` from `Box::into_raw` (module docs), now ours alone.
        Ok(*unsafe { Box::from_raw(value.cast::<T>()) })
    }

    /// Remove the dyn global `name` and drop its value.
    pub fn dyn_drop(&mut self, name: &str) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the name is borrowed for the call.
        self.check(unsafe { (self.vtable.dyn_drop)(self.host(), KStr::str(name)) })
    }

    /// The pointer to the global `name` after the host's fingerprint check.
    fn lend<T>(&self, name: &str, kind: &DynKind<T>) -> Result<*mut c_void, ApiError> {
        let id = self.kind_id(kind)?;
        let mut value = std::ptr::null_mut();
        // SAFETY: valid host and vtable; `value` is a valid out-parameter.
        let status = unsafe { (self.vtable.dyn_get)(self.host(), KStr::str(name), id, &mut value) };
        self.check(status)?;
        checked::<T>(value)
    }
}

/// A pointer the host answered OK with, refused if it cannot be a `Box<T>`
/// (a broken host), rather than trusted.
fn checked<T>(value: *mut c_void) -> Result<*mut c_void, ApiError> {
    if value.is_null() || !value.cast::<T>().is_aligned() {
        return Err(bad_view());
    }
    Ok(value)
}
