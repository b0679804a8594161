//! Scripts that `rimport` crates (`keyton run`, `keyton build`): their
//! crates are imported as a session's are (a deps layer each, built by
//! cargo in the shared workspace, so a second script importing the same
//! crates finds them built), then the script is built by one rustc call, as
//! `keyton_compiler::build_script` builds a script without crates.
//!
//! The two profiles link the crates differently:
//!
//! - [`Profile::Dev`] (`keyton run`): like a cell, the program names the
//!   newest layer (`extern crate`), and links the layers' dylibs and the
//!   runtime inside them with `-C prefer-dynamic`, finding them at run time
//!   through its rpath. Nothing of the crates is linked again per script.
//! - [`Profile::Release`] (`keyton build`): the executable stands alone:
//!   the crates are linked statically from the rlibs the layers' cargo
//!   builds left (`-C prefer-dynamic` in their rustflags only changes how
//!   the layer dylibs link; the crates themselves are ordinary rlibs), with
//!   the release runtime rlib, as a script without crates.

use crate::deps::{ASYNC_CRATE, ASYNC_INSTALL};
use crate::macro_probe::{MacroProbe, MacroTypeCache};
use crate::{
    CellBuilder, CellImports, CrateImport, DepsDylib, Layers, crate_imports, import_crates,
    index_dir,
};
use keyton_compiler::{
    Cache, Error, Executable, Generated, Links, Profile, ProgramLinks, Runtime, Toolchain,
    build_executable_with, crate_name,
};
use keyton_index::World;
use keyton_syntax::ast;
use std::path::{Path, PathBuf};

/// Compile the script `source` (its name `file_name`, its directory `dir`,
/// where relative `rimport ... @ "path"` start) and build it into an
/// executable, importing its crates first; `progress` gets cargo's status
/// lines while they build. A script that imports no crate is built by
/// [`keyton_compiler::build_script`], without cargo. A failed import is an
/// [`Error::Program`] at its `rimport` line.
pub fn build_script(
    cache: &Cache,
    source: &str,
    file_name: &str,
    dir: &Path,
    profile: Profile,
    progress: &mut dyn FnMut(&str),
) -> Result<Executable, Error> {
    let Some(script) = Imported::import(cache, source, dir, progress)? else {
        return keyton_compiler::build_script(cache, source, file_name, profile);
    };
    let (links, program_links) = match profile {
        Profile::Dev => (
            dylib_links(&script.deps, &script.layers)?,
            ProgramLinks {
                extern_crates: script.layers.extern_crates(),
                startup: Vec::new(),
            },
        ),
        Profile::Release => {
            let runtime = Runtime::ensure(cache, &script.toolchain, profile)?;
            let mut links = static_links(&runtime, &script.deps, &script.layers);
            let program_links = link_async_runtime(&script.layers, &mut links);
            (links, program_links)
        }
    };
    let generated = script.compile(source, file_name, &program_links)?;
    let name = crate_name(file_name);
    build_executable_with(cache, &script.toolchain, &generated, &name, profile, &links)
}

