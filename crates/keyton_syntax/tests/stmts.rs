//! Statement trees: assignments, blocks, loops, functions, match and
//! patterns, imports, type annotations, layout and spans.

mod common;

use common::md;
use keyton_syntax::ast::{StmtKind, Target};
use keyton_syntax::parse;

#[test]
fn assignments() {
    assert_eq!(md("x = 1"), "(= x 1)");
    assert_eq!(md("a, b = pair"), "(= (tuple a b) pair)");
    assert_eq!(md("(a, b) = 1, 2"), "(= (tuple a b) (tuple 1 2))");
    assert_eq!(md("a, b = b, a"), "(= (tuple a b) (tuple b a))");
    assert_eq!(md("xs[i] = v"), "(= (index xs i) v)");
    assert_eq!(md("p.x = 2.0"), "(= (. p x) 2.0)");
    assert_eq!(md("(a, (b, c)) = t"), "(= (tuple a (tuple b c)) t)");
    assert_eq!(md("x = y == z"), "(= x (== y z))");
}

#[test]
fn augmented_assignments() {
    let src = "x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nxs[0] += 1";
    assert_eq!(
        md(src),
        "(+= x 1)\n(-= x 1)\n(*= x 2)\n(/= x 2)\n(//= x 2)\n(%= x 2)\n(+= (index xs 0) 1)"
    );
}

#[test]
fn assignments_through_calls_giving_mut_refs() {
    assert_eq!(
        md("m.entry(k).or_insert(0) += 1\nv.last_mut().unwrap() = 2"),
        "(+= (through (call (. (call (. m entry) k) or_insert) 0)) 1)\n(= (through (call (. (call (. v last_mut)) unwrap))) 2)"
    );
}

#[test]
fn let_with_types() {
    assert_eq!(md("let x: i64 = 5"), "(let x: i64 5)");
    assert_eq!(md("let xs: Vec<f64> = []"), "(let xs: Vec<f64> [])");
    assert_eq!(
        md("let c: reqwest.Client = reqwest.Client.new()"),
        "(let c: reqwest.Client (call (. (. reqwest Client) new)))"
    );
    assert_eq!(
        md("let m: HashMap<String, Vec<Option<i64>>> = HashMap.new()"),
        "(let m: HashMap<String, Vec<Option<i64>>> (call (. HashMap new)))"
    );
    assert_eq!(
        md("let t: (i64, &str) = (1, \"a\")"),
        "(let t: (i64, &str) (tuple 1 \"a\"))"
    );
    assert_eq!(md("let r: &mut Vec<i64> = xs"), "(let r: &mut Vec<i64> xs)");
    assert_eq!(md("let u: () = ()"), "(let u: () (tuple ))");
}

#[test]
fn simple_statements() {
    let src = "pass\nbreak\ncontinue\nreturn\nreturn x\nreturn a, b\nprint(x)";
    assert_eq!(
        md(src),
        "(pass)\n(break)\n(continue)\n(return)\n(return x)\n(return (tuple a b))\n(call print x)"
    );
}

#[test]
fn if_elif_else() {
    let src =
        "if x > 10:\n    print(\"big\")\nelif x > 0:\n    print(\"small\")\nelse:\n    pass\n";
    assert_eq!(
        md(src),
        "(if (> x 10) [(call print \"big\")] (> x 0) [(call print \"small\")] else [(pass)])"
    );
}

#[test]
fn one_line_bodies() {
    assert_eq!(md("if x: print(x)"), "(if x [(call print x)])");
    assert_eq!(
        md("if x: a = 1\nelse: a = 2"),
        "(if x [(= a 1)] else [(= a 2)])"
    );
    assert_eq!(md("while n > 0: n -= 1"), "(while (> n 0) [(-= n 1)])");
    assert_eq!(md("fn f(x): return x"), "(fn f(x) [(return x)])");
}

#[test]
fn loops() {
    let src =
        "while n > 0:\n  n -= 1\nfor i in range(10):\n  if i == 3:\n    continue\n  print(i)\n";
    assert_eq!(
        md(src),
        "(while (> n 0) [(-= n 1)])\n(for i (call range 10) [(if (== i 3) [(continue)]); (call print i)])"
    );
    assert_eq!(md("for k, v in m:\n  pass"), "(for (tuple k v) m [(pass)])");
    assert_eq!(
        md("for (i, (a, b)) in xs:\n  pass"),
        "(for (tuple i (tuple a b)) xs [(pass)])"
    );
    assert_eq!(
        md("for w in text.split(\" \"):\n  pass"),
        "(for w (call (. text split) \" \") [(pass)])"
    );
}

