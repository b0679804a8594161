//! Phase one of reading a crate: parse the root file and its file modules
//! into a tree of modules holding their declarations, `use` items and impl
//! blocks, with cfg-disabled items left out. Names are resolved later
//! (`scope`), once every module is known, because a `use` may name an item
//! of a module declared further down or re-exported elsewhere.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};
use std::rc::Rc;

use syn::{Attribute, UseTree, Visibility};

use crate::IndexError;
use crate::cfg::Cfg;
use crate::macros::MacroDef;
pub(crate) use crate::names::{doc_of, name_of};
use crate::names::{error_line, path_attr, proc_macro_name};
use crate::relink::DepLoader;
use crate::source::SourceLoader;
use crate::ty::Path;

mod expand;
mod foreign;

pub(crate) type ModId = usize;
pub(crate) type DefId = usize;

/// How far a name is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vis {
    /// `pub`: part of the crate's API.
    Public,
    /// `pub(crate)`, `pub(super)`, `pub(in ..)`: visible inside the crate.
    Crate,
    /// No `pub`: visible in its module and the module's descendants.
    Private,
}

impl Vis {
    fn of(vis: &Visibility) -> Vis {
        match vis {
            Visibility::Public(_) => Vis::Public,
            Visibility::Restricted(_) => Vis::Crate,
            Visibility::Inherited => Vis::Private,
        }
    }
}

pub(crate) struct Module {
    pub path: Path,
    pub parent: Option<ModId>,
    /// Items declared here, child modules included, by name.
    pub decls: Vec<(String, DefId)>,
    pub uses: Vec<UseDecl>,
}

/// One leaf of a `use` tree: `use a::b as c;` or `use a::*;`.
pub(crate) struct UseDecl {
    pub vis: Vis,
    /// The path as written; `leading ::` paths start with `"::"`.
    pub path: Vec<String>,
    /// The name bound, or `None` for a glob.
    pub binding: Option<String>,
}

pub(crate) struct Def {
    pub path: Path,
    pub vis: Vis,
    /// The module the item is declared in (for a module: its parent).
    pub module: ModId,
    pub kind: DefKind,
}

/// An item as parsed, kept for lowering once names resolve.
pub(crate) enum DefKind {
    Module(ModId),
    Fn(Box<syn::Signature>, Vec<Attribute>),
    Struct(Box<syn::ItemStruct>),
    Enum(Box<syn::ItemEnum>),
    Trait(Box<syn::ItemTrait>),
    Const(Box<syn::Type>),
    Static(Box<syn::Type>),
    /// `lazy_static!`'s `static ref NAME: T`, by `T`.
    LazyStatic(Box<syn::Type>),
    Alias(Box<syn::ItemType>),
    /// A `#[macro_export]` macro, with its doc and a `macro_rules!`'s rules.
    Macro(String, Option<String>),
}

/// Everything the reader found in a crate, before name resolution.
pub(crate) struct Crate {
    pub name: String,
    pub modules: Vec<Module>,
    pub defs: Vec<Def>,
    /// Impl blocks of every module (private ones too: impls are global).
    pub impls: Vec<(ModId, syn::ItemImpl)>,
    /// `#[derive(Trait)]` on a struct or enum: an impl the source does not spell.
    pub derives: Vec<(DefId, syn::Path)>,
    pub warnings: Vec<String>,
    /// `extern crate serde_core as serde;` at the root: `serde` names
    /// `serde_core` in every module (the extern prelude).
    pub extern_renames: HashMap<String, String>,
}

/// Where the files of a module's children are looked for.
#[derive(Clone)]
struct Dirs {
    /// The directory of the file being read (base of `#[path]`).
    file_dir: PathBuf,
    /// The directory of child modules (`mod x;` → `mod_dir/x.rs`).
    mod_dir: PathBuf,
    /// Inside an inline `mod m { .. }`: `#[path]` is relative to `mod_dir`.
    inline: bool,
}

struct Collector<'a> {
    krate: Crate,
    cfg: &'a Cfg,
    loader: &'a dyn SourceLoader,
    /// The crate's dependencies, whose exported macros it may invoke.
    deps: &'a dyn DepLoader,
    /// The crate's `macro_rules!` seen so far (textual order, crate-wide).
    macros: HashMap<String, Rc<MacroDef>>,
    /// Dependencies' exported macros asked for, by path (`None`: not one).
    foreign: HashMap<Vec<String>, Option<Rc<MacroDef>>>,
    /// Crates of `#[macro_use] extern crate`: their macros are in scope by name.
    macro_use: Vec<String>,
    /// Macro expansions being read, innermost last.
    expanding: usize,
    /// Macro expansions read so far.
    expansions: usize,
    /// Invocations of macros not defined yet where they were met.
    deferred: Vec<(ModId, syn::ItemMacro, Dirs)>,
    /// Reading the deferred invocations: a macro still unknown is not read.
    finishing: bool,
}

