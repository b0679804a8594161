//! The Keyton compiler driver: everything between a `.kt` file and a running
//! native program, for the `keyton` CLI (and later the REPL and kernel).
//!
//! - [`compile`]: the pipeline, Keyton source to Rust source (parse, check
//!   against std's API index, emit), with a line map back to Keyton;
//!   [`compile_module`] checks against a given [`World`](keyton_index::World)
//!   (a script's imported crates: `keyton_session::build_script`).
//! - [`Cache`]: the directory holding the built runtime, build directories and
//!   session workspaces (`KEYTON_CACHE_DIR`, else the repository's `cache/`,
//!   else `~/.cache/keyton`).
//! - [`Runtime`]: `keyton_rt`, whose sources are embedded in this crate, built
//!   once per toolchain and [`Profile`] into the cache as an rlib.
//! - [`build_script`]: a script as a native executable, by a direct `rustc`
//!   call (no cargo: that is the fast path), with rustc's errors reported
//!   against the Keyton lines they came from. [`build_executable_with`]
//!   links more than the runtime ([`Links`]): the crates a script imports,
//!   which `keyton_session` builds with cargo.
//! - [`embedded`], [`COMMON_FLAGS`], [`from_rustc_stderr`]: what the session
//!   builds (`keyton_session`) share with the script builds.

mod cache;
pub mod embedded {
    //! Files built into the binary by build.rs, as (path relative to their
    //! root, contents): `RT_SOURCES` (keyton_rt's `src/`), `API_SOURCES`
    //! (kayton_api's `src/`) and `WORKSPACE_TEMPLATE`.
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
mod executable;
mod runtime;
mod rustc_errors;
mod toolchain;

pub use cache::{Cache, lock_file};
pub use executable::{Executable, Links, build_executable, build_executable_with};
pub use keyton_codegen::{Generated, ProgramLinks};
pub use runtime::Runtime;
pub use rustc_errors::{error_messages, from_rustc_stderr};
pub use toolchain::{COMMON_FLAGS, Profile, Toolchain, linker_arg_pair};

use keyton_diagnostics::Diagnostic;
use std::io;
use std::path::PathBuf;

/// Everything that can stop a script from being built or run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Errors in the Keyton program: from the parser or the checker, or
    /// rustc's errors mapped to the Keyton lines they came from. Show them
    /// with [`keyton_diagnostics::render_all`].
    #[error("the program has errors")]
    Program(Vec<Diagnostic>),
    /// rustc rejected the generated Rust at places no Keyton line explains:
    /// a bug in Keyton. `mapped` holds the errors that did map to Keyton lines.
    #[error(
        "internal error: the generated Rust did not compile\n{rendered}\n\
         = note: this is a bug in Keyton, not in your program; `keyton emit FILE.kt` shows the generated Rust"
    )]
    GeneratedRust {
        mapped: Vec<Diagnostic>,
        rendered: String,
    },
    #[error(
        "cannot run `rustc` ({0}); Keyton needs a Rust toolchain on PATH (see https://rustup.rs)"
    )]
    NoRustc(#[source] io::Error),
    #[error("`{command}` failed:\n{stderr}")]
    Rustc { command: String, stderr: String },
    #[error("building Keyton's runtime failed (a bug in Keyton):\n{0}")]
    Runtime(String),
    #[error("no cache directory: set KEYTON_CACHE_DIR (or HOME)")]
    NoCacheDir,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Error {
    /// An I/O error about `path`.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Keyton source to Rust source: parse, check against std's API index, emit.
/// `file_name` is the name run-time errors show for this source.
pub fn compile(source: &str, file_name: &str) -> Result<Generated, Vec<Diagnostic>> {
    let module = keyton_syntax::parse(source)?;
    compile_module(
        &module,
        &keyton_index::World::std(),
        source,
        file_name,
        &ProgramLinks::default(),
    )
}

/// A parsed script (of `source`) to Rust source: check against `world`
/// (std's API and the crates the script imports), emit with `links` (what
/// the program links its crates from, if it imports any).
pub fn compile_module(
    module: &keyton_syntax::ast::Module,
    world: &keyton_index::World,
    source: &str,
    file_name: &str,
    links: &ProgramLinks,
) -> Result<Generated, Vec<Diagnostic>> {
    let program = keyton_check::check(module, world)?;
    Ok(keyton_codegen::emit_program(
        &program, source, file_name, links,
    ))
}

/// Compile a script and build it into an executable. Finding the toolchain
/// and building the runtime (once per cache) run on a second thread while the
/// Keyton source compiles, since neither depends on the other.
pub fn build_script(
    cache: &Cache,
    source: &str,
    file_name: &str,
    profile: Profile,
) -> Result<Executable, Error> {
    std::thread::scope(|scope| {
        let prepared = scope.spawn(|| {
            let toolchain = Toolchain::detect()?;
            let runtime = Runtime::ensure(cache, &toolchain, profile)?;
            Ok::<_, Error>((toolchain, runtime))
        });
        let generated = compile(source, file_name);
        let prepared = prepared
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // The program's own errors first: they are what the user is working on.
        let generated = generated.map_err(Error::Program)?;
        let (toolchain, runtime) = prepared?;
        let name = crate_name(file_name);
        build_executable(cache, &toolchain, &runtime, &generated, &name, profile)
    })
}

/// A Rust crate name for a script: its file stem with every character that
/// is not an ASCII letter, digit or `_` replaced by `_`, kept clear of the
/// crates the program links.
pub fn crate_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "kt_");
    }
    if matches!(
        name.as_str(),
        "std" | "core" | "alloc" | "proc_macro" | "test" | "keyton_rt"
    ) {
        name.push_str("_script");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::crate_name;

    #[test]
    fn crate_names_are_rust_identifiers() {
        assert_eq!(crate_name("hello.kt"), "hello");
        assert_eq!(crate_name("dir/my-script.v2.kt"), "my_script_v2");
        assert_eq!(crate_name("2024 report.kt"), "kt_2024_report");
        assert_eq!(crate_name("grüße.kt"), "gr__e");
        assert_eq!(crate_name("std.kt"), "std_script");
        assert_eq!(crate_name("keyton_rt.kt"), "keyton_rt_script");
        assert_eq!(crate_name(""), "kt_");
    }
}
