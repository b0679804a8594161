//! Type annotations to [`Ty`], and the questions the checker asks of types:
//! is it Copy, does it have Display, what is a reference's target.

use crate::{Checker, Res};
use keyton_diagnostics::Span;
use keyton_index::{FloatTy, GenericParam, IntTy, Item, Ty};
use keyton_syntax::ast::{self, TypeExprKind};
use std::collections::HashMap;

/// Type names every program sees without importing them.
pub const PRELUDE_TYPES: [(&str, &[&str]); 6] = [
    ("String", &["std", "string", "String"]),
    ("Vec", &["std", "vec", "Vec"]),
    ("Option", &["std", "option", "Option"]),
    ("Result", &["std", "result", "Result"]),
    ("Box", &["std", "boxed", "Box"]),
    ("Dynamic", &["keyton_rt", "Dynamic"]),
];

pub fn primitive(name: &str) -> Option<Ty> {
    Some(match name {
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "str" => Ty::Str,
        "f64" => Ty::F64,
        "f32" => Ty::Float(FloatTy::F32),
        _ => Ty::Int(IntTy::from_name(name)?),
    })
}

impl Checker<'_> {
    pub fn annotation(&mut self, ty: &ast::TypeExpr) -> Res<Ty> {
        match &ty.kind {
            TypeExprKind::Tuple(items) => Ok(Ty::Tuple(
                items
                    .iter()
                    .map(|t| self.annotation(t))
                    .collect::<Res<_>>()?,
            )),
            TypeExprKind::Ref { mutable, inner } => Ok(Ty::Ref {
                mutable: *mutable,
                inner: Box::new(self.annotation(inner)?),
            }),
            TypeExprKind::Path { segments, args } => {
                let args = args
                    .iter()
                    .map(|t| self.annotation(t))
                    .collect::<Res<Vec<_>>>()?;
                if let [one] = segments.as_slice()
                    && let Some(p) = primitive(&one.name)
                {
                    return Ok(p);
                }
                let names: Vec<&str> = segments.iter().map(|s| s.name.as_str()).collect();
                let span = segments[0].span.to(segments[segments.len() - 1].span);
                if let Some(aliased) = self.alias(&names, &args, ty.span)? {
                    return Ok(aliased);
                }
                let Some(path) = self.type_path(&names) else {
                    let last = names[names.len() - 1];
                    let candidates = self.type_names_in_scope();
                    return Err(self.unknown(span, "type", last, candidates));
                };
                let generics = self.adt_generics(&path);
                let want = generics.len();
                // Parameters with defaults (`S = RandomState`) may be left out.
                let required = generics.iter().filter(|g| g.default.is_none()).count();
                if !args.is_empty() && !(required..=want).contains(&args.len()) {
                    let count = if required < want {
                        format!("{required} to {want}")
                    } else {
                        want.to_string()
                    };
                    return self.error_help(
                        ty.span,
                        format!(
                            "`{}` takes {count} type argument(s), found {}",
                            names.join("."),
                            args.len()
                        ),
                        "write the type arguments in `<...>`, e.g. `Vec<i64>`",
                    );
                }
                let args = if args.is_empty() {
                    (0..want).map(|_| self.infer.fresh()).collect()
                } else {
                    let defaults = generics[args.len()..]
                        .iter()
                        .filter_map(|g| g.default.clone());
                    args.into_iter().chain(defaults).collect()
                };
                // `IndexMap<String, i64>` leaves the hasher to its default.
                Ok(self.with_default_args(&Ty::Adt { path, args }))
            }
        }
    }

    /// The canonical path of a type named by a Keyton path, if it names one.
    pub fn type_path(&self, names: &[&str]) -> Option<Vec<String>> {
        if let [one] = names
            && let Some((_, path)) = PRELUDE_TYPES.iter().find(|(n, _)| n == one)
        {
            return Some(path.iter().map(|s| s.to_string()).collect());
        }
        let public = self.public_path(names)?;
        let refs: Vec<&str> = public.iter().map(String::as_str).collect();
        self.adt_named(&refs)
    }

    /// The canonical path of the struct or enum public at `path`, or named
    /// there by an alias without parameters (`chrono.Duration` is `TimeDelta`).
    pub fn adt_named(&self, path: &[&str]) -> Option<Vec<String>> {
        let entry = self.index.lookup(path)?;
        let is_adt = |item: &Item| matches!(item, Item::Struct(_) | Item::Enum(_));
        match &entry.item {
            item if is_adt(item) => Some(entry.canonical_path.clone()),
            Item::TypeAlias(generics, Ty::Adt { path, args })
                if generics.is_empty() && args.is_empty() =>
            {
                let target = self.index.by_canonical(path)?;
                is_adt(&target.item).then(|| path.clone())
            }
            _ => None,
        }
    }

    /// What a type alias in an annotation stands for (see
    /// [`Self::alias_type`]); more arguments than it takes is an error.
    fn alias(&mut self, names: &[&str], args: &[Ty], span: Span) -> Res<Option<Ty>> {
        let Some((_, generics, _)) = self.alias_def(names) else {
            return Ok(None);
        };
        if args.len() > generics.len() {
            return self.error_help(
                span,
                format!(
                    "`{}` takes {} type argument(s), found {}",
                    names.join("."),
                    generics.len(),
                    args.len()
                ),
                "write the type arguments in `<...>`",
            );
        }
        Ok(self.alias_type(names, args).map(|(_, ty)| ty))
    }

    /// A type alias named by a Keyton path: its public path and what it
    /// stands for, its parameters given by `args`, else their defaults, else
    /// left to inference (`anyhow.Result<i64>` is `Result<i64,
    /// anyhow.Error>`; `sha2.Sha256` names its hasher type); `None` when
    /// `names` is no alias.
    pub fn alias_type(&mut self, names: &[&str], args: &[Ty]) -> Option<(Vec<String>, Ty)> {
        let (public, generics, target) = self.alias_def(names)?;
        let mut map = HashMap::new();
        for (i, g) in generics.iter().enumerate() {
            let arg = match (args.get(i), &g.default) {
                (Some(arg), _) => arg.clone(),
                (None, Some(default)) => default.clone(),
                (None, None) => self.infer.fresh(),
            };
            map.insert(g.name.clone(), arg);
        }
        Some((public, crate::infer::subst(&target, &map)))
    }

    fn alias_def(&self, names: &[&str]) -> Option<(Vec<String>, Vec<GenericParam>, Ty)> {
        let public = self.public_path(names)?;
        let refs: Vec<&str> = public.iter().map(String::as_str).collect();
        match &self.index.lookup(&refs)?.item {
            Item::TypeAlias(generics, target) => Some((public, generics.clone(), target.clone())),
            _ => None,
        }
    }

    /// A Keyton path (`HashMap`, `std.collections.HashMap`, `col.HashMap`)
    /// as the public path it names, through the imports.
    pub fn public_path(&self, names: &[&str]) -> Option<Vec<String>> {
        let (first, rest) = names.split_first()?;
        let mut path = if let Some(p) = self.imports.get(*first) {
            p.clone()
        } else if *first == "std" {
            vec!["std".to_string()]
        } else {
            return None;
        };
        path.extend(rest.iter().map(|s| s.to_string()));
        Some(path)
    }

    fn adt_generics(&self, path: &[String]) -> Vec<GenericParam> {
        match self.index.by_canonical(path).map(|e| &e.item) {
            Some(Item::Struct(s)) => s.generics.clone(),
            Some(Item::Enum(e)) => e.generics.clone(),
            _ => Vec::new(),
        }
    }

    fn type_names_in_scope(&self) -> Vec<String> {
        let mut names: Vec<String> = PRELUDE_TYPES.iter().map(|(n, _)| n.to_string()).collect();
        names.extend(["i64", "f64", "bool", "str", "char"].map(String::from));
        names.extend(self.imports.keys().cloned());
        names
    }

    /// Whether values of `ty` are copied rather than moved.
    pub fn is_copy(&self, ty: &Ty) -> bool {
        match self.infer.resolve(ty) {
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char | Ty::Unit | Ty::Never => true,
            Ty::Ref { mutable, .. } => !mutable,
            Ty::Tuple(items) => items.iter().all(|t| self.is_copy(t)),
            Ty::Array(inner, _) => self.is_copy(&inner),
            Ty::Fn { .. } => true,
            ty @ Ty::Adt { .. } if ty.is_adt("Option") => self.is_copy(&ty.args()[0]),
            ty @ Ty::Adt { .. } => self.implements(&ty, "Copy"),
            _ => false,
        }
    }

    /// Whether `print` shows `ty` with Display (else Debug).
    pub fn has_display(&self, ty: &Ty) -> bool {
        match self.infer.resolve(ty) {
            Ty::Int(_) | Ty::Bool | Ty::Char | Ty::Str => true,
            Ty::Ref { inner, .. } => self.has_display(&inner),
            ty @ Ty::Adt { .. } => ty.is_adt("String") || self.implements(&ty, "Display"),
            // `impl Display` results (`path.display()`, crates' formatters).
            Ty::Opaque(bounds) | Ty::Dyn(bounds) => bounds
                .iter()
                .any(|b| b.path.last().is_some_and(|n| n == "Display")),
            _ => false,
        }
    }

    /// Whether the index knows an impl of the trait named `trait_name` for `ty`.
    pub fn implements(&self, ty: &Ty, trait_name: &str) -> bool {
        self.index.impls_for(ty).iter().any(|imp| {
            imp.trait_ref
                .as_ref()
                .is_some_and(|t| t.path.last().is_some_and(|n| n == trait_name))
                && !matches!(imp.self_ty, Ty::Param(_))
        })
    }
}

/// `&T` -> `T`, `&mut T` -> `T`; other types unchanged.
pub fn deref(ty: &Ty) -> &Ty {
    match ty {
        Ty::Ref { inner, .. } => deref(inner),
        _ => ty,
    }
}
