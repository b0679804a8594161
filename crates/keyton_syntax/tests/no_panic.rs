//! The parser never panics: random Keyton-flavoured text, and valid programs
//! with characters and lines deleted, inserted and duplicated, all come back
//! as a tree or as diagnostics whose spans lie within the source.

use keyton_syntax::{Diagnostic, Span, parse, parse_expr};
use proptest::prelude::*;

const CORPUS: &[&str] = &[
    "x = 1\ny = x + 2 * 3 ** 2\nprint(f\"{x} and {y:>4}\")\n",
    "fn add(a, b):\n    a + b\n\nfn area(w: f64, h: f64) -> f64:\n    return w * h\n\nprint(add(1, 2), area(2.0, 3.5))\n",
    "rimport reqwest[blocking, json, -default] == \"0.12\" as rq\nfrom reqwest rimport Client, StatusCode\nfrom std.collections rimport (\n    HashMap,\n    HashSet as Set,\n)\nclient = Client.new()\nresp = client.get(\"http://127.0.0.1:8000/hello\").send()\nprint(resp.status() == StatusCode.OK)\n",
    "match value:\n    case Some(v) if v > 0:\n        print(v)\n    case Shape.Rect(w=w, h=h) | Shape.Square(w):\n        pass\n    case (1, -2.5, \"s\", true, None):\n        pass\n    case Ordering.Less:\n        pass\n    case _:\n        pass\n",
    "for i in range(10):\n    if i == 3:\n        continue\n    elif i > 7:\n        break\n    else:\n        print(i)\nwhile n > 0: n -= 1\nfor k, v in m.items():\n    print(k, v)\n",
    "let xs: Vec<f64> = []\nlet m: HashMap<String, Vec<Option<i64>>> = HashMap.new()\nlet r: &mut Vec<i64> = ys\nxs[0] = 1.5\np.x += 2.0\na, b = b, a\n(c, d) = (1, \"a\")\n",
    "s = \"\"\"multi\nline \\\"text\\\"\n\"\"\"\nr = r\"C:\\dir\\n\"\nt = 'it\\'s \\u{1F600}\\t'\nu = f'''{a + b}\n{m[\"k\"]:.2} {{braces}}'''\n",
    "v = serde_json.json!({\"a\": [1, 2, \")\"], 'b': '}'})\nw = vec![1, 2, 3]\nf = lambda x, y: x + y if x else -y\ng = lambda: None\nok = x is not None and y is None or not z\nr = 0..n + 1\n",
    "nums = [1_000, 0xff, 0o17, 0b101, 1.5, 2e-3, 1_000.5]\nt = (x,)\nu = ()\nq = -2**2\nz = a // b % c / d\nc = x not in xs and y in ys\nprint(nums) if nums else print(\"empty\")\n",
    "# comment\nfn fib(n: i64) -> i64:\n    if n < 2: return n\n    return fib(n - 1) + fib(n - 2)  # recursion\n\n\nresult = [fib(i), fib(2),]\nprint(result)\n",
];

/// Pieces the random programs are made of: keywords, operators, brackets,
/// quotes, escapes, layout characters and a few odd ones.
const FRAGMENTS: &[&str] = &[
    "fn ", "let ", "return", "if ", "elif ", "else", "while ", "for ", " in ", "break", "continue",
    "pass", " and ", " or ", "not ", " is ", "lambda", "match ", "case ", "rimport ", "from ",
    " as ", "true", "false", "None", "x", "y", "_", "foo", "größe", "名", "1", "42", "1_0", "0x",
    "0b1", "1.5", "2e-3", "e", ".", "..", "+", "-", "*", "**", "/", "//", "%", "=", "==", "!=",
    "<", "<=", ">", ">=", "+=", "//=", "->", "|", "&", "@", "!", "(", ")", "[", "]", "{", "}", ",",
    ":", "\"", "'", "\"\"\"", "'''", "f\"", "r\"", "f'", "\\", "\\n", "\\u{", "#", "\n", "\n    ",
    "\n  ", " ", "    ", "\t", "\r\n", "$", ";", "é", "\u{feff}", "json!(", "vec![",
];

