//! What generated cell code uses to reach the session while it runs: the
//! session's globals as [`Global`] guards, and the cell's rich output
//! ([`show_result`], [`display`]).
//!
//! A cell's top-level variables live in the host's VM between cells. While
//! a cell runs, each one it uses sits in a [`Global`]: loaded (moved out of
//! the VM) when the cell starts, or defined when a statement of the cell
//! first binds it, and written back when the guard drops, which happens at
//! the end of the cell *and* while a panic unwinds. So when a statement
//! fails, everything before it has taken effect, as in Python, and no value
//! is lost.
//!
//! The context is reached through a thread-local set by [`run_cell`] for
//! the duration of the cell call (the host runs cells on one thread, never
//! two at once), so functions defined in cells can `display` too.
//!
//! [`run_cell`]: crate::run_cell

use crate::abi::KaytonContext;
use crate::ctx::Ctx;
use crate::dyn_store::{DynKind, Fingerprint};
use crate::error::ApiError;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

thread_local! {
    /// The context of the cell running on this thread, if any.
    static CURRENT: Cell<*const KaytonContext> = const { Cell::new(std::ptr::null()) };
    /// For each global name, the serial of the guard that bound it last: a
    /// guard shadowed by a later binding of the same name (`x = 1` then
    /// `x = "one"` in one cell) must not write its stale value back.
    static LATEST: RefCell<HashMap<&'static str, u64>> = RefCell::new(HashMap::new());
    static SERIAL: Cell<u64> = const { Cell::new(0) };
}

/// Sets the current context for the life of the value, then restores the
/// previous one.
pub(crate) struct CurrentContext(*const KaytonContext);

impl CurrentContext {
    pub(crate) fn enter(ctx: *const KaytonContext) -> CurrentContext {
        CurrentContext(CURRENT.replace(ctx))
    }
}

impl Drop for CurrentContext {
    fn drop(&mut self) {
        CURRENT.set(self.0);
    }
}

/// Run `f` with the current cell's context.
///
/// # Panics
/// Outside a cell call (no context), or with a context of another ABI:
/// both are bugs of the host, and the panic is reported as the cell's error.
fn with_ctx<R>(f: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
    let raw = CURRENT.get();
    // SAFETY: `run_cell` sets CURRENT to a context the host keeps valid for
    // the whole cell call and resets it before returning; cells run on the
    // host's one cell thread, so no other `Ctx` of it is in use right now.
    match unsafe { Ctx::from_raw(raw) } {
        Ok(mut ctx) => f(&mut ctx),
        Err(e) => panic!("no Keyton session is running this code: {e}"),
    }
}

/// How a global's value travels between the VM and a cell: [`Plain`] for
/// the Keyton types the VM knows (it can show them), [`Boxed`] for the rest.
pub trait Storage<T> {
    fn load(ctx: &mut Ctx<'_>, name: &str, type_path: &'static str) -> Result<T, ApiError>;
    fn store(
        value: T,
        ctx: &mut Ctx<'_>,
        name: &str,
        type_path: &'static str,
    ) -> Result<(), ApiError>;
}

/// Through the VM's own entries for i64, f64, bool, String and their lists.
pub struct Plain;

/// Boxed in the VM's dyn store under a fingerprint naming the Rust type, so
/// a cell reading it back as another type is refused instead of misreading.
pub struct Boxed;

macro_rules! plain_storage {
    ($($ty:ty => $get:ident, $set:ident, |$v:ident| $view:expr;)*) => {$(
        impl Storage<$ty> for Plain {
            fn load(ctx: &mut Ctx<'_>, name: &str, _: &'static str) -> Result<$ty, ApiError> {
                ctx.$get(name)
            }
            fn store(
                $v: $ty,
                ctx: &mut Ctx<'_>,
                name: &str,
                _: &'static str,
            ) -> Result<(), ApiError> {
                ctx.$set(name, $view)
            }
        }
    )*};
}

plain_storage! {
    i64 => get_i64, set_i64, |v| v;
    f64 => get_f64, set_f64, |v| v;
    bool => get_bool, set_bool, |v| v;
    String => get_string, set_string, |v| v.as_str();
    Vec<i64> => get_vec_i64, set_vec_i64, |v| v.as_slice();
    Vec<f64> => get_vec_f64, set_vec_f64, |v| v.as_slice();
    Vec<String> => get_vec_string, set_vec_string, |v| v.as_slice();
}

