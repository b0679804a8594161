//! Associated types projected through the impls the index knows
//! (`<T as Iterator>::Item` of a known `T`), and what a `for` loop walks.

use crate::Checker;
use crate::infer::subst;
use keyton_index::Ty;

impl Checker<'_> {
    /// Project associated types (`<T as Iterator>::Item`) where the base is known.
    pub fn normalize(&mut self, ty: &Ty) -> Ty {
        match ty {
            Ty::Assoc {
                base,
                name,
                trait_path,
            } => {
                let base = self.normalize(base);
                let base = self.infer.resolve(&base);
                if matches!(base, Ty::Infer(_)) {
                    // Decided later, by the arguments: normalized again then.
                    return Ty::Assoc {
                        base: Box::new(base),
                        trait_path: trait_path.clone(),
                        name: name.clone(),
                    };
                }
                let trait_name = trait_path.as_ref().and_then(|p| p.last().cloned());
                match self.project(&base, trait_name.as_deref(), name) {
                    Some(t) => t,
                    None => self.infer.fresh(),
                }
            }
            _ => crate::infer::map_ty(ty, &mut |t| self.normalize(t)),
        }
    }

    fn project(&mut self, base: &Ty, trait_name: Option<&str>, name: &str) -> Option<Ty> {
        if let Ty::Opaque(bounds) | Ty::Dyn(bounds) = base {
            return self.with_supertraits(bounds).iter().find_map(|b| {
                b.bindings
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, t)| t.clone())
            });
        }
        if matches!(base, Ty::Infer(_) | Ty::Param(_)) {
            return None;
        }
        for imp in self.impls_ordered(base) {
            let Some(tr) = &imp.trait_ref else { continue };
            if trait_name.is_some_and(|t| tr.path.last().is_none_or(|l| l != t)) {
                continue;
            }
            let Some((_, t)) = imp.assoc_types.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if let Some(map) = self.match_impl(&imp.generics, &imp.self_ty, base) {
                let t = self.infer.resolve(&subst(t, &map));
                // A blanket impl handing the question back to the same type
                // (`impl<I: Iterator> IntoIterator for I { type Item =
                // I::Item }`): the answer is in another impl.
                if matches!(&t, Ty::Assoc { base: b, name: n, .. } if **b == *base && n == name) {
                    continue;
                }
                if self.projecting >= MAX_PROJECTION_DEPTH {
                    return None;
                }
                self.projecting += 1;
                let t = self.normalize(&t);
                self.projecting -= 1;
                return Some(t);
            }
        }
        None
    }

    /// An associated type of `ty`'s impl of the trait named `trait_name`.
    pub fn assoc_of(&mut self, ty: &Ty, trait_name: &str, name: &str) -> Option<Ty> {
        self.project(ty, Some(trait_name), name)
    }

    /// The item type of anything a `for` loop can walk.
    pub fn iter_item(&mut self, ty: &Ty) -> Option<Ty> {
        let ty = self.infer.resolve(ty);
        if ty.is_adt("Range") {
            return Some(ty.args()[0].clone());
        }
        self.assoc_of(&ty, "IntoIterator", "Item")
            .or_else(|| self.assoc_of(&ty, "Iterator", "Item"))
    }
}

/// How deep projections may nest (`<<T as A>::X as B>::Y`...): past it, a
/// cycle among a crate's impls is assumed and the type is left open.
const MAX_PROJECTION_DEPTH: usize = 32;
