//! Phase three, item half: functions, structs, enums, traits, consts,
//! aliases and impl blocks to the index's item model, each lowered in the
//! scope it is written in (`Self` of its impl or trait, its generics).

use std::rc::Rc;

use syn::{Attribute, FnArg, ImplItem, Pat, ReceiverKind, TraitItem, Type, Visibility};

use crate::collect::{DefId, DefKind, ModId, doc_of, name_of};
use crate::item::{
    EnumDef, FnSig, ImplDef, Item, Receiver, StructDef, StructShape, TraitDef, VariantShape,
};
use crate::lower::{Env, Lower, SelfTy};
use crate::ty::{TraitRef, Ty};

impl Lower<'_> {
    /// The item a definition of this crate stands for.
    pub fn item(&self, d: DefId) -> Item {
        let def = &self.krate.defs[d];
        let env = Env::new(def.module);
        match &def.kind {
            DefKind::Module(_) => Item::Module,
            DefKind::Fn(sig, attrs) => Item::Fn(self.sig(sig, attrs, &env)),
            DefKind::Struct(s) => {
                let env = self.adt_env(&env, &s.generics, &def.path);
                Item::Struct(StructDef {
                    generics: self.generics(&s.generics, &env).0,
                    borrows: s.generics.lifetimes().next().is_some(),
                    fields: self.fields(&s.fields, &env, true),
                    shape: match &s.fields {
                        syn::Fields::Named(_) => StructShape::Named,
                        syn::Fields::Unnamed(_) => StructShape::Tuple,
                        syn::Fields::Unit => StructShape::Unit,
                    },
                    doc: doc_of(&s.attrs),
                })
            }
            DefKind::Enum(e) => {
                let env = self.adt_env(&env, &e.generics, &def.path);
                let variants = e
                    .variants
                    .iter()
                    .map(|v| {
                        let shape = match &v.fields {
                            syn::Fields::Unit => VariantShape::Unit,
                            syn::Fields::Unnamed(_) => VariantShape::Tuple(
                                self.fields(&v.fields, &env, false)
                                    .into_iter()
                                    .map(|(_, t)| t)
                                    .collect(),
                            ),
                            syn::Fields::Named(_) => {
                                VariantShape::Struct(self.fields(&v.fields, &env, false))
                            }
                        };
                        (name_of(&v.ident), shape)
                    })
                    .collect();
                Item::Enum(EnumDef {
                    generics: self.generics(&e.generics, &env).0,
                    borrows: e.generics.lifetimes().next().is_some(),
                    variants,
                    doc: doc_of(&e.attrs),
                })
            }
            DefKind::Trait(t) => Item::Trait(self.trait_def(t, &def.path, env)),
            DefKind::Const(ty) => Item::Const(self.ty(ty, &env)),
            DefKind::Static(ty) => Item::Static(self.ty(ty, &env)),
            DefKind::LazyStatic(ty) => Item::LazyStatic(self.ty(ty, &env)),
            DefKind::Macro(doc, rules) => Item::Macro {
                doc: doc.clone(),
                rules: rules.clone(),
            },
            DefKind::Alias(a) => {
                let env = self.env_with(&env, &a.generics);
                Item::TypeAlias(self.generics(&a.generics, &env).0, self.ty(&a.ty, &env))
            }
        }
    }

    /// The scope of a struct's or enum's fields: its parameters, `Self` itself.
    fn adt_env(&self, env: &Env, generics: &syn::Generics, path: &[String]) -> Env {
        let mut env = self.env_with(env, generics);
        let args = generics
            .type_params()
            .map(|p| Ty::Param(name_of(&p.ident)))
            .collect();
        let ty = Ty::Adt {
            path: path.to_vec(),
            args,
        };
        env.self_ty = Rc::new(SelfTy::Impl {
            ty,
            trait_path: None,
            assoc: Vec::new(),
        });
        env
    }

    /// Fields by name (tuple fields "0", "1", ...); `only_pub` for structs.
    fn fields(&self, fields: &syn::Fields, env: &Env, only_pub: bool) -> Vec<(String, Ty)> {
        fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !only_pub || matches!(f.vis, Visibility::Public(_)))
            .map(|(i, f)| {
                let name = f.ident.as_ref().map_or_else(|| i.to_string(), name_of);
                (name, self.ty(&f.ty, env))
            })
            .collect()
    }

    fn trait_def(&self, t: &syn::ItemTrait, path: &[String], env: Env) -> TraitDef {
        let mut env = self.env_with(&env, &t.generics);
        env.self_ty = Rc::new(SelfTy::Trait(path.to_vec()));
        let (generics, predicates) = self.generics(&t.generics, &env);
        let mut supertraits = self.bounds(&t.supertraits, &env);
        // `trait Tr where Self: Other` is a supertrait too.
        for (ty, bounds) in predicates {
            if ty == Ty::Param("Self".to_string()) {
                supertraits.extend(bounds);
            }
        }
        let mut assoc_types = Vec::new();
        let mut methods = Vec::new();
        for item in &t.items {
            match item {
                TraitItem::Type(ty) => assoc_types.push(name_of(&ty.ident)),
                TraitItem::Fn(f) => methods.push(self.sig(&f.sig, &f.attrs, &env)),
                _ => {}
            }
        }
        TraitDef {
            generics,
            supertraits,
            assoc_types,
            methods,
            doc: doc_of(&t.attrs),
        }
    }

    /// A function's signature, in `outer` (its module, impl or trait).
    pub fn sig(&self, sig: &syn::Signature, attrs: &[Attribute], outer: &Env) -> FnSig {
        let own_scope;
        let env = if sig.generics.params.is_empty() && sig.generics.where_clause.is_none() {
            outer
        } else {
            own_scope = self.env_with(outer, &sig.generics);
            &own_scope
        };
        let (mut generics, predicates) = self.generics(&sig.generics, env);
        let mut receiver = None;
        let mut params = Vec::new();
        *env.synth.borrow_mut() = Some(Vec::new());
        for arg in &sig.inputs {
            match arg {
                FnArg::Receiver(r) => receiver = Some(receiver_of(&r.kind)),
                FnArg::Typed(pt) => {
                    let name = match &*pt.pat {
                        Pat::Ident(p) => name_of(&p.ident),
                        _ => "_".to_string(),
                    };
                    params.push((name, self.ty(&pt.ty, env)));
                }
            }
        }
        generics.extend(env.synth.borrow_mut().take().unwrap_or_default());
        FnSig {
            name: name_of(&sig.ident),
            generics,
            receiver,
            params,
            ret: self.ret(&sig.output, env),
            is_async: sig.asyncness.is_some(),
            doc: doc_of(attrs),
            predicates,
        }
    }

    /// An impl block of module `module`: its public methods and consts
    /// (all of them for a trait impl), with `Self` its self type.
    pub fn impl_def(&self, module: ModId, imp: &syn::ItemImpl) -> ImplDef {
        let env = self.env_with(&Env::new(module), &imp.generics);
        let (generics, _) = self.generics(&imp.generics, &env);
        let self_ty = self.ty(&imp.self_ty, &env);
        let trait_ref = imp
            .trait_
            .as_ref()
            .and_then(|(p, _)| self.trait_ref(p, &env));
        let mut env = env;
        let trait_path = trait_ref.as_ref().map(|t| t.path.clone());
        env.self_ty = Rc::new(SelfTy::Impl {
            ty: self_ty.clone(),
            trait_path: trait_path.clone(),
            assoc: Vec::new(),
        });
        let mut assoc_types = Vec::new();
        for item in &imp.items {
            if let ImplItem::Type(t) = item {
                // `type Output<T> = Vec<T>;` has parameters of its own.
                let scope = self.env_with(&env, &t.generics);
                assoc_types.push((name_of(&t.ident), self.ty(&t.ty, &scope)));
            }
        }
        if !assoc_types.is_empty() {
            env.self_ty = Rc::new(SelfTy::Impl {
                ty: self_ty.clone(),
                trait_path,
                assoc: assoc_types.clone(),
            });
        }
        let listed = |vis: &Visibility| trait_ref.is_some() || matches!(vis, Visibility::Public(_));
        let mut methods = Vec::new();
        let mut consts = Vec::new();
        for item in &imp.items {
            match item {
                ImplItem::Fn(f) if listed(&f.vis) => methods.push(self.sig(&f.sig, &f.attrs, &env)),
                ImplItem::Const(c) if listed(&c.vis) => {
                    consts.push((name_of(&c.ident), self.ty(&c.ty, &env)))
                }
                _ => {}
            }
        }
        ImplDef {
            generics,
            trait_ref,
            self_ty,
            assoc_types,
            methods,
            consts,
        }
    }

    /// The impl a `#[derive(Trait)]` on struct or enum `d` stands for:
    /// `impl<T: Trait> Trait for Type<T>`.
    pub fn derived_impl(&self, d: DefId, derive: &syn::Path) -> ImplDef {
        let def = &self.krate.defs[d];
        let generics = match &def.kind {
            DefKind::Struct(s) => &s.generics,
            DefKind::Enum(e) => &e.generics,
            _ => unreachable!("derives are collected on structs and enums"),
        };
        let env = self.env_with(&Env::new(def.module), generics);
        let (mut params, _) = self.generics(generics, &env);
        let builtin = derive.get_ident().map(name_of).and_then(|name| {
            let (_, path) = BUILTIN_DERIVES.iter().find(|(n, _)| *n == name)?;
            let shadowed = self.scopes.tables[def.module].has(&name);
            (!shadowed).then(|| path.iter().map(|s| s.to_string()).collect())
        });
        let path = builtin.or_else(|| self.trait_ref(derive, &env).map(|t| t.path));
        let tr = TraitRef {
            path: path.unwrap_or_default(),
            args: Vec::new(),
            bindings: Vec::new(),
        };
        for p in &mut params {
            p.bounds.push(tr.clone());
        }
        let args = params.iter().map(|p| Ty::Param(p.name.clone())).collect();
        ImplDef {
            generics: params,
            trait_ref: Some(tr),
            self_ty: Ty::Adt {
                path: def.path.clone(),
                args,
            },
            assoc_types: Vec::new(),
            methods: Vec::new(),
            consts: Vec::new(),
        }
    }
}

