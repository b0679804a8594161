//! Rendering diagnostics the way rustc does, against Keyton source.

use crate::{Diagnostic, Label, Span};
use std::fmt::Write;

/// Byte offsets of line starts, for turning spans into 1-based line and column.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, source: &str, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(source.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = source
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self.starts.get(line - 1).copied().unwrap_or(source.len());
        let end = self.starts.get(line).map_or(source.len(), |e| e - 1);
        source.get(start..end.max(start)).unwrap_or("")
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

/// Render one diagnostic against its source; `file` is the name shown.
pub fn render(diagnostic: &Diagnostic, source: &str, file: &str) -> String {
    let index = LineIndex::new(source);
    let (line, col) = index.line_col(source, diagnostic.primary.span.start);
    let mut labels: Vec<(&Label, char)> = vec![(&diagnostic.primary, '^')];
    labels.extend(diagnostic.secondary.iter().map(|l| (l, '-')));
    let width = labels
        .iter()
        .map(|(l, _)| index.line_col(source, l.span.start).0)
        .max()
        .unwrap_or(line)
        .to_string()
        .len();
    let pad = " ".repeat(width);
    let mut out = String::new();
    let _ = writeln!(out, "error: {}", diagnostic.message);
    let _ = writeln!(out, "{pad}--> {file}:{line}:{col}");
    let _ = writeln!(out, "{pad} |");
    labels.sort_by_key(|(l, _)| l.span.start);
    let mut last_line = None;
    for (label, mark) in labels {
        let (l, c) = index.line_col(source, label.span.start);
        if last_line.is_some_and(|prev| prev + 1 < l) {
            let _ = writeln!(out, "{pad} |");
        }
        let text = index.line_text(source, l);
        if last_line != Some(l) {
            let _ = writeln!(out, "{l:>width$} | {text}");
        }
        last_line = Some(l);
        let carets = caret_width(source, &index, label.span, l);
        let under = format!("{}{}", " ".repeat(c - 1), mark.to_string().repeat(carets));
        let note = if label.text.is_empty() {
            String::new()
        } else {
            format!(" {}", label.text)
        };
        let _ = writeln!(out, "{pad} | {under}{note}");
    }
    if let Some(help) = &diagnostic.help {
        let _ = writeln!(out, "{pad} = help: {help}");
    }
    out
}

/// Render several diagnostics, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic], source: &str, file: &str) -> String {
    diagnostics
        .iter()
        .map(|d| render(d, source, file))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many carets: the span's characters on its first line, at least one.
fn caret_width(source: &str, index: &LineIndex, span: Span, line: usize) -> usize {
    let line_end = index
        .line_start(line + 1)
        .map_or(source.len(), |s| s.saturating_sub(1));
    let end = (span.end as usize).min(line_end).max(span.start as usize);
    source
        .get(span.start as usize..end)
        .map_or(1, |s| s.chars().count().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_column_caret_and_help() {
        let src = "x = 1\nprint(y)\n";
        let d = Diagnostic::error(Span::new(12, 13), "unknown name `y`")
            .label("not defined")
            .with_help("did you mean `x`?");
        assert_eq!(
            render(&d, src, "a.kt"),
            "error: unknown name `y`\n --> a.kt:2:7\n  |\n2 | print(y)\n  |       ^ not defined\n  = help: did you mean `x`?\n"
        );
    }

    #[test]
    fn secondary_labels_show_their_own_lines() {
        let src = "a = [1]\nb = a\nprint(a)\n";
        let d = Diagnostic::error(Span::new(20, 21), "use of moved value `a`")
            .with_secondary(Span::new(12, 13), "moved here");
        let text = render(&d, src, "m.kt");
        assert!(text.contains("2 | b = a\n  |     - moved here\n3 | print(a)\n  |       ^\n"));
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let d = Diagnostic::error(Span::new(100, 200), "eof");
        assert!(render(&d, "x", "f.kt").contains("f.kt:1:2"));
    }
}
