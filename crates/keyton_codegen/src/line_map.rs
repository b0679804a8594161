//! The map from generated Rust lines back to Keyton statements.
//!
//! prettyplease drops comments and decides the layout, so the line numbers are
//! only known after printing. Codegen therefore puts a marker statement
//! `__keyton_line!(start, end);` (a Keyton span's byte offsets) before every
//! statement, prints, and then removes the marker lines while reading them.
//!
//! A marker applies to the following lines until a line less indented than
//! the marker (the end of its block; the enclosing statement's marker applies
//! again) or until the next marker at the same or a lower indentation (the
//! next statement). prettyplease never indents a statement's continuation
//! lines less than its first line, so this finds the innermost statement of
//! every line, also around nested blocks and closures.

use keyton_diagnostics::{LineIndex, Span};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The marker macro's name; it is never defined, as the markers never reach rustc.
const MARKER: &str = "__keyton_line";

/// Generated Rust line (1-based) to the Keyton span it was generated from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineMap {
    /// Sorted by line; each entry applies until the next one. `None`: lines
    /// with no Keyton statement (the `main` wrapper, the source map).
    entries: Vec<(u32, Option<Span>)>,
}

impl LineMap {
    /// The Keyton span of the statement that produced this Rust line.
    pub fn span_at(&self, rust_line: usize) -> Option<Span> {
        let after = self
            .entries
            .partition_point(|&(line, _)| line as usize <= rust_line);
        self.entries.get(after.checked_sub(1)?)?.1
    }

    fn push(&mut self, rust_line: u32, span: Option<Span>) {
        if self.entries.last().map(|&(_, s)| s) != Some(span) {
            self.entries.push((rust_line, span));
        }
    }
}

/// The marker statement (or item) for the code that follows; `None` for
/// generated code of no Keyton statement.
pub(crate) fn marker(span: Option<Span>) -> TokenStream {
    let name = syn::Ident::new(MARKER, proc_macro2::Span::call_site());
    match span {
        Some(span) => {
            let (start, end) = (
                Literal::u32_unsuffixed(span.start),
                Literal::u32_unsuffixed(span.end),
            );
            quote!(#name!(#start, #end);)
        }
        None => quote!(#name!();),
    }
}

/// Remove the marker lines from printed code and map the remaining lines.
pub(crate) fn strip_markers(printed: &str) -> (String, LineMap) {
    let mut code = String::with_capacity(printed.len());
    let mut map = LineMap::default();
    // The markers in force: (indentation, span), innermost last.
    let mut open: Vec<(usize, Option<Span>)> = Vec::new();
    let mut rust_line = 0;
    for line in printed.lines() {
        let text = line.trim_start();
        let indent = line.len() - text.len();
        if let Some(span) = parse_marker(text) {
            while open.last().is_some_and(|&(i, _)| i >= indent) {
                open.pop();
            }
            open.push((indent, span));
            continue;
        }
        rust_line += 1;
        code.push_str(line);
        code.push('\n');
        if text.is_empty() {
            continue;
        }
        while open.last().is_some_and(|&(i, _)| i > indent) {
            open.pop();
        }
        map.push(rust_line, open.last().and_then(|&(_, span)| span));
    }
    (code, map)
}

/// `Some(span)` for a marker line (`Some(None)` for a marker of no statement).
fn parse_marker(text: &str) -> Option<Option<Span>> {
    let args = text
        .strip_prefix(MARKER)?
        .strip_prefix("!(")?
        .strip_suffix(");")?;
    if args.trim().is_empty() {
        return Some(None);
    }
    let (start, end) = args.split_once(',')?;
    let (start, end) = (start.trim().parse().ok()?, end.trim().parse().ok()?);
    Some(Some(Span { start, end }))
}

/// The `static KEYTON_SOURCE_MAP` the runtime reads: the Keyton file name and
/// source, and each mapped line as (Rust line, Keyton line, Keyton column).
/// It is printed after the code, on lines `first_line` onwards, which the
/// map records as lines of no statement.
pub(crate) fn source_map_item(
    map: &mut LineMap,
    source: &str,
    file: &str,
    first_line: u32,
) -> String {
    map.push(first_line, None);
    let index = LineIndex::new(source);
    let rows = map.entries.iter().map(|&(rust_line, span)| {
        let (line, col) = span.map_or((0, 0), |s| index.line_col(source, s.start));
        let (rust_line, line, col) = (
            Literal::u32_unsuffixed(rust_line),
            Literal::usize_unsuffixed(line),
            Literal::usize_unsuffixed(col),
        );
        quote!((#rust_line, #line, #col))
    });
    let (file, source) = (Literal::string(file), Literal::string(source));
    let item: syn::File = syn::parse_quote! {
        /// Where the lines above came from, for run-time error reports.
        static KEYTON_SOURCE_MAP: keyton_rt::SourceMap = keyton_rt::SourceMap {
            file: #file,
            rust_file: file!(),
            source: #source,
            lines: &[#(#rows),*],
        };
    };
    prettyplease::unparse(&item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_round_trip() {
        let tokens = marker(Some(Span::new(3, 9)));
        assert_eq!(
            parse_marker(&tokens.to_string().replace(' ', "")),
            Some(Some(Span::new(3, 9)))
        );
        assert_eq!(parse_marker("__keyton_line!();"), Some(None));
        assert_eq!(parse_marker("__keyton_line!(1);"), None);
        assert_eq!(parse_marker("let x = 1;"), None);
    }

    #[test]
    fn innermost_statement_wins_and_the_outer_one_resumes() {
        let printed = "\
#![allow(warnings)]
__keyton_line!();
fn main() {
    __keyton_line!(0, 5);
    if a {
        __keyton_line!(10, 15);
        f(
            x,
        );
    } else {
        __keyton_line!(20, 25);
        g();
    }
    __keyton_line!(30, 35);
    h(
        |x| {
            __keyton_line!(40, 45);
            x
        },
        y,
    );
}
";
        let (code, map) = strip_markers(printed);
        assert!(!code.contains(MARKER));
        let lines: Vec<&str> = code.lines().collect();
        let at = |text: &str| lines.iter().position(|l| l.trim() == text).unwrap() + 1;
        assert_eq!(map.span_at(at("#![allow(warnings)]")), None);
        assert_eq!(map.span_at(at("fn main() {")), None);
        assert_eq!(map.span_at(at("if a {")), Some(Span::new(0, 5)));
        assert_eq!(map.span_at(at("f(")), Some(Span::new(10, 15)));
        assert_eq!(map.span_at(at("x,")), Some(Span::new(10, 15)));
        assert_eq!(map.span_at(at("} else {")), Some(Span::new(0, 5)));
        assert_eq!(map.span_at(at("g();")), Some(Span::new(20, 25)));
        assert_eq!(map.span_at(at("h(")), Some(Span::new(30, 35)));
        assert_eq!(map.span_at(at("x")), Some(Span::new(40, 45)));
        assert_eq!(map.span_at(at("y,")), Some(Span::new(30, 35)));
        assert_eq!(map.span_at(lines.len()), None);
    }
}
