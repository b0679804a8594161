//! What a notebook asks between cells: is this cell complete, what names
//! complete the word at the cursor, what is the name under the cursor.

use crate::Session;

/// Whether a cell can run as typed (a terminal front end sends it on
/// Enter) or needs more lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IsComplete {
    Complete,
    /// More lines are expected, indented by `indent`.
    Incomplete {
        indent: String,
    },
    /// It cannot become valid by adding lines.
    Invalid,
}

/// Names that complete the word ending at the cursor; `start..end` (byte
/// offsets) is the text they replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    pub matches: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// Whether `code` is a whole cell. A block opened by a trailing `:` or an
/// unclosed bracket needs more lines; a block's body is complete once the
/// cell ends with an empty line, as in Python's REPL.
pub fn is_complete(code: &str) -> IsComplete {
    let Some(depth) = open_brackets(code) else {
        // Inside a triple-quoted string: it goes on.
        return IsComplete::Incomplete {
            indent: String::new(),
        };
    };
    if depth < 0 {
        return IsComplete::Invalid;
    }
    if depth > 0 {
        return IsComplete::Incomplete {
            indent: String::new(),
        };
    }
    let last = code.lines().last().unwrap_or("");
    let indent: String = last.chars().take_while(|c| *c == ' ').collect();
    if last.trim_end().ends_with(':') && !last.trim_start().starts_with('#') {
        return IsComplete::Incomplete {
            indent: format!("{indent}    "),
        };
    }
    let opens_block = code.lines().any(|l| l.trim_end().ends_with(':'));
    if opens_block && !indent.is_empty() && !code.ends_with('\n') {
        return IsComplete::Incomplete { indent };
    }
    match keyton_syntax::parse(code) {
        Ok(_) => IsComplete::Complete,
        Err(_) => IsComplete::Invalid,
    }
}

/// Open `(`, `[` and `{` minus closed ones, outside strings and comments;
/// `None` when the code ends inside a triple-quoted string.
fn open_brackets(code: &str) -> Option<i64> {
    let mut depth = 0;
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        rest = match c {
            '#' => after.find('\n').map_or("", |i| &after[i..]),
            '"' | '\'' => {
                let triple: String = [c; 3].iter().collect();
                if rest.starts_with(&triple) {
                    let body = &rest[3..];
                    let end = find_unescaped(body, &triple)?;
                    &body[end + 3..]
                } else {
                    // An unterminated one-line string ends at the line's end.
                    let line_end = after.find('\n').unwrap_or(after.len());
                    let end = find_unescaped(&after[..line_end], &c.to_string());
                    end.map_or(&after[line_end..], |end| &after[end + 1..])
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                after
            }
            ')' | ']' | '}' => {
                depth -= 1;
                after
            }
            _ => after,
        };
    }
    Some(depth)
}

/// Where `quote` first appears in `text`, not escaped by a backslash.
fn find_unescaped(text: &str, quote: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if text[i..].starts_with(quote) {
            return Some(i);
        }
    }
    None
}

/// The identifier around byte offset `cursor`: (start, end).
fn word_at(code: &str, cursor: usize) -> (usize, usize) {
    let cursor = floor_char_boundary(code, cursor);
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let start = code[..cursor]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(cursor, |(i, _)| i);
    let end = code[cursor..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(code.len(), |(i, _)| cursor + i);
    (start, end)
}

fn floor_char_boundary(code: &str, at: usize) -> usize {
    let mut at = at.min(code.len());
    while !code.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What the builtins are, for `inspect`.
fn builtin_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "print" => {
            "print(*args, sep=\" \", end=\"\\n\")\nWrite the values to stdout, separated by spaces."
        }
        "eprint" => "eprint(*args)\nWrite the values to stderr, separated by spaces.",
        "len" => "len(x) -> i64\nThe number of items of a list, map, set or string.",
        "str" => "str(x) -> String\nThe value as text, as print shows it.",
        "int" => "int(x) -> i64\nAn integer from a float (truncated), a bool or text.",
        "float" => "float(x) -> f64\nA float from an integer or text.",
        "range" => {
            "range(stop) / range(start, stop) / range(start, stop, step)\nThe integers from start (0) up to, not including, stop."
        }
        "type" => "type(x) -> String\nThe type of x, as text.",
        "display" => {
            "display(x) / display(data, mime)\nShow x now, like a cell's result; or rich output (\"text/html\", \"image/svg+xml\", \"image/png\")."
        }
        _ => return None,
    })
}

