//! A generated program as a native executable: written into a build
//! directory of its own under the cache, compiled by one direct `rustc` call
//! against the runtime rlib (and, for a program that imports crates, their
//! libraries: [`Links`]), and run with the user's arguments and terminal.

use crate::{Cache, Error, Profile, Runtime, Toolchain, linker_arg_pair, rustc_errors};
use keyton_codegen::Generated;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use tempfile::TempDir;

/// The generated file's name, as rustc is given it (relative to the build
/// directory, which is rustc's working directory). Run-time errors and rustc
/// errors name it so, and both are matched against it.
const MAIN_RS: &str = "main.rs";

/// A built program. It lives in a build directory that is removed when the
/// `Executable` is dropped; [`Executable::persist`] keeps a copy.
#[derive(Debug)]
pub struct Executable {
    path: PathBuf,
    _dir: TempDir,
}

/// What a program links, as rustc is told: the runtime, and the crates a
/// program imports with their dependencies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// `--extern NAME=FILE`: the crates the program names, `keyton_rt`
    /// among them.
    pub externs: Vec<(String, PathBuf)>,
    /// `-L dependency=DIR`: where rustc finds the crates those depend on.
    pub dependency_dirs: Vec<PathBuf>,
    /// Directories of the dylibs the executable loads at run time (its
    /// rpath), besides the toolchain's libstd of a dev build.
    pub rpath: Vec<PathBuf>,
}

impl Links {
    /// The runtime rlib alone: a program that imports no crate.
    pub fn runtime(runtime: &Runtime) -> Links {
        Links {
            externs: vec![("keyton_rt".to_string(), runtime.rlib().to_path_buf())],
            dependency_dirs: vec![runtime.dir().to_path_buf()],
            rpath: Vec::new(),
        }
    }

    /// rustc's arguments for these links.
    fn args(&self) -> Vec<OsString> {
        let mut args = Vec::new();
        for dir in &self.dependency_dirs {
            args.push("-L".into());
            args.push(prefixed("dependency=", dir));
        }
        for (name, file) in &self.externs {
            args.push("--extern".into());
            args.push(prefixed(&format!("{name}="), file));
        }
        for dir in &self.rpath {
            args.extend(linker_arg_pair("-rpath", dir));
        }
        args
    }
}

/// Compile generated code into an executable named `crate_name`, linking
/// the runtime.
pub fn build_executable(
    cache: &Cache,
    toolchain: &Toolchain,
    runtime: &Runtime,
    generated: &Generated,
    crate_name: &str,
    profile: Profile,
) -> Result<Executable, Error> {
    let links = Links::runtime(runtime);
    build_executable_with(cache, toolchain, generated, crate_name, profile, &links)
}

/// Compile generated code into an executable named `crate_name`, linking
/// what `links` names (`keyton_rt` included).
pub fn build_executable_with(
    cache: &Cache,
    toolchain: &Toolchain,
    generated: &Generated,
    crate_name: &str,
    profile: Profile,
    links: &Links,
) -> Result<Executable, Error> {
    let dir = cache.build_dir()?;
    let main_rs = dir.path().join(MAIN_RS);
    fs::write(&main_rs, &generated.code).map_err(Error::io(&main_rs))?;
    let path = dir
        .path()
        .join(crate_name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    let output = toolchain
        .rustc()
        .current_dir(dir.path())
        .args(profile.codegen_flags())
        .args(toolchain.executable_flags(profile))
        .args(["--crate-type", "bin", "--crate-name", crate_name])
        .arg("--error-format=json")
        .args(links.args())
        .arg("-o")
        .arg(&path)
        .arg(MAIN_RS)
        .stdin(Stdio::null())
        .output()
        .map_err(Error::NoRustc)?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(rustc_errors::from_rustc_stderr(&stderr, MAIN_RS, |line| {
            generated.line_map.span_at(line)
        }));
    }
    Ok(Executable { path, _dir: dir })
}

impl Executable {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run the program with `args`, its stdin, stdout and stderr those of
    /// this process, and return its exit code (128 + the signal's number if a
    /// signal ended it, as shells report it).
    pub fn run<I, S>(&self, args: I) -> Result<i32, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let status = Command::new(&self.path)
            .args(args)
            .status()
            .map_err(Error::io(&self.path))?;
        Ok(exit_code(status))
    }

    /// Copy the executable to `to`, keeping its permissions. The copy is
    /// made beside `to` and renamed over it, so replacing an executable that
    /// is running works, and `to` is never left half-written.
    pub fn persist(&self, to: &Path) -> Result<(), Error> {
        let parent = match to.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let staged = tempfile::NamedTempFile::new_in(parent).map_err(Error::io(parent))?;
        fs::copy(&self.path, staged.path()).map_err(Error::io(staged.path()))?;
        staged.persist(to).map_err(|e| Error::io(to)(e.error))?;
        Ok(())
    }
}

fn prefixed(prefix: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(prefix);
    arg.push(path);
    arg
}

fn exit_code(status: ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    status.code().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyton_codegen::LineMap;

    fn build(code: &str, profile: Profile, cache: &Cache) -> Executable {
        let toolchain = Toolchain::detect().unwrap();
        let runtime = Runtime::ensure(cache, &toolchain, profile).unwrap();
        let generated = Generated {
            code: code.to_string(),
            line_map: LineMap::default(),
        };
        build_executable(cache, &toolchain, &runtime, &generated, "probe", profile).unwrap()
    }

    #[test]
    fn builds_runs_and_passes_arguments_and_exit_codes() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::at(root.path());
        let code = "fn main() { let n = std::env::args().skip(1).map(|a| a.len() as i32).sum::<i32>(); std::process::exit(n) }";
        for profile in [Profile::Dev, Profile::Release] {
            let exe = build(code, profile, &cache);
            assert_eq!(exe.run(["ab", "cde"]).unwrap(), 5);
            let copy = root.path().join(format!("copy-{}", profile.name()));
            exe.persist(&copy).unwrap();
            exe.persist(&copy).unwrap(); // replaces
            drop(exe);
            let status = Command::new(&copy).arg("x").status().unwrap();
            assert_eq!(status.code(), Some(1));
        }
        // Every build directory is gone with its executable.
        let builds = root.path().join("workspaces/scripts/builds");
        assert_eq!(fs::read_dir(builds).unwrap().count(), 0);
    }

    #[test]
    fn overflow_checks_are_on_in_release() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::at(root.path());
        let code = "fn main() { let x: i64 = std::env::args().count() as i64; let _ = std::hint::black_box(i64::MAX - 1 + x + x); }";
        let exe = build(code, Profile::Release, &cache);
        let status = Command::new(exe.path())
            .arg("1")
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(101)); // Rust's exit code for a panic
    }
}
