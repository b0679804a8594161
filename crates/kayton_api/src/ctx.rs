//! [`Ctx`]: the safe face of a [`KaytonContext`] that generated cell code
//! calls. It checks the context once, when made, and then turns every
//! vtable call into a `Result`, copying whatever the host lends before the
//! next call can invalidate it.
//!
//! Borrowing mirrors the host's rules: reads take `&self`, and everything
//! that can replace or free a global takes `&mut self`, so a reference into
//! a dyn value (see `dyn_get`) cannot outlive a call that could free it.

use crate::abi::{ABI_VERSION, KSlice, KStatus, KStr, KaytonContext, KaytonVtable};
use crate::error::{ApiError, ErrorKind};
use std::ffi::c_void;

/// A checked context, valid for the cell call that received it.
pub struct Ctx<'a> {
    host: *mut c_void,
    pub(crate) vtable: &'a KaytonVtable,
}

impl<'a> Ctx<'a> {
    /// Check a context from the host and wrap it.
    ///
    /// Refused ([`ErrorKind::AbiMismatch`]) when the host speaks another ABI
    /// version or has a vtable of another size: then nothing but the two
    /// frozen leading fields was read.
    ///
    /// # Safety
    /// `ctx` must be null or point to a context whose frozen fields are
    /// readable and, if they match this build, whose host pointer and
    /// vtable the host keeps valid for `'a`. No other `Ctx` of the same
    /// context may be used during `'a`.
    pub unsafe fn from_raw(ctx: *const KaytonContext) -> Result<Ctx<'a>, ApiError> {
        if ctx.is_null() {
            return Err(abi_error("the host passed no context (a null pointer)"));
        }
        // SAFETY: non-null; the caller promises the frozen leading fields
        // are readable, and we read nothing else before checking them.
        let (version, size) = unsafe { ((*ctx).abi_version, (*ctx).vtable_size) };
        let ours = size_of::<KaytonVtable>();
        if version != ABI_VERSION || size != ours {
            return Err(abi_error(format!(
                "this cell was built against kayton_api ABI v{ABI_VERSION} (vtable of {ours} \
                 bytes), but the host speaks ABI v{version} (vtable of {size} bytes): \
                 rebuild the cell with the host's kayton_api"
            )));
        }
        // SAFETY: the layout matches this build (checked above), so the
        // whole context may be read.
        let (host, vtable) = unsafe { ((*ctx).host, (*ctx).vtable) };
        if vtable.is_null() || !vtable.is_aligned() {
            return Err(abi_error("the host passed a null or misaligned vtable"));
        }
        // SAFETY: non-null and aligned (checked), and the caller promises
        // the vtable stays valid for `'a`.
        let vtable = unsafe { &*vtable };
        Ok(Ctx { host, vtable })
    }

    /// The host pointer every entry takes first.
    pub(crate) fn host(&self) -> *mut c_void {
        self.host
    }

    /// `Ok` for [`KStatus::OK`], otherwise the error with the host's message.
    pub(crate) fn check(&self, status: KStatus) -> Result<(), ApiError> {
        if status == KStatus::OK {
            return Ok(());
        }
        let mut view = KStr::empty();
        // SAFETY: a valid host and vtable (`from_raw`); `view` is a valid
        // out-parameter.
        let got = unsafe { (self.vtable.last_error)(self.host, &mut view) };
        let message = if got == KStatus::OK {
            // SAFETY: the host lends its message until the next call, and we
            // copy it before making one.
            match unsafe { view.as_slice() } {
                Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                None => format!("the host refused the call (status {})", status.0),
            }
        } else {
            format!("the host refused the call (status {})", status.0)
        };
        Err(ApiError {
            kind: ErrorKind::from_status(status),
            message,
        })
    }

    /// The `i64` global `name`.
    pub fn get_i64(&self, name: &str) -> Result<i64, ApiError> {
        let mut out = 0;
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_i64)(self.host, KStr::str(name), &mut out) })?;
        Ok(out)
    }

    /// Bind the global `name` to an `i64`.
    pub fn set_i64(&mut self, name: &str, value: i64) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the name is borrowed for the call.
        self.check(unsafe { (self.vtable.set_i64)(self.host, KStr::str(name), value) })
    }

    /// The `f64` global `name`.
    pub fn get_f64(&self, name: &str) -> Result<f64, ApiError> {
        let mut out = 0.0;
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_f64)(self.host, KStr::str(name), &mut out) })?;
        Ok(out)
    }

    /// Bind the global `name` to an `f64`.
    pub fn set_f64(&mut self, name: &str, value: f64) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the name is borrowed for the call.
        self.check(unsafe { (self.vtable.set_f64)(self.host, KStr::str(name), value) })
    }

    /// The `bool` global `name`.
    pub fn get_bool(&self, name: &str) -> Result<bool, ApiError> {
        let mut out = false;
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_bool)(self.host, KStr::str(name), &mut out) })?;
        Ok(out)
    }

    /// Bind the global `name` to a `bool`.
    pub fn set_bool(&mut self, name: &str, value: bool) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the name is borrowed for the call.
        self.check(unsafe { (self.vtable.set_bool)(self.host, KStr::str(name), value) })
    }

    /// A copy of the `String` global `name`.
    pub fn get_string(&self, name: &str) -> Result<String, ApiError> {
        let mut out = KStr::empty();
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_str)(self.host, KStr::str(name), &mut out) })?;
        // SAFETY: the host lends the text until the next call; copied now.
        let bytes = unsafe { out.as_slice() }.ok_or_else(bad_view)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| bad_view())
    }

    /// Bind the global `name` to a copy of `value`.
    pub fn set_string(&mut self, name: &str, value: &str) -> Result<(), ApiError> {
        let (name, value) = (KStr::str(name), KStr::str(value));
        // SAFETY: valid host and vtable; both views are borrowed for the call.
        self.check(unsafe { (self.vtable.set_str)(self.host, name, value) })
    }

    /// A copy of the `Vec<i64>` global `name`.
    pub fn get_vec_i64(&self, name: &str) -> Result<Vec<i64>, ApiError> {
        let mut out = KSlice::empty();
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_vec_i64)(self.host, KStr::str(name), &mut out) })?;
        // SAFETY: the host lends the elements until the next call; copied now.
        Ok(unsafe { out.as_slice() }.ok_or_else(bad_view)?.to_vec())
    }

    /// Bind the global `name` to a copy of `value`.
    pub fn set_vec_i64(&mut self, name: &str, value: &[i64]) -> Result<(), ApiError> {
        let (name, value) = (KStr::str(name), KSlice::new(value));
        // SAFETY: valid host and vtable; both views are borrowed for the call.
        self.check(unsafe { (self.vtable.set_vec_i64)(self.host, name, value) })
    }

    /// A copy of the `Vec<f64>` global `name`.
    pub fn get_vec_f64(&self, name: &str) -> Result<Vec<f64>, ApiError> {
        let mut out = KSlice::empty();
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_vec_f64)(self.host, KStr::str(name), &mut out) })?;
        // SAFETY: the host lends the elements until the next call; copied now.
        Ok(unsafe { out.as_slice() }.ok_or_else(bad_view)?.to_vec())
    }

    /// Bind the global `name` to a copy of `value`.
    pub fn set_vec_f64(&mut self, name: &str, value: &[f64]) -> Result<(), ApiError> {
        let (name, value) = (KStr::str(name), KSlice::new(value));
        // SAFETY: valid host and vtable; both views are borrowed for the call.
        self.check(unsafe { (self.vtable.set_vec_f64)(self.host, name, value) })
    }

    /// A copy of the `Vec<String>` global `name`.
    pub fn get_vec_string(&self, name: &str) -> Result<Vec<String>, ApiError> {
        let mut out = KSlice::empty();
        // SAFETY: valid host and vtable; `out` is a valid out-parameter.
        self.check(unsafe { (self.vtable.get_vec_str)(self.host, KStr::str(name), &mut out) })?;
        // SAFETY: the host lends the array and its texts until the next
        // call; all of it is copied now.
        let views = unsafe { out.as_slice() }.ok_or_else(bad_view)?;
        views
            .iter()
            .map(|view| {
                // SAFETY: as above, each element views host text.
                let bytes = unsafe { view.as_slice() }.ok_or_else(bad_view)?;
                String::from_utf8(bytes.to_vec()).map_err(|_| bad_view())
            })
            .collect()
    }

    /// Bind the global `name` to a copy of `value`.
    pub fn set_vec_string<S: AsRef<str>>(
        &mut self,
        name: &str,
        value: &[S],
    ) -> Result<(), ApiError> {
        let views: Vec<KStr> = value.iter().map(|s| KStr::str(s.as_ref())).collect();
        let (name, value) = (KStr::str(name), KSlice::new(&views));
        // SAFETY: valid host and vtable; the array and the texts it views
        // are borrowed for the call.
        self.check(unsafe { (self.vtable.set_vec_str)(self.host, name, value) })
    }

    /// Write text to the cell's stdout.
    pub fn stdout(&self, text: &str) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the text is borrowed for the call.
        self.check(unsafe { (self.vtable.write_stdout)(self.host, KStr::str(text)) })
    }

    /// Write text to the cell's stderr.
    pub fn stderr(&self, text: &str) -> Result<(), ApiError> {
        // SAFETY: valid host and vtable; the text is borrowed for the call.
        self.check(unsafe { (self.vtable.write_stderr)(self.host, KStr::str(text)) })
    }

    /// Show `data` of MIME type `mime` now (`display(x)`, rich output).
    pub fn display(&self, mime: &str, data: &[u8]) -> Result<(), ApiError> {
        let (mime, data) = (KStr::str(mime), KSlice::new(data));
        // SAFETY: valid host and vtable; both views are borrowed for the call.
        self.check(unsafe { (self.vtable.display)(self.host, mime, data) })
    }

    /// Show `data` as the cell's result (its last expression). Generated
    /// code formats the value itself, as `print` does (`{:?}`: strings
    /// quoted, lists `[1, 2, 3]`, floats `1.0`), and sends `text/plain`.
    pub fn result(&self, mime: &str, data: &[u8]) -> Result<(), ApiError> {
        let (mime, data) = (KStr::str(mime), KSlice::new(data));
        // SAFETY: valid host and vtable; both views are borrowed for the call.
        self.check(unsafe { (self.vtable.display_result)(self.host, mime, data) })
    }

    /// Report an error at a Keyton line and column (1-based; 0 = unknown).
    pub fn report_error(&self, message: &str, line: u32, col: u32) -> Result<(), ApiError> {
        let message = KStr::str(message);
        // SAFETY: valid host and vtable; the message is borrowed for the call.
        self.check(unsafe { (self.vtable.report_error)(self.host, message, line, col) })
    }
}

