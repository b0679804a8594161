//! The vtable a cell calls: one `extern "C"` shim per entry of
//! `kayton_api::KaytonVtable`, each recovering the `Vm` from the context's
//! host pointer.
//!
//! Every shim runs its body through [`enter`], which catches panics (a
//! panic must never unwind across the C ABI into the cell) and turns every
//! refusal into a status plus a message for `last_error`. Arguments are
//! checked before anything changes (null and misaligned pointers, UTF-8), so
//! a refused call leaves the VM as it was.

use crate::Vm;
use crate::lookup::{Refusal, refuse};
use crate::output::{CellError, OutputEvent};
use crate::value::{DynValue, Fingerprint, Value};
use kayton_api::abi::{
    ABI_VERSION, DropFn, KFingerprint, KSlice, KStatus, KStr, KaytonContext, KaytonVtable,
};
use std::ffi::c_void;
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::NonNull;

/// The context for one cell run, borrowing the VM mutably for as long as
/// the cell may call back into it.
pub struct CellContext<'vm> {
    raw: KaytonContext,
    _vm: PhantomData<&'vm mut Vm>,
}

impl CellContext<'_> {
    /// The pointer to pass to `keyton_cell_main`, valid while `self` lives.
    pub fn as_ptr(&self) -> *const KaytonContext {
        &self.raw
    }
}

impl Vm {
    /// A context whose entries act on this VM.
    pub fn context(&mut self) -> CellContext<'_> {
        CellContext {
            raw: KaytonContext {
                abi_version: ABI_VERSION,
                vtable_size: size_of::<KaytonVtable>(),
                host: (self as *mut Vm).cast(),
                vtable: &VTABLE,
            },
            _vm: PhantomData,
        }
    }
}

static VTABLE: KaytonVtable = KaytonVtable {
    last_error,
    get_i64,
    set_i64,
    get_f64,
    set_f64,
    get_bool,
    set_bool,
    get_str,
    set_str,
    get_vec_i64,
    set_vec_i64,
    get_vec_f64,
    set_vec_f64,
    get_vec_str,
    set_vec_str,
    dyn_register_kind,
    dyn_put,
    dyn_get,
    dyn_take,
    dyn_drop,
    write_stdout,
    write_stderr,
    display,
    display_result,
    report_error,
};

/// Run an entry's body on the VM behind `host`, catching panics.
fn enter(host: *mut c_void, body: impl FnOnce(&mut Vm) -> Result<(), Refusal>) -> KStatus {
    if host.is_null() {
        return KStatus::BAD_ARGUMENT;
    }
    // SAFETY: a non-null host pointer is the one `Vm::context` made from a
    // `&mut Vm` that its `CellContext` keeps borrowed while the cell runs,
    // so the VM is alive and nothing else uses it during this call (no
    // entry calls another; a drop function gets no context).
    let vm = unsafe { &mut *host.cast::<Vm>() };
    let refusal = match catch_unwind(AssertUnwindSafe(|| body(&mut *vm))) {
        Ok(Ok(())) => return KStatus::OK,
        Ok(Err(refusal)) => refusal,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .copied()
                .or(payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("no message");
            let message = format!("the session host failed in this call ({what})");
            refuse(KStatus::PANICKED, message)
        }
    };
    vm.last_error = refusal.message;
    refusal.status
}

/// The text `view` lends for this call.
///
/// # Safety
/// `view` must satisfy `KSlice::as_slice` for the call.
unsafe fn text<'a>(view: KStr, what: &str) -> Result<&'a str, Refusal> {
    // SAFETY: the caller's promise.
    let bytes = unsafe { slice(view, what)? };
    str::from_utf8(bytes)
        .map_err(|_| refuse(KStatus::BAD_ARGUMENT, format!("{what} is not UTF-8 text")))
}

/// The values `view` lends for this call.
///
/// # Safety
/// `view` must satisfy `KSlice::as_slice` for the call.
unsafe fn slice<'a, T>(view: KSlice<T>, what: &str) -> Result<&'a [T], Refusal> {
    // SAFETY: the caller's promise.
    unsafe { view.as_slice() }.ok_or_else(|| {
        let message = format!("{what} is a null or misaligned pointer");
        refuse(KStatus::BAD_ARGUMENT, message)
    })
}

/// Refuse an out-parameter that cannot be written.
fn writable<T>(out: *mut T) -> Result<(), Refusal> {
    if out.is_null() || !out.is_aligned() {
        let message = "the out-parameter is a null or misaligned pointer";
        return Err(refuse(KStatus::BAD_ARGUMENT, message));
    }
    Ok(())
}

/// Write an entry's result to its out-parameter.
///
/// # Safety
/// A non-null, aligned `out` must be valid for a write of `T`.
unsafe fn write<T>(out: *mut T, value: T) -> Result<(), Refusal> {
    writable(out)?;
    // SAFETY: non-null and aligned (checked), and the caller's promise.
    unsafe { out.write(value) };
    Ok(())
}

