//! A crate's API as text, one line per public item (and per inherent
//! method): what `keyton index CRATE` prints, and how the checker shows a
//! signature in a message. Paths and types are in Keyton's spelling
//! (`std.collections.HashMap`, `Vec<i64>`), as users write them.

use crate::index::ApiIndex;
use crate::item::{FnSig, GenericParam, Item, Receiver, VariantShape};
use crate::ty::{TraitRef, Ty};

/// `FnMut(i64) -> bool`, `Iterator<Item = T>`, `AsRef<str>`.
pub fn trait_text(t: &TraitRef) -> String {
    let name = t.path.last().map_or("", String::as_str);
    let fn_sugar = t.path.len() == 3 && t.path[..2] == ["std", "ops"] && name.starts_with("Fn");
    if let (true, [Ty::Tuple(params)], [(_, ret)]) =
        (fn_sugar, t.args.as_slice(), t.bindings.as_slice())
    {
        let params: Vec<String> = params.iter().map(Ty::to_string).collect();
        return match ret {
            Ty::Unit => format!("{name}({})", params.join(", ")),
            ret => format!("{name}({}) -> {ret}", params.join(", ")),
        };
    }
    let mut parts: Vec<String> = t.args.iter().map(Ty::to_string).collect();
    parts.extend(t.bindings.iter().map(|(n, b)| format!("{n} = {b}")));
    if parts.is_empty() {
        name.to_string()
    } else {
        format!("{name}<{}>", parts.join(", "))
    }
}

fn bounds_text(bounds: &[TraitRef]) -> String {
    bounds
        .iter()
        .map(trait_text)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `<K: Hash + Eq, V>`, or nothing without parameters. The parameters of
/// `impl Trait` arguments are left out: the argument's type shows them.
pub fn generics_text(generics: &[GenericParam]) -> String {
    let explicit: Vec<&GenericParam> = generics
        .iter()
        .filter(|g| !g.name.starts_with("impl "))
        .collect();
    if explicit.is_empty() {
        return String::new();
    }
    let params: Vec<String> = explicit
        .into_iter()
        .map(|g| {
            if g.bounds.is_empty() {
                g.name.clone()
            } else {
                format!("{}: {}", g.name, bounds_text(&g.bounds))
            }
        })
        .collect();
    format!("<{}>", params.join(", "))
}

/// `fn push(&mut self, value: T)`, `fn max<T: Ord>(v1: T, v2: T) -> T`.
pub fn fn_text(sig: &FnSig) -> String {
    let mut params: Vec<String> = sig
        .receiver
        .iter()
        .map(|r| match r {
            Receiver::Value => "self".to_string(),
            Receiver::Ref => "&self".to_string(),
            Receiver::RefMut => "&mut self".to_string(),
        })
        .collect();
    params.extend(sig.params.iter().map(|(n, t)| format!("{n}: {t}")));
    let mut text = format!(
        "{}fn {}{}({})",
        if sig.is_async { "async " } else { "" },
        sig.name,
        generics_text(&sig.generics),
        params.join(", ")
    );
    if sig.ret != Ty::Unit {
        text.push_str(&format!(" -> {}", sig.ret));
    }
    if !sig.predicates.is_empty() {
        let preds: Vec<String> = sig
            .predicates
            .iter()
            .map(|(t, b)| format!("{t}: {}", bounds_text(b)))
            .collect();
        text.push_str(&format!(" where {}", preds.join(", ")));
    }
    text
}

/// ` { a, b }`, or nothing when there is nothing.
fn braced(parts: Vec<String>) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {{ {} }}", parts.join(", "))
    }
}

fn item_text(name: &str, item: &Item) -> (&'static str, String) {
    match item {
        Item::Module => ("module", String::new()),
        Item::Fn(sig) => ("fn", fn_text(sig)),
        Item::Struct(s) => {
            let fields = s.fields.iter().map(|(n, t)| format!("{n}: {t}")).collect();
            (
                "struct",
                format!("{name}{}{}", generics_text(&s.generics), braced(fields)),
            )
        }
        Item::Enum(e) => {
            let variants: Vec<String> = e
                .variants
                .iter()
                .map(|(v, shape)| match shape {
                    VariantShape::Unit => v.clone(),
                    VariantShape::Tuple(ts) => {
                        let ts: Vec<String> = ts.iter().map(Ty::to_string).collect();
                        format!("{v}({})", ts.join(", "))
                    }
                    VariantShape::Struct(fs) => {
                        let fs = fs.iter().map(|(n, t)| format!("{n}: {t}")).collect();
                        format!("{v}{}", braced(fs))
                    }
                })
                .collect();
            let mut text = format!("{name}{}", generics_text(&e.generics));
            if !variants.is_empty() {
                text.push_str(&format!(" = {}", variants.join(" | ")));
            }
            ("enum", text)
        }
        Item::Trait(t) => {
            let mut text = format!("{name}{}", generics_text(&t.generics));
            if !t.supertraits.is_empty() {
                text.push_str(&format!(": {}", bounds_text(&t.supertraits)));
            }
            let assoc = t.assoc_types.iter().map(|a| format!("type {a}")).collect();
            ("trait", text + &braced(assoc))
        }
        Item::Const(t) => ("const", format!("{name}: {t}")),
        Item::Static(t) => ("static", format!("{name}: {t}")),
        Item::LazyStatic(t) => ("static", format!("ref {name}: {t}")),
        Item::TypeAlias(g, t) => ("type", format!("{name}{} = {t}", generics_text(g))),
        Item::Macro { .. } => ("macro", format!("{name}!(..)")),
    }
}

impl ApiIndex {
    /// One line per public item, `path  kind  signature`, sorted by path;
    /// a re-export also names the path it is defined at; a struct or enum
    /// is followed by its inherent consts and methods, a trait by its methods (at the
    /// path `by_canonical` prefers).
    pub fn describe(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for entry in self.entries() {
            let name = entry.public_path.last().map_or("", String::as_str);
            let (kind, text) = item_text(name, &entry.item);
            let public = entry.public_path.join(".");
            let mut line = format!("{public}  {kind}  {text}").trim_end().to_string();
            if entry.canonical_path != entry.public_path {
                line.push_str(&format!("  (= {})", entry.canonical_path.join(".")));
            }
            lines.push(line);
            // Methods once, under the item's preferred path.
            let preferred = self
                .by_canonical(&entry.canonical_path)
                .is_some_and(|e| std::ptr::eq(e, entry));
            let inherent = match &entry.item {
                Item::Struct(_) | Item::Enum(_) if preferred => {
                    let ty = Ty::Adt {
                        path: entry.canonical_path.clone(),
                        args: Vec::new(),
                    };
                    let impls = self.impls_for(&ty).into_iter();
                    impls.filter(|i| i.trait_ref.is_none()).collect()
                }
                _ => Vec::new(),
            };
            for (name, ty) in inherent.iter().flat_map(|i| &i.consts) {
                lines.push(format!("{public}.{name}  const  {name}: {ty}"));
            }
            let methods: Vec<&FnSig> = match &entry.item {
                Item::Trait(t) if preferred => t.methods.iter().collect(),
                _ => inherent.iter().flat_map(|i| &i.methods).collect(),
            };
            for m in methods {
                lines.push(format!("{public}.{}  method  {}", m.name, fn_text(m)));
            }
        }
        lines
    }
}
