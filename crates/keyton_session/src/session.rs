//! [`Session`]: cells in, output and errors out, state kept in between.
//!
//! Each cell is parsed, checked against what earlier cells left
//! ([`SessionEnv`]), emitted as a dylib crate, built by [`CellBuilder`],
//! loaded into the session's [`Vm`] and run. A cell that does not compile
//! changes nothing; a cell that stops at run time keeps what its earlier
//! statements did (the guards of `kayton_api` write variables back while
//! the panic unwinds) and the functions it defined.

use crate::deps::ASYNC_INSTALL;
use crate::macro_probe::{MacroProbe, MacroTypeCache};
use crate::{
    BuildFailure, CellBuilder, CellImports, CrateRequest, DepsDylib, Error, ImportedCrate, Layers,
    RimportError,
};
use kayton_vm::{CellOutcome, OutputEvent, Value, Vm};
use keyton_check::SessionEnv;
use keyton_compiler::{Cache, Toolchain};
use keyton_diagnostics::{Diagnostic, render_all};
use keyton_index::{Ty, World};
use keyton_syntax::ast;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How a session starts.
pub struct Options {
    pub cache: Cache,
    /// The notebook's (or REPL's) directory, for paths in cells.
    pub dir: PathBuf,
}

/// Output of a cell, as it happens. Text the cell's code writes to the
/// process's stdout and stderr (`print`, Rust's `println!`) does not come
/// here: a host that wants it captures the file descriptors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Stdout(String),
    Stderr(String),
    /// `display(...)`: `data` is UTF-8 text for text MIME types, else bytes.
    Display {
        mime: String,
        data: Vec<u8>,
    },
    /// The cell's last expression.
    Result {
        mime: String,
        data: Vec<u8>,
    },
    /// A line of progress of a long build (`rimport`: cargo's "Compiling
    /// tokio v1.48.0"); a front end shows it with stderr, or not at all.
    Progress(String),
}

/// Why a cell stopped, as Jupyter shows errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellFailure {
    /// `CompileError`, `ImportError`, `RuntimeError` or `KeyboardInterrupt`.
    pub ename: String,
    /// The error's message.
    pub evalue: String,
    /// The whole report, a line each: message, Keyton place, the source
    /// line with a caret, help.
    pub traceback: Vec<String>,
}

/// Where the time of the last cell went: a regression points at its phase.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timings {
    /// Parsing and checking against the session.
    pub check: Duration,
    /// Generating the Rust crate.
    pub emit: Duration,
    /// The rustc call.
    pub rustc: Duration,
    /// Loading the library.
    pub load: Duration,
    /// Running the cell.
    pub run: Duration,
}