unsafe extern "C" fn last_error(host: *mut c_void, out: *mut KStr) -> KStatus {
    enter(host, |vm| {
        let message = KStr::str(&vm.last_error);
        // SAFETY: the entry's contract: `out` is writable.
        unsafe { write(out, message) }
    })
}

/// `get_` and `set_` entries of a kind the host stores by value and lends
/// as `$lent` (made from a `&$stored` by `$lend`), and receives as `$arg`
/// (kept by `$keep`, which may refuse it).
macro_rules! plain_entries {
    ($get:ident, $set:ident, $variant:ident, $type_name:literal, $lent:ty, $arg:ty,
     lend: $lend:expr, keep: $keep:expr) => {
        unsafe extern "C" fn $get(host: *mut c_void, name: KStr, out: *mut $lent) -> KStatus {
            enter(host, |vm| {
                // SAFETY: the entry's contract: `name` is live for the call.
                let name = unsafe { text(name, "the name")? };
                match vm.global(name)? {
                    // SAFETY: the entry's contract: `out` is writable.
                    Value::$variant(value) => unsafe { write(out, $lend(value)) },
                    other => Err(vm.wrong_kind(name, other, $type_name)),
                }
            })
        }

        unsafe extern "C" fn $set(host: *mut c_void, name: KStr, value: $arg) -> KStatus {
            enter(host, |vm| {
                // SAFETY: the entry's contract: `name` and the views in
                // `value` are live for the call.
                let (name, value) = unsafe { (text(name, "the name")?, $keep(value)?) };
                vm.set(name, Value::$variant(value));
                Ok(())
            })
        }
    };
}

plain_entries!(get_i64, set_i64, I64, "i64", i64, i64,
    lend: |value: &i64| *value, keep: Ok::<i64, Refusal>);
plain_entries!(get_f64, set_f64, F64, "f64", f64, f64,
    lend: |value: &f64| *value, keep: Ok::<f64, Refusal>);
plain_entries!(get_bool, set_bool, Bool, "bool", bool, bool,
    lend: |value: &bool| *value, keep: Ok::<bool, Refusal>);
plain_entries!(get_str, set_str, Str, "String", KStr, KStr,
    lend: |value: &String| KStr::str(value),
    keep: |value| text(value, "the value").map(str::to_string));
plain_entries!(get_vec_i64, set_vec_i64, VecI64, "Vec<i64>", KSlice<i64>, KSlice<i64>,
    lend: |value: &Vec<i64>| KSlice::new(value),
    keep: |value| slice(value, "the value").map(<[i64]>::to_vec));
plain_entries!(get_vec_f64, set_vec_f64, VecF64, "Vec<f64>", KSlice<f64>, KSlice<f64>,
    lend: |value: &Vec<f64>| KSlice::new(value),
    keep: |value| slice(value, "the value").map(<[f64]>::to_vec));

unsafe extern "C" fn get_vec_str(host: *mut c_void, name: KStr, out: *mut KSlice<KStr>) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name` is live for the call.
        let name = unsafe { text(name, "the name")? };
        let mut views = std::mem::take(&mut vm.scratch);
        views.clear();
        match vm.global(name)? {
            Value::VecStr(items) => views.extend(items.iter().map(|item| KStr::str(item))),
            other => return Err(vm.wrong_kind(name, other, "Vec<String>")),
        }
        // Lent until the next call, as the texts the views point into.
        vm.scratch = views;
        // SAFETY: the entry's contract: `out` is writable.
        unsafe { write(out, KSlice::new(&vm.scratch)) }
    })
}

unsafe extern "C" fn set_vec_str(host: *mut c_void, name: KStr, value: KSlice<KStr>) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name`, the array and the views in
        // it are live for the call.
        let (name, views) = unsafe { (text(name, "the name")?, slice(value, "the value")?) };
        let items = views
            .iter()
            // SAFETY: as above.
            .map(|view| unsafe { text(*view, "an element") }.map(str::to_string))
            .collect::<Result<Vec<_>, _>>()?;
        vm.set(name, Value::VecStr(items));
        Ok(())
    })
}

unsafe extern "C" fn dyn_register_kind(
    host: *mut c_void,
    fingerprint: *const KFingerprint,
    out: *mut u64,
) -> KStatus {
    enter(host, |vm| {
        if fingerprint.is_null() || !fingerprint.is_aligned() {
            let message = "the fingerprint is a null or misaligned pointer";
            return Err(refuse(KStatus::BAD_ARGUMENT, message));
        }
        writable(out)?;
        // SAFETY: non-null and aligned (checked); the entry's contract: it
        // and the texts it views are live for the call.
        let fingerprint = unsafe { Fingerprint::from_raw(&*fingerprint) }.ok_or_else(|| {
            let message = "the fingerprint's texts must be UTF-8, with valid pointers";
            refuse(KStatus::BAD_ARGUMENT, message)
        })?;
        let fingerprint = vm.with_crate_builds(fingerprint);
        let kind = vm.kinds.register(fingerprint);
        // SAFETY: checked writable above; the contract makes it valid.
        unsafe { write(out, kind.0) }
    })
}