/// Parse the crate whose root file is `root_file` (relative to the crate
/// root's directory; `lib.rs`) with text `source`; `deps` gives the
/// macros its dependencies export.
pub(crate) fn collect(
    name: &str,
    root_file: &FsPath,
    source: &str,
    loader: &dyn SourceLoader,
    cfg: &Cfg,
    deps: &dyn DepLoader,
) -> Result<Crate, IndexError> {
    let file = parse(root_file, source)?;
    let mut c = Collector {
        krate: Crate {
            name: name.to_string(),
            modules: vec![Module {
                path: vec![name.to_string()],
                parent: None,
                decls: vec![],
                uses: vec![],
            }],
            defs: vec![],
            impls: vec![],
            derives: vec![],
            warnings: vec![],
            extern_renames: HashMap::new(),
        },
        cfg,
        loader,
        deps,
        macros: HashMap::new(),
        foreign: HashMap::new(),
        macro_use: Vec::new(),
        expanding: 0,
        expansions: 0,
        deferred: Vec::new(),
        finishing: false,
    };
    let dir = root_file
        .parent()
        .map(FsPath::to_path_buf)
        .unwrap_or_default();
    let dirs = Dirs {
        file_dir: dir.clone(),
        mod_dir: dir,
        inline: false,
    };
    if cfg.allows(&file.attrs) {
        c.items(0, file.items, &dirs)?;
    }
    c.finishing = true;
    for (module, m, dirs) in std::mem::take(&mut c.deferred) {
        c.macro_item(module, m, &dirs)?;
    }
    Ok(c.krate)
}

fn parse(file: &FsPath, source: &str) -> Result<syn::File, IndexError> {
    syn::parse_file(source).map_err(|e| IndexError::Parse {
        file: file.display().to_string(),
        line: error_line(source),
        message: e.to_string(),
    })
}

