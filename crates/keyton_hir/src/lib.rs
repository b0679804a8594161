//! The typed Keyton program: what the checker produces and codegen prints.
//!
//! Everything Rust needs is explicit here: every expression has its Rust type,
//! borrows, clones, conversions and `Result` unwrapping are nodes of their own,
//! template functions are instantiated, names are unique Rust identifiers.
//! Codegen makes no decisions of meaning; it only spells this tree as Rust.
//! Spans point back at Keyton source, for the line map.

mod macro_names;

pub use keyton_diagnostics::Span;
pub use keyton_index::{FloatTy, IntTy, Ty};
pub use macro_names::{macro_variable_names, replace_variables};

/// A whole script (or, later, one cell).
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// Every function, template instances included, in definition order.
    pub fns: Vec<Function>,
    /// The top-level statements, run in order.
    pub main: Vec<Stmt>,
    /// Traits of crates whose methods are called, by their defining
    /// paths: brought into scope (`use path as _;`).
    pub traits: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// A unique Rust identifier (template instances are mangled).
    pub name: String,
    pub params: Vec<(String, Ty)>,
    pub ret: Ty,
    pub body: Block,
    pub span: Span,
}

/// Statements and an optional tail expression giving the block's value.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub tail: Option<Box<Expr>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    /// The Keyton statement this came from.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `let mut <pat>: <ty> = <value>;` (a new binding; `ty: None` lets rustc infer).
    Let {
        pat: Pat,
        ty: Option<Ty>,
        value: Expr,
    },
    /// `let mut name: ty;` declared before a loop or branch assigns it.
    Declare {
        name: String,
        ty: Ty,
    },
    /// `place = value;`
    Assign {
        place: Expr,
        value: Expr,
    },
    /// `place op= value;` for `+ - * /` (`Rem` is Rust's `%=`, used on floats only).
    CompoundAssign {
        place: Expr,
        op: BinaryOp,
        value: Expr,
    },
    Expr(Expr),
    If {
        branches: Vec<(Expr, Block)>,
        orelse: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    For {
        pat: Pat,
        iter: Expr,
        body: Block,
    },
    Match {
        scrutinee: Expr,
        arms: Vec<Arm>,
    },
    Return(Option<Expr>),
    Break,
    Continue,
    /// Cells only: bring the session variable `name` (of type `ty`) into
    /// the cell as a guard, the local [`global_local`]`(name)`.
    Load {
        name: String,
        ty: Ty,
    },
    /// Cells only: the top-level variable `name` just bound becomes a
    /// session variable: its value moves into the guard
    /// [`global_local`]`(name)`, which keeps it in the session. With
    /// `to_owned`, the local is a reference (`&str`, `&[T]`) and the session
    /// keeps an owned copy (`String`, `Vec<T>`) of type `ty`.
    Publish {
        name: String,
        ty: Ty,
        to_owned: bool,
    },
    /// Cells only: show the value as the cell's result.
    Show(Expr),
    /// Cells only, first in every loop body: stop here if interrupted.
    InterruptPoint,
}

/// The Rust local that holds the guard of session variable `name` in a
/// cell. Codegen spells a [`ExprKind::Local`] of such a name as the value
/// behind the guard (`(*guard)`).
pub fn global_local(name: &str) -> String {
    format!("{GLOBAL_PREFIX}{name}")
}

/// The session variable a local of [`global_local`] stands for.
pub fn global_name(local: &str) -> Option<&str> {
    local.strip_prefix(GLOBAL_PREFIX)
}

const GLOBAL_PREFIX: &str = "keyton_global__";

