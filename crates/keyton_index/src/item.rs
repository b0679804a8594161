//! What the index holds about a crate's public API.

use crate::ty::{Path, TraitRef, Ty};

/// A generic parameter with its bounds (from the parameter list and `where`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GenericParam {
    pub name: String,
    pub bounds: Vec<TraitRef>,
    /// `T = HeaderValue`: what a use of the type that leaves it out means.
    #[cfg_attr(feature = "serde", serde(default))]
    pub default: Option<Ty>,
}

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Receiver {
    Value,
    Ref,
    RefMut,
}

/// A function or method signature, generics and bounds included.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FnSig {
    pub name: String,
    pub generics: Vec<GenericParam>,
    /// `None` for free and associated functions without `self`.
    pub receiver: Option<Receiver>,
    /// Parameters after `self`, by name and type.
    pub params: Vec<(String, Ty)>,
    /// `Ty::Unit` when the signature has no `->`.
    pub ret: Ty,
    pub is_async: bool,
    pub doc: String,
    /// Where-clause bounds on types other than the signature's own generic
    /// parameters: `Self: DoubleEndedIterator`, `Self::Item: Ord`.
    pub predicates: Vec<(Ty, Vec<TraitRef>)>,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StructDef {
    pub generics: Vec<GenericParam>,
    /// It has lifetime parameters: a value of it borrows from others.
    #[cfg_attr(feature = "serde", serde(default))]
    pub borrows: bool,
    /// Public fields by name (tuple structs: "0", "1", ...).
    pub fields: Vec<(String, Ty)>,
    /// How it is written: a unit struct is a value by its path alone, which
    /// its (empty) public fields cannot tell from one with private fields.
    #[cfg_attr(feature = "serde", serde(default))]
    pub shape: StructShape,
    pub doc: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum StructShape {
    /// `struct S { a: T }`
    #[default]
    Named,
    /// `struct S(T);`
    Tuple,
    /// `struct S;`
    Unit,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum VariantShape {
    Unit,
    Tuple(Vec<Ty>),
    Struct(Vec<(String, Ty)>),
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EnumDef {
    pub generics: Vec<GenericParam>,
    /// It has lifetime parameters: a value of it borrows from others.
    #[cfg_attr(feature = "serde", serde(default))]
    pub borrows: bool,
    pub variants: Vec<(String, VariantShape)>,
    pub doc: String,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TraitDef {
    pub generics: Vec<GenericParam>,
    /// Supertraits.
    pub supertraits: Vec<TraitRef>,
    pub assoc_types: Vec<String>,
    /// Required and provided methods alike; `Self` appears as `Ty::Param("Self")`.
    pub methods: Vec<FnSig>,
    pub doc: String,
}

/// An `impl` block: inherent (`trait_ref: None`) or of a trait.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImplDef {
    pub generics: Vec<GenericParam>,
    pub trait_ref: Option<TraitRef>,
    pub self_ty: Ty,
    /// `type Item = T;`
    pub assoc_types: Vec<(String, Ty)>,
    pub methods: Vec<FnSig>,
    pub consts: Vec<(String, Ty)>,
}

/// A public item, reachable at some public path.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Item {
    Module,
    Fn(FnSig),
    Struct(StructDef),
    Enum(EnumDef),
    Trait(TraitDef),
    Const(Ty),
    Static(Ty),
    /// `lazy_static!`'s `static ref NAME: T`: a static of a hidden type
    /// that derefs to `T` (the `Ty`), initialized on first use.
    LazyStatic(Ty),
    /// `type Name<G> = Ty;`
    TypeAlias(Vec<GenericParam>, Ty),
    /// A `#[macro_export]` macro.
    Macro {
        doc: String,
        /// A `macro_rules!`'s rules, as text: crates that invoke the macro
        /// expand it with them. `None` for a proc macro.
        rules: Option<String>,
    },
}

/// An item with the path it is public at and the path it is defined at
/// (they differ for re-exports: `reqwest::StatusCode` is `http::StatusCode`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    pub public_path: Path,
    pub canonical_path: Path,
    pub item: Item,
}