/// The derive macros of std's prelude and the traits they implement.
const BUILTIN_DERIVES: &[(&str, &[&str])] = &[
    ("Clone", &["std", "clone", "Clone"]),
    ("Copy", &["std", "marker", "Copy"]),
    ("Debug", &["std", "fmt", "Debug"]),
    ("Default", &["std", "default", "Default"]),
    ("Eq", &["std", "cmp", "Eq"]),
    ("Hash", &["std", "hash", "Hash"]),
    ("Ord", &["std", "cmp", "Ord"]),
    ("PartialEq", &["std", "cmp", "PartialEq"]),
    ("PartialOrd", &["std", "cmp", "PartialOrd"]),
];

fn receiver_of(kind: &ReceiverKind) -> Receiver {
    match kind {
        ReceiverKind::Reference(_, _, None) => Receiver::Ref,
        ReceiverKind::Reference(_, _, Some(_)) => Receiver::RefMut,
        // `self: &Self`, `self: Box<Self>`, `self: Pin<&mut Self>`, ...
        ReceiverKind::Typed(_, ty) => match &**ty {
            Type::Reference(r) if matches!(&*r.elem, Type::Path(p) if p.path.is_ident("Self")) => {
                if r.mutability.is_some() {
                    Receiver::RefMut
                } else {
                    Receiver::Ref
                }
            }
            _ => Receiver::Value,
        },
        _ => Receiver::Value,
    }
}