/// Stops the running cell of a session at its next loop iteration; usable
/// from any thread (a signal handler's thread, a protocol thread).
#[derive(Clone, Copy)]
pub struct Interrupter(&'static AtomicBool);

impl Interrupter {
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// One interactive session. Not `Send`: values in the VM may be of types
/// that must stay on the thread that made them, so a session lives on one
/// thread.
pub struct Session {
    vm: Vm,
    env: SessionEnv,
    /// std's API and the imported crates'.
    world: World,
    /// Where crates' API indexes are cached.
    index_dir: PathBuf,
    builder: CellBuilder,
    /// The deps dylib and the layers `rimport` added on top of it.
    layers: Layers,
    /// The crate name and library of every cell built, in order.
    cells: Vec<(String, PathBuf)>,
    interrupt: &'static AtomicBool,
    dir: PathBuf,
    /// Cells executed so far, built or not: errors name a cell
    /// `cell[N]`, as a notebook numbers its inputs.
    executed: usize,
    timings: Timings,
    /// The crate name and earlier cells of the last cell built.
    last_build: Option<(String, Vec<(String, PathBuf)>)>,
    /// Types of crate macro calls' values rustc was asked for.
    macro_types: MacroTypeCache,
}

impl Session {
    /// Make sure the deps dylib is built (once per cache), then open a new
    /// session with nothing defined.
    pub fn start(options: Options) -> Result<Session, Error> {
        let toolchain = Toolchain::detect()?;
        let deps = DepsDylib::ensure(&options.cache, &toolchain)?;
        let builder = CellBuilder::new(&options.cache, &toolchain, &deps)?;
        let interrupt = interrupt_flag(deps.dylib())?;
        Ok(Session {
            vm: Vm::new(),
            env: SessionEnv::default(),
            world: World::std(),
            index_dir: crate::index_dir(&options.cache),
            builder,
            layers: Layers::new(&deps),
            cells: Vec::new(),
            interrupt,
            dir: options.dir,
            executed: 0,
            timings: Timings::default(),
            last_build: None,
            macro_types: MacroTypeCache::new(&options.cache),
        })
    }

    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.interrupt)
    }

    /// The directory cells' relative paths start from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What earlier cells defined.
    pub fn env(&self) -> &SessionEnv {
        &self.env
    }

    /// A session variable as the language shows it (`[1, 2, 3]`).
    pub fn repr(&self, name: &str) -> Option<String> {
        self.vm.repr(name)
    }

    /// Compile and run one cell; `out` gets its rich output as it happens.
    pub fn execute(&mut self, code: &str, out: &mut dyn FnMut(Output)) -> Result<(), CellFailure> {
        self.executed += 1;
        let file = format!("cell[{}]", self.executed);
        let crate_name = format!("cell_{}", self.cells.len() + 1);
        let compile_error =
            |diags: &[Diagnostic]| CellFailure::compile(&render_all(diags, code, &file));
        self.timings = Timings::default();
        let mut clock = Instant::now();
        let mut lap = || std::mem::replace(&mut clock, Instant::now()).elapsed();
        let module = keyton_syntax::parse(code).map_err(|d| compile_error(&d))?;
        self.import_crates(&module, out)
            .map_err(|d| CellFailure::import(&render_all(&[d], code, &file)))?;
        let mut probe = MacroProbe {
            builder: &self.builder,
            layers: &self.layers,
            world: &self.world,
            cache: &mut self.macro_types,
        };
        let checked = keyton_check::check_cell_with(
            &module,
            &self.world,
            &self.env,
            &crate_name,
            Some(&mut probe),
        );
        let checked = checked.map_err(|d| {
            self.keep_imports(&module, &crate_name);
            compile_error(&d)
        })?;
        self.timings.check = lap();
        let generated =
            keyton_codegen::emit_cell(&checked.program, code, &file, &self.extern_crates());
        self.timings.emit = lap();
        let earlier: Vec<(String, PathBuf)> = self
            .cells
            .iter()
            .filter(|(name, _)| checked.uses_crates.contains(name))
            .cloned()
            .collect();
        let library = self
            .builder
            .build(&crate_name, &generated.code, &earlier)
            .map_err(|failure| build_failure(&failure, &generated, code, &file))?;
        self.timings.rustc = lap();
        self.last_build = Some((crate_name.clone(), earlier));
        let cell = self
            .vm
            .load_cell(&library)
            .map_err(|e| CellFailure::internal(e.to_string()))?;
        self.cells.push((crate_name, library));
        self.timings.load = lap();
        self.interrupt.store(false, Ordering::Relaxed);
        let outcome = self.vm.run_cell_with(cell, &mut |event| out(event.into()));
        self.timings.run = lap();
        let mut env = checked.env;
        match outcome {
            CellOutcome::Completed => {
                self.env = env;
                Ok(())
            }
            CellOutcome::Failed => {
                // Keep what the VM really holds: variables the cell did
                // not reach keep their earlier type, or are not defined.
                let before = std::mem::take(&mut self.env);
                env.retain_globals(|name, ty| self.holds(name, ty));
                for (name, ty) in before.globals() {
                    let known = env.globals().iter().any(|(n, _)| n == name);
                    if !known && self.holds(name, ty) {
                        env.restore_global(name, ty);
                    }
                }
                self.env = env;
                Err(CellFailure::runtime(&self.vm.take_errors()))
            }
        }
    }

    /// Make a crate available to later cells: build (or find built) the
    /// next deps layer, whose dylib later cells link, and pass the crate's
    /// library to their rustc calls. `progress` gets cargo's status lines
    /// as they come (for the cell's stderr). A failure changes nothing.
    pub fn rimport(
        &mut self,
        request: &CrateRequest,
        progress: &mut dyn FnMut(&str),
    ) -> Result<ImportedCrate, RimportError> {
        let imported = self.layers.import(request, progress)?;
        self.link_imports();
        Ok(imported)
    }

    /// Import the crates of the cell's top-level `rimport` lines that are
    /// not imported yet; cargo's progress goes to the cell's stderr.
    fn import_crates(
        &mut self,
        module: &ast::Module,
        out: &mut dyn FnMut(Output),
    ) -> Result<(), Diagnostic> {
        let imports = crate::crate_imports(module, &self.dir, &self.world);
        if imports.is_empty() {
            return Ok(());
        }
        let mut progress = |line: &str| out(Output::Progress(format!("{line}\n")));
        let imported = crate::import_crates(
            &imports,
            &mut self.layers,
            &mut self.world,
            &self.index_dir,
            &mut progress,
        );
        // Those imported before a failure are imported all the same.
        self.link_imports();
        imported.map(drop)
    }

    /// Later cells link the layers and crates imported so far; a layer
    /// that brought tokio also installs the session's runtime for it.
    fn link_imports(&mut self) {
        for layer in &self.layers.all()[1..] {
            install_async_runtime(&layer.dylib);
        }
        self.builder.set_imports(CellImports::of(&self.layers));
        self.vm.set_crate_builds(self.layers.crate_builds());
    }

    /// The crates imported so far, oldest first.
    pub fn imported(&self) -> impl Iterator<Item = &ImportedCrate> {
        self.layers.imported()
    }

    /// The crates a cell must name with `extern crate NAME;` (besides
    /// `keyton_deps`) so that the imported crates are linked from the deps
    /// layers: the newest layer, once something is imported.
    pub fn extern_crates(&self) -> Vec<String> {
        self.layers.extern_crates()
    }

    /// The cell builder (its directory, its rustc call), for tests and
    /// benchmarks that build hand-written cells in the session.
    pub fn builder(&self) -> &CellBuilder {
        &self.builder
    }

    /// Where the time of the last executed cell went (zero for the phases
    /// it did not reach).
    pub fn timings(&self) -> Timings {
        self.timings
    }

    /// The rustc call that built the last cell, writing to `library`
    /// instead: run on its own it times rustc alone on the cell's
    /// generated file, the floor of a cell's latency.
    pub fn last_rustc(&self, library: &Path) -> Option<std::process::Command> {
        let (name, earlier) = self.last_build.as_ref()?;
        Some(
            self.builder
                .rustc(name, &format!("{name}.rs"), earlier, library),
        )
    }

    /// A cell that does not compile runs nothing, but the crates its
    /// `rimport` lines imported are imported: bind their names for later
    /// cells, as the lines alone would.
    fn keep_imports(&mut self, module: &ast::Module, crate_name: &str) {
        let stmts: Vec<ast::Stmt> = module
            .stmts
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    ast::StmtKind::Rimport(_) | ast::StmtKind::FromRimport(_)
                )
            })
            .cloned()
            .collect();
        if stmts.is_empty() {
            return;
        }
        let imports = ast::Module { stmts };
        if let Ok(checked) = keyton_check::check_cell(&imports, &self.world, &self.env, crate_name)
        {
            self.env = checked.env;
        }
    }

    /// Whether the VM holds `name` as a value of type `ty`.
    fn holds(&self, name: &str, ty: &Ty) -> bool {
        let want = keyton_codegen::type_text(ty);
        match self.vm.get(name) {
            None => false,
            Some(Value::Dyn(value)) => self
                .vm
                .fingerprint(value.kind())
                .is_some_and(|f| f.type_path == want),
            Some(plain) => plain.plain_type().map(rust_spelling) == Some(want.as_str()),
        }
    }
}

