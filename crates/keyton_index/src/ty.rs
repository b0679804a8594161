//! One type language for Rust signatures and Keyton values: the index reads
//! signatures into it, and the checker infers over it (with [`Ty::Infer`]).

use std::fmt;

/// A path as Rust spells it, e.g. `["std", "collections", "HashMap"]`.
pub type Path = Vec<String>;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Ty {
    Int(IntTy),
    Float(FloatTy),
    Bool,
    Char,
    /// The unsized `str` (seen behind a reference).
    Str,
    /// `()`
    Unit,
    /// `!`
    Never,
    Tuple(Vec<Ty>),
    Ref {
        mutable: bool,
        inner: Box<Ty>,
    },
    Slice(Box<Ty>),
    Array(Box<Ty>, u64),
    /// A named type with generic arguments, by its canonical path
    /// (`std::string::String`, `std::vec::Vec<T>`, `reqwest::Client`).
    Adt {
        path: Path,
        args: Vec<Ty>,
    },
    /// A generic parameter of the signature it appears in (`T`, `Self`).
    Param(String),
    /// `<base as Trait>::name` or `base::name` (`Self::Item`, `I::Item`).
    Assoc {
        base: Box<Ty>,
        trait_path: Option<Path>,
        name: String,
    },
    /// A function or closure type: `fn(A, B) -> R`, or the shape of an `Fn*` bound.
    Fn {
        params: Vec<Ty>,
        ret: Box<Ty>,
    },
    /// `impl Trait + ...` in return position: known only by its bounds.
    Opaque(Vec<TraitRef>),
    /// `dyn Trait`
    Dyn(Vec<TraitRef>),
    /// An inference variable of the checker.
    Infer(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FloatTy {
    F32,
    F64,
}

/// A trait with its generic arguments and associated-type bindings:
/// `Iterator<Item = T>`, `FnMut(T) -> B`, `AsRef<str>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TraitRef {
    pub path: Path,
    pub args: Vec<Ty>,
    /// `Item = T`; for `Fn*` bounds, `Output = R`.
    pub bindings: Vec<(String, Ty)>,
}

impl IntTy {
    pub const ALL: [IntTy; 12] = [
        IntTy::I8,
        IntTy::I16,
        IntTy::I32,
        IntTy::I64,
        IntTy::I128,
        IntTy::Isize,
        IntTy::U8,
        IntTy::U16,
        IntTy::U32,
        IntTy::U64,
        IntTy::U128,
        IntTy::Usize,
    ];

    pub fn name(self) -> &'static str {
        match self {
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::I128 => "i128",
            IntTy::Isize => "isize",
            IntTy::U8 => "u8",
            IntTy::U16 => "u16",
            IntTy::U32 => "u32",
            IntTy::U64 => "u64",
            IntTy::U128 => "u128",
            IntTy::Usize => "usize",
        }
    }

    pub fn from_name(name: &str) -> Option<IntTy> {
        IntTy::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl FloatTy {
    pub fn name(self) -> &'static str {
        match self {
            FloatTy::F32 => "f32",
            FloatTy::F64 => "f64",
        }
    }
}

impl Ty {
    /// The primitive type Rust spells `name` (`bool`, `str`, `u8`, ...).
    pub fn primitive(name: &str) -> Option<Ty> {
        Some(match name {
            "bool" => Ty::Bool,
            "char" => Ty::Char,
            "str" => Ty::Str,
            "f32" => Ty::Float(FloatTy::F32),
            "f64" => Ty::Float(FloatTy::F64),
            _ => Ty::Int(IntTy::from_name(name)?),
        })
    }

    pub const I64: Ty = Ty::Int(IntTy::I64);
    pub const F64: Ty = Ty::Float(FloatTy::F64);

    pub fn adt(path: &[&str], args: Vec<Ty>) -> Ty {
        Ty::Adt {
            path: path.iter().map(|s| s.to_string()).collect(),
            args,
        }
    }

    pub fn string() -> Ty {
        Ty::adt(&["std", "string", "String"], vec![])
    }

    pub fn vec(elem: Ty) -> Ty {
        Ty::adt(&["std", "vec", "Vec"], vec![elem])
    }

    pub fn option(inner: Ty) -> Ty {
        Ty::adt(&["std", "option", "Option"], vec![inner])
    }

    pub fn result(ok: Ty, err: Ty) -> Ty {
        Ty::adt(&["std", "result", "Result"], vec![ok, err])
    }

    pub fn reference(inner: Ty) -> Ty {
        Ty::Ref {
            mutable: false,
            inner: Box::new(inner),
        }
    }

    /// The last segment of an ADT's path, if this is one.
    pub fn adt_name(&self) -> Option<&str> {
        match self {
            Ty::Adt { path, .. } => path.last().map(String::as_str),
            _ => None,
        }
    }

    /// Whether this is the ADT whose path ends with `name` (`"Vec"`, `"Option"`).
    pub fn is_adt(&self, name: &str) -> bool {
        self.adt_name() == Some(name)
    }

    /// The generic arguments of an ADT (empty otherwise).
    pub fn args(&self) -> &[Ty] {
        match self {
            Ty::Adt { args, .. } => args,
            _ => &[],
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Float(_))
    }
}

/// Types print in Keyton's annotation syntax: short names for std types
/// (`Vec<i64>`, `HashMap<String, i64>`), dotted paths for crate types.
impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Int(t) => f.write_str(t.name()),
            Ty::Float(t) => f.write_str(t.name()),
            Ty::Bool => f.write_str("bool"),
            Ty::Char => f.write_str("char"),
            Ty::Str => f.write_str("str"),
            Ty::Unit => f.write_str("()"),
            Ty::Never => f.write_str("!"),
            Ty::Tuple(items) => {
                f.write_str("(")?;
                write_list(f, items)?;
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Ty::Ref { mutable, inner } => {
                write!(f, "&{}{inner}", if *mutable { "mut " } else { "" })
            }
            Ty::Slice(inner) => write!(f, "[{inner}]"),
            Ty::Array(inner, n) => write!(f, "[{inner}; {n}]"),
            Ty::Adt { path, args } => {
                if path
                    .first()
                    .is_some_and(|p| p == "std" || p == "core" || p == "alloc")
                {
                    f.write_str(path.last().map_or("", String::as_str))?;
                } else {
                    f.write_str(&path.join("."))?;
                }
                if !args.is_empty() {
                    f.write_str("<")?;
                    write_list(f, args)?;
                    f.write_str(">")?;
                }
                Ok(())
            }
            Ty::Param(name) => f.write_str(name),
            Ty::Assoc { base, name, .. } => write!(f, "{base}.{name}"),
            Ty::Fn { params, ret } => {
                f.write_str("fn(")?;
                write_list(f, params)?;
                write!(f, ") -> {ret}")
            }
            Ty::Opaque(bounds) => write!(f, "impl {}", bounds_text(bounds)),
            Ty::Dyn(bounds) => write!(f, "dyn {}", bounds_text(bounds)),
            Ty::Infer(_) => f.write_str("_"),
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Ty]) -> fmt::Result {
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{t}")?;
    }
    Ok(())
}

fn bounds_text(bounds: &[TraitRef]) -> String {
    bounds
        .iter()
        .map(|b| {
            let name = b.path.last().map_or("", String::as_str);
            let mut parts: Vec<String> = b.args.iter().map(Ty::to_string).collect();
            parts.extend(b.bindings.iter().map(|(n, t)| format!("{n} = {t}")));
            if parts.is_empty() {
                name.to_string()
            } else {
                format!("{name}<{}>", parts.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" + ")
}
