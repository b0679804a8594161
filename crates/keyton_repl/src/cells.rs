//! Splitting piped input into cells.

/// The cells of a piped session, as a notebook would have them: cells are
/// separated by blank lines before a top-level statement (a blank line
/// inside an indented block does not end it). Leading blank lines and
/// comments belong to no cell.
pub fn split_cells(input: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut after_blank = false;
    for line in input.lines() {
        let blank = line.trim().is_empty();
        let top_level = after_blank && !line.starts_with([' ', '\t']) && !blank;
        after_blank = blank || (after_blank && line.trim_start().starts_with('#'));
        let continues = ["elif", "else", "case"].iter().any(|k| {
            line.strip_prefix(k)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if top_level && !continues && !cell.trim().is_empty() && brackets_closed(&cell) {
            cells.push(std::mem::take(&mut cell));
        }
        if cell.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        cell.push_str(line);
        cell.push('\n');
    }
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells
}

/// Whether every bracket opened in `code` is closed (an open one means
/// the statement goes on, whatever the indentation of the next line).
fn brackets_closed(code: &str) -> bool {
    !matches!(
        keyton_session::is_complete(code),
        keyton_session::IsComplete::Incomplete { indent } if indent.is_empty()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_before_top_level_statements_separate_cells() {
        let input = "x = 1\nz = 2\n\n# a comment\nfor i in range(2):\n    print(i)\n\n    print(x)\nif x:\n    y = 1\n\nelse:\n    y = 2\n\nprint(\n\n    y)\n";
        assert_eq!(
            split_cells(input),
            [
                "x = 1\nz = 2\n\n",
                "for i in range(2):\n    print(i)\n\n    print(x)\nif x:\n    y = 1\n\nelse:\n    y = 2\n\n",
                "print(\n\n    y)\n",
            ]
        );
    }
}
