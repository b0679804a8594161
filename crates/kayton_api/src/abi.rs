//! The raw ABI: every type that crosses between the host and a cell, with
//! its layout fixed by `#[repr(C)]`, and the ownership rule of every entry.
//!
//! Why a C ABI between two Rust programs: the host (kernel, REPL) and each
//! cell are separate builds, often of different `kayton_api` versions, and
//! Rust's own ABI promises nothing between builds. Only these `#[repr(C)]`
//! types and `extern "C"` function pointers cross; no Rust type (`String`,
//! `Vec`, `Box`) ever does, so neither side frees the other's memory except
//! through a function pointer the owner supplied ([`DropFn`]).
//!
//! Versioning: [`ABI_VERSION`] changes whenever any layout in this file
//! changes. Two things are frozen forever, so that any host can read them
//! from any cell: the first two fields of [`KaytonContext`] (`abi_version`,
//! `vtable_size`) and the cell's `keyton_cell_abi` export returning
//! [`KaytonAbiStamp`]. The host refuses a cell whose stamp differs from its
//! own (before running it), and the cell refuses a context whose version or
//! vtable size differs from the ones it was built with.

use std::ffi::c_void;

/// The version of this ABI. Bump it on every change to a type in this file.
pub const ABI_VERSION: u32 = 1;

/// The symbol of the cell's ABI stamp: `extern "C" fn() -> KaytonAbiStamp`.
pub const CELL_ABI_SYMBOL: &[u8] = b"keyton_cell_abi\0";
/// The symbol of the cell's entry point, a [`CellMainFn`].
pub const CELL_MAIN_SYMBOL: &[u8] = b"keyton_cell_main\0";

/// `keyton_cell_main` ran to the end.
pub const CELL_OK: i32 = 0;
/// `keyton_cell_main` stopped early; it reported why with `report_error`.
pub const CELL_FAILED: i32 = 1;
/// `keyton_cell_main` refused the context (other ABI version or vtable size)
/// and touched nothing.
pub const CELL_REFUSED_CONTEXT: i32 = 2;

/// The cell's ABI stamp export (`keyton_cell_abi`). Frozen forever.
pub type CellAbiFn = extern "C" fn() -> KaytonAbiStamp;

/// The cell's entry point (`keyton_cell_main`).
///
/// Contract: the host calls it on the thread that owns the VM, with a
/// context that stays valid for the whole call, and never twice at once.
/// The cell may use the context only during the call (it must not keep
/// it), must not unwind out of it (a panic is caught and reported), and
/// returns [`CELL_OK`], [`CELL_FAILED`] or [`CELL_REFUSED_CONTEXT`].
pub type CellMainFn = unsafe extern "C" fn(ctx: *const KaytonContext) -> i32;

/// What a cell was built against. Frozen forever: `{u32, usize}`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KaytonAbiStamp {
    pub abi_version: u32,
    pub vtable_size: usize,
}

impl KaytonAbiStamp {
    /// The stamp of the `kayton_api` this code is compiled against.
    pub const CURRENT: KaytonAbiStamp = KaytonAbiStamp {
        abi_version: ABI_VERSION,
        vtable_size: size_of::<KaytonVtable>(),
    };
}

/// What the host hands to `keyton_cell_main`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct KaytonContext {
    /// Frozen: always the first field.
    pub abi_version: u32,
    /// Frozen: always the second field. `size_of::<KaytonVtable>()` on the
    /// host; a cell built with another vtable refuses the context.
    pub vtable_size: usize,
    /// The host's state, opaque to the cell: passed back as the first
    /// argument of every vtable entry.
    pub host: *mut c_void,
    /// The host's entries, valid for the whole call.
    pub vtable: *const KaytonVtable,
}

/// A borrowed `(ptr, len)` view of `len` values of `T`.
///
/// It owns nothing. Who keeps the memory alive is said by the entry that
/// passes it: a view passed *to* the host is read (and copied) during that
/// call only; a view the host writes *into an out-parameter* stays valid
/// until the next call through the same vtable. A null `ptr` with `len == 0`
/// is the empty slice.
#[repr(C)]
#[derive(Debug)]
pub struct KSlice<T> {
    pub ptr: *const T,
    pub len: usize,
}

impl<T> Clone for KSlice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for KSlice<T> {}

