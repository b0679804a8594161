//! Cells built by `CellBuilder` against the deps dylib of the shared cache
//! (built once per test run, whichever test process comes first; the others
//! wait on its lock), loaded and run by a real `kayton_vm::Vm`.

use kayton_vm::{CellOutcome, Value, Vm};
use keyton_compiler::{Cache, Toolchain};
use keyton_diagnostics::Span;
use keyton_session::{BuildFailure, CellBuilder, DepsDylib};
use std::path::PathBuf;

/// A session of its own in the shared cache.
fn session() -> CellBuilder {
    let cache = Cache::from_env().unwrap();
    let toolchain = Toolchain::detect().unwrap();
    let deps = DepsDylib::ensure(&cache, &toolchain).unwrap();
    CellBuilder::new(&cache, &toolchain, &deps).unwrap()
}

/// Cell 1: defines `twice` (with `factor` to tell sessions apart) for
/// later cells, and sets a global through the context.
fn cell_1(factor: i64) -> String {
    format!(
        r#"
use keyton_deps::kayton_api::{{CellError, Ctx}};

pub fn twice(x: i64) -> i64 {{
    x * {factor}
}}

fn run(ctx: &mut Ctx<'_>) -> Result<(), CellError> {{
    ctx.set_i64("one", twice(1))?;
    Ok(())
}}

keyton_deps::kayton_api::keyton_cell!(run);
"#
    )
}

/// Cell 2: calls cell 1's `twice` in place.
const CELL_2: &str = r#"
fn run(ctx: &mut keyton_deps::kayton_api::Ctx<'_>) -> Result<(), keyton_deps::kayton_api::CellError> {
    ctx.set_i64("result", cell_1::twice(21))?;
    Ok(())
}

keyton_deps::kayton_api::keyton_cell!(run);
"#;

fn i64_global(vm: &Vm, name: &str) -> Option<i64> {
    match vm.get(name) {
        Some(Value::I64(n)) => Some(*n),
        _ => None,
    }
}

/// Build cells 1 and 2 of a session; their libraries.
fn two_cells(builder: &CellBuilder, factor: i64) -> (PathBuf, PathBuf) {
    let first = builder.build("cell_1", &cell_1(factor), &[]).unwrap();
    let earlier = [("cell_1".to_string(), first.clone())];
    let second = builder.build("cell_2", CELL_2, &earlier).unwrap();
    (first, second)
}

#[test]
fn a_later_cell_calls_an_earlier_cells_function() {
    let builder = session();
    let (first, second) = two_cells(&builder, 2);
    assert_eq!(first, builder.dir().join("libcell_1.so"));

    let mut vm = Vm::new();
    let first = vm.load_cell(&first).unwrap();
    assert_eq!(vm.run_cell(first), CellOutcome::Completed);
    assert_eq!(i64_global(&vm, "one"), Some(2));
    let second = vm.load_cell(&second).unwrap();
    assert_eq!(vm.run_cell(second), CellOutcome::Completed);
    assert_eq!(i64_global(&vm, "result"), Some(42));
    assert!(vm.take_errors().is_empty());
}

/// Two sessions in one process, each with its own `cell_1` and `cell_2`:
/// each `cell_2` calls its own session's `cell_1`.
#[test]
fn two_sessions_in_one_process_keep_their_cells_apart() {
    let (a, b) = (session(), session());
    let (a1, a2) = two_cells(&a, 2);
    let (b1, b2) = two_cells(&b, 3);
    let mut vm = Vm::new();
    let cells: Vec<_> = [a1, b1, a2, b2]
        .iter()
        .map(|path| vm.load_cell(path).unwrap())
        .collect();
    assert_eq!(vm.run_cell(cells[2]), CellOutcome::Completed);
    assert_eq!(i64_global(&vm, "result"), Some(42));
    assert_eq!(vm.run_cell(cells[3]), CellOutcome::Completed);
    assert_eq!(i64_global(&vm, "result"), Some(63));
}

#[test]
fn a_type_error_is_a_build_failure_naming_it() {
    let builder = session();
    let source = "fn run() {\n    let x: i64 = \"text\";\n}\n";
    let Err(failure) = builder.build("cell_bad", source, &[]) else {
        panic!("the cell built");
    };
    let BuildFailure::Rejected {
        rust_file,
        stderr,
        messages,
        ..
    } = &failure
    else {
        panic!("not rejected by rustc: {failure}");
    };
    assert_eq!(rust_file, "cell_bad.rs");
    assert!(stderr.starts_with('{'), "{stderr}");
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("mismatched types"), "{messages:?}");
    assert!(!builder.dir().join("libcell_bad.so").exists());

    // Through a line map, the error lands on the Keyton line.
    let keyton_line = |line: usize| (line == 2).then(|| Span::new(5, 9));
    let Some(keyton_compiler::Error::Program(diagnostics)) = failure.to_keyton(keyton_line) else {
        panic!("not mapped to the Keyton program");
    };
    assert_eq!(diagnostics[0].primary.span, Span::new(5, 9));

    // The name is free again: a failed build left no library.
    let fixed = "pub fn ok() {}\n";
    assert!(builder.build("cell_bad", fixed, &[]).is_ok());
}

#[test]
fn bad_and_reused_names_are_refused() {
    let builder = session();
    for name in ["", "2nd", "my-cell", "../escape"] {
        let error = builder.build(name, "", &[]).unwrap_err();
        assert!(error.to_string().contains("cannot name a cell"), "{error}");
    }
    builder.build("once", "", &[]).unwrap();
    let error = builder.build("once", "", &[]).unwrap_err();
    assert!(error.to_string().contains("already"), "{error}");
}

/// The language's flags hold in cells: integer overflow panics, and the
/// panic is caught inside the cell and reported.
#[test]
fn overflow_in_a_cell_is_a_caught_panic() {
    let builder = session();
    let source = r#"
keyton_deps::kayton_api::keyton_cell!(|ctx: &mut keyton_deps::kayton_api::Ctx<'_>| {
    std::panic::set_hook(Box::new(|_| {}));
    let big = std::hint::black_box(i64::MAX);
    ctx.set_i64("sum", big + 1)?;
    Ok(())
});
"#;
    let library = builder.build("overflow", source, &[]).unwrap();
    let mut vm = Vm::new();
    let cell = vm.load_cell(&library).unwrap();
    assert_eq!(vm.run_cell(cell), CellOutcome::Failed);
    let errors = vm.take_errors();
    assert!(errors[0].message.contains("overflow"), "{errors:?}");
}

/// keyton_rt's code is in the deps dylib once: two cells see the same
/// address for one of its functions (statically linked, each cell would
/// have its own copy).
#[test]
fn cells_share_one_copy_of_the_runtime() {
    let builder = session();
    let source = |global: &str| {
        format!(
            r#"
keyton_deps::kayton_api::keyton_cell!(|ctx: &mut keyton_deps::kayton_api::Ctx<'_>| {{
    let install: fn(&'static keyton_deps::keyton_rt::SourceMap) = keyton_deps::keyton_rt::install;
    ctx.set_i64("{global}", install as usize as i64)?;
    Ok(())
}});
"#
        )
    };
    let mut vm = Vm::new();
    for name in ["first", "second"] {
        let library = builder.build(name, &source(name), &[]).unwrap();
        let cell = vm.load_cell(&library).unwrap();
        assert_eq!(vm.run_cell(cell), CellOutcome::Completed);
    }
    let first = i64_global(&vm, "first");
    assert!(first.is_some_and(|address| address != 0));
    assert_eq!(first, i64_global(&vm, "second"));
}
