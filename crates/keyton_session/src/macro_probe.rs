//! The type of a crate macro call's value, asked of rustc: the checker
//! cannot read a macro's tokens, so `v = serde_json.json!({"a": 1})` would
//! otherwise need an annotation.
//!
//! A probe is a tiny dylib built like a cell (same layers, same externs,
//! see [`CellBuilder`]) holding
//!
//! ```text
//! keyton_type_of(|(x, s): (i64, String)| ::serde_json::json!({"a": x, "b": s}))
//! ```
//!
//! where `keyton_type_of::<A, T>(_: impl FnOnce(A) -> T)` returns
//! `std::any::type_name::<T>()`. The closure is never called, so the
//! macro's code never runs, and the Keyton variables the tokens name are
//! its typed parameters, so no value is needed. The dylib is loaded, asked
//! for the name, and closed; the name (`serde_json::value::Value`) is read
//! back into the checker's type ([`crate::rust_type`]).
//!
//! Answers are kept by a key of everything that decides them (the macro,
//! its tokens, the variables' types, the toolchain, the layers and the
//! imported crates' versions, features and builds): in memory for the
//! session, and on disk under the cache's `macro-types/`, so re-running a
//! cell or a script does not build a probe again.

use crate::{BuildFailure, CellBuilder, Layers};
use keyton_check::{MacroQuery, MacroTypeError, MacroTypes};
use keyton_compiler::{Cache, lock_file};
use keyton_index::{Ty, World};
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

/// Answers found so far: by key, the Rust type's name as `type_name` gives it.
#[derive(Debug)]
pub(crate) struct MacroTypeCache {
    dir: PathBuf,
    known: HashMap<String, String>,
}

impl MacroTypeCache {
    pub(crate) fn new(cache: &Cache) -> MacroTypeCache {
        MacroTypeCache {
            dir: cache.root().join("macro-types"),
            known: HashMap::new(),
        }
    }

    fn get(&mut self, key: &str) -> Option<String> {
        if let Some(known) = self.known.get(key) {
            return Some(known.clone());
        }
        let stored = fs::read_to_string(self.dir.join(key)).ok()?;
        self.known.insert(key.to_string(), stored.clone());
        Some(stored)
    }

    /// Remember an answer; the disk copy is best effort (a cache that
    /// cannot be written only costs a probe next time).
    fn put(&mut self, key: &str, type_name: &str) {
        self.known.insert(key.to_string(), type_name.to_string());
        let _ = self.store(key, type_name);
    }

    /// Written whole under the cache's lock: another process reads either
    /// nothing or the full name.
    fn store(&self, key: &str, type_name: &str) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let _lock = lock_file(&self.dir.join(".lock"), &mut || {})?;
        let staged = self.dir.join(format!(".{key}.{}", std::process::id()));
        fs::write(&staged, type_name)?;
        fs::rename(&staged, self.dir.join(key))
    }
}

/// Asks rustc, through probes built against `layers` with `builder`.
pub(crate) struct MacroProbe<'a> {
    pub builder: &'a CellBuilder,
    pub layers: &'a Layers,
    pub world: &'a World,
    pub cache: &'a mut MacroTypeCache,
}

impl MacroTypes for MacroProbe<'_> {
    fn macro_type(&mut self, query: &MacroQuery<'_>) -> Result<Ty, MacroTypeError> {
        let source = probe_source(query, &self.layers.extern_crates());
        let key = self.key(&source);
        let type_name = match self.cache.get(&key) {
            Some(known) => known,
            None => {
                let found = self.probe(&key, &source)?;
                self.cache.put(&key, &found);
                found
            }
        };
        crate::rust_type::keyton_type(&type_name, self.world)
            .ok_or(MacroTypeError::Unnameable(type_name))
    }
}