/// UTF-8 text as a `(ptr, len)` view: the bytes of a `&str`, never
/// NUL-terminated. The host checks that text it receives is UTF-8.
pub type KStr = KSlice<u8>;

impl<T> KSlice<T> {
    /// A view of `items`.
    pub const fn new(items: &[T]) -> Self {
        KSlice {
            ptr: items.as_ptr(),
            len: items.len(),
        }
    }

    /// The empty view (null pointer, zero length), as out-parameters start.
    pub const fn empty() -> Self {
        KSlice {
            ptr: std::ptr::null(),
            len: 0,
        }
    }

    /// The viewed values, or `None` for a null or misaligned non-empty view.
    ///
    /// # Safety
    /// A non-null `ptr` must point to `len` initialised values of `T` that
    /// stay alive and unchanged for `'a`.
    pub unsafe fn as_slice<'a>(self) -> Option<&'a [T]> {
        if self.len == 0 {
            return Some(&[]);
        }
        if self.ptr.is_null() || !self.ptr.is_aligned() {
            return None;
        }
        // SAFETY: non-null and aligned (checked above); the caller promises
        // `len` live, initialised values for `'a`.
        Some(unsafe { std::slice::from_raw_parts(self.ptr, self.len) })
    }
}

impl KStr {
    /// A view of the bytes of `text`.
    pub const fn str(text: &str) -> KStr {
        KSlice::new(text.as_bytes())
    }
}

/// The result of every vtable entry. A plain `i32` rather than an enum, so
/// that a code this build does not know is a value, never undefined
/// behaviour. After any status other than [`KStatus::OK`], `last_error`
/// gives the message.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KStatus(pub i32);

impl KStatus {
    pub const OK: KStatus = KStatus(0);
    /// No global of that name.
    pub const MISSING: KStatus = KStatus(1);
    /// The global holds another kind of value (or a dyn value where a plain
    /// one was asked for, or the reverse).
    pub const WRONG_KIND: KStatus = KStatus(2);
    /// The dyn value's type fingerprint differs from the one asked for.
    pub const FINGERPRINT_MISMATCH: KStatus = KStatus(3);
    /// A kind id that `dyn_register_kind` never returned.
    pub const UNKNOWN_KIND: KStatus = KStatus(4);
    /// A null or misaligned pointer, or text that is not UTF-8.
    pub const BAD_ARGUMENT: KStatus = KStatus(5);
    /// The host panicked inside the entry; the call had no effect the cell
    /// can rely on, and the VM stays usable.
    pub const PANICKED: KStatus = KStatus(6);
}

/// Drops a dyn-store value. Supplied by the cell that boxed the value, so
/// the host can drop it without knowing its type; it must not unwind.
pub type DropFn = unsafe extern "C" fn(value: *mut c_void);

/// The type fingerprint of a dyn-store value, borrowed for the call.
///
/// Two values have the same Rust type layout only if all five fields are
/// equal: `features` is the crate's resolved feature list, sorted and
/// comma-separated; `generation` is the session's build generation of the
/// deps dylib that holds the crate.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct KFingerprint {
    pub crate_name: KStr,
    pub crate_version: KStr,
    pub features: KStr,
    pub type_path: KStr,
    pub generation: u64,
}

/// The host's entries. Every entry takes `KaytonContext::host` first and
/// returns a [`KStatus`]; `name` is a global's name. No entry calls back
/// into the cell, except that replacing or dropping a dyn value runs that
/// value's [`DropFn`].
///
/// Ownership, for all entries: views passed to the host are borrowed for
/// the call and copied if kept; views the host writes to `out` borrow the
/// host's storage until the next call through this vtable (copy them
/// first); out-parameters are written only on [`KStatus::OK`]. Nothing the
/// host returns is ever freed by the cell, and the reverse, except dyn
/// values, whose rules are on the `dyn_` entries.
#[repr(C)]
pub struct KaytonVtable {
    /// `out` = the message of the latest call that did not return OK.
    pub last_error: unsafe extern "C" fn(host: *mut c_void, out: *mut KStr) -> KStatus,

