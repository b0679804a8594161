//! Items declared by invoking a dependency's `#[macro_export]
//! macro_rules!` (sha2's `digest::buffer_fixed! { pub struct Sha256(..); }`):
//! by path, after `use dep::mac;` and after `#[macro_use] extern crate`,
//! expanded with the rules read from the dependency's index and `$crate`
//! naming the dependency.

use std::cell::RefCell;
use std::path::Path as FsPath;
use std::sync::Arc;

use keyton_index::{ApiIndex, Cfg, DepLoader, Item, NoDeps, NoFiles, Ty};

/// A hashing crate (`hash_core`, which the app calls `hashing`) whose
/// exported macro declares a hasher struct, its inherent impl and, through
/// a helper macro invoked by `$crate` path, a trait impl.
const HASH_CORE: &str = r#"
    pub trait Hasher { fn finish(&self) -> u64; }
    pub struct Core;
    #[doc(hidden)]
    #[macro_export]
    macro_rules! __impl_hasher {
        ($name:ident) => {
            impl $crate::Hasher for $name { fn finish(&self) -> u64 { 0 } }
        };
    }
    /// Declares a hasher.
    #[macro_export]
    macro_rules! hasher {
        ($(#[$attr:meta])* $v:vis struct $name:ident;) => {
            $(#[$attr])*
            $v struct $name { core: $crate::Core }
            impl $name {
                pub fn new() -> Self { todo!() }
                pub fn core(&self) -> &$crate::Core { &self.core }
            }
            $crate::__impl_hasher!($name);
        };
    }
    #[macro_export]
    macro_rules! getters {
        ($($field:ident),*) => { $(pub fn $field(&self) -> u64 { 0 })* };
    }
"#;

const APP: &str = r#"
    hashing::hasher! {
        /// A quick hasher.
        pub struct Quick;
    }
    impl Quick { hashing::getters!(rounds, width); }
    pub mod slow {
        use hashing::hasher;
        hasher!(pub struct Slow;);
    }
    lazy_static::lazy_static! { pub static ref SEED: u64 = 7; }
"#;

/// The app's dependencies, by the names it uses; which ones were asked for.
struct Deps {
    asked: RefCell<Vec<String>>,
}

impl DepLoader for Deps {
    fn dependency(&self, name: &str) -> Option<Arc<ApiIndex>> {
        self.asked.borrow_mut().push(name.to_string());
        let ix = match name {
            "hashing" => ApiIndex::from_source("hash_core", HASH_CORE).unwrap(),
            _ => return None,
        };
        Some(Arc::new(ix))
    }
}

fn read(src: &str, deps: &dyn DepLoader) -> ApiIndex {
    ApiIndex::read_with_deps(
        "app",
        FsPath::new("lib.rs"),
        src,
        &NoFiles,
        &Cfg::host(),
        deps,
    )
    .expect("parses")
}

fn method_names(ix: &ApiIndex, ty: &Ty) -> Vec<String> {
    let inherent = ix
        .impls_for(ty)
        .into_iter()
        .filter(|i| i.trait_ref.is_none());
    let mut names: Vec<String> = inherent
        .flat_map(|i| i.methods.iter().map(|m| m.name.clone()))
        .collect();
    names.sort();
    names
}

#[test]
fn a_dependency_macro_invoked_by_path_declares_its_items() {
    let deps = Deps {
        asked: RefCell::default(),
    };
    let ix = read(APP, &deps);
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    let Item::Struct(quick) = &ix.lookup(&["app", "Quick"]).expect("declared").item else {
        panic!("a struct")
    };
    assert_eq!(quick.doc, "A quick hasher.");
    let quick = Ty::adt(&["app", "Quick"], vec![]);
    assert_eq!(
        method_names(&ix, &quick),
        ["core", "new", "rounds", "width"],
        "the impl the macro writes, and getters expanded inside an impl"
    );
    let core = ix.impls_for(&quick).into_iter().flat_map(|i| &i.methods);
    let core = core.into_iter().find(|m| m.name == "core").unwrap();
    assert_eq!(
        core.ret,
        Ty::reference(Ty::adt(&["hash_core", "Core"], vec![])),
        "`$crate` names the dependency"
    );
    let hasher = ix.impls_of_trait("Hasher").next().expect("helper expanded");
    assert_eq!(hasher.self_ty, quick);
    assert_eq!(
        hasher.trait_ref.as_ref().unwrap().path,
        ["hash_core", "Hasher"]
    );
    assert!(
        !deps.asked.borrow().iter().any(|d| d == "lazy_static"),
        "a macro with a reader of its own is not looked up: {:?}",
        deps.asked.borrow()
    );
}

#[test]
fn a_dependency_macro_brought_in_by_use_declares_its_items() {
    let deps = Deps {
        asked: RefCell::default(),
    };
    let ix = read(APP, &deps);
    let slow = Ty::adt(&["app", "slow", "Slow"], vec![]);
    assert!(ix.lookup(&["app", "slow", "Slow"]).is_some());
    assert_eq!(method_names(&ix, &slow), ["core", "new"]);
}

#[test]
fn macro_use_extern_crate_brings_its_macros_into_scope() {
    let deps = Deps {
        asked: RefCell::default(),
    };
    let ix = read(
        "#[macro_use] extern crate hashing; hasher!(pub struct Plain;);",
        &deps,
    );
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
    assert!(ix.lookup(&["app", "Plain"]).is_some());
}

#[test]
fn without_the_dependency_the_items_are_reported_unread() {
    let ix = read(APP, &NoDeps);
    assert!(ix.lookup(&["app", "Quick"]).is_none());
    let warnings = ix.warnings().join("\n");
    assert!(
        warnings.contains("items inside macro `hasher!` are not read"),
        "{warnings}"
    );
}