/// The Rust `keyton run` builds for the script (see [`build_script`]),
/// its crates imported first.
pub fn emit_script(
    cache: &Cache,
    source: &str,
    file_name: &str,
    dir: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<Generated, Error> {
    match Imported::import(cache, source, dir, progress)? {
        Some(script) => {
            let links = ProgramLinks {
                extern_crates: script.layers.extern_crates(),
                startup: Vec::new(),
            };
            script.compile(source, file_name, &links)
        }
        None => keyton_compiler::compile(source, file_name).map_err(Error::Program),
    }
}

/// A parsed script whose crates are imported: what its build links (public
/// so that a benchmark can link hand-written Rust against the same crates).
pub struct Imported {
    cache: Cache,
    module: ast::Module,
    world: World,
    toolchain: Toolchain,
    deps: DepsDylib,
    layers: Layers,
}

impl Imported {
    /// The script's deps layers.
    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// The session deps dylib under those layers.
    pub fn deps(&self) -> &DepsDylib {
        &self.deps
    }

    pub fn toolchain(&self) -> &Toolchain {
        &self.toolchain
    }

    /// Parse the script and import its crates (relative paths from
    /// `dir`); `None` if it imports none.
    pub fn import(
        cache: &Cache,
        source: &str,
        dir: &Path,
        progress: &mut dyn FnMut(&str),
    ) -> Result<Option<Imported>, Error> {
        let module = keyton_syntax::parse(source).map_err(Error::Program)?;
        let mut world = World::std();
        let dir = std::path::absolute(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let imports = crate_imports(&module, &dir, &world);
        let Some(first) = imports.first() else {
            return Ok(None);
        };
        let toolchain = Toolchain::detect()?;
        let deps = DepsDylib::ensure(cache, &toolchain).map_err(|e| import_error(first, e))?;
        let mut layers = Layers::new(&deps);
        import_crates(
            &imports,
            &mut layers,
            &mut world,
            &index_dir(cache),
            progress,
        )
        .map_err(|d| Error::Program(vec![d]))?;
        Ok(Some(Imported {
            cache: cache.clone(),
            module,
            world,
            toolchain,
            deps,
            layers,
        }))
    }

    /// The script as Rust, linking what `links` says. The type of a crate
    /// macro call's value is asked of rustc, as a session's is.
    fn compile(
        &self,
        source: &str,
        file_name: &str,
        links: &ProgramLinks,
    ) -> Result<Generated, Error> {
        let sessions = self.cache.root().join("sessions");
        let mut builder = CellBuilder::new(&self.cache, &self.toolchain, &self.deps)
            .map_err(|e| compiler_error(e, &sessions))?;
        builder.set_imports(CellImports::of(&self.layers));
        let mut macro_types = MacroTypeCache::new(&self.cache);
        let mut probe = MacroProbe {
            builder: &builder,
            layers: &self.layers,
            world: &self.world,
            cache: &mut macro_types,
        };
        let program = keyton_check::check_with(&self.module, &self.world, &mut probe)
            .map_err(Error::Program)?;
        Ok(keyton_codegen::emit_program(
            &program, source, file_name, links,
        ))
    }
}

/// Crates on tokio need the session's async runtime for it (the layer that
/// brings tokio holds it): link it into a standalone build and install it
/// before the program runs. It is built against the deps' keyton_rt: link
/// that one, so the runtime is in the program once.
fn link_async_runtime(layers: &Layers, links: &mut Links) -> ProgramLinks {
    let Some(async_runtime) = library(layers, ASYNC_CRATE) else {
        return ProgramLinks::default();
    };
    if let Some(runtime) = library(layers, "keyton_rt") {
        links.externs.retain(|(name, _)| name != "keyton_rt");
        links.externs.push(("keyton_rt".to_string(), runtime));
    }
    links.externs.push((ASYNC_CRATE.to_string(), async_runtime));
    ProgramLinks {
        extern_crates: vec![ASYNC_CRATE.to_string()],
        startup: vec![format!("{ASYNC_CRATE}::{ASYNC_INSTALL}")],
    }
}

/// A session error met while building the probes of a script, as the
/// error a script build reports (it happened under `dir`).
fn compiler_error(error: crate::Error, dir: &Path) -> Error {
    match error {
        crate::Error::Compiler(e) => e,
        crate::Error::Io { path, source } => Error::Io { path, source },
        other => Error::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    }
}

/// The rlib of the library `lib_name` in the layers' builds.
fn library(layers: &Layers, lib_name: &str) -> Option<PathBuf> {
    layers
        .imported()
        .flat_map(|krate| &krate.libraries)
        .find(|library| library.lib_name == lib_name)
        .map(|library| library.rlib.clone())
}

/// Links of a dev build: the layers' dylibs (the runtime is the one inside
/// them, as the cells of a session share it), the imported crates' rlibs
/// for their metadata, and an rpath to every layer's directory.
fn dylib_links(deps: &DepsDylib, layers: &Layers) -> Result<Links, Error> {
    let runtime = library(layers, "keyton_rt").ok_or_else(|| {
        Error::Runtime("the deps layers' build lists no keyton_rt library".to_string())
    })?;
    let layer_externs = layers.layer_externs();
    // Proc macros the crates use are host builds, in their own directory.
    let mut dirs: Vec<PathBuf> = vec![
        deps.dependency_dir().to_path_buf(),
        deps.host_dependency_dir(),
    ];
    let mut rpath: Vec<PathBuf> = vec![deps.rpath_dir().to_path_buf()];
    for (_, dylib) in &layer_externs {
        if let Some(dir) = dylib.parent() {
            push_new(&mut dirs, dir);
            push_new(&mut rpath, dir);
        }
    }
    let mut externs = vec![("keyton_rt".to_string(), runtime)];
    externs.extend(layer_externs);
    externs.extend(layers.crate_externs());
    Ok(Links {
        externs,
        dependency_dirs: dirs,
        rpath,
    })
}

/// Links of a release build: the runtime rlib and the imported crates'
/// rlibs, with the directory of their dependencies' rlibs, all linked
/// into the executable.
fn static_links(runtime: &Runtime, deps: &DepsDylib, layers: &Layers) -> Links {
    let mut links = Links::runtime(runtime);
    links.externs.extend(layers.crate_externs());
    links.dependency_dirs.extend([
        deps.dependency_dir().to_path_buf(),
        deps.host_dependency_dir(),
    ]);
    links
}

fn push_new(dirs: &mut Vec<PathBuf>, dir: &Path) {
    if !dirs.iter().any(|d| d == dir) {
        dirs.push(dir.to_path_buf());
    }
}

/// A session error (the deps dylib's build) told at the first `rimport`
/// line, which is what needed it.
fn import_error(import: &CrateImport, error: crate::Error) -> Error {
    match error {
        crate::Error::Compiler(e) => e,
        other => Error::Program(vec![
            import.error(format!("cannot import `{}`", import.name), &other),
        ]),
    }
}
