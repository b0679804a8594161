//! The types a result-only generic may be (spec §8) and whether one meets
//! a bound, as the index tells: Keyton's own types, the crate types of
//! the session's values, and the imported crates' types found through
//! the impls of the bounds' traits rather than by trying every type.

use crate::Checker;
use keyton_index::{Item, TraitRef, Ty};
use std::collections::HashMap;

/// How many blanket impls deep a bound is followed.
pub(crate) const BOUND_DEPTH: usize = 4;

impl Checker<'_> {
    /// The types a generic with `bounds` may be instantiated with: Keyton's
    /// own, the crate types of the session's values, and the imported
    /// crates' types that may meet the bounds.
    pub(crate) fn candidates(&self, bounds: &[TraitRef]) -> Vec<Ty> {
        let mut out = vec![
            Ty::I64,
            Ty::F64,
            Ty::reference(Ty::Str),
            Ty::string(),
            Ty::vec(Ty::I64),
            Ty::vec(Ty::F64),
        ];
        let crate_types = self.types_meeting(bounds, BOUND_DEPTH);
        for ty in self
            .session_types
            .iter()
            .cloned()
            .chain(crate_types.into_iter().flatten())
        {
            if !out.contains(&ty) {
                out.push(ty);
            }
        }
        out
    }

    /// The imported crates' types that have an impl of each of `bounds`'
    /// traits (blanket impls followed through their bounds): the crate
    /// types worth trying, found through the impls rather than by trying
    /// every type. `None` when no bound narrows them (`T: Sized`, or a
    /// blanket impl for every type).
    fn types_meeting(&self, bounds: &[TraitRef], depth: usize) -> Option<Vec<Ty>> {
        bounds
            .iter()
            .filter(|b| b.args.is_empty())
            .filter_map(|b| self.types_with_trait(b.path.last()?, depth))
            .reduce(|all, these| all.into_iter().filter(|t| these.contains(t)).collect())
    }

    /// The imported crates' types an impl of the trait `name` is for; `None`
    /// when one is for any type.
    fn types_with_trait(&self, name: &str, depth: usize) -> Option<Vec<Ty>> {
        if is_marker(name) {
            return None;
        }
        let mut out = Vec::new();
        for imp in self.index.impls_of_trait(name) {
            let found = match &imp.self_ty {
                Ty::Adt { path, .. } => self.plain_crate_type(path).into_iter().collect(),
                Ty::Param(param) if depth > 0 => {
                    let bounds = imp.generics.iter().find(|g| g.name == *param);
                    let bounds = bounds.map_or(&[][..], |g| &g.bounds);
                    self.types_meeting(bounds, depth - 1)?
                }
                _ => Vec::new(),
            };
            for ty in found {
                if !out.contains(&ty) {
                    out.push(ty);
                }
            }
        }
        Some(out)
    }

    /// The struct or enum defined at `path`, if an imported crate makes it
    /// public and it needs no generic arguments (none, or all defaulted).
    fn plain_crate_type(&self, path: &[String]) -> Option<Ty> {
        let generics = match &self.index.imported_item(path)?.item {
            Item::Struct(s) => &s.generics,
            Item::Enum(e) => &e.generics,
            _ => return None,
        };
        let args = generics
            .iter()
            .map(|g| g.default.clone())
            .collect::<Option<_>>()?;
        Some(Ty::Adt {
            path: path.to_vec(),
            args,
        })
    }

    /// Whether the concrete type `ty` implements the trait at `path`: an impl
    /// whose self type matches it and whose generics meet their bounds.
    pub(crate) fn meets(&self, ty: &Ty, path: &[String], depth: usize) -> bool {
        let name = path.last().map_or("", String::as_str);
        if is_marker(name) {
            return true;
        }
        let of_trait = |imp: &&keyton_index::ImplDef| {
            imp.trait_ref
                .as_ref()
                .is_some_and(|t| t.path.last().map(String::as_str) == Some(name))
        };
        self.index
            .impls_for(ty)
            .into_iter()
            .filter(of_trait)
            .any(|imp| {
                let Some(map) = bind_params(&imp.self_ty, ty) else {
                    return false;
                };
                depth > 0
                    && imp.generics.iter().all(|g| match map.get(&g.name) {
                        Some(arg) => g
                            .bounds
                            .iter()
                            .filter(|b| b.args.is_empty())
                            .all(|b| self.meets(arg, &b.path, depth - 1)),
                        None => true,
                    })
            })
    }
}

/// An auto or marker trait every candidate has.
pub(crate) fn is_marker(name: &str) -> bool {
    matches!(name, "Sized" | "Send" | "Sync" | "Unpin")
}

/// The generic parameters of an impl's self type `pattern` that make it
/// `ty` (a concrete type), if any do.
fn bind_params(pattern: &Ty, ty: &Ty) -> Option<HashMap<String, Ty>> {
    fn walk(pattern: &Ty, ty: &Ty, map: &mut HashMap<String, Ty>) -> bool {
        match (pattern, ty) {
            (Ty::Param(name), _) => match map.get(name) {
                Some(bound) => bound == ty,
                None => {
                    map.insert(name.clone(), ty.clone());
                    true
                }
            },
            (Ty::Adt { path: p1, args: a1 }, Ty::Adt { path: p2, args: a2 }) => {
                p1 == p2 && all(a1, a2, map)
            }
            (
                Ty::Ref {
                    mutable: m1,
                    inner: i1,
                },
                Ty::Ref {
                    mutable: m2,
                    inner: i2,
                },
            ) => m1 == m2 && walk(i1, i2, map),
            (Ty::Slice(x), Ty::Slice(y)) => walk(x, y, map),
            (Ty::Array(x, n), Ty::Array(y, m)) => n == m && walk(x, y, map),
            (Ty::Tuple(xs), Ty::Tuple(ys)) => all(xs, ys, map),
            _ => pattern == ty,
        }
    }
    fn all(xs: &[Ty], ys: &[Ty], map: &mut HashMap<String, Ty>) -> bool {
        xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| walk(x, y, map))
    }
    let mut map = HashMap::new();
    walk(pattern, ty, &mut map).then_some(map)
}
