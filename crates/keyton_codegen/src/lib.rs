//! Codegen: the typed program ([`keyton_hir::Program`]) as Rust source, built
//! as tokens, parsed into a `syn` tree and printed with `prettyplease`, plus a
//! [`LineMap`] from generated Rust lines back to Keyton spans.
//!
//! The checker has already decided everything of meaning (borrows, clones,
//! conversions, format specs); codegen only spells the tree. The generated
//! file ends with a `static KEYTON_SOURCE_MAP` holding the Keyton source and
//! the line table, which `keyton_rt` uses to report run-time errors.
//!
//! Modules: `names` (identifiers and paths), `ty` (types), `expr`, `place`
//! (written places and method receivers), `stmt` (statements, blocks,
//! patterns), `line_map` (markers and the map), and `program` (the crate
//! around them).

mod expr;
mod line_map;
mod names;
mod place;
mod program;
mod stmt;
mod ty;

pub use line_map::LineMap;

/// Generated Rust source and where its lines came from.
pub struct Generated {
    pub code: String,
    pub line_map: LineMap,
}

/// What a standalone program links besides std and the runtime.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramLinks {
    /// Crates the program names with `extern crate`: the deps layers
    /// (dylibs) its imported crates link from (`keyton run`), or a runtime
    /// linked statically beside them.
    pub extern_crates: Vec<String>,
    /// Functions (`crate::path`, no arguments) `main` calls before the
    /// program's statements: the installer of a linked async runtime.
    pub startup: Vec<String>,
}

/// The whole program as a Rust binary crate; `file` and `source` are embedded
/// so run-time errors can quote the Keyton line.
pub fn emit_program(
    program: &keyton_hir::Program,
    source: &str,
    file: &str,
    links: &ProgramLinks,
) -> Generated {
    emit(program::program(program, links), source, file)
}

/// A notebook cell as a Rust dylib crate: its functions (public, for later
/// cells) and the `keyton_cell_main` entry running its statements against
/// the session (see `kayton_api`). It links the session's deps dylib.
/// `layers` are the crates of the session's deps layers the cell must
/// name (`extern crate`) so imported crates link from them.
pub fn emit_cell(
    program: &keyton_hir::Program,
    source: &str,
    file: &str,
    layers: &[String],
) -> Generated {
    emit(program::cell(program, layers), source, file)
}

/// A type as generated code spells it, without spaces
/// (`::std::vec::Vec<i64>`): the fingerprint of a session variable's type.
pub fn type_text(t: &keyton_hir::Ty) -> String {
    ty::ty(t, ty::TyPos::Local)
        .to_string()
        .split_whitespace()
        .collect()
}

fn emit(tokens: proc_macro2::TokenStream, source: &str, file: &str) -> Generated {
    let printed = match syn::parse2::<syn::File>(tokens) {
        Ok(tree) => prettyplease::unparse(&tree),
        Err(err) => {
            // A bug in codegen, not in the user's program: say so through
            // rustc rather than crash the compiler.
            let message = format!("internal error: keyton_codegen built invalid Rust ({err})");
            let tree: syn::File = syn::parse_quote!(compile_error!(#message); fn main() {});
            prettyplease::unparse(&tree)
        }
    };
    let (mut code, mut line_map) = line_map::strip_markers(&printed);
    // A blank line, then the source map, after all code so no line moves.
    let first_line = code.lines().count() as u32 + 2;
    code.push('\n');
    code.push_str(&line_map::source_map_item(
        &mut line_map,
        source,
        file,
        first_line,
    ));
    Generated { code, line_map }
}