unsafe extern "C" fn dyn_put(
    host: *mut c_void,
    name: KStr,
    kind: u64,
    value: *mut c_void,
    drop: Option<DropFn>,
) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name` is live for the call.
        let name = unsafe { text(name, "the name")? }.to_string();
        let (kind, _) = vm.known_kind(kind)?;
        let value = NonNull::new(value)
            .ok_or_else(|| refuse(KStatus::BAD_ARGUMENT, "the value is a null pointer"))?;
        let drop = drop.ok_or_else(|| {
            refuse(
                KStatus::BAD_ARGUMENT,
                "the value came without a drop function",
            )
        })?;
        // Everything that could fail (or panic) happens before the VM takes
        // ownership: after a refusal the caller still owns the value.
        vm.globals.reserve(1);
        // SAFETY: the `dyn_put` contract: `drop` frees `value`, once, and
        // its code stays loaded while the value lives.
        let value = unsafe { DynValue::new(kind, value, drop) };
        vm.globals.insert(name, Value::Dyn(value));
        Ok(())
    })
}

unsafe extern "C" fn dyn_get(
    host: *mut c_void,
    name: KStr,
    kind: u64,
    out: *mut *mut c_void,
) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name` is live for the call.
        let name = unsafe { text(name, "the name")? };
        let value = vm.dyn_value(name, kind)?.as_ptr();
        // SAFETY: the entry's contract: `out` is writable.
        unsafe { write(out, value) }
    })
}

unsafe extern "C" fn dyn_take(
    host: *mut c_void,
    name: KStr,
    kind: u64,
    out: *mut *mut c_void,
) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name` is live for the call.
        let name = unsafe { text(name, "the name")? };
        writable(out)?;
        vm.dyn_value(name, kind)?;
        let Some(Value::Dyn(value)) = vm.globals.remove(name) else {
            unreachable!("`dyn_value` found a dyn value under this name");
        };
        // SAFETY: checked writable above; the contract makes it valid.
        unsafe { write(out, value.into_raw()) }
    })
}

unsafe extern "C" fn dyn_drop(host: *mut c_void, name: KStr) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: `name` is live for the call.
        let name = unsafe { text(name, "the name")? };
        match vm.global(name)? {
            Value::Dyn(_) => {
                vm.globals.remove(name);
                Ok(())
            }
            other => Err(vm.wrong_kind(name, other, "dyn value")),
        }
    })
}

unsafe extern "C" fn write_stdout(host: *mut c_void, text_view: KStr) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: the text is live for the call.
        vm.emit_text(unsafe { text(text_view, "the text")? }, false);
        Ok(())
    })
}

unsafe extern "C" fn write_stderr(host: *mut c_void, text_view: KStr) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: the text is live for the call.
        vm.emit_text(unsafe { text(text_view, "the text")? }, true);
        Ok(())
    })
}

/// The MIME type and data of a `display` or `display_result` call.
///
/// # Safety
/// Both views must satisfy `KSlice::as_slice` for the call.
unsafe fn mime_data(mime: KStr, data: KSlice<u8>) -> Result<(String, Vec<u8>), Refusal> {
    // SAFETY: the caller's promise.
    let (mime, data) = unsafe { (text(mime, "the MIME type")?, slice(data, "the data")?) };
    Ok((mime.to_string(), data.to_vec()))
}

unsafe extern "C" fn display(host: *mut c_void, mime: KStr, data: KSlice<u8>) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: both views are live for the call.
        let (mime, data) = unsafe { mime_data(mime, data)? };
        vm.emit(OutputEvent::Display { mime, data });
        Ok(())
    })
}

unsafe extern "C" fn display_result(host: *mut c_void, mime: KStr, data: KSlice<u8>) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: both views are live for the call.
        let (mime, data) = unsafe { mime_data(mime, data)? };
        vm.emit(OutputEvent::Result { mime, data });
        Ok(())
    })
}

unsafe extern "C" fn report_error(
    host: *mut c_void,
    message: KStr,
    line: u32,
    col: u32,
) -> KStatus {
    enter(host, |vm| {
        // SAFETY: the entry's contract: the message is live for the call.
        let message = unsafe { text(message, "the message")? }.to_string();
        vm.errors.push(CellError { message, line, col });
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_an_entry_is_caught_and_reported() {
        let mut vm = Vm::new();
        let host = (&mut vm as *mut Vm).cast::<c_void>();
        let status = enter(host, |_| panic!("broken invariant"));
        assert_eq!(status, KStatus::PANICKED);
        assert_eq!(
            vm.last_error,
            "the session host failed in this call (broken invariant)"
        );
        let ok = enter((&mut vm as *mut Vm).cast(), |vm| {
            vm.set("after", Value::I64(1));
            Ok(())
        });
        assert_eq!(ok, KStatus::OK);
        assert!(vm.get("after").is_some());
    }
}