impl MacroProbe<'_> {
    /// Everything that decides the answer, hashed: the probe's source (the
    /// macro, its tokens, the variables' types, the layer it names), the
    /// toolchain, and each imported crate's version, features and build.
    fn key(&self, source: &str) -> String {
        let mut hasher = DefaultHasher::new();
        source.hash(&mut hasher);
        self.builder.toolchain().version().hash(&mut hasher);
        for (name, dylib) in &self.builder.imports().layers {
            (name, dylib).hash(&mut hasher);
        }
        for krate in self.layers.imported() {
            (&krate.package, &krate.version, &krate.features, &krate.rlib).hash(&mut hasher);
            // A local crate keeps its layer when its sources change; its
            // rlib is built again.
            let built = fs::metadata(&krate.rlib).and_then(|m| m.modified()).ok();
            built.hash(&mut hasher);
        }
        format!("{:016x}", hasher.finish())
    }

    /// Build the probe, load it and read the name it gives.
    fn probe(&self, key: &str, source: &str) -> Result<String, MacroTypeError> {
        let unasked = |reason: &dyn std::fmt::Display| MacroTypeError::Unasked(reason.to_string());
        let name = format!("keyton_probe_{key}");
        let library = match self.builder.build(&name, source, &[]) {
            Ok(library) => library,
            Err(BuildFailure::Rejected { messages, .. }) => {
                return Err(MacroTypeError::Rejected(
                    messages.iter().map(|m| headline(m)).collect(),
                ));
            }
            Err(BuildFailure::Session(e)) => return Err(unasked(&e)),
        };
        // SAFETY: the probe is Keyton's own build of the source above, which
        // runs no code when loaded and exports `keyton_macro_type` with this
        // signature; the closure holding the macro call is never called.
        let name = unsafe {
            let probe = libloading::Library::new(&library).map_err(|e| unasked(&e))?;
            let ask = probe
                .get::<extern "C" fn(&mut usize) -> *const u8>(b"keyton_macro_type\0")
                .map_err(|e| unasked(&e))?;
            let mut len = 0;
            let text = ask(&mut len);
            // The name is a static of the probe: copied before it closes.
            String::from_utf8_lossy(std::slice::from_raw_parts(text, len)).into_owned()
        };
        let _ = fs::remove_file(&library);
        Ok(name)
    }
}

/// The first line of a rustc error, without its `error[E0425]: `.
fn headline(rendered: &str) -> String {
    let line = rendered.lines().next().unwrap_or_default();
    match line.split_once(": ") {
        Some((kind, rest)) if kind.starts_with("error") => rest.to_string(),
        _ => line.to_string(),
    }
}

/// The probe's Rust: `layers` named as a cell names them, the macro call in
/// a closure over the variables, and the type name exported.
fn probe_source(query: &MacroQuery<'_>, layers: &[String]) -> String {
    let mut source = String::new();
    for layer in layers {
        let _ = writeln!(source, "extern crate {layer};");
    }
    let (names, types): (Vec<&str>, Vec<String>) = query
        .vars
        .iter()
        .map(|(name, ty)| (name.as_str(), format!("{},", keyton_codegen::type_text(ty))))
        .unzip();
    let names: String = names.iter().map(|n| format!("{n},")).collect();
    let (open, close) = match query.delimiter {
        '[' => ('[', ']'),
        '{' => ('{', '}'),
        _ => ('(', ')'),
    };
    let _ = write!(
        source,
        "fn keyton_type_of<A, T>(_: impl FnOnce(A) -> T) -> &'static str {{\n    \
             ::std::any::type_name::<T>()\n}}\n\n\
         #[unsafe(no_mangle)]\n\
         pub extern \"C\" fn keyton_macro_type(keyton_len: &mut usize) -> *const u8 {{\n    \
             #[allow(unused_variables, unused_mut, unreachable_code)]\n    \
             let keyton_name = keyton_type_of(|({names}): ({types})| ::{path}!{open}{tokens}{close});\n    \
             *keyton_len = keyton_name.len();\n    \
             keyton_name.as_ptr()\n\
         }}\n",
        types = types.concat(),
        path = query.path.join("::"),
        tokens = query.tokens,
    );
    source
}
