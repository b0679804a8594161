//! The Keyton syntax tree. Every node carries the [`Span`] of its source text;
//! names are resolved and types inferred later, by the checker.

pub use keyton_diagnostics::Span;

/// A whole script, or one notebook cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub stmts: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// An indented block of statements under a header line.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression on its own line; the last one of a function body is its result.
    Expr(Expr),
    /// `target = value`; `a, b = pair`; `xs[i] = v`; `p.x = v`.
    Assign {
        target: Target,
        value: Expr,
    },
    /// `let name: ty = value`.
    Let {
        name: Ident,
        ty: TypeExpr,
        value: Expr,
    },
    /// `target op= value` for `+= -= *= /= //= %=`.
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    /// `if c: ... elif c: ... else: ...`: one branch per `if`/`elif`.
    If {
        branches: Vec<(Expr, Block)>,
        orelse: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    /// `for target in iter:`; the target is a name or a tuple of names.
    For {
        target: Target,
        iter: Expr,
        body: Block,
    },
    Match {
        scrutinee: Expr,
        cases: Vec<MatchCase>,
    },
    FnDef(FnDef),
    Return(Option<Expr>),
    Break,
    Continue,
    Pass,
    Rimport(Rimport),
    FromRimport(FromRimport),
}

/// Where an assignment or a `for` loop stores its value.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Name(Ident),
    /// `a, b` or `(a, b)`; nests.
    Tuple(Vec<Target>, Span),
    Index {
        base: Expr,
        index: Expr,
        span: Span,
    },
    Field {
        base: Expr,
        field: Ident,
        span: Span,
    },
    /// A call giving `&mut T`, written through: `m.entry(k).or_insert(0) += 1`.
    Call(Expr),
}

impl Target {
    pub fn span(&self) -> Span {
        match self {
            Target::Name(i) => i.span,
            Target::Tuple(_, s) | Target::Index { span: s, .. } | Target::Field { span: s, .. } => {
                *s
            }
            Target::Call(e) => e.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FnDef {
    pub name: Ident,
    pub params: Vec<Param>,
    pub ret: Option<TypeExpr>,
    pub body: Block,
    pub span: Span,
}

/// A function parameter; without a type it makes the function a template.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub ty: Option<TypeExpr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// `_`
    Wildcard,
    /// A bare name: binds, unless the checker finds it names a unit variant or const.
    Name(String),
    /// `None`
    NoneLit,
    /// An int, float, string or bool literal, or a negated number.
    Literal(Expr),
    /// `(p, q)`
    Tuple(Vec<Pattern>),
    /// `Some(p)`, `Ok(p)`, `Shape.Circle(r)`, or a dotted path alone (`Ordering.Less`).
    Ctor {
        path: Vec<Ident>,
        args: Option<Vec<Pattern>>,
    },
    /// `Shape.Rect(w=w, h=h)`: a struct-like variant or struct by field names.
    Struct {
        path: Vec<Ident>,
        fields: Vec<(Ident, Pattern)>,
    },
    /// `p | q`
    Or(Vec<Pattern>),
}

/// `rimport path[features] == "req" @ "dir" as alias`
#[derive(Clone, Debug, PartialEq)]
pub struct Rimport {
    pub path: Vec<Ident>,
    pub features: Vec<Feature>,
    pub version: Option<StrLit>,
    pub local_path: Option<StrLit>,
    pub alias: Option<Ident>,
    pub span: Span,
}

/// A cargo feature; `-default` is `Feature { name: "default", negated: true }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub name: String,
    pub negated: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    pub value: String,
    pub span: Span,
}

/// `from path rimport A, B as C`
#[derive(Clone, Debug, PartialEq)]
pub struct FromRimport {
    pub path: Vec<Ident>,
    pub items: Vec<ImportItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportItem {
    pub name: Ident,
    pub alias: Option<Ident>,
}

/// A type annotation: `i64`, `Vec<f64>`, `reqwest.Client`, `(i64, String)`, `&str`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExprKind {
    Path {
        segments: Vec<Ident>,
        args: Vec<TypeExpr>,
    },
    Tuple(Vec<TypeExpr>),
    Ref {
        mutable: bool,
        inner: Box<TypeExpr>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal; u128 so the literal can adapt to any Rust integer type.
    Int(u128),
    Float(f64),
    /// A string literal after escapes are processed (raw and triple-quoted included).
    Str(String),
    FStr(Vec<FStrPart>),
    Bool(bool),
    None,
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `x is None` (negated: false) or `x is not None` (negated: true).
    IsNone {
        operand: Box<Expr>,
        negated: bool,
    },
    /// `then if cond else orelse`
    IfElse {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `base.name`: a field, a method (when called), or a path segment.
    Attr {
        base: Box<Expr>,
        name: Ident,
    },
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    /// `a..b`
    Range {
        start: Box<Expr>,
        end: Box<Expr>,
    },
    Lambda {
        params: Vec<Ident>,
        body: Box<Expr>,
    },
    /// `path!(tokens)`: the tokens between the delimiters are passed to Rust unchanged.
    MacroCall {
        path: Vec<Ident>,
        delimiter: char,
        tokens: String,
    },
}

/// A call argument, positional or `name=value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Option<Ident>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStrPart {
    Lit(String),
    /// `{expr}` or `{expr:spec}`; the spec is a Rust format spec.
    Expr {
        expr: Expr,
        spec: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// `/`: true division, always f64.
    Div,
    /// `//`: floor division.
    FloorDiv,
    /// `%`: Python modulo (sign of the divisor).
    Mod,
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    In,
    NotIn,
}

impl BinOp {
    /// The operator as written in Keyton.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::In => "in",
            BinOp::NotIn => "not in",
        }
    }
}