fn abi_error(message: impl Into<String>) -> ApiError {
    ApiError {
        kind: ErrorKind::AbiMismatch,
        message: message.into(),
    }
}

/// The host answered OK but lent a view that is null, misaligned or not
/// UTF-8: a broken host, reported rather than trusted.
pub(crate) fn bad_view() -> ApiError {
    ApiError {
        kind: ErrorKind::BadArgument,
        message: "the host lent a null, misaligned or non-UTF-8 view".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::KaytonAbiStamp;

    fn context(abi_version: u32, vtable_size: usize) -> KaytonContext {
        KaytonContext {
            abi_version,
            vtable_size,
            host: std::ptr::null_mut(),
            // Never read: the check refuses the context first.
            vtable: std::ptr::null(),
        }
    }

    fn refusal(ctx: *const KaytonContext) -> ApiError {
        // SAFETY: the frozen fields are readable; nothing else is read
        // because every context here is refused.
        match unsafe { Ctx::from_raw(ctx) } {
            Ok(_) => panic!("context accepted"),
            Err(error) => error,
        }
    }

    #[test]
    fn a_context_of_another_abi_version_is_refused_with_both_versions() {
        let size = KaytonAbiStamp::CURRENT.vtable_size;
        for version in [ABI_VERSION - 1, ABI_VERSION + 1] {
            let error = refusal(&context(version, size));
            assert_eq!(error.kind, ErrorKind::AbiMismatch);
            assert!(error.message.contains(&format!("ABI v{ABI_VERSION}")));
            assert!(
                error
                    .message
                    .contains(&format!("host speaks ABI v{version}"))
            );
        }
    }

    #[test]
    fn a_context_with_another_vtable_size_is_refused() {
        let size = KaytonAbiStamp::CURRENT.vtable_size;
        for other in [size - 8, size + 8] {
            let error = refusal(&context(ABI_VERSION, other));
            assert_eq!(error.kind, ErrorKind::AbiMismatch);
            assert!(error.message.contains(&format!("vtable of {other} bytes")));
        }
        assert_eq!(refusal(std::ptr::null()).kind, ErrorKind::AbiMismatch);
        let no_vtable = context(ABI_VERSION, size);
        assert_eq!(
            refusal(&no_vtable).message,
            "the host passed a null or misaligned vtable"
        );
    }
}
