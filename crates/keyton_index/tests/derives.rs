//! `#[derive(..)]` stands for impls the source does not spell out.

use keyton_index::{ApiIndex, Cfg, NoFiles, Ty};

fn trait_names(ix: &ApiIndex, ty: &Ty) -> Vec<String> {
    let mut names: Vec<String> = ix
        .impls_for(ty)
        .iter()
        .filter_map(|i| Some(i.trait_ref.as_ref()?.path.join("::")))
        .collect();
    names.sort();
    names
}

#[test]
fn derives_become_impls() {
    let src = r#"
        #[derive(Debug, Clone, PartialEq)]
        pub struct P<T> { pub x: T }
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(all(), derive(Hash, Eq), derive(Default))]
        pub enum E { A }
    "#;
    let ix = ApiIndex::from_source("c", src).unwrap();
    let p = Ty::adt(&["c", "P"], vec![Ty::I64]);
    assert_eq!(
        trait_names(&ix, &p),
        [
            "std::clone::Clone",
            "std::cmp::PartialEq",
            "std::fmt::Debug"
        ]
    );
    let debug = ix.impls_for(&p).into_iter().find(|i| {
        i.trait_ref
            .as_ref()
            .unwrap()
            .path
            .ends_with(&["Debug".to_string()])
    });
    let debug = debug.unwrap();
    assert_eq!(
        debug.self_ty,
        Ty::adt(&["c", "P"], vec![Ty::Param("T".into())])
    );
    assert_eq!(debug.generics[0].bounds[0].path, ["std", "fmt", "Debug"]);
    let e = Ty::adt(&["c", "E"], vec![]);
    assert_eq!(
        trait_names(&ix, &e),
        ["std::cmp::Eq", "std::default::Default", "std::hash::Hash"]
    );
    let cfg = Cfg::host().with_features(["serde"]);
    let ix = ApiIndex::read("c", std::path::Path::new("lib.rs"), src, &NoFiles, &cfg).unwrap();
    assert!(trait_names(&ix, &e).contains(&"serde::Serialize".to_string()));
}
