//! Errors are values: each test checks the message and the exact source text
//! under the primary span (and, through `common::all_errors`, that every
//! diagnostic says what to do).

mod common;

use common::{all_errors, err};
use keyton_syntax::{parse, parse_expr};

fn check(src: &str, message: &str, under: &str) {
    let (m, u) = err(src);
    assert_eq!((m.as_str(), u.as_str()), (message, under), "for {src:?}");
}

#[test]
fn strings() {
    check("x = \"abc\ny = 1", "unterminated string", "\"");
    check("x = 'abc", "unterminated string", "'");
    check("x = \"\"\"abc\n\ndef", "unterminated string", "\"\"\"");
    check("x = f\"{a}", "unterminated f-string", "f\"");
    check(r#"x = "a\qb""#, "unknown escape `\\q`", "\\q");
    check(r#"x = "\u{zz}""#, "invalid unicode escape", "\\u");
    check(r#"x = "\u{110000}""#, "invalid unicode escape", "\\u");
    let d = &all_errors("x = \"abc")[0];
    assert_eq!(d.help.as_deref(), Some("add a closing `\"`"));
}

#[test]
fn fstrings() {
    check("f\"a}\"", "single `}` in f-string", "}");
    check("f\"a{}b\"", "empty expression in f-string", "{}");
    check("f\"{x\"", "unclosed `{` in f-string", "{");
    check("f\"{x:>3\"", "unclosed `{` in f-string", "{");
    check("f\"{a $ b}\"", "unexpected character `$`", "$");
    check("f\"{a b}\"", "unexpected `b` after the expression", "b");
    // The span of an error inside a field is a real offset in the source.
    let src = "s = f\"ab {x +}\"";
    let d = &all_errors(src)[0];
    assert_eq!(
        d.message,
        "expected an expression, found the end of the f-string field"
    );
    assert_eq!(d.primary.span.start as usize, src.find('}').unwrap());
}

#[test]
fn numbers() {
    check("x = 0xg", "expected hexadecimal digits after `0x`", "0x");
    check("x = 12abc", "invalid number literal `12abc`", "12abc");
    check("x = 0b102", "invalid number literal `0b102`", "0b102");
    check("x = 1e999", "float literal is too large", "1e999");
    check(
        "x = 999999999999999999999999999999999999999999",
        "integer literal is too large",
        "999999999999999999999999999999999999999999",
    );
}

#[test]
fn brackets() {
    check("print(1, 2\nx = 3\n", "unclosed `(`", "(");
    check("xs = [1, (2]", "mismatched `]`", "]");
    check("x = 1)", "unmatched `)`", ")");
    check(
        "x = json!({\"a\": 1)",
        "mismatched `)` in this macro call",
        ")",
    );
    check("x = json!({", "unclosed `(` of this macro call", "(");
}

#[test]
fn indentation() {
    check("x = 1\n    y = 2", "unexpected indent", "y");
    check(
        "if x:\n\tpass",
        "tabs are not allowed in indentation; indent with spaces",
        "\t",
    );
    check(
        "if x:\n    a\n  b",
        "this line's indentation does not match any enclosing block",
        "  ",
    );
    check(
        "if x:\npass",
        "expected an indented block after `if`",
        "pass",
    );
    check("fn f():\n", "expected an indented block after `fn`", "");
    let d = &all_errors("if x:\n\tpass")[0];
    assert!(d.help.as_deref().unwrap().contains("spaces"));
}

#[test]
fn headers() {
    check(
        "if x > 0\n    pass",
        "expected `:` after the `if` condition, found the end of the line",
        "\n",
    );
    check(
        "while x\n  pass",
        "expected `:` after the `while` condition, found the end of the line",
        "\n",
    );
    check(
        "for x in xs\n  pass",
        "expected `:` after the `for` header, found the end of the line",
        "\n",
    );
    check("if x = 1:\n  pass", "expected `:`, found `=`", "=");
    check(
        "if a:\n  pass\nelse if b:\n  pass",
        "expected `:` after `else`",
        "if",
    );
    check("else:\n  pass", "`else` without a matching `if`", "else");
    check(
        "x = 1\nelif x:\n  pass",
        "`elif` without a matching `if`",
        "elif",
    );
    check("case 1:\n  pass", "`case` outside a `match`", "case");
    check(
        "for 1 in xs:\n  pass",
        "expected a loop variable, found `1`",
        "1",
    );
    check("for x of xs:\n  pass", "expected `in`, found `of`", "of");
    check(
        "if x: for y in z: pass",
        "`for` must start on its own line",
        "for",
    );
    check(
        "match x: case 1: pass",
        "the cases of a `match` go on the following lines",
        "case",
    );
    check("match x:\n  y = 1", "expected `case`, found `y`", "y");
    check(
        "match x:\npass",
        "expected an indented `case` after `match`",
        "pass",
    );
}

#[test]
fn expressions() {
    check("x = + 1", "expected an expression, found `+`", "+");
    check("x = (1 +)", "expected an expression, found `)`", ")");
    check(
        "x =",
        "expected an expression, found the end of the line",
        "",
    );
    check(
        "y = a < b < c",
        "chained comparisons are not supported; write `a < b and b < c`",
        "<",
    );
    check(
        "y = a == b != c",
        "chained comparisons are not supported; write `a < b and b < c`",
        "!=",
    );
    check("y = a is b", "`is` only compares with `None`", "b");
    check(
        "y = 1 if c",
        "expected `else`, found the end of the line",
        "",
    );
    check("y = !x", "`!` is not an operator in Keyton", "!");
    check("y = {1: 2}", "dict and set literals are not supported", "{");
    check(
        "y = [x for x in xs]",
        "expected `,` or `]`, found keyword `for`",
        "for",
    );
    check("y = f(1 2)", "expected `,` or `)`, found `2`", "2");
    check("y = (1 2)", "expected `,` or `)`, found `2`", "2");
    check("y = t.0", "expected a name after `.`", "0");
    check("y = lambda 1: 2", "expected a name, found `1`", "1");
    check("y = xs[1:2]", "expected `]`, found `:`", ":");
    check(
        "y = f(x)!(1)",
        "only a name or a dotted path can call a macro",
        "!(1)",
    );
    check("x = $", "unexpected character `$`", "$");
    check("x = 1; y = 2", "unexpected `;`", ";");
    check("x = 1 2", "expected the end of the line, found `2`", "2");
    let d = &all_errors("y = [x for x in xs]")[0];
    assert!(d.help.as_deref().unwrap().contains("comprehension"));
}

#[test]
fn statements() {
    check("let x = 5", "expected `:` and a type after `let x`", "=");
    check("let x: = 5", "expected a type, found `=`", "=");
    check(
        "let x: Vec<i64>= []",
        "expected `,` or `>`, found `>=`",
        ">=",
    );
    check(
        "let if: i64 = 1",
        "expected a name, found keyword `if`",
        "if",
    );
    check(
        "fn f(a=1):\n  pass",
        "default parameter values are not supported",
        "=",
    );
    check(
        "fn if():\n  pass",
        "expected a name, found keyword `if`",
        "if",
    );
    check("fn f:\n  pass", "expected `(`, found `:`", ":");
    check("fn f() -> None:\n  pass", "`None` is not a type", "None");
    check(
        "f(1) + 1 = 2",
        "cannot assign to this expression",
        "f(1) + 1",
    );
    check("a, 1 = t", "cannot assign to this expression", "1");
    check("a, b += 1", "`+=` needs a single target", "a, b");
    check("x: i64 = 5", "a type annotation needs `let`", ":");
    check("return :", "expected the end of the line, found `:`", ":");
}

#[test]
fn imports() {
    check("rimport", "expected a name, found the end of the line", "");
    check(
        "from x import y",
        "expected `rimport`, found `import`",
        "import",
    );
    check(
        "rimport x == 0.12",
        "expected a string, found `0.12`",
        "0.12",
    );
    check(
        "from x rimport",
        "expected a name, found the end of the line",
        "",
    );
    check("rimport x[json", "unclosed `[`", "[");
}

#[test]
fn nesting_limit_is_an_error_not_a_crash() {
    let deep = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
    check(&deep, "this is nested too deeply", "(");
    let deep = format!("x = {}1{}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("x = {}1", "-".repeat(100_000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("x = 1{}", " + 1".repeat(10_000));
    assert_eq!(err(&deep).0, "this expression is too long");
    let deep = format!("x = 2{}", " ** 2".repeat(10_000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("x = a{}", ".b".repeat(10_000));
    assert_eq!(err(&deep).0, "this expression is too long");
    let deep = format!("x = {}1", "not ".repeat(10_000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("x = {}0", "lambda: ".repeat(10_000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("x = {}0", "1 if c else ".repeat(10_000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("let x: {}i64{} = 1", "Vec<".repeat(5000), ">".repeat(5000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!("let x: {}i64 = 1", "&".repeat(5000));
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep = format!(
        "match x:\n  case {}1{}:\n    pass",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    assert_eq!(err(&deep).0, "this is nested too deeply");
    let deep: String = (0..200)
        .map(|n| format!("{}if x:\n", " ".repeat(n)))
        .collect();
    assert_eq!(
        err(&(deep + &" ".repeat(200) + "pass")).0,
        "this is nested too deeply"
    );
    let deep = format!("x = {}x{}", "f\"{".repeat(3000), "}\"".repeat(3000));
    assert!(parse(&deep).is_err());
    assert!(parse_expr(&"(".repeat(100_000)).is_err());
}

#[test]
fn several_errors_are_reported_without_cascades() {
    let errors = all_errors("x = (1 +)\ny = 2 3\nz = ok\n");
    let messages: Vec<_> = errors.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "expected an expression, found `)`",
            "expected the end of the line, found `3`"
        ]
    );
    let src = "if x\n    y = 1\nelse:\n    pass\nfn f(a b):\n    a b\n    c d\nz = = 1\n";
    let messages: Vec<_> = all_errors(src).into_iter().map(|d| d.message).collect();
    assert_eq!(
        messages,
        [
            "expected `:` after the `if` condition, found the end of the line",
            "`else` without a matching `if`",
            "expected `,` or `)`, found `b`",
            "expected an expression, found `=`",
        ]
    );
    let src = "fn f():\n    a b\n    c = 1\n    d e\nmatch x:\n    case 1 2:\n        pass\n    case _:\n        pass\n";
    let messages: Vec<_> = all_errors(src).into_iter().map(|d| d.message).collect();
    assert_eq!(
        messages,
        [
            "expected the end of the line, found `b`",
            "expected the end of the line, found `e`",
            "expected `:` after the `case` pattern, found `2`",
        ]
    );
}

#[test]
fn recovery_after_an_unexpected_indent_resumes_at_the_dedent() {
    let messages: Vec<_> = all_errors("x = 1\n    y = 2\n    w = 3\nz = 3 4\n")
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        [
            "unexpected indent",
            "expected the end of the line, found `4`"
        ]
    );
}

#[test]
fn parse_expr_errors() {
    let e = parse_expr("1 +").unwrap_err();
    assert_eq!(
        e[0].message,
        "expected an expression, found the end of the input"
    );
    let e = parse_expr("1 2").unwrap_err();
    assert_eq!(e[0].message, "unexpected `2` after the expression");
    assert!(parse_expr("").is_err());
}
