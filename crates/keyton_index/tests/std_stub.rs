//! std's stub, read by the reader: the paths, signatures and impls the
//! checker relies on.

use keyton_index::{ApiIndex, FnSig, ImplDef, IntTy, Item, Receiver, TraitRef, Ty};

fn p(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn std() -> &'static ApiIndex {
    ApiIndex::std()
}

fn param(name: &str) -> Ty {
    Ty::Param(name.to_string())
}

/// The inherent method `name` of the impls for `ty`.
fn method<'a>(ty: &Ty, name: &str) -> (&'a ImplDef, &'a FnSig) {
    std()
        .impls_for(ty)
        .into_iter()
        .filter(|i| i.trait_ref.is_none())
        .find_map(|i| Some((i, i.methods.iter().find(|m| m.name == name)?)))
        .unwrap_or_else(|| panic!("no method {name} for {ty}"))
}

fn trait_impl<'a>(ty: &Ty, trait_name: &str, args: &[Ty]) -> Option<&'a ImplDef> {
    std().impls_for(ty).into_iter().find(|i| {
        i.self_ty == *ty
            && i.trait_ref
                .as_ref()
                .is_some_and(|t| t.path.last().unwrap() == trait_name && t.args == args)
    })
}

#[test]
fn std_stub_reads_without_warnings() {
    assert!(std().warnings().is_empty(), "{:#?}", std().warnings());
}

