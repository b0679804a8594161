//! The Rust API index: public items, signatures, impls and traits of a crate,
//! read from its source with `syn`. std has no source on these machines, so
//! std's API is a stub of Rust signatures (`std_stub/`) read by the same reader.
//!
//! Reading goes in phases: `collect` parses the files into modules (cfg
//! applied), `scope` resolves every module's names to a fixed point, `lower`
//! turns syn's syntax into [`Ty`] and the item model with canonical paths,
//! and `index` walks the public names into an [`ApiIndex`].

mod cfg;
mod collect;
mod describe;
mod index;
pub mod item;
mod item_macros;
mod lower;
mod lower_bounds;
mod lower_item;
mod macros;
mod names;
mod relink;
mod scope;
mod source;
mod std_index;
#[cfg(feature = "serde")]
mod stored;
pub mod ty;
mod world;

/// Changes whenever the reader's output for the same source changes: part
/// of the key of indexes cached on disk.
pub const INDEX_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+reader.14");

pub use cfg::Cfg;
pub use describe::{fn_text, generics_text, trait_text};
pub use index::{ApiIndex, IndexError};
pub use item::*;
pub use relink::{DepLoader, NoDeps};
pub use scope::prelude_path;
pub use source::{DirLoader, Embedded, NoFiles, SourceLoader};
pub use ty::{FloatTy, IntTy, Path, TraitRef, Ty};
pub use world::World;
