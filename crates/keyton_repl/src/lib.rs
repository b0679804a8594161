//! `keyton repl`: a terminal front end over a [`Session`].
//!
//! On a terminal it reads cells with line editing and history (rustyline):
//! a line ending in `:` or with an open bracket continues on `...` lines,
//! and an empty line ends the block. With stdin piped it reads the input
//! as a sequence of cells ([`split_cells`]), so a file of cells can be
//! replayed (`keyton repl < cells.kt`), and exits with 1 if any failed.
//!
//! Cells print straight to the terminal (their code writes to the
//! process's stdout); results, rich output and errors are printed here.
//! Ctrl-C while a cell runs stops the cell, not the REPL.

mod cells;

pub use cells::split_cells;

use keyton_compiler::Cache;
use keyton_session::{CellFailure, IsComplete, Options, Output, Session, is_complete};
use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;
use std::io::{IsTerminal, Read, Write};

const HELP: &str = "\
Keyton REPL: type a statement or an expression and press Enter.
  A line ending in `:` opens a block; an empty line ends it.
  Variables, functions and imports stay defined for later cells.
  The value of a final expression is shown.
Commands:
  :help     this text
  :vars     the session's variables, their types and values
  :fns      the session's functions
  :quit     leave (or Ctrl-D)
Ctrl-C stops a running cell; the session keeps its variables.";

/// Run the REPL on this process's stdin; the exit code. The session lives
/// on a thread with a large stack (only the pages it touches are used), as
/// scripts' `main` does: deep recursion is common in cells too.
pub fn run() -> i32 {
    const STACK: usize = 1 << 30;
    let thread = std::thread::Builder::new()
        .name("keyton-repl".into())
        .stack_size(STACK)
        .spawn(repl);
    match thread.map(|t| t.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => 101,
        Err(e) => {
            eprintln!("error: cannot start the REPL's thread: {e}");
            1
        }
    }
}

fn repl() -> i32 {
    let session = Cache::from_env()
        .map_err(|e| e.to_string())
        .and_then(|cache| {
            let dir = std::env::current_dir().unwrap_or_default();
            Session::start(Options { cache, dir }).map_err(|e| e.to_string())
        });
    let mut session = match session {
        Ok(session) => session,
        Err(e) => {
            eprintln!("error: cannot start a Keyton session: {e}");
            return 1;
        }
    };
    let interrupter = session.interrupter();
    // SAFETY: the handler only stores to an atomic, which is
    // async-signal-safe.
    let registered = unsafe {
        signal_hook::low_level::register(signal_hook::consts::SIGINT, move || {
            interrupter.interrupt()
        })
    };
    if let Err(e) = registered {
        eprintln!("warning: Ctrl-C will end the REPL, not just the cell: {e}");
    }
    if std::io::stdin().is_terminal() {
        interactive(&mut session)
    } else {
        piped(&mut session)
    }
}

/// Cells from piped stdin, run in order; 1 if any failed.
fn piped(session: &mut Session) -> i32 {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("error: cannot read stdin: {e}");
        return 1;
    }
    let mut code = 0;
    for cell in split_cells(&input) {
        if !run_cell(session, &cell) {
            code = 1;
        }
    }
    code
}

fn interactive(session: &mut Session) -> i32 {
    let mut editor = match DefaultEditor::new() {
        Ok(editor) => editor,
        Err(e) => {
            eprintln!("error: cannot use the terminal: {e}");
            return 1;
        }
    };
    let history = history_file();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!("Keyton {} (:help for help)", env!("CARGO_PKG_VERSION"));
    let mut cell = String::new();
    loop {
        // Inside a block, the next line continues it (an empty line ends it).
        let (prompt, indent) = match is_complete(&cell) {
            _ if cell.is_empty() => (">>> ", String::new()),
            IsComplete::Incomplete { indent } => ("... ", indent),
            _ => ("... ", continued_indent(&cell)),
        };
        match editor.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => {
                let ended_block = !cell.is_empty() && line.trim().is_empty();
                if cell.is_empty() && command(session, line.trim()) {
                    if matches!(line.trim(), ":quit" | ":q" | ":exit") {
                        break;
                    }
                    continue;
                }
                cell.push_str(&line);
                cell.push('\n');
                let done = ended_block
                    || !matches!(is_complete(&cell), IsComplete::Incomplete { .. })
                        && !cell.trim_end().contains('\n');
                if done && !cell.trim().is_empty() {
                    let _ = editor.add_history_entry(cell.trim_end());
                    run_cell(session, &cell);
                    cell.clear();
                } else if cell.trim().is_empty() {
                    cell.clear();
                }
            }
            Err(ReadlineError::Interrupted) => cell.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        }
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    0
}

/// The indentation of the last line of a block being typed.
fn continued_indent(cell: &str) -> String {
    let last = cell.lines().last().unwrap_or("");
    last.chars().take_while(|c| *c == ' ').collect()
}

/// A `:command`; whether `line` was one.
fn command(session: &Session, line: &str) -> bool {
    match line {
        ":help" | ":h" | ":?" => println!("{HELP}"),
        ":vars" => {
            for (name, ty) in session.env().globals() {
                let value = session.repr(name).unwrap_or_default();
                println!("{name}: {ty} = {value}");
            }
        }
        ":fns" => {
            let mut names: Vec<&str> = session.env().fn_names().collect();
            names.sort();
            for name in names {
                println!("{}", session.env().fn_signature(name).unwrap_or_default());
            }
        }
        ":quit" | ":q" | ":exit" => {}
        other if other.starts_with(':') => {
            println!("unknown command `{other}`; :help lists the commands")
        }
        _ => return false,
    }
    true
}

/// Run one cell, printing its results and errors; whether it succeeded.
fn run_cell(session: &mut Session, cell: &str) -> bool {
    let outcome = session.execute(cell, &mut |output| {
        let mut stdout = std::io::stdout().lock();
        let _ = match output {
            Output::Stdout(text) => write!(stdout, "{text}"),
            // Build progress helps at a terminal; piped, it would only make
            // the output differ from run to run.
            Output::Progress(text) if std::io::stderr().is_terminal() => {
                eprint!("{text}");
                Ok(())
            }
            Output::Progress(_) => Ok(()),
            Output::Stderr(text) => {
                eprint!("{text}");
                Ok(())
            }
            Output::Result { data, .. } => writeln!(stdout, "{}", String::from_utf8_lossy(&data)),
            Output::Display { mime, data } if mime.starts_with("text/") => {
                writeln!(stdout, "{}", String::from_utf8_lossy(&data))
            }
            Output::Display { mime, data } => {
                writeln!(stdout, "<{mime}, {} bytes>", data.len())
            }
        };
        let _ = stdout.flush();
    });
    match outcome {
        Ok(()) => true,
        Err(CellFailure { traceback, .. }) => {
            let _ = std::io::stdout().flush();
            eprintln!("{}", traceback.join("\n"));
            false
        }
    }
}

/// `history` in the cache directory, if there is one.
fn history_file() -> Option<std::path::PathBuf> {
    Cache::from_env()
        .ok()
        .map(|cache| cache.root().join("repl_history"))
}