#[test]
fn std_paths() {
    let paths: &[&[&str]] = &[
        &["std", "collections", "HashMap"],
        &["std", "collections", "HashSet"],
        &["std", "collections", "BTreeMap"],
        &["std", "collections", "BTreeSet"],
        &["std", "collections", "VecDeque"],
        &["std", "collections", "hash_map", "Entry"],
        &["std", "cmp", "max"],
        &["std", "cmp", "min"],
        &["std", "cmp", "Ordering"],
        &["std", "cmp", "Reverse"],
        &["std", "env", "var"],
        &["std", "env", "args"],
        &["std", "env", "VarError"],
        &["std", "fs", "read_to_string"],
        &["std", "fs", "write"],
        &["std", "fs", "read_dir"],
        &["std", "f64", "consts", "PI"],
        &["std", "f64", "consts", "E"],
        &["std", "i64", "MAX"],
        &["std", "string", "String"],
        &["std", "string", "ToString"],
        &["std", "vec", "Vec"],
        &["std", "option", "Option"],
        &["std", "result", "Result"],
        &["std", "iter", "Sum"],
        &["std", "ops", "FnMut"],
        &["std", "ops", "Range"],
        &["std", "fmt", "Display"],
        &["std", "convert", "TryFrom"],
        &["std", "path", "PathBuf"],
        &["std", "io", "Error"],
        &["std", "io", "Result"],
        &["std", "num", "ParseIntError"],
        &["std", "mem", "swap"],
        &["std", "time", "Instant"],
        &["std", "process", "exit"],
        &["std", "thread", "sleep"],
    ];
    for path in paths {
        assert!(std().lookup(path).is_some(), "no {path:?}");
    }
    let map = std().lookup(&["std", "collections", "HashMap"]).unwrap();
    assert_eq!(
        map.canonical_path,
        p(&["std", "collections", "hash_map", "HashMap"])
    );
    assert!(
        std().lookup(&["std", "prim_int"]).is_none(),
        "private modules stay private"
    );
    assert!(
        std()
            .children(&["std", "collections"])
            .contains(&"HashMap".to_string())
    );
    assert!(
        std()
            .children(&["std", "collections"])
            .contains(&"hash_map".to_string())
    );
    let canonical = std().by_canonical(&map.canonical_path).unwrap();
    assert_eq!(
        canonical.public_path, canonical.canonical_path,
        "defined at a public path: that one"
    );
    match &std().lookup(&["std", "cmp", "Ordering"]).unwrap().item {
        Item::Enum(e) => assert_eq!(
            e.variants.iter().map(|v| v.0.as_str()).collect::<Vec<_>>(),
            ["Less", "Equal", "Greater"]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn std_signatures() {
    let sig = |path: &[&str]| match &std().lookup(path).unwrap().item {
        Item::Fn(f) => f.clone(),
        other => panic!("{other:?}"),
    };
    let read = sig(&["std", "fs", "read_to_string"]);
    let io_error = Ty::adt(&["std", "io", "Error"], vec![]);
    assert_eq!(
        read.ret,
        Ty::result(Ty::string(), io_error),
        "io::Result is expanded"
    );
    assert_eq!(
        read.generics[0].bounds[0].args,
        [Ty::adt(&["std", "path", "Path"], vec![])]
    );
    let max = sig(&["std", "cmp", "max"]);
    assert_eq!(
        (max.params[0].1.clone(), max.ret.clone()),
        (param("T"), param("T"))
    );
    let var = sig(&["std", "env", "var"]);
    assert_eq!(
        var.ret,
        Ty::result(Ty::string(), Ty::adt(&["std", "env", "VarError"], vec![]))
    );
    assert_eq!(
        std().lookup(&["std", "f64", "consts", "PI"]).unwrap().item,
        Item::Const(Ty::F64)
    );
    assert_eq!(
        std().lookup(&["std", "i64", "MAX"]).unwrap().item,
        Item::Const(Ty::I64)
    );
}

#[test]
fn vec_methods_and_deref_to_slice() {
    let vec_i64 = Ty::vec(Ty::I64);
    let (imp, push) = method(&vec_i64, "push");
    assert_eq!(imp.self_ty, Ty::vec(param("T")));
    assert_eq!(
        (push.receiver, push.params[0].1.clone()),
        (Some(Receiver::RefMut), param("T"))
    );
    let deref = trait_impl(&Ty::vec(param("T")), "Deref", &[]).unwrap();
    assert_eq!(
        deref.assoc_types,
        [("Target".to_string(), Ty::Slice(Box::new(param("T"))))]
    );
    let (_, iter) = method(&Ty::Slice(Box::new(Ty::I64)), "iter");
    let Ty::Opaque(bounds) = &iter.ret else {
        panic!("{}", iter.ret)
    };
    assert_eq!(
        bounds[0].bindings,
        [("Item".to_string(), Ty::reference(param("T")))]
    );
    assert_eq!(bounds[1].path, p(&["std", "iter", "DoubleEndedIterator"]));
    let index = trait_impl(&Ty::vec(param("T")), "Index", &[Ty::Int(IntTy::Usize)]).unwrap();
    assert_eq!(index.assoc_types, [("Output".to_string(), param("T"))]);
    let by_ref = Ty::reference(Ty::vec(param("T")));
    let into_iter = trait_impl(&by_ref, "IntoIterator", &[]).unwrap();
    assert_eq!(
        into_iter.assoc_types[0],
        ("Item".to_string(), Ty::reference(param("T")))
    );
    let collect = trait_impl(&Ty::vec(param("T")), "FromIterator", &[param("T")]);
    assert!(collect.is_some());
}

#[test]
fn string_derefs_to_str() {
    let deref = trait_impl(&Ty::string(), "Deref", &[]).unwrap();
    assert_eq!(deref.assoc_types, [("Target".to_string(), Ty::Str)]);
    let (_, split) = method(&Ty::Str, "split");
    assert_eq!(split.params[0].1, Ty::reference(Ty::Str));
    let (_, parse) = method(&Ty::Str, "parse");
    let Ty::Adt { args, .. } = &parse.ret else {
        panic!()
    };
    let err = Ty::Assoc {
        base: Box::new(param("F")),
        trait_path: Some(p(&["std", "str", "FromStr"])),
        name: "Err".into(),
    };
    assert_eq!(args[1], err);
    assert!(method(&Ty::string(), "push_str").1.receiver == Some(Receiver::RefMut));
    assert!(trait_impl(&Ty::string(), "Add", &[Ty::reference(Ty::Str)]).is_some());
    assert!(trait_impl(&Ty::string(), "FromIterator", &[Ty::Char]).is_some());
    assert!(trait_impl(&Ty::string(), "From", &[Ty::reference(Ty::Str)]).is_some());
    assert!(
        trait_impl(
            &Ty::Str,
            "AsRef",
            &[Ty::adt(&["std", "path", "Path"], vec![])]
        )
        .is_some()
    );
}

#[test]
fn iterator_trait() {
    let iterator = std().trait_def(&p(&["std", "iter", "Iterator"])).unwrap();
    assert_eq!(iterator.assoc_types, ["Item"]);
    let map = iterator.methods.iter().find(|m| m.name == "map").unwrap();
    let item = Ty::Assoc {
        base: Box::new(param("Self")),
        trait_path: Some(p(&["std", "iter", "Iterator"])),
        name: "Item".into(),
    };
    let fn_mut = TraitRef {
        path: p(&["std", "ops", "FnMut"]),
        args: vec![Ty::Tuple(vec![item.clone()])],
        bindings: vec![("Output".into(), param("B"))],
    };
    assert_eq!(map.generics[1].bounds, [fn_mut]);
    assert_eq!(map.receiver, Some(Receiver::Value));
    let iter_of_b = TraitRef {
        path: p(&["std", "iter", "Iterator"]),
        args: vec![],
        bindings: vec![("Item".into(), param("B"))],
    };
    assert_eq!(map.ret, Ty::Opaque(vec![iter_of_b]));
    let rev = iterator.methods.iter().find(|m| m.name == "rev").unwrap();
    assert_eq!(rev.predicates[0].0, param("Self"));
    assert_eq!(
        rev.predicates[0].1[0].path,
        p(&["std", "iter", "DoubleEndedIterator"])
    );
    let max = iterator.methods.iter().find(|m| m.name == "max").unwrap();
    assert_eq!(
        max.predicates,
        [(
            item,
            vec![TraitRef {
                path: p(&["std", "cmp", "Ord"]),
                args: vec![],
                bindings: vec![]
            }]
        )]
    );
    let sum = trait_impl(&Ty::I64, "Sum", &[]).is_some()
        && trait_impl(&Ty::I64, "Sum", &[Ty::reference(Ty::I64)]).is_some();
    assert!(sum);
    let range = Ty::adt(&["std", "ops", "Range"], vec![Ty::I64]);
    assert!(std().impls_for(&range).iter().any(|i| {
        i.trait_ref
            .as_ref()
            .is_some_and(|t| t.path.ends_with(&p(&["Iterator"])))
    }));
    assert!(
        std()
            .traits()
            .any(|(path, _)| *path == p(&["std", "iter", "DoubleEndedIterator"]))
    );
}

#[test]
fn maps_index_and_iterate() {
    let map = Ty::adt(
        &["std", "collections", "hash_map", "HashMap"],
        vec![Ty::string(), Ty::I64],
    );
    let index = std()
        .impls_for(&map)
        .into_iter()
        .find(|i| {
            i.trait_ref
                .as_ref()
                .is_some_and(|t| t.path == p(&["std", "ops", "Index"]))
        })
        .unwrap();
    assert_eq!(
        index.trait_ref.as_ref().unwrap().args,
        [Ty::reference(param("Q"))]
    );
    assert_eq!(index.assoc_types, [("Output".to_string(), param("V"))]);
    let k_bounds: Vec<_> = index.generics[0]
        .bounds
        .iter()
        .map(|b| b.path.last().unwrap().as_str())
        .collect();
    assert_eq!(k_bounds, ["Eq", "Hash", "Borrow"], "where clauses merged");
    let (_, entry) = method(&map, "entry");
    let (_, or_insert) = method(&entry.ret, "or_insert");
    assert_eq!(
        or_insert.ret,
        Ty::Ref {
            mutable: true,
            inner: Box::new(param("V"))
        }
    );
    let (_, iter) = method(&map, "iter");
    let Ty::Opaque(bounds) = &iter.ret else {
        panic!()
    };
    let pair = Ty::Tuple(vec![Ty::reference(param("K")), Ty::reference(param("V"))]);
    assert_eq!(bounds[0].bindings, [("Item".to_string(), pair)]);
}

#[test]
fn primitives() {
    for name in ["abs", "pow", "checked_add", "rem_euclid", "signum"] {
        method(&Ty::I64, name);
    }
    method(&Ty::Int(IntTy::Usize), "pow");
    method(&Ty::Int(IntTy::U8), "is_ascii_digit");
    let (_, powi) = method(&Ty::F64, "powi");
    assert_eq!(powi.params[0].1, Ty::Int(IntTy::I32));
    for name in ["sqrt", "floor", "atan2", "clamp", "is_nan", "to_degrees"] {
        method(&Ty::F64, name);
    }
    assert_eq!(
        method(&Ty::Char, "to_digit").1.ret,
        Ty::option(Ty::Int(IntTy::U32))
    );
    // `a.min(b)` on i64 is Ord's provided method: the impl lists no methods.
    assert!(trait_impl(&Ty::I64, "Ord", &[]).unwrap().methods.is_empty());
    let ord = std().trait_def(&p(&["std", "cmp", "Ord"])).unwrap();
    assert_eq!(
        ord.methods.iter().find(|m| m.name == "min").unwrap().ret,
        param("Self")
    );
    assert!(trait_impl(&Ty::I64, "Add", &[]).is_some());
    assert!(trait_impl(&Ty::F64, "Display", &[]).is_some());
    let to_string = std()
        .impls_for(&Ty::I64)
        .into_iter()
        .find(|i| i.self_ty == param("T"));
    assert!(to_string.is_some(), "blanket impls apply to i64");
}

#[test]
fn describe_prints_every_item() {
    let lines = std().describe();
    assert!(lines.contains(&"std.cmp.max  fn  fn max<T: Ord>(v1: T, v2: T) -> T".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("std.vec.Vec.push  method  fn push(&mut self, value: T)"))
    );
}

/// It runs at every compile. The limits catch a regression by an order of
/// magnitude on a busy machine; `--release --nocapture` prints the figure.
#[test]
fn reading_std_is_fast() {
    ApiIndex::read_std();
    let mut best = std::time::Duration::MAX;
    for _ in 0..10 {
        let start = std::time::Instant::now();
        ApiIndex::read_std();
        best = best.min(start.elapsed());
    }
    println!("std's index built in {best:?}");
    let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
    assert!(best.as_millis() < limit, "std's index took {best:?}");
}
