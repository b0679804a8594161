//! Type annotations to [`Ty`], and the questions the checker asks of types:
//! is it Copy, does it have Display, what is a reference's target.

use crate::{Checker, Res};
use keyton_index::{FloatTy, IntTy, Item, Ty};
use keyton_syntax::ast::{self, TypeExprKind};

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
                if let Some(alias) = self.alias_type(&names, args.clone()) {
                    return Ok(alias.1);
                }
                let Some(path) = self.type_path(&names) else {
                    let last = names[names.len() - 1];
                    let candidates = self.type_names_in_scope();
                    return Err(self.unknown(span, "type", last, candidates));
                };
                let want = self.generic_count(&path);
                if args.len() > want
                    || (args.len() < self.required_count(&path) && !args.is_empty())
                {
                    return self.error_help(
                        ty.span,
                        format!(
                            "`{}` takes {want} type argument(s), found {}",
                            names.join("."),
                            args.len()
                        ),
                        "write the type arguments in `<...>`, e.g. `Vec<i64>`",
                    );
                }
                let args = if args.is_empty() {
                    (0..want).map(|_| self.infer.fresh()).collect()
                } else {
                    args
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
        let entry = self.index.lookup(&refs)?;
        match entry.item {
            Item::Struct(_) | Item::Enum(_) => Some(entry.canonical_path.clone()),
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

    /// A type alias named by a Keyton path (`sha2.Sha256`): its public
    /// path and the type it stands for, applied to `args` (fresh variables
    /// for the parameters not given).
    pub fn alias_type(&mut self, names: &[&str], args: Vec<Ty>) -> Option<(Vec<String>, Ty)> {
        let public = self.public_path(names)?;
        let refs: Vec<&str> = public.iter().map(String::as_str).collect();
        let entry = self.index.lookup(&refs)?;
        let Item::TypeAlias(generics, body) = &entry.item else {
            return None;
        };
        let (generics, body) = (generics.clone(), body.clone());
        let mut args = args.into_iter();
        let params = generics
            .iter()
            .map(|g| {
                (
                    g.name.clone(),
                    args.next().unwrap_or_else(|| self.infer.fresh()),
                )
            })
            .collect();
        Some((public, crate::infer::subst(&body, &params)))
    }

    fn generic_count(&self, path: &[String]) -> usize {
        self.generics_of(path).len()
    }

    /// How many type arguments a type needs written: those without defaults.
    fn required_count(&self, path: &[String]) -> usize {
        let generics = self.generics_of(path);
        generics.iter().filter(|g| g.default.is_none()).count()
    }

    fn generics_of(&self, path: &[String]) -> &[keyton_index::GenericParam] {
        match self.index.by_canonical(path).map(|e| &e.item) {
            Some(Item::Struct(s)) => &s.generics,
            Some(Item::Enum(e)) => &e.generics,
            _ => &[],
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