impl Collector<'_> {
    fn items(
        &mut self,
        module: ModId,
        items: Vec<syn::Item>,
        dirs: &Dirs,
    ) -> Result<(), IndexError> {
        for item in items {
            self.item(module, item, dirs)?;
        }
        Ok(())
    }

    fn item(&mut self, module: ModId, item: syn::Item, dirs: &Dirs) -> Result<(), IndexError> {
        use syn::Item as I;
        let attrs = match &item {
            I::Const(i) => &i.attrs,
            I::Enum(i) => &i.attrs,
            I::ExternCrate(i) => &i.attrs,
            I::Fn(i) => &i.attrs,
            I::Impl(i) => &i.attrs,
            I::Macro(i) => &i.attrs,
            I::Mod(i) => &i.attrs,
            I::Static(i) => &i.attrs,
            I::Struct(i) => &i.attrs,
            I::Trait(i) => &i.attrs,
            I::Type(i) => &i.attrs,
            I::Use(i) => &i.attrs,
            _ => return Ok(()),
        };
        if !self.cfg.allows(attrs) {
            return Ok(());
        }
        let mut item = item;
        match &mut item {
            I::Impl(imp) => self.member_macros(module, &mut imp.items, "an impl"),
            I::Trait(t) => self.member_macros(module, &mut t.items, "a trait"),
            _ => {}
        }
        self.cfg.strip(&mut item);
        match item {
            I::Const(i) => {
                self.def(module, ident_vis(&i.ident, &i.vis), DefKind::Const(i.ty));
            }
            I::Enum(i) => {
                let derives = self.cfg.derives(&i.attrs);
                let id = self.def(
                    module,
                    ident_vis(&i.ident, &i.vis),
                    DefKind::Enum(Box::new(i)),
                );
                self.krate
                    .derives
                    .extend(derives.into_iter().map(|d| (id, d)));
            }
            // A proc-macro crate's API: its macros, at the crate root.
            I::Fn(i) if let Some(name) = proc_macro_name(&i) => {
                let doc = DefKind::Macro(doc_of(&i.attrs), None);
                self.def(0, (name, Vis::Public), doc);
            }
            I::Fn(i) => {
                self.def(
                    module,
                    ident_vis(&i.sig.ident, &i.vis),
                    DefKind::Fn(Box::new(i.sig), i.attrs),
                );
            }
            I::Static(i) => {
                self.def(module, ident_vis(&i.ident, &i.vis), DefKind::Static(i.ty));
            }
            I::Struct(i) => {
                let derives = self.cfg.derives(&i.attrs);
                let id = self.def(
                    module,
                    ident_vis(&i.ident, &i.vis),
                    DefKind::Struct(Box::new(i)),
                );
                self.krate
                    .derives
                    .extend(derives.into_iter().map(|d| (id, d)));
            }
            I::Trait(i) => {
                self.def(
                    module,
                    ident_vis(&i.ident, &i.vis),
                    DefKind::Trait(Box::new(i)),
                );
            }
            I::Type(i) => {
                self.def(
                    module,
                    ident_vis(&i.ident, &i.vis),
                    DefKind::Alias(Box::new(i)),
                );
            }
            // `impl !Send for T` says what is not implemented: nothing to call.
            I::Impl(i) if i.modifiers.polarity.is_none() => self.krate.impls.push((module, i)),
            I::Use(u) => {
                let mut prefix = if u.leading_colon.is_some() {
                    vec!["::".to_string()]
                } else {
                    vec![]
                };
                self.use_tree(module, Vis::of(&u.vis), &mut prefix, &u.tree);
            }
            I::ExternCrate(e) => {
                let name = name_of(&e.ident);
                let binding = e.rename.as_ref().map_or(name.clone(), |(_, r)| name_of(r));
                if e.attrs.iter().any(|a| a.path().is_ident("macro_use")) {
                    self.macro_use.push(name.clone());
                }
                if module == 0 && binding != name && name != "self" {
                    let renames = &mut self.krate.extern_renames;
                    renames.insert(binding.clone(), name.clone());
                }
                if name != "self" {
                    let decl = UseDecl {
                        vis: Vis::of(&e.vis),
                        path: vec!["::".to_string(), name],
                        binding: Some(binding),
                    };
                    self.krate.modules[module].uses.push(decl);
                }
            }
            I::Macro(m) => self.macro_item(module, m, dirs)?,
            I::Mod(m) => self.module(module, m, dirs)?,
            _ => {}
        }
        Ok(())
    }

    fn def(&mut self, module: ModId, (name, vis): (String, Vis), kind: DefKind) -> DefId {
        let mut path = self.krate.modules[module].path.clone();
        path.push(name.clone());
        let id = self.krate.defs.len();
        self.krate.defs.push(Def {
            path,
            vis,
            module,
            kind,
        });
        self.krate.modules[module].decls.push((name, id));
        id
    }

    fn use_tree(&mut self, module: ModId, vis: Vis, prefix: &mut Vec<String>, tree: &UseTree) {
        let mut push = |path: Vec<String>, binding: Option<String>| {
            self.krate.modules[module]
                .uses
                .push(UseDecl { vis, path, binding });
        };
        match tree {
            UseTree::Path(p) => {
                prefix.push(name_of(&p.ident));
                self.use_tree(module, vis, prefix, &p.tree);
                prefix.pop();
            }
            UseTree::Name(n) => {
                let name = name_of(&n.ident);
                if name == "self" {
                    // `use a::b::{self}` binds `b`.
                    if let Some(last) = prefix.last().cloned() {
                        push(prefix.clone(), Some(last));
                    }
                } else {
                    let mut path = prefix.clone();
                    path.push(name.clone());
                    push(path, Some(name));
                }
            }
            UseTree::Rename(r) => {
                let name = name_of(&r.ident);
                let mut path = prefix.clone();
                if name != "self" {
                    path.push(name);
                }
                let binding = name_of(&r.rename);
                if binding != "_" {
                    push(path, Some(binding));
                }
            }
            UseTree::Glob(_) => push(prefix.clone(), None),
            UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(module, vis, prefix, t);
                }
            }
        }
    }

    fn module(&mut self, parent: ModId, m: syn::ItemMod, dirs: &Dirs) -> Result<(), IndexError> {
        let name = name_of(&m.ident);
        let mut path = self.krate.modules[parent].path.clone();
        path.push(name.clone());
        let id = self.krate.modules.len();
        self.krate.modules.push(Module {
            path,
            parent: Some(parent),
            decls: vec![],
            uses: vec![],
        });
        self.def(parent, (name.clone(), Vis::of(&m.vis)), DefKind::Module(id));
        let path_attr = m.attrs.iter().find_map(path_attr);
        match m.content {
            Some((_, items)) => {
                let child = Dirs {
                    file_dir: dirs.file_dir.clone(),
                    mod_dir: match &path_attr {
                        Some(p) => dirs.mod_dir.join(p),
                        None => dirs.mod_dir.join(&name),
                    },
                    inline: true,
                };
                self.items(id, items, &child)
            }
            None => {
                let from_path_attr = path_attr.is_some();
                let candidates = match path_attr {
                    Some(p) if dirs.inline => vec![dirs.mod_dir.join(p)],
                    Some(p) => vec![dirs.file_dir.join(p)],
                    None => vec![
                        dirs.mod_dir.join(format!("{name}.rs")),
                        dirs.mod_dir.join(&name).join("mod.rs"),
                    ],
                };
                let Some((file, text)) = candidates
                    .iter()
                    .find_map(|f| Some((f, self.loader.load(f)?)))
                else {
                    let at = self.krate.modules[id].path.join("::");
                    self.krate
                        .warnings
                        .push(format!("{at}: no source file for `mod {name};`"));
                    return Ok(());
                };
                let parsed = parse(file, &text)?;
                if !self.cfg.allows(&parsed.attrs) {
                    return Ok(());
                }
                let file_dir = file.parent().map(FsPath::to_path_buf).unwrap_or_default();
                // A `#[path]` file is read like a `mod.rs`: its children sit beside it.
                let mod_dir = if from_path_attr {
                    file_dir.clone()
                } else {
                    dirs.mod_dir.join(&name)
                };
                self.items(
                    id,
                    parsed.items,
                    &Dirs {
                        file_dir,
                        mod_dir,
                        inline: false,
                    },
                )
            }
        }
    }
}

fn ident_vis(ident: &syn::Ident, vis: &Visibility) -> (String, Vis) {
    (name_of(ident), Vis::of(vis))
}
