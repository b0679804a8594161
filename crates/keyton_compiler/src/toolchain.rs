//! Which `rustc` builds Keyton programs, and with which flags. The flags live
//! here, in one place, because the runtime rlib and the scripts that link it
//! must agree on them, and the runtime's cache key includes them.

use crate::Error;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `rustc` on PATH (through rustup, the toolchain it picks for the
/// current directory).
const RUSTC: &str = "rustc";

/// Flags of every build, runtime and scripts alike. Overflow checks stay on
/// in every profile: the language makes integer overflow a run-time error.
/// Warnings are capped away: the user cannot act on them.
pub const COMMON_FLAGS: &[&str] = &[
    "--edition",
    "2024",
    "-C",
    "overflow-checks=on",
    "-C",
    "panic=unwind",
    "--cap-lints",
    "allow",
];

/// How a program is built: soon (`keyton run`) or fast (`keyton build`).
///
/// Measured on this project's machine kind (2 cores, shared with other
/// builds, so CPU time (user + sys) is the steadier figure), rustc 1.95,
/// median of 15 runs, for the Rust generated from `examples/hello.kt`
/// (82 lines: a fn, a HashMap, f-strings, closures) linked against the
/// runtime rlib:
///
/// | flags                                         | rustc CPU |
/// |-----------------------------------------------|-----------|
/// | `-C opt-level=0` (std linked statically)      | 0.22 s    |
/// | `-C opt-level=0 -C prefer-dynamic` + rpath    | 0.19 s    |
/// | `-C opt-level=0 -C codegen-units=1`           | 0.21 s    |
/// | `-C opt-level=0 -C strip=debuginfo`           | 0.21 s    |
/// | `-C opt-level=1`                              | 0.50 s    |
/// | `-C opt-level=1 -C prefer-dynamic` + rpath    | 0.47 s    |
/// | release (below)                               | 0.51 s    |
///
/// For a trivial `main` the dynamic link saves proportionally more (0.08 s
/// to 0.07 s CPU, 0.10 s to 0.07 s wall on an idle machine), and `-C lto=fat`
/// (or thin) on top of the release flags took 4.1 s instead of 0.5 s.
/// rustc's default debuginfo is already 0 and rust-lld is already the linker
/// on x86_64 Linux, so neither has more to give. Dev therefore is opt-level
/// 0 with std linked dynamically (on Unix, with an rpath to the toolchain's
/// libstd, so the executable is for this machine and toolchain only: right
/// for `keyton run`). Release links std statically, so the executable stands
/// alone; LTO stays off: it costs seconds, and the runtime's hot helpers are
/// `#[inline]`, so they are inlined into the program without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    Dev,
    Release,
}

impl Profile {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Profile::Dev => "dev",
            Profile::Release => "release",
        }
    }

    /// Code generation flags, for the runtime and the scripts of this profile.
    pub(crate) fn codegen_flags(self) -> &'static [&'static str] {
        match self {
            Profile::Dev => &["-C", "opt-level=0"],
            Profile::Release => &[
                "-C",
                "opt-level=3",
                "-C",
                "codegen-units=1",
                "-C",
                "debug-assertions=off",
            ],
        }
    }
}

/// The Rust toolchain found on PATH.
#[derive(Clone, Debug)]
pub struct Toolchain {
    version: String,
    target_libdir: PathBuf,
}

impl Toolchain {
    /// Ask `rustc` for its version and its target library directory (two
    /// processes, run at once: each costs about 20 ms through rustup).
    pub fn detect() -> Result<Toolchain, Error> {
        let version = spawn_rustc(&["-vV"])?;
        let libdir = spawn_rustc(&["--print", "target-libdir"])?;
        let version = finish(version, "rustc -vV")?;
        let libdir = finish(libdir, "rustc --print target-libdir")?;
        Ok(Toolchain {
            version,
            target_libdir: PathBuf::from(libdir.trim_end()),
        })
    }

    /// `rustc -vV`: changes whenever the compiler does.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Where the toolchain's libraries are, `libstd-*.so` among them: the
    /// run-time search path of everything linked with `-C prefer-dynamic`.
    pub fn target_libdir(&self) -> &Path {
        &self.target_libdir
    }

    /// A `rustc` command with the flags of every build.
    pub fn rustc(&self) -> Command {
        let mut command = Command::new(RUSTC);
        command.args(COMMON_FLAGS);
        command
    }

    /// Every flag a script executable of `profile` gets, apart from its own
    /// names and paths: the ones [`build_executable`](crate::build_executable)
    /// passes, so other Rust can be built the same way (the benchmarks build
    /// hand-written Rust with them to compare like with like).
    pub fn script_flags(&self, profile: Profile) -> Vec<OsString> {
        COMMON_FLAGS
            .iter()
            .chain(profile.codegen_flags())
            .map(OsString::from)
            .chain(self.executable_flags(profile))
            .collect()
    }

    /// Linking flags of a script executable (see [`Profile`] for why).
    pub(crate) fn executable_flags(&self, profile: Profile) -> Vec<OsString> {
        match profile {
            Profile::Dev if cfg!(unix) => dynamic_std_flags(&self.target_libdir),
            Profile::Dev => Vec::new(),
            Profile::Release => vec!["-C".into(), "strip=symbols".into()],
        }
    }
}

/// Link std as the toolchain's shared library and find it there at run time.
fn dynamic_std_flags(libdir: &Path) -> Vec<OsString> {
    let mut flags: Vec<OsString> = vec!["-C".into(), "prefer-dynamic".into()];
    flags.extend(linker_arg_pair("-rpath", libdir));
    flags
}

/// `-C link-arg=-Xlinker -C link-arg=<flag> -C link-arg=-Xlinker -C
/// link-arg=<value>`: the linker's `<flag> <value>`. `-Xlinker` passes the
/// value as one argument, whatever it contains (`-Wl,` would split it at
/// commas).
pub fn linker_arg_pair(flag: &str, value: &Path) -> Vec<OsString> {
    let mut value_arg = OsString::from("link-arg=");
    value_arg.push(value);
    [
        "-C",
        "link-arg=-Xlinker",
        "-C",
        &format!("link-arg={flag}"),
        "-C",
        "link-arg=-Xlinker",
        "-C",
    ]
    .into_iter()
    .map(OsString::from)
    .chain([value_arg])
    .collect()
}

fn spawn_rustc(args: &[&str]) -> Result<std::process::Child, Error> {
    Command::new(RUSTC)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(Error::NoRustc)
}

fn finish(child: std::process::Child, command: &str) -> Result<String, Error> {
    let output = child.wait_with_output().map_err(Error::NoRustc)?;
    if !output.status.success() {
        return Err(Error::Rustc {
            command: command.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_toolchain_on_path() {
        let toolchain = Toolchain::detect().unwrap();
        assert!(toolchain.version().starts_with("rustc "));
        assert!(toolchain.target_libdir.is_dir());
    }

    #[test]
    fn dev_links_std_dynamically_and_release_strips() {
        let toolchain = Toolchain {
            version: String::new(),
            target_libdir: PathBuf::from("/lib,dir"),
        };
        let dev = toolchain.executable_flags(Profile::Dev);
        if cfg!(unix) {
            assert!(dev.contains(&"prefer-dynamic".into()));
            assert_eq!(dev.last().unwrap(), "link-arg=/lib,dir");
        }
        assert_eq!(
            toolchain.executable_flags(Profile::Release),
            ["-C", "strip=symbols"]
        );
        // Overflow checks are the language's, in every profile.
        assert!(COMMON_FLAGS.contains(&"overflow-checks=on"));
    }
}
