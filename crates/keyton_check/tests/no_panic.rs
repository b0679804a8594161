//! The checker never panics: programs from the test corpus, mutated at
//! random, go through the parser and (when they parse) the checker, with
//! the fixture crate the corpus imports read from its source.

use keyton_index::{ApiIndex, World};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// std and the fixture crate `counter`, as `rimport counter` finds it.
fn world() -> World {
    let source = include_str!("../../../tests/fixtures/counter/src/lib.rs");
    let counter = ApiIndex::from_source("counter", source).expect("the fixture crate reads");
    World::std().with(Arc::new(counter))
}

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "kt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteChar(usize),
    InsertText(usize, &'static str),
}

const SNIPPETS: [&str; 12] = [
    "x", " ", "(", ")", "[", "]", ":", "\n    ", "1.5", "\"s\"", ".len()", " + ",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::DeleteChar),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(i, s)| Mutation::InsertText(i, SNIPPETS[s])),
    ]
}

fn apply(source: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = source.lines().collect();
    if lines.is_empty() {
        return source.to_string();
    }
    let n = lines.len();
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => lines.insert(i % n, lines[i % n]),
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::DeleteChar(i) | Mutation::InsertText(i, _) => {
            let chars: Vec<char> = source.chars().collect();
            let at = i % chars.len().max(1);
            let mut out: String = chars[..at].iter().collect();
            if let Mutation::InsertText(_, text) = m {
                out.push_str(text);
                out.extend(&chars[at..]);
            } else {
                out.extend(chars.iter().skip(at + 1));
            }
            return out;
        }
    }
    lines.join("\n") + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_programs_never_panic(pick in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let corpus = corpus();
        let world = world();
        let mut source = corpus[pick % corpus.len()].clone();
        for m in &mutations {
            source = apply(&source, m);
        }
        if let Ok(module) = keyton_syntax::parse(&source) {
            let result = keyton_check::check(&module, &world);
            if let Err(diags) = result {
                for d in diags {
                    prop_assert!(d.primary.span.start as usize <= source.len());
                }
            }
        }
    }
}
