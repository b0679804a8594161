//! Generic arguments as a type is written: const generic arguments are
//! values (left out), and parameters with defaults may be left out.

use keyton_index::{ApiIndex, IntTy, Item, Ty};

#[test]
fn const_generic_arguments_are_values_not_types() {
    let ix = ApiIndex::from_source(
        "c",
        "pub struct Buf<T, const N: usize>([T; N]);
        pub fn make<const N: usize>() -> Buf<u8, N> { todo!() }",
    )
    .expect("parses");
    let Item::Fn(make) = &ix.lookup(&["c", "make"]).expect("make").item else {
        panic!("a fn")
    };
    assert_eq!(make.ret, Ty::adt(&["c", "Buf"], vec![Ty::Int(IntTy::U8)]));
    assert!(ix.warnings().is_empty(), "{:?}", ix.warnings());
}

#[test]
fn a_type_written_without_its_defaulted_arguments_gets_them() {
    let ix = ApiIndex::from_source(
        "c",
        "pub struct State;
        pub struct Map<K, V, S = State>(K, V, S);
        impl<K, V> Map<K, V> { pub fn new() -> Self { todo!() } }",
    )
    .expect("parses");
    let new = &ix.impls()[0].methods[0];
    let (k, v) = (Ty::Param("K".into()), Ty::Param("V".into()));
    let state = Ty::adt(&["c", "State"], vec![]);
    assert_eq!(new.ret, Ty::adt(&["c", "Map"], vec![k, v, state]));
}
