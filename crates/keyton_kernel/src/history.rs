//! The kernel's own history: every stored execution of this kernel, kept in
//! memory, searched the three ways history_request asks for (tail, range,
//! search with `*` and `?` globs).

use crate::requests;

/// The session number the entries are reported under (the current one).
pub const SESSION: i64 = 1;

#[derive(Default)]
pub struct History {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub input: String,
    /// The cell's result as plain text, if it had one.
    pub output: Option<String>,
}

impl History {
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The entries `request` asks for, oldest first.
    pub fn query(&self, request: &requests::History) -> Vec<&Entry> {
        match request.hist_access_type.as_str() {
            "tail" => last(request.n, self.entries.iter().collect()),
            "range" => {
                if !matches!(request.session, None | Some(0) | Some(SESSION)) {
                    return Vec::new();
                }
                let start = request.start.unwrap_or(0);
                let stop = request.stop.unwrap_or(i64::MAX);
                self.entries
                    .iter()
                    .filter(|e| (start..stop).contains(&(e.line as i64)))
                    .collect()
            }
            "search" => {
                let pattern = request.pattern.as_deref().unwrap_or("*");
                let mut found: Vec<&Entry> = self
                    .entries
                    .iter()
                    .filter(|e| glob(pattern.as_bytes(), e.input.as_bytes()))
                    .collect();
                if request.unique.unwrap_or(false) {
                    let mut seen = std::collections::HashSet::new();
                    found.reverse();
                    found.retain(|e| seen.insert(e.input.as_str()));
                    found.reverse();
                }
                last(request.n.or(Some(i64::MAX)), found)
            }
            _ => Vec::new(),
        }
    }
}

/// The last `n` of `entries` (10 if `n` is not given).
fn last(n: Option<i64>, entries: Vec<&Entry>) -> Vec<&Entry> {
    let n = usize::try_from(n.unwrap_or(10)).unwrap_or(0);
    let skip = entries.len().saturating_sub(n);
    entries.into_iter().skip(skip).collect()
}

/// Whether `text` matches `pattern`, where `*` is any run of bytes and `?`
/// any one byte.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> History {
        let mut h = History::default();
        for (line, input) in [(1, "a = 1"), (2, "print(a)"), (3, "a = 1"), (4, "a + 1")] {
            h.push(Entry {
                line,
                input: input.into(),
                output: None,
            });
        }
        h
    }

    fn request(kind: &str) -> requests::History {
        requests::History {
            output: None,
            hist_access_type: kind.into(),
            session: None,
            start: None,
            stop: None,
            n: None,
            pattern: None,
            unique: None,
        }
    }

    fn lines(entries: Vec<&Entry>) -> Vec<usize> {
        entries.iter().map(|e| e.line).collect()
    }

    #[test]
    fn tail_gives_the_last_n() {
        let r = requests::History {
            n: Some(2),
            ..request("tail")
        };
        assert_eq!(lines(history().query(&r)), [3, 4]);
    }

    #[test]
    fn range_stops_before_stop() {
        let r = requests::History {
            session: Some(0),
            start: Some(2),
            stop: Some(4),
            ..request("range")
        };
        assert_eq!(lines(history().query(&r)), [2, 3]);
        let other_session = requests::History {
            session: Some(-1),
            ..request("range")
        };
        assert!(history().query(&other_session).is_empty());
    }

    #[test]
    fn search_globs_and_dedupes() {
        let r = requests::History {
            pattern: Some("a ?*".into()),
            ..request("search")
        };
        assert_eq!(lines(history().query(&r)), [1, 3, 4]);
        let unique = requests::History {
            unique: Some(true),
            ..r
        };
        assert_eq!(lines(history().query(&unique)), [3, 4]);
    }

    #[test]
    fn glob_matches_like_sqlite() {
        assert!(glob(b"*", b""));
        assert!(glob(b"pr*(?)", b"print(a)"));
        assert!(!glob(b"pr*(?)", b"print(ab)"));
        assert!(glob(b"*a*a*", b"banana"));
    }
}