#[derive(Clone, Debug, PartialEq)]
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pat {
    pub kind: PatKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatKind {
    Wild,
    /// `mut name` (`mutable: false` where Rust would warn, e.g. `for` variables never assigned).
    Bind {
        name: String,
        mutable: bool,
    },
    Tuple(Vec<Pat>),
    /// A literal: an `Int`, `Float`, `Str`, `Bool` expression, possibly negated.
    Lit(Expr),
    /// `path` (unit variant, const, `None`) or `path(p, q)` (`Some(x)`, tuple variants).
    Path {
        path: Vec<String>,
        args: Option<Vec<Pat>>,
    },
    /// `path { field: p, .. }`
    Struct {
        path: Vec<String>,
        fields: Vec<(String, Pat)>,
    },
    Or(Vec<Pat>),
    /// `&p`, for matching through references.
    Ref(Box<Pat>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    /// The Rust type of this expression.
    pub ty: Ty,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal of type `ty` (printed with its suffix: `5i64`, `3usize`).
    Int(u128),
    /// A float literal of type `ty` (`2.0f64`).
    Float(f64),
    /// A string literal, of type `&'static str`.
    Str(String),
    /// A `char` literal (a one-character string where Rust wants a `char`).
    Char(char),
    Bool(bool),
    Unit,
    /// A local variable or parameter.
    Local(String),
    /// A path to a fn, const, static, unit struct or variant (`None`, `std::f64::consts::PI`).
    Path(Vec<String>),
    /// A generic fn named with its generic arguments (`serde_json::from_str::<Value>`):
    /// the callee of a call whose result alone decides them.
    GenericPath {
        path: Vec<String>,
        generics: Vec<Ty>,
    },
    /// `callee(args)`; args already adjusted (borrowed, converted) to the parameter types.
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `receiver.method::<turbofish>(args)`; Rust's own auto-ref applies to
    /// the receiver. The turbofish is given where only the result decides a
    /// generic (`collect::<Vec<i64>>()`); empty otherwise.
    MethodCall {
        receiver: Box<Expr>,
        method: String,
        turbofish: Vec<Ty>,
        args: Vec<Expr>,
    },
    /// `Path { field: value, .. }` for structs and struct-like variants.
    StructLit {
        path: Vec<String>,
        fields: Vec<(String, Expr)>,
    },
    Field {
        base: Box<Expr>,
        name: String,
    },
    /// `base.0`
    TupleField {
        base: Box<Expr>,
        index: usize,
    },
    /// `base[index]` with `index` already of Rust's index type (usize, a range, `&K`).
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    /// A list literal: `vec![...]`.
    List(Vec<Expr>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// A Rust binary operator; Keyton's `/ // % ** in` reach here only where Rust's
    /// operator means the same, otherwise they are [`ExprKind::Runtime`] calls.
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// A call of a `keyton_rt` helper (checked, Python-shaped arithmetic and builtins).
    Runtime {
        func: RuntimeFn,
        args: Vec<Expr>,
    },
    /// `&expr` or `&mut expr`.
    Ref {
        mutable: bool,
        expr: Box<Expr>,
    },
    /// `*expr`
    Deref(Box<Expr>),
    /// `expr.clone()`: a value taken out of a place that cannot be moved from.
    Clone(Box<Expr>),
    /// `expr as ty`, for lossless or float conversions (`i64 as f64`).
    As {
        expr: Box<Expr>,
        to: Ty,
    },
    /// A checked integer conversion to `ty` (out of range: a run-time error here).
    Convert(Box<Expr>),
    /// `Ok` unwrapped; `Err(e)` stops the program with `e` and this
    /// expression's line. `call` names the call for the message (`std.fs.write`).
    UnwrapResult {
        expr: Box<Expr>,
        call: String,
    },
    /// `format!(...)` building a String.
    Format(Vec<FmtPart>),
    /// `write!(target, ...)`: formatting appended to a `String` place in
    /// place (`s += f"..."`), with no temporary String.
    Append {
        target: Box<Expr>,
        parts: Vec<FmtPart>,
    },
    /// `println!` (or `eprintln!` to stderr) of the parts; the separators
    /// between `print`'s arguments are `Lit` parts. Without `newline`,
    /// `print!` (Python's `end=""`: the checker puts any other end in `parts`).
    Print {
        parts: Vec<FmtPart>,
        stderr: bool,
        newline: bool,
    },
    /// Cells only: the value of a session variable moved out of its guard
    /// (a type that cannot be copied); the variable is gone afterwards.
    TakeGlobal(Box<Expr>),
    /// Wait for a future's result (`keyton_rt::block_on`): the call of an
    /// `async fn`, or of a function giving `impl Future`.
    Await(Box<Expr>),
    /// Cells only: `display(value)` (shown as the language shows values)
    /// or `display(data, mime)` (rich output: `data` is text or bytes).
    Display {
        value: Box<Expr>,
        mime: Option<Box<Expr>>,
    },
    /// `|a: A, b: B| body`
    Closure {
        params: Vec<(String, Ty)>,
        body: Box<Expr>,
    },
    IfElse {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    Block(Block),
    /// `start..end`
    Range {
        start: Box<Expr>,
        end: Box<Expr>,
    },
    /// `path!(tokens)`, tokens passed through unchanged but for the
    /// Keyton variables they name: each (name in the tokens, the variable)
    /// is spelled as generated code reads that variable.
    MacroCall {
        path: Vec<String>,
        delimiter: char,
        tokens: String,
        vars: Vec<(String, Expr)>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum FmtPart {
    Lit(String),
    /// An argument with its Rust format spec, without braces: `""`, `":?"`, `":>5"`, `":.2"`.
    Arg {
        expr: Expr,
        spec: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

/// The `keyton_rt` helpers generated code calls. Each reports a run-time error
/// at its caller's Keyton line (they are `#[track_caller]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuntimeFn {
    /// `a // b` on i64 (floor; division by zero and overflow are errors).
    FloorDiv,
    /// `a % b` on i64, with the sign of the divisor.
    Modulo,
    /// `a // b` on f64.
    FloorDivFloat,
    /// `a % b` on f64, with the sign of the divisor.
    ModuloFloat,
    /// `a ** b` on i64 (checked; negative exponent is an error).
    PowInt,
    /// `a / b` on i64 giving f64 (division by zero is an error).
    TrueDivInt,
    /// `a / b` on f64 (division by zero is an error, as in Python).
    TrueDivFloat,
    /// `(i64, len: usize) -> usize`: a Python index (negative counts from the end).
    ListIndex,
    /// `int(&str) -> i64`
    ParseInt,
    /// `float(&str) -> f64`
    ParseFloat,
    /// `int(f64) -> i64` (truncates; NaN and out of range are errors).
    FloatToInt,
    /// `range(a, b, step) -> impl Iterator<Item = i64>` (step 0 is an error).
    RangeStep,
    /// `f64 -> impl Display`: Python's text of a float (`1.0`, `1e+20`).
    FloatText,
}
