//! Item-level macro invocations while collecting: `macro_rules!`
//! definitions, invocations of the crate's own macros and of those its
//! dependencies export (`foreign`), of `cfg_if!` and `pin_project!`, of the
//! foreign macros `item_macros` knows, and macros among an impl block's
//! items.

use std::rc::Rc;

use syn::parse::{Parse, ParseStream, Parser};

use super::{Collector, DefKind, Dirs, Vis, doc_of, ident_vis, name_of};
use crate::IndexError;
use crate::collect::ModId;
use crate::item_macros::{Declared, pasted, read_known};
use crate::macros::{MAX_EXPANSION_DEPTH, MAX_EXPANSIONS, MacroDef, cfg_if};

impl Collector<'_> {
    /// `#[macro_export] macro_rules! m` is public at the crate root. An
    /// item-level invocation of one of the crate's own macros (`if_hyper! {
    /// .. }`), of a dependency's, of `cfg_if!` or of `pin_project!` is
    /// expanded and its items read in place. The readers of `item_macros`
    /// go first: they know macros the expander cannot follow.
    pub(super) fn macro_item(
        &mut self,
        module: ModId,
        m: syn::ItemMacro,
        dirs: &Dirs,
    ) -> Result<(), IndexError> {
        if m.mac.path.is_ident("macro_rules") {
            let exported = m.attrs.iter().any(|a| a.path().is_ident("macro_export"));
            if let Some(name) = &m.ident {
                if exported {
                    let (name, doc) = (name_of(name), doc_of(&m.attrs));
                    let rules = Some(m.mac.tokens.to_string());
                    self.def(0, (name, Vis::Public), DefKind::Macro(doc, rules));
                }
                if let Some(def) = MacroDef::parse(m.mac.tokens) {
                    self.macros.insert(name_of(name), Rc::new(def));
                }
            }
            return Ok(());
        }
        let name = m.mac.path.segments.last().map(|s| name_of(&s.ident));
        let name = name.unwrap_or_default();
        if !self.macros.contains_key(&name)
            && let Some(declared) = read_known(&m.mac.path, m.mac.tokens.clone(), self.cfg)
        {
            return self.declared(module, declared, dirs);
        }
        let expanded = match self.macro_def(module, &m.mac.path) {
            _ if self.expanding >= MAX_EXPANSION_DEPTH || self.expansions >= MAX_EXPANSIONS => None,
            Some(def) => def.expand(m.mac.tokens),
            None if name == "cfg_if" => cfg_if(m.mac.tokens, self.cfg),
            // Its input is the struct or enum it declares, `#[pin]` on fields.
            None if name == "pin_project" => Some(m.mac.tokens),
            // A `#[macro_export]` macro may be defined after its use (in a
            // module declared later): tried again once every file is read.
            None if !self.finishing => {
                self.deferred.push((module, m, dirs.clone()));
                return Ok(());
            }
            None => None,
        };
        let items = expanded.and_then(|t| syn::parse2::<syn::File>(t).ok());
        let at = self.krate.modules[module].path.join("::");
        let Some(file) = items else {
            let what = format!("{at}: items inside macro `{name}!` are not read");
            self.krate.warnings.push(what);
            return Ok(());
        };
        self.expanding += 1;
        self.expansions += 1;
        let read = self.items(module, file.items, dirs);
        self.expanding -= 1;
        read
    }

    /// The items a known foreign macro declares (`item_macros`).
    pub(super) fn declared(
        &mut self,
        module: ModId,
        declared: Vec<Declared>,
        dirs: &Dirs,
    ) -> Result<(), IndexError> {
        for d in declared {
            match d {
                Declared::Item(item) => self.item(module, item, dirs)?,
                Declared::LazyStatic(attrs, vis, name, ty) => {
                    if self.cfg.allows(&attrs) {
                        let kind = DefKind::LazyStatic(Box::new(ty));
                        self.def(module, ident_vis(&name, &vis), kind);
                    }
                }
            }
        }
        Ok(())
    }

    /// Macro invocations among an impl block's or a trait's items (`impl
    /// T { getters! { .. } }`) replaced by what they expand to, when they
    /// are `macro_rules!` (the crate's own or a dependency's) or `paste!`;
    /// others are left out with a warning naming `within`.
    pub(super) fn member_macros<T: Member>(
        &mut self,
        module: ModId,
        members: &mut Vec<T>,
        within: &str,
    ) {
        let mut depth = 0;
        while depth < MAX_EXPANSION_DEPTH && members.iter().any(Member::is_macro) {
            depth += 1;
            for member in std::mem::take(members) {
                let mac = match member.into_macro() {
                    Ok(mac) => mac,
                    Err(member) => {
                        members.push(member);
                        continue;
                    }
                };
                let name = mac.path.segments.last().map(|s| name_of(&s.ident));
                let name = name.unwrap_or_default();
                let expanded = match self.macro_def(module, &mac.path) {
                    _ if self.expansions >= MAX_EXPANSIONS => None,
                    Some(def) => def.expand(mac.tokens),
                    None if name == "paste" => pasted(mac.tokens).ok(),
                    None => None,
                };
                let expanded = expanded.and_then(|tokens| members_of.parse2(tokens).ok());
                match expanded {
                    Some(expanded) => {
                        self.expansions += 1;
                        members.extend(expanded);
                    }
                    None => {
                        let at = self.krate.modules[module].path.join("::");
                        self.krate.warnings.push(format!(
                            "{at}: items inside macro `{name}!` in {within} are not read"
                        ));
                    }
                }
            }
        }
    }
}

/// An item of an impl block or of a trait, which may be a macro invocation.
pub(super) trait Member: Parse {
    fn is_macro(&self) -> bool;
    /// The invocation, if this is one; else the member itself.
    fn into_macro(self) -> Result<syn::Macro, Self>;
}

impl Member for syn::ImplItem {
    fn is_macro(&self) -> bool {
        matches!(self, syn::ImplItem::Macro(_))
    }
    fn into_macro(self) -> Result<syn::Macro, Self> {
        match self {
            syn::ImplItem::Macro(m) => Ok(m.mac),
            other => Err(other),
        }
    }
}

impl Member for syn::TraitItem {
    fn is_macro(&self) -> bool {
        matches!(self, syn::TraitItem::Macro(_))
    }
    fn into_macro(self) -> Result<syn::Macro, Self> {
        match self {
            syn::TraitItem::Macro(m) => Ok(m.mac),
            other => Err(other),
        }
    }
}

/// Members one after another.
fn members_of<T: Parse>(input: ParseStream) -> syn::Result<Vec<T>> {
    let mut members = Vec::new();
    while !input.is_empty() {
        members.push(input.parse()?);
    }
    Ok(members)
}
