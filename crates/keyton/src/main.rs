//! `keyton`, the command line of Keyton: `run` compiles a `.kt` script and
//! runs it, `build` makes an optimized standalone executable of it, `emit`
//! prints the Rust generated for it (a debugging aid), `repl` runs an
//! interactive session, `kernel` installs or runs the Jupyter kernel,
//! `index CRATE` prints a crate's API as `rimport` reads it, `bench` times
//! Keyton programs against the same programs written in Rust, notebook
//! cells against bare rustc and evcxr, crate imports and `keyton run`. The
//! work is done by `keyton_compiler`, `keyton_session` (scripts that
//! `rimport` crates, and sessions), `keyton_repl`, `keyton_kernel`,
//! `keyton_crates` and `keyton_bench`; this file parses arguments and
//! reports errors the way the user should see them, against the file name
//! as they typed it.

use clap::{Parser, Subcommand, ValueEnum};
use keyton_compiler::{Cache, Error, Profile};
use keyton_diagnostics::render_all;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Keyton: Python-shaped, statically typed scripts, compiled to native code through Rust.
#[derive(Parser)]
#[command(name = "keyton", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a script and run it with ARGS; exits with the script's exit code
    Run {
        /// The script, then the arguments for it (all of them, `--help` too)
        #[arg(
            required = true,
            num_args = 1..,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_names = ["FILE", "ARGS"]
        )]
        script_and_args: Vec<OsString>,
    },
    /// Compile a script into an optimized, standalone executable
    Build {
        /// The script
        file: PathBuf,
        /// Where to write the executable
        #[arg(short, long, value_name = "BIN")]
        output: PathBuf,
    },
    /// Print the Rust code generated for a script
    Emit {
        /// The script
        file: PathBuf,
    },
    /// An interactive session: cells typed at the prompt, or piped on stdin
    Repl,
    /// Print the public API of a crate from crates.io, as `rimport` sees it
    Index {
        /// The crate
        krate: String,
        /// A cargo version requirement (default: the latest)
        #[arg(long, value_name = "V")]
        version: Option<String>,
        /// Cargo features, comma-separated (`-default` turns defaults off)
        #[arg(long, value_name = "F,G", value_delimiter = ',')]
        features: Vec<String>,
    },
    /// Time programs, cells, crate imports and `keyton run` against Rust, bare rustc and evcxr; write bench.json and charts
    Bench {
        /// Which cases: `runtime` (tests/bench programs against Rust), `cells` (session cells against bare rustc, a 200-cell session), `rimport` (crates: cold and warm `rimport reqwest`, sccache off and on, a warm reqwest cell, a crate call loop against Rust), `run` (`keyton run`, cold and warm), or `all` (every group, and evcxr side by side when it is installed)
        #[arg(long, value_enum, default_value_t = BenchGroup::All)]
        group: BenchGroup,
        /// Fewer repetitions (3 instead of 5), one cold import of the fixture crate `counter` (sccache on when installed) instead of two of reqwest with sccache off and two on, a 50-cell evcxr session and no cold evcxr build: under five minutes
        #[arg(long)]
        quick: bool,
        /// Repetitions of each program, and 4 cells per repetition for the cells group (overrides --quick)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        reps: Option<u16>,
        /// The directory of benchmark programs (NAME.kt, NAME.rs, NAME.stdout)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Where bench.json, cells.svg and imports.svg go (default: <cache>/bench)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// The Jupyter kernel: install its kernelspec, or run it (as Jupyter does)
    Kernel {
        #[command(subcommand)]
        command: KernelCommand,
    },
}

#[derive(Subcommand)]
enum KernelCommand {
    /// Install the kernelspec `keyton`, so that Jupyter offers Keyton notebooks
    Install {
        /// In the user's Jupyter data directory (the default)
        #[arg(long, conflicts_with_all = ["sys_prefix", "prefix"])]
        user: bool,
        /// In the Python environment on PATH (sys.prefix), e.g. the active virtualenv
        #[arg(long, conflicts_with = "prefix")]
        sys_prefix: bool,
        /// In PREFIX/share/jupyter/kernels
        #[arg(long, value_name = "PREFIX")]
        prefix: Option<PathBuf>,
    },
    /// Run a kernel for Jupyter, which gives it a connection file
    Run {
        /// The connection file (ports, key) Jupyter wrote
        #[arg(short = 'f', long = "connection-file", value_name = "CONNECTION_FILE")]
        connection_file: PathBuf,
    },
}

/// The groups of `keyton bench`, as the command line names them.
#[derive(Clone, Copy, ValueEnum)]
enum BenchGroup {
    Runtime,
    Cells,
    Rimport,
    Run,
    All,
}

impl From<BenchGroup> for keyton_bench::Group {
    fn from(group: BenchGroup) -> keyton_bench::Group {
        match group {
            BenchGroup::Runtime => keyton_bench::Group::Runtime,
            BenchGroup::Cells => keyton_bench::Group::Cells,
            BenchGroup::Rimport => keyton_bench::Group::Rimport,
            BenchGroup::Run => keyton_bench::Group::Run,
            BenchGroup::All => keyton_bench::Group::All,
        }
    }
}