impl Session {
    /// Names in scope (variables, functions, imports), builtins and
    /// keywords that start with the word before the cursor.
    pub fn complete(&self, code: &str, cursor: usize) -> Completions {
        let cursor = floor_char_boundary(code, cursor);
        let (start, _) = word_at(code, cursor);
        let prefix = &code[start..cursor];
        let env = self.env();
        let mut names: Vec<String> = env.globals().iter().map(|(n, _)| n.clone()).collect();
        names.extend(env.fn_names().map(str::to_string));
        names.extend(env.import_names().map(str::to_string));
        names.extend(keyton_check::BUILTINS.map(str::to_string));
        names.extend(keyton_syntax::keywords().map(str::to_string));
        let mut matches: Vec<String> = names
            .into_iter()
            .filter(|n| n.starts_with(prefix))
            .collect();
        matches.sort();
        matches.dedup();
        Completions {
            matches,
            start,
            end: cursor,
        }
    }

    /// What the name under the cursor is: a variable's type and value, a
    /// function's signature, a builtin's description.
    pub fn inspect(&self, code: &str, cursor: usize) -> Option<String> {
        let (start, end) = word_at(code, cursor);
        let name = &code[start..end];
        if name.is_empty() {
            return None;
        }
        if let Some((_, ty)) = self.env().globals().iter().find(|(n, _)| n == name) {
            let value = self.repr(name).unwrap_or_default();
            return Some(format!("{name}: {ty} = {value}"));
        }
        if let Some(signature) = self.env().fn_signature(name) {
            return Some(signature);
        }
        builtin_doc(name).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_brackets_ask_for_more_lines() {
        assert_eq!(is_complete("x = 1"), IsComplete::Complete);
        assert_eq!(
            is_complete("if x:"),
            IsComplete::Incomplete {
                indent: "    ".into()
            }
        );
        assert_eq!(
            is_complete("print(1,"),
            IsComplete::Incomplete { indent: "".into() }
        );
        assert_eq!(
            is_complete("for i in range(3):\n    print(i)"),
            IsComplete::Incomplete {
                indent: "    ".into()
            }
        );
        assert_eq!(
            is_complete("for i in range(3):\n    print(i)\n"),
            IsComplete::Complete
        );
        assert_eq!(is_complete("xs = [1,\n  2]"), IsComplete::Complete);
        assert_eq!(is_complete("print(1))"), IsComplete::Invalid);
        assert_eq!(is_complete("x = = 1"), IsComplete::Invalid);
        assert_eq!(is_complete("s = \"(\""), IsComplete::Complete);
        assert_eq!(
            is_complete("\"\"\"open"),
            IsComplete::Incomplete { indent: "".into() }
        );
        assert_eq!(is_complete("s = \"\"\"a\nb\"\"\""), IsComplete::Complete);
        assert_eq!(is_complete("s = 'it\\'s' # (\nx = 1"), IsComplete::Complete);
    }

    #[test]
    fn the_word_at_the_cursor() {
        assert_eq!(word_at("print(xs)", 8), (6, 8));
        assert_eq!(word_at("pri", 3), (0, 3));
        assert_eq!(word_at("a + ", 4), (4, 4));
        assert_eq!(word_at("é", 1), (0, 2));
    }
}
