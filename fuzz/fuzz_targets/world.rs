//! The APIs the fuzzed programs are checked against: std's and the test
//! fixture crate `counter` (read from its source), so that `rimport
//! counter` in a seed reaches the checker's crate paths: its types, traits
//! and the generics picked among them.

use keyton_index::{ApiIndex, World};
use std::sync::{Arc, OnceLock};

pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let counter = ApiIndex::from_source(
            "counter",
            include_str!("../../tests/fixtures/counter/src/lib.rs"),
        )
        .expect("the fixture crate reads");
        World::std().with(Arc::new(counter))
    })
}