fn main() {
    let code = match Cli::parse().command {
        Command::Run { script_and_args } => {
            let (file, args) = script_and_args.split_first().expect("clap requires FILE");
            run(Path::new(file), args)
        }
        Command::Build { file, output } => build(&file, &output),
        Command::Emit { file } => emit(&file),
        Command::Repl => keyton_repl::run(),
        Command::Index {
            krate,
            version,
            features,
        } => index(keyton_crates::CrateRequest {
            name: krate,
            version,
            features,
        }),
        Command::Bench {
            group,
            quick,
            reps,
            dir,
            out,
        } => bench(keyton_bench::Options {
            out,
            // `keyton run` is timed with this very executable.
            keyton: std::env::current_exe().ok(),
            ..keyton_bench::Options::new(group.into(), quick, reps.map(usize::from), dir)
        }),
        Command::Kernel { command } => kernel(command),
    };
    let _ = std::io::stdout().flush();
    std::process::exit(code);
}

fn run(file: &Path, args: &[OsString]) -> i32 {
    let Some(script) = Script::read(file) else {
        return 1;
    };
    script
        .build(file, Profile::Dev)
        .and_then(|exe| exe.run(args))
        .unwrap_or_else(|e| script.report(e))
}

fn build(file: &Path, output: &Path) -> i32 {
    let Some(script) = Script::read(file) else {
        return 1;
    };
    script
        .build(file, Profile::Release)
        .and_then(|exe| exe.persist(output))
        .map_or_else(|e| script.report(e), |()| 0)
}

fn emit(file: &Path) -> i32 {
    let Some(script) = Script::read(file) else {
        return 1;
    };
    match script.emit(file) {
        Ok(generated) => {
            print!("{}", generated.code);
            0
        }
        Err(e) => script.report(e),
    }
}

fn index(request: keyton_crates::CrateRequest) -> i32 {
    let report = Cache::from_env()
        .map_err(|e| e.to_string())
        .and_then(|cache| {
            keyton_crates::index_crate(cache.root(), &request).map_err(|e| e.to_string())
        });
    match report {
        Ok(report) => {
            for line in report.lines() {
                println!("{line}");
            }
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn bench(options: keyton_bench::Options) -> i32 {
    match keyton_bench::run(&options) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn kernel(command: KernelCommand) -> i32 {
    match command {
        KernelCommand::Install {
            sys_prefix, prefix, ..
        } => {
            let location = match prefix {
                Some(prefix) => keyton_kernel::Location::Prefix(prefix),
                None if sys_prefix => keyton_kernel::Location::SysPrefix,
                None => keyton_kernel::Location::User,
            };
            match keyton_kernel::install(&location) {
                Ok(dir) => {
                    println!("Installed the Keyton kernelspec in {}", dir.display());
                    0
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
        // The kernel logs its own errors: fd 2 is captured once it runs.
        KernelCommand::Run { connection_file } => {
            keyton_kernel::run(&connection_file).map_or(1, |()| 0)
        }
    }
}

/// The directory of the script `file`, where its relative paths start.
fn script_dir(file: &Path) -> &Path {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// cargo's progress while crates are imported: on stderr when it is a
/// terminal (piped, it would only clutter what a program or test reads).
fn progress(line: &str) {
    if std::io::stderr().is_terminal() {
        eprintln!("{line}");
    }
}

/// A script's source and its name as the user wrote it.
struct Script {
    name: String,
    source: String,
}

impl Script {
    /// Read the file, or say why not (on stderr) and give `None`.
    fn read(file: &Path) -> Option<Script> {
        let name = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(source) => Some(Script { name, source }),
            Err(e) => {
                eprintln!("error: cannot read `{name}`: {e}");
                None
            }
        }
    }

    /// Build the script, read from `file`, with the crates it imports.
    fn build(&self, file: &Path, profile: Profile) -> Result<keyton_compiler::Executable, Error> {
        let cache = Cache::from_env()?;
        keyton_session::build_script(
            &cache,
            &self.source,
            &self.name,
            script_dir(file),
            profile,
            &mut progress,
        )
    }

    /// The Rust `run` builds for the script, read from `file`.
    fn emit(&self, file: &Path) -> Result<keyton_compiler::Generated, Error> {
        let cache = Cache::from_env()?;
        keyton_session::emit_script(
            &cache,
            &self.source,
            &self.name,
            script_dir(file),
            &mut progress,
        )
    }

    /// Print an error on stderr; the exit code to return.
    fn report(&self, error: Error) -> i32 {
        match &error {
            Error::Program(diagnostics) => {
                eprint!("{}", render_all(diagnostics, &self.source, &self.name));
            }
            Error::GeneratedRust { mapped, .. } => {
                if !mapped.is_empty() {
                    eprintln!("{}", render_all(mapped, &self.source, &self.name));
                }
                eprintln!("{error}");
            }
            _ => eprintln!("error: {error}"),
        }
        1
    }
}
