//! std's index, read once per process from the stub embedded in the binary
//! (std has no source on these machines; the stub is its typeshed).

use std::path::Path as FsPath;
use std::sync::{Arc, OnceLock};

use crate::cfg::Cfg;
use crate::index::ApiIndex;
use crate::source::Embedded;

macro_rules! stub_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../std_stub/", $name)))),*]
    };
}

/// The stub's files by path relative to its root, `std.rs`.
const FILES: &[(&str, &str)] = stub_files![
    "std.rs",
    "option.rs",
    "result.rs",
    "string.rs",
    "vec.rs",
    "slice.rs",
    "str.rs",
    "cell.rs",
    "char.rs",
    "iter.rs",
    "cmp.rs",
    "ops.rs",
    "fmt.rs",
    "convert.rs",
    "num.rs",
    "prim_int.rs",
    "prim_uint.rs",
    "prim_float.rs",
    "prim_traits.rs",
    "collections.rs",
    "collections/hash_map.rs",
    "collections/btree_map.rs",
    "collections/hash_set.rs",
    "collections/btree_set.rs",
    "collections/vec_deque.rs",
    "env.rs",
    "fs.rs",
    "path.rs",
    "io.rs",
    "time.rs",
];

impl ApiIndex {
    /// std's index, built on first use.
    pub fn std() -> &'static ApiIndex {
        std()
    }

    /// std's index, shared (for a [`crate::World`]).
    pub fn std_shared() -> Arc<ApiIndex> {
        Arc::clone(std())
    }

    /// std's index read afresh from the stub (what [`ApiIndex::std`] caches).
    pub fn read_std() -> ApiIndex {
        let (root, text) = FILES[0];
        ApiIndex::read(
            "std",
            FsPath::new(root),
            text,
            &Embedded(FILES),
            &Cfg::host(),
        )
        .unwrap_or_else(|e| panic!("std's stub does not parse: {e}"))
    }
}

pub(crate) fn std() -> &'static Arc<ApiIndex> {
    static STD: OnceLock<Arc<ApiIndex>> = OnceLock::new();
    STD.get_or_init(|| Arc::new(ApiIndex::read_std()))
}
