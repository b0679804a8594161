//! The API indexes of real crates, for `rimport`: given a Cargo workspace
//! (a Keyton session's, made from `workspace-template/`, whose package
//! `keyton_deps` depends on the imported crates), `cargo metadata` says
//! where each dependency's source is, its version, the features cargo
//! resolved and how it names its own dependencies; each crate is read by
//! `keyton_index` under the host's cfg and those features, re-exports of
//! other crates (`reqwest::StatusCode` is `http`'s) resolved by reading those
//! crates on demand. Indexes are cached on disk, keyed by crate, version,
//! features and reader version, so a crate is read once per machine.
//!
//! [`scratch_workspace`] makes a workspace depending on one crate, for
//! `keyton index CRATE`; [`index_crate`] does the whole of that command.

mod cache;
mod error;
mod graph;
mod indexer;
mod report;
mod scratch;

pub use cache::IndexCache;
pub use error::Error;
pub use graph::{CrateGraph, CrateInfo};
pub use indexer::CrateIndexer;
pub use report::{Report, index_crate};
pub use scratch::{CrateRequest, scratch_workspace};