    /// Globals of plain kinds. A `get_` writes the value to `out` if the
    /// global exists and is of that kind. A `set_` binds the global to a
    /// copy of the value, whatever it held before (the old value, dyn
    /// values included, is dropped).
    pub get_i64: unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut i64) -> KStatus,
    pub set_i64: unsafe extern "C" fn(host: *mut c_void, name: KStr, value: i64) -> KStatus,
    pub get_f64: unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut f64) -> KStatus,
    pub set_f64: unsafe extern "C" fn(host: *mut c_void, name: KStr, value: f64) -> KStatus,
    pub get_bool: unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut bool) -> KStatus,
    pub set_bool: unsafe extern "C" fn(host: *mut c_void, name: KStr, value: bool) -> KStatus,
    /// `String`: `out` views the host's text.
    pub get_str: unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut KStr) -> KStatus,
    pub set_str: unsafe extern "C" fn(host: *mut c_void, name: KStr, value: KStr) -> KStatus,
    /// `Vec<i64>`.
    pub get_vec_i64:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut KSlice<i64>) -> KStatus,
    pub set_vec_i64:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, value: KSlice<i64>) -> KStatus,
    /// `Vec<f64>`.
    pub get_vec_f64:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut KSlice<f64>) -> KStatus,
    pub set_vec_f64:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, value: KSlice<f64>) -> KStatus,
    /// `Vec<String>`: `out` views an array of views, all the host's.
    pub get_vec_str:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, out: *mut KSlice<KStr>) -> KStatus,
    pub set_vec_str:
        unsafe extern "C" fn(host: *mut c_void, name: KStr, value: KSlice<KStr>) -> KStatus,

    /// `out` = the kind id (never 0) of this fingerprint; the same
    /// fingerprint always gets the same id in one VM.
    pub dyn_register_kind: unsafe extern "C" fn(
        host: *mut c_void,
        fingerprint: *const KFingerprint,
        out: *mut u64,
    ) -> KStatus,
    /// Bind `name` to `value`, a value of `kind` that `drop` frees. On OK
    /// the host owns it and calls `drop(value)` exactly once (on overwrite,
    /// on `dyn_drop`, or when the VM is dropped), unless `dyn_take` hands it
    /// back. On any other status the caller still owns it. The code of
    /// `drop` (a cell dylib's) must stay loaded while the value lives.
    pub dyn_put: unsafe extern "C" fn(
        host: *mut c_void,
        name: KStr,
        kind: u64,
        value: *mut c_void,
        drop: Option<DropFn>,
    ) -> KStatus,
    /// `out` = the value, still owned by the host, if its kind is `kind`.
    /// Valid until the next call that sets, takes or drops this global.
    pub dyn_get: unsafe extern "C" fn(
        host: *mut c_void,
        name: KStr,
        kind: u64,
        out: *mut *mut c_void,
    ) -> KStatus,
    /// Like `dyn_get`, but the global is removed and the caller owns the
    /// value: it must free it as the code that put it would (the drop
    /// function is forgotten).
    pub dyn_take: unsafe extern "C" fn(
        host: *mut c_void,
        name: KStr,
        kind: u64,
        out: *mut *mut c_void,
    ) -> KStatus,
    /// Remove a dyn global and drop its value (`WRONG_KIND` for a plain one).
    pub dyn_drop: unsafe extern "C" fn(host: *mut c_void, name: KStr) -> KStatus,

    /// Output, recorded in order. `text` is copied.
    pub write_stdout: unsafe extern "C" fn(host: *mut c_void, text: KStr) -> KStatus,
    pub write_stderr: unsafe extern "C" fn(host: *mut c_void, text: KStr) -> KStatus,
    /// Rich output now (`display(x)`): `data` (bytes) of MIME type `mime`,
    /// both copied.
    pub display: unsafe extern "C" fn(host: *mut c_void, mime: KStr, data: KSlice<u8>) -> KStatus,
    /// The cell's result (its last expression), shown like `display` but as
    /// the cell's value (Jupyter's `execute_result`).
    pub display_result:
        unsafe extern "C" fn(host: *mut c_void, mime: KStr, data: KSlice<u8>) -> KStatus,

    /// Record an error at a Keyton line and column (1-based; 0 = unknown).
    /// `message` is copied.
    pub report_error:
        unsafe extern "C" fn(host: *mut c_void, message: KStr, line: u32, col: u32) -> KStatus,
}