/// How generated code spells the VM's plain types.
fn rust_spelling(plain: &str) -> &str {
    match plain {
        "String" => "::std::string::String",
        "Vec<i64>" => "::std::vec::Vec<i64>",
        "Vec<f64>" => "::std::vec::Vec<f64>",
        "Vec<String>" => "::std::vec::Vec<::std::string::String>",
        other => other,
    }
}

/// If the layer brought tokio, it holds the session's runtime for it
/// (`keyton_async`): install it as the executor of every awaited future.
/// Loading the layer now loads nothing new for long: every later cell
/// links it anyway.
fn install_async_runtime(layer: &Path) {
    // SAFETY: a deps layer is Keyton's own cargo build of crates the user
    // imported; loading it runs their initialisers, as the next cell would.
    let Ok(library) = (unsafe { libloading::Library::new(layer) }) else {
        return;
    };
    // SAFETY: keyton_async exports its installer as `extern "C" fn()`; a
    // layer without it has no such symbol.
    if let Ok(install) = unsafe { library.get::<extern "C" fn()>(ASYNC_INSTALL.as_bytes()) } {
        install();
    }
    // Kept loaded: the executor it installed lives in it.
    std::mem::forget(library);
}

/// The runtime's interrupt flag, in the deps dylib every cell shares.
fn interrupt_flag(deps: &Path) -> Result<&'static AtomicBool, Error> {
    // SAFETY: the deps dylib is Keyton's own build of keyton_rt and
    // kayton_api, whose initialisers are Rust's (none of their own).
    let library = unsafe { libloading::Library::new(deps) }.map_err(|e| Error::Load {
        path: deps.to_path_buf(),
        message: e.to_string(),
    })?;
    // SAFETY: keyton_rt exports `KEYTON_INTERRUPT` as a `static AtomicBool`.
    let flag: *const AtomicBool =
        *unsafe { library.get(b"KEYTON_INTERRUPT\0") }.map_err(|e: libloading::Error| {
            Error::Load {
                path: deps.to_path_buf(),
                message: e.to_string(),
            }
        })?;
    // The deps dylib stays loaded for the life of the process (every cell
    // links it), so its static lives as long.
    std::mem::forget(library);
    // SAFETY: a valid, aligned static of the library kept loaded above.
    Ok(unsafe { &*flag })
}