fn spans_within(source: &str, diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    let len = source.len() as u32;
    for d in diags {
        let spans = std::iter::once(d.primary.span).chain(d.secondary.iter().map(|l| l.span));
        for Span { start, end } in spans {
            prop_assert!(
                start <= end && end <= len,
                "span {start}..{end} outside 0..{len}: {d:?}"
            );
        }
        prop_assert!(d.help.is_some(), "no help: {d:?}");
    }
    Ok(())
}

fn check(source: &str) -> Result<(), TestCaseError> {
    match parse(source) {
        Ok(module) => {
            for s in &module.stmts {
                prop_assert!(s.span.start <= s.span.end && s.span.end as usize <= source.len());
            }
        }
        Err(diags) => {
            prop_assert!(!diags.is_empty());
            spans_within(source, &diags)?;
            let _ = keyton_diagnostics::render_all(&diags, source, "fuzz.kt");
        }
    }
    if let Err(diags) = parse_expr(source) {
        spans_within(source, &diags)?;
    }
    Ok(())
}

/// A change to a program; positions are fractions of its length.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteChar(f64),
    Insert(f64, &'static str),
    DuplicateChars(f64, usize),
    DeleteLine(f64),
    DuplicateLine(f64),
    SwapLines(f64, f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Mutation::DeleteChar),
        (at.clone(), prop::sample::select(FRAGMENTS)).prop_map(|(a, f)| Mutation::Insert(a, f)),
        (at.clone(), 1..12usize).prop_map(|(a, n)| Mutation::DuplicateChars(a, n)),
        at.clone().prop_map(Mutation::DeleteLine),
        at.clone().prop_map(Mutation::DuplicateLine),
        (at.clone(), at).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

/// The char boundary nearest to the fraction `at` of `s`.
fn boundary(s: &str, at: f64) -> usize {
    let mut i = ((s.len() as f64) * at) as usize;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i.min(s.len())
}

fn apply(source: &str, m: &Mutation) -> String {
    let mut s = source.to_string();
    let mut lines: Vec<String> = source.split('\n').map(str::to_string).collect();
    let line = |at: f64, n: usize| ((n as f64 * at) as usize).min(n.saturating_sub(1));
    match *m {
        Mutation::DeleteChar(at) => {
            let i = boundary(&s, at);
            if i < s.len() {
                s.remove(i);
            }
            return s;
        }
        Mutation::Insert(at, frag) => {
            s.insert_str(boundary(&s, at), frag);
            return s;
        }
        Mutation::DuplicateChars(at, n) => {
            let i = boundary(&s, at);
            let piece: String = s[i..].chars().take(n).collect();
            s.insert_str(i, &piece);
            return s;
        }
        Mutation::DeleteLine(at) => {
            let n = lines.len();
            lines.remove(line(at, n));
        }
        Mutation::DuplicateLine(at) => {
            let i = line(at, lines.len());
            lines.insert(i, lines[i].clone());
        }
        Mutation::SwapLines(a, b) => {
            let n = lines.len();
            lines.swap(line(a, n), line(b, n));
        }
    }
    lines.join("\n")
}

#[test]
fn the_corpus_parses() {
    for (n, program) in CORPUS.iter().enumerate() {
        let result = parse(program);
        assert!(result.is_ok(), "corpus[{n}]: {result:#?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80)) {
        check(&parts.concat())?;
    }

    #[test]
    fn mutated_programs_never_panic(
        program in prop::sample::select(CORPUS),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let mut source = program.to_string();
        for m in &mutations {
            source = apply(&source, m);
        }
        check(&source)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(source in "\\PC{0,200}") {
        check(&source)?;
    }
}
