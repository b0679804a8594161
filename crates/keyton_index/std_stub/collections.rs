//! Collections. Each lives in its own module and is re-exported here, as
//! in std (`std::collections::HashMap` is `std::collections::hash_map::HashMap`).

pub mod btree_map;
pub mod btree_set;
pub mod hash_map;
pub mod hash_set;
pub mod vec_deque;

pub use self::btree_map::BTreeMap;
pub use self::btree_set::BTreeSet;
pub use self::hash_map::HashMap;
pub use self::hash_set::HashSet;
pub use self::vec_deque::VecDeque;