fn build_failure(
    failure: &BuildFailure,
    generated: &keyton_codegen::Generated,
    code: &str,
    file: &str,
) -> CellFailure {
    match failure.to_keyton(|line| generated.line_map.span_at(line)) {
        Some(keyton_compiler::Error::Program(diags)) => {
            CellFailure::compile(&render_all(&diags, code, file))
        }
        Some(other) => CellFailure::internal(other.to_string()),
        None => CellFailure::internal(failure.to_string()),
    }
}

impl From<OutputEvent> for Output {
    fn from(event: OutputEvent) -> Output {
        match event {
            OutputEvent::Stdout(text) => Output::Stdout(text),
            OutputEvent::Stderr(text) => Output::Stderr(text),
            OutputEvent::Display { mime, data } => Output::Display { mime, data },
            OutputEvent::Result { mime, data } => Output::Result { mime, data },
        }
    }
}

impl CellFailure {
    fn new(ename: &str, report: &str) -> CellFailure {
        let traceback: Vec<String> = report.trim_end().lines().map(str::to_string).collect();
        let evalue = traceback
            .first()
            .map(|l| l.strip_prefix("error: ").unwrap_or(l).to_string())
            .unwrap_or_default();
        CellFailure {
            ename: ename.to_string(),
            evalue,
            traceback,
        }
    }

    fn compile(report: &str) -> CellFailure {
        CellFailure::new("CompileError", report)
    }

    fn import(report: &str) -> CellFailure {
        CellFailure::new("ImportError", report)
    }

    fn internal(message: String) -> CellFailure {
        CellFailure::new("InternalError", &format!("error: {message}"))
    }

    fn runtime(errors: &[kayton_vm::CellError]) -> CellFailure {
        let report: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        let report = report.join("\n");
        let interrupted = report.contains(keyton_rt::INTERRUPTED);
        let ename = if interrupted {
            "KeyboardInterrupt"
        } else {
            "RuntimeError"
        };
        CellFailure::new(ename, &report)
    }
}