impl<T: 'static> Storage<T> for Boxed {
    fn load(ctx: &mut Ctx<'_>, name: &str, type_path: &'static str) -> Result<T, ApiError> {
        ctx.dyn_take(name, &kind::<T>(type_path))
    }
    fn store(
        value: T,
        ctx: &mut Ctx<'_>,
        name: &str,
        type_path: &'static str,
    ) -> Result<(), ApiError> {
        ctx.dyn_put(name, &kind::<T>(type_path), value)
    }
}

fn kind<T: 'static>(type_path: &'static str) -> DynKind<T> {
    let fingerprint = Fingerprint {
        crate_name: "",
        crate_version: "",
        features: "",
        type_path,
        generation: 0,
    };
    // SAFETY: `type_path` is the Rust type `T` as generated code spells it,
    // so one fingerprint always means one type.
    unsafe { DynKind::new(fingerprint) }
}

/// A session global while a cell runs: derefs to its value, and writes it
/// back to the VM when dropped (also during a panic).
pub struct Global<T, S: Storage<T>> {
    name: &'static str,
    type_path: &'static str,
    serial: u64,
    value: Option<T>,
    storage: PhantomData<S>,
}

impl<T, S: Storage<T>> Global<T, S> {
    /// Move the global `name` out of the VM for this cell.
    ///
    /// # Panics
    /// When the VM has no such global of this type (the session's record of
    /// its globals and the VM disagree): reported as the cell's error.
    pub fn load(name: &'static str, type_path: &'static str) -> Global<T, S> {
        match with_ctx(|ctx| S::load(ctx, name, type_path)) {
            Ok(value) => Global::define(name, type_path, value),
            Err(e) => panic!("the variable `{name}` cannot be read: {e}"),
        }
    }

    /// Bind the global `name` to `value` from now on.
    pub fn define(name: &'static str, type_path: &'static str, value: T) -> Global<T, S> {
        let serial = SERIAL.get() + 1;
        SERIAL.set(serial);
        LATEST.with_borrow_mut(|latest| latest.insert(name, serial));
        Global {
            name,
            type_path,
            serial,
            value: Some(value),
            storage: PhantomData,
        }
    }
}

impl<T, S: Storage<T>> Global<T, S> {
    /// Move the value out: the variable leaves the session (a value that
    /// cannot be copied was given away).
    pub fn take(global: &mut Global<T, S>) -> T {
        let _ = with_ctx(|ctx| ctx.dyn_drop(global.name));
        match global.value.take() {
            Some(value) => value,
            None => panic!("the variable `{}` was given away already", global.name),
        }
    }
}

impl<T, S: Storage<T>> Deref for Global<T, S> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
            .as_ref()
            .expect("a global guard holds its value until dropped")
    }
}

impl<T, S: Storage<T>> DerefMut for Global<T, S> {
    fn deref_mut(&mut self) -> &mut T {
        self.value
            .as_mut()
            .expect("a global guard holds its value until dropped")
    }
}

impl<T, S: Storage<T>> Drop for Global<T, S> {
    fn drop(&mut self) {
        let latest = LATEST.with_borrow(|latest| latest.get(self.name) == Some(&self.serial));
        let Some(value) = self.value.take() else {
            return;
        };
        if latest {
            // A refused write cannot be reported from a drop (it may run
            // while a panic unwinds); the next cell that reads the name says
            // that it is missing.
            let _ = with_ctx(|ctx| S::store(value, ctx, self.name, self.type_path));
        }
    }
}

/// Show `value` as the cell's result, as the language shows values
/// (`Debug`: strings quoted, lists `[1, 2, 3]`).
///
/// Takes `&dyn Debug`, not a generic: the formatting code is then compiled
/// once, here, instead of in every cell (measurably less rustc time).
pub fn show_result(value: &dyn Debug) {
    let text = format!("{value:?}");
    flush_stdout();
    if let Err(e) = with_ctx(|ctx| ctx.result("text/plain", text.as_bytes())) {
        panic!("the cell's result cannot be shown: {e}");
    }
}

/// Show `data` of MIME type `mime` now (`display(x)`, `display(svg,
/// "image/svg+xml")`).
pub fn display(mime: &str, data: &[u8]) {
    flush_stdout();
    if let Err(e) = with_ctx(|ctx| ctx.display(mime, data)) {
        panic!("cannot display: {e}");
    }
}

/// Text printed before a display must reach the host first: rich output
/// and the process's stdout travel different ways.
pub(crate) fn flush_stdout() {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
}
