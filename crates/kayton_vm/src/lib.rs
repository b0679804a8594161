//! The host side of `kayton_api`: the state of one Keyton session that
//! outlives its cells.
//!
//! A [`Vm`] owns the session's globals (plain Keyton values, and dyn values
//! of Rust types with their type fingerprints and drop functions), the
//! output cells write (an ordered list of [`OutputEvent`]s the session
//! drains after each cell), the errors they report, and the cell dylibs it
//! has loaded. It runs a cell by handing it a `KaytonContext` whose vtable
//! entries are `extern "C"` shims over the VM ([`CellContext`]).
//!
//! Displaying values: a cell formats its own last value (it knows the
//! value's type, crate types included) as `print` does, with `{:?}`
//! (strings quoted, lists `[1, 2, 3]`, floats `1.0`), and sends it as a
//! `text/plain` result; the VM records it as [`OutputEvent::Result`].
//! [`Vm::repr`] formats a global the same way for the host's own use (a
//! REPL listing, a kernel's inspect); a dyn value shows as its type.
//!
//! A `Vm` is not `Send`: dyn values may be of types that must stay on one
//! thread, so the VM lives on the thread that runs the cells.

mod builds;
mod cell;
mod lookup;
mod output;
mod shims;
mod value;

pub use builds::CrateBuild;
pub use cell::{CellId, CellOutcome, LoadError};
pub use output::{CellError, OutputEvent};
pub use shims::CellContext;
pub use value::{DynValue, Fingerprint, KindId, Value};

use kayton_api::abi::KStr;
use std::collections::HashMap;

/// One session's globals, dyn store, output, errors and loaded cells.
#[derive(Default)]
pub struct Vm {
    globals: HashMap<String, Value>,
    kinds: value::Kinds,
    output: Vec<OutputEvent>,
    errors: Vec<CellError>,
    /// The message of the latest refused vtable call (`last_error`).
    last_error: String,
    /// The views `get_vec_str` lends, kept until the next call.
    scratch: Vec<KStr>,
    /// Where output goes while [`Vm::run_cell_with`] runs: the caller's
    /// callback, valid for that call only (its lifetime is erased here).
    sink: Option<*mut (dyn FnMut(OutputEvent) + 'static)>,
    /// Dropped after the globals (see `Drop`): dyn values' drop functions
    /// and types' code live in these libraries.
    cells: Vec<cell::LoadedCell>,
    /// The crates cells are compiled against now (see `builds`).
    crate_builds: Vec<CrateBuild>,
}

impl Vm {
    pub fn new() -> Vm {
        Vm::default()
    }

    /// The global `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.globals.get(name)
    }

    /// Bind the global `name`, dropping what it held.
    pub fn set(&mut self, name: impl Into<String>, value: Value) {
        self.globals.insert(name.into(), value);
    }

    /// The fingerprint of a kind cells registered.
    pub fn fingerprint(&self, kind: KindId) -> Option<&Fingerprint> {
        self.kinds.get(kind)
    }

    /// The global `name` as a cell shows it (`{:?}`); a dyn value as
    /// `<type path>`.
    pub fn repr(&self, name: &str) -> Option<String> {
        Some(match self.get(name)? {
            Value::I64(v) => format!("{v:?}"),
            Value::F64(v) => format!("{v:?}"),
            Value::Bool(v) => format!("{v:?}"),
            Value::Str(v) => format!("{v:?}"),
            Value::VecI64(v) => format!("{v:?}"),
            Value::VecF64(v) => format!("{v:?}"),
            Value::VecStr(v) => format!("{v:?}"),
            Value::Dyn(v) => match self.fingerprint(v.kind()) {
                Some(fingerprint) => format!("<{}>", fingerprint.type_path),
                None => "<a value of an unknown kind>".to_string(),
            },
        })
    }

    /// The output written since the last drain, in order.
    pub fn drain_output(&mut self) -> Vec<OutputEvent> {
        std::mem::take(&mut self.output)
    }

    /// Send one piece of output to the running cell's sink, or keep it for
    /// [`Vm::drain_output`].
    pub(crate) fn emit(&mut self, event: OutputEvent) {
        match self.sink {
            // SAFETY: `run_cell_with` sets the sink for the duration of the
            // call whose callback it points to, and clears it before
            // returning; nothing else reaches it.
            Some(sink) => unsafe { (*sink)(event) },
            None => self.output.push(event),
        }
    }

    /// Text to stdout or stderr, joined to the previous text of the same
    /// stream when it is kept.
    pub(crate) fn emit_text(&mut self, text: &str, stderr: bool) {
        match self.sink {
            Some(_) if stderr => self.emit(OutputEvent::Stderr(text.to_string())),
            Some(_) => self.emit(OutputEvent::Stdout(text.to_string())),
            None => output::push_text(&mut self.output, text, stderr),
        }
    }

    /// The errors reported since the last call, in order.
    pub fn take_errors(&mut self) -> Vec<CellError> {
        std::mem::take(&mut self.errors)
    }

    /// How a global's value reads in a message: "an i64", "a
    /// reqwest::Client of reqwest 0.13.1 [...]".
    fn describe(&self, value: &Value) -> String {
        match value {
            Value::Dyn(dynamic) => match self.fingerprint(dynamic.kind()) {
                Some(fingerprint) => format!("a {fingerprint}"),
                None => "a value of an unknown kind".to_string(),
            },
            plain => {
                let plain = plain.plain_type().unwrap_or_default();
                format!("{} {plain}", article(plain))
            }
        }
    }
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // Drop every dyn value while the cell libraries that hold its drop
        // function and its type's code are still loaded.
        self.globals.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_shows_globals_as_print_does() {
        let mut vm = Vm::new();
        vm.set("n", Value::I64(3));
        vm.set("x", Value::F64(1.0));
        vm.set("s", Value::Str("hi \"you\"".into()));
        vm.set("xs", Value::VecI64(vec![1, 2, 3]));
        vm.set("ws", Value::VecStr(vec!["a".into()]));
        vm.set("b", Value::Bool(true));
        let shown = |name| vm.repr(name).unwrap();
        assert_eq!(shown("n"), "3");
        assert_eq!(shown("x"), "1.0");
        assert_eq!(shown("s"), r#""hi \"you\"""#);
        assert_eq!(shown("xs"), "[1, 2, 3]");
        assert_eq!(shown("ws"), r#"["a"]"#);
        assert_eq!(shown("b"), "true");
        assert_eq!(vm.repr("nothing"), None);
    }

    #[test]
    fn values_are_described_with_their_article() {
        let vm = Vm::new();
        assert_eq!(vm.describe(&Value::I64(1)), "an i64");
        assert_eq!(vm.describe(&Value::Str(String::new())), "a String");
    }
}