#[test]
fn functions() {
    let src = "fn add(a, b):\n    a + b\nfn area(w: f64, h: f64) -> f64:\n    return w * h\n";
    assert_eq!(
        md(src),
        "(fn add(a b) [(+ a b)])\n(fn area(w: f64 h: f64) -> f64 [(return (* w h))])"
    );
    assert_eq!(md("fn f():\n  pass"), "(fn f() [(pass)])");
    assert_eq!(md("fn f(\n  a,\n  b,\n):\n  pass"), "(fn f(a b) [(pass)])");
}

#[test]
fn nested_blocks_and_dedent_to_enclosing_level() {
    let src =
        "fn f(x):\n    if x:\n        for y in x:\n            print(y)\n    return 1\nf(2)\n";
    assert_eq!(
        md(src),
        "(fn f(x) [(if x [(for y x [(call print y)])]); (return 1)])\n(call f 2)"
    );
}

#[test]
fn match_and_patterns() {
    let src = "\
match value:
    case Some(v):
        print(v)
    case None:
        print(\"nothing\")
    case _:
        pass
";
    assert_eq!(
        md(src),
        "(match value (case (Some v) [(call print v)]) (case None [(call print \"nothing\")]) (case _ [(pass)]))"
    );
    let pat = |p: &str| {
        let out = md(&format!("match x:\n  case {p}:\n    pass"));
        let start = out.find("(case ").unwrap() + 6;
        out[start..out.len() - "[(pass)]))".len() - 1].to_string()
    };
    assert_eq!(pat("1"), "(lit 1)");
    assert_eq!(pat("-1"), "(lit (neg 1))");
    assert_eq!(pat("-2.5"), "(lit (neg 2.5))");
    assert_eq!(pat("\"a\""), "(lit \"a\")");
    assert_eq!(pat("true"), "(lit true)");
    assert_eq!(pat("n"), "n");
    assert_eq!(pat("(a, _)"), "(tuple a _)");
    assert_eq!(pat("a, b"), "(tuple a b)");
    assert_eq!(pat("(a,)"), "(tuple a)");
    assert_eq!(pat("()"), "(tuple )");
    assert_eq!(pat("Ok(x)"), "(Ok x)");
    assert_eq!(pat("Shape.Circle(r)"), "(Shape.Circle r)");
    assert_eq!(pat("Ordering.Less"), "(path Ordering.Less)");
    assert_eq!(pat("Shape.Rect(w=w, h=_)"), "(Shape.Rect w=w h=_)");
    assert_eq!(pat("1 | 2 | 3"), "(| (lit 1) (lit 2) (lit 3))");
    assert_eq!(pat("Some(1 | 2)"), "(Some (| (lit 1) (lit 2)))");
    assert_eq!(pat("x if x > 0"), "x if (> x 0)");
    assert_eq!(pat("(Some(a), None)"), "(tuple (Some a) None)");
}

#[test]
fn rimports() {
    assert_eq!(md("rimport reqwest"), "(rimport reqwest)");
    assert_eq!(md("rimport std.cmp"), "(rimport std.cmp)");
    assert_eq!(md("rimport serde-json"), "(rimport serde-json)");
    assert_eq!(md("rimport md-5"), "(rimport md-5)");
    assert_eq!(
        md("rimport reqwest[blocking, json, -default] == \"0.12\" @ \"../r\" as rq"),
        "(rimport reqwest [blocking json -default] == \"0.12\" @ \"../r\" as rq)"
    );
    assert_eq!(
        md("rimport tokio[rt-multi-thread]"),
        "(rimport tokio [rt-multi-thread])"
    );
    assert_eq!(
        md("rimport mylib @ \"../mylib\""),
        "(rimport mylib @ \"../mylib\")"
    );
    assert_eq!(
        md("from reqwest rimport Client, StatusCode"),
        "(from reqwest rimport Client StatusCode)"
    );
    assert_eq!(
        md("from reqwest.header rimport HeaderMap as Headers"),
        "(from reqwest.header rimport HeaderMap as Headers)"
    );
    assert_eq!(
        md("from std.collections rimport (\n    HashMap,\n    HashSet as Set,\n)"),
        "(from std.collections rimport HashMap HashSet as Set)"
    );
    // `-` is only glued into names in rimport statements.
    assert_eq!(md("serde-json"), "(- serde json)");
}

#[test]
fn layout_comments_blank_lines_and_continuation() {
    let src = "# header\n\nx = [1,  # one\n     2]\n\n   # an indented comment\ny = f(x,\n  3)\n";
    assert_eq!(md(src), "(= x [1 2])\n(= y (call f x 3))");
    assert_eq!(
        md("x = 1\r\nif x:\r\n    y = 2\r\n"),
        "(= x 1)\n(if x [(= y 2)])"
    );
    assert_eq!(md(""), "");
    assert_eq!(md("\n\n# only a comment"), "");
}

#[test]
fn macro_bodies_span_lines() {
    assert_eq!(
        md("v = json!({\n  \"a\": 1,\n})\nprint(v)"),
        "(= v (macro json ( \"{\\n  \\\"a\\\": 1,\\n}\"))\n(call print v)"
    );
}

#[test]
fn triple_quoted_strings_span_lines() {
    assert_eq!(
        md("s = \"\"\"a\n  b\"\"\"\nprint(s)"),
        "(= s \"a\\n  b\")\n(call print s)"
    );
}

#[test]
fn statement_spans() {
    let src = "x = 1\nif x:\n    y = 2\n    z = 3\n\nw = 4";
    let m = parse(src).unwrap();
    assert_eq!(text(src, m.stmts[0].span), "x = 1");
    assert_eq!(text(src, m.stmts[1].span), "if x:\n    y = 2\n    z = 3");
    assert_eq!(text(src, m.stmts[2].span), "w = 4");
    let StmtKind::If { branches, .. } = &m.stmts[1].kind else {
        panic!()
    };
    assert_eq!(text(src, branches[0].1.span), "y = 2\n    z = 3");
    let StmtKind::Assign {
        target: Target::Name(n),
        value,
    } = &branches[0].1.stmts[1].kind
    else {
        panic!()
    };
    assert_eq!(text(src, n.span), "z");
    assert_eq!(text(src, value.span), "3");
    let src = "fn f(a: i64) -> i64:\n  return a\n";
    let m = parse(src).unwrap();
    let StmtKind::FnDef(f) = &m.stmts[0].kind else {
        panic!()
    };
    assert_eq!(text(src, f.span), "fn f(a: i64) -> i64:\n  return a");
    assert_eq!(text(src, f.ret.as_ref().unwrap().span), "i64");
    let src = "rimport reqwest[json] as rq";
    let m = parse(src).unwrap();
    let StmtKind::Rimport(r) = &m.stmts[0].kind else {
        panic!()
    };
    assert_eq!(text(src, r.span), src);
    assert_eq!(text(src, r.features[0].span), "json");
    let src = "rimport a[-default, rt-multi]";
    let m = parse(src).unwrap();
    let StmtKind::Rimport(r) = &m.stmts[0].kind else {
        panic!()
    };
    assert_eq!(text(src, r.features[0].span), "-default");
    assert_eq!(text(src, r.features[1].span), "rt-multi");
}

fn text(src: &str, s: keyton_syntax::Span) -> &str {
    &src[s.start as usize..s.end as usize]
}

/// The examples of the language contract (keyton-language.md) parse.
#[test]
fn language_contract_examples() {
    let examples = [
        "if x > 10:\n    print(\"big\")\nelif x > 0:\n    print(\"small\")\nelse:\n    pass\n\n\
         while n > 0:\n    n -= 1\n\n\
         for i in range(10):        # range(a, b), range(a, b, step), a..b\n    if i == 3:\n        continue\n    print(i)\n\n\
         for word in text.split(\" \"):   # any Rust IntoIterator\n    print(word)\n\n\
         match value:               # Rust enums, Option, literals, tuples\n    case Some(v):\n        print(v)\n    case None:\n        print(\"nothing\")\n    case _:                # wildcard\n        pass\n",
        "fn add(a, b):              # unannotated parameters: a template, compiled once\n    a + b                  # per combination of argument types at call sites;\n                           # the last expression is the result\n\
         fn area(w: f64, h: f64) -> f64:\n    return w * h\n",
        "rimport reqwest                          # add the crate (latest version, default features)\n\
         rimport reqwest[blocking, json]          # cargo features, pip-style; `-default` turns defaults off\n\
         rimport reqwest == \"0.12\"                # any cargo version requirement\n\
         rimport mylib @ \"../mylib\"               # a local crate by path\n\
         rimport reqwest as rq                    # an alias\n\
         from reqwest rimport Client, StatusCode  # bind items directly\n\
         from reqwest.header rimport HeaderMap as Headers\n\
         from std.collections rimport HashMap     # std needs no dependency\n",
        "rimport reqwest\nfrom reqwest rimport Client, StatusCode\n\nclient = Client.new()\n\
         resp = client.get(\"http://127.0.0.1:8000/hello\").send()\n\
         print(resp.status() == StatusCode.OK)\nbody = resp.text()\nlen(body)\n",
        "let c: reqwest.Client = reqwest.Client.new()\nlet xs: Vec<f64> = []\n\
         x = serde_json.json!({\"a\": 1})\np = Point(x=1.0, y=2.0)\nd = NaiveDate.from_ymd_opt(2024, 2, 28)\n\
         s = f\"{name} is {age:>3} {x:.2}\"\nf = lambda x, y: x + y\nok = x is None or x is not None\n\
         display(data, \"text/html\")\nq = -7 // 2 == -4 and -7 % 2 == 1\n",
    ];
    for src in examples {
        if let Err(d) = parse(src) {
            panic!("{}", keyton_diagnostics::render_all(&d, src, "example.kt"));
        }
    }
}
