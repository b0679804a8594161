//! The real path: `kayton_api` built as a dylib by a bare `rustc`, cells
//! built against it as `-C prefer-dynamic` dylibs (the second one linking
//! the first, as later cells link earlier ones), loaded with `libloading`
//! and run against a `Vm`. Also: cells of another ABI refused at load.

use kayton_api::KaytonAbiStamp;
use kayton_vm::{CellError, CellOutcome, LoadError, OutputEvent, Value, Vm};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Cell 1: reads `n`, writes globals, puts a `Point` in the dyn store, and
/// prints. `Point` and its kind are public, for cell 2.
const CELL1: &str = r#"
use kayton_api::{CellError, Ctx, DynKind, Fingerprint};

#[derive(Debug)]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

pub const POINT_FINGERPRINT: Fingerprint<'static> = Fingerprint {
    crate_name: "cell1",
    crate_version: "0.0.0",
    features: "",
    type_path: "cell1::Point",
    generation: 1,
};

// SAFETY: the fingerprint names `Point`, and nothing else uses it.
pub const POINT: DynKind<Point> = unsafe { DynKind::new(POINT_FINGERPRINT) };

fn run(ctx: &mut Ctx<'_>) -> Result<(), CellError> {
    let n = ctx.get_i64("n")?;
    ctx.set_i64("doubled", n * 2)?;
    ctx.set_string("greeting", &format!("hello {n}"))?;
    ctx.dyn_put("p", &POINT, Point { x: n, y: -n })?;
    ctx.stdout("cell 1 ran\n")?;
    ctx.result("text/plain", format!("{:?}", n * 2).as_bytes())?;
    Ok(())
}

kayton_api::keyton_cell!(run);
"#;

/// Cell 2: uses cell 1's `Point` through the dyn store, is refused a stale
/// fingerprint, mutates the point, and stops with an error (or a panic when
/// `explode` is set).
const CELL2: &str = r#"
use cell1::{POINT, POINT_FINGERPRINT, Point};
use kayton_api::{CellError, Ctx, DynKind, Fingerprint};

// SAFETY: the same type as `POINT`, as an older build would have named it.
const STALE: DynKind<Point> =
    unsafe { DynKind::new(Fingerprint { generation: 0, ..POINT_FINGERPRINT }) };

fn run(ctx: &mut Ctx<'_>) -> Result<(), CellError> {
    let doubled = ctx.get_i64("doubled")?;
    let p = ctx.dyn_get("p", &POINT)?;
    ctx.stdout(&format!("p = {p:?}, doubled = {doubled}\n"))?;
    ctx.stderr("a warning\n")?;
    if let Err(error) = ctx.dyn_get("p", &STALE) {
        ctx.stdout(&format!("refused: {error}\n"))?;
    }
    ctx.dyn_get_mut("p", &POINT)?.x += 100;
    ctx.display("text/html", b"<b>hi</b>")?;
    let greeting = ctx.get_string("greeting")?;
    ctx.set_vec_string("words", &greeting.split(' ').collect::<Vec<_>>())?;
    if ctx.get_bool("explode").unwrap_or(false) {
        // A real cell installs keyton_rt's hook; this one stays quiet.
        std::panic::set_hook(Box::new(|_| {}));
        panic!("exploded");
    }
    Err(CellError::at("stopped on purpose", 5, 3))
}

kayton_api::keyton_cell!(run);
"#;

/// A cell whose `keyton_cell_abi` claims another ABI; its entry must never
/// be called.
fn foreign_cell(stamp: KaytonAbiStamp) -> String {
    format!(
        r#"
#[repr(C)]
pub struct Stamp {{ abi_version: u32, vtable_size: usize }}

#[unsafe(no_mangle)]
pub extern "C" fn keyton_cell_abi() -> Stamp {{
    Stamp {{ abi_version: {}, vtable_size: {} }}
}}

#[unsafe(no_mangle)]
pub extern "C" fn keyton_cell_main(_: *const u8) -> i32 {{
    std::process::abort()
}}
"#,
        stamp.abi_version, stamp.vtable_size
    )
}

fn rustc() -> Command {
    Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
}

/// Where the toolchain's `libstd-*.so` is, for the rpath of every build.
fn target_libdir() -> String {
    let out = rustc().args(["--print", "target-libdir"]).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Compile `source` (a file in `dir` named after the crate) into `dir`
/// as a `prefer-dynamic` library of `crate_type`, with `externs`
/// (crate names built earlier into `dir`); the library's path.
fn build(
    dir: &Path,
    crate_name: &str,
    crate_type: &str,
    source: &Path,
    externs: &[&str],
) -> PathBuf {
    let rpath = format!("-Wl,-rpath,$ORIGIN:{}", target_libdir());
    let mut command = rustc();
    command
        .args(["--edition", "2024", "--crate-type", crate_type])
        .args(["--crate-name", crate_name, "-C", "prefer-dynamic"])
        .args(["-C", "opt-level=0", "-C", "panic=unwind"])
        .arg("-C")
        .arg(format!("link-arg={rpath}"))
        .arg("-L")
        .arg(dir)
        .arg("--out-dir")
        .arg(dir)
        .arg(source);
    for name in externs {
        command.arg("--extern").arg(format!(
            "{name}={}",
            dir.join(format!("lib{name}.so")).display()
        ));
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "rustc failed for {crate_name}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join(format!("lib{crate_name}.so"))
}

fn write(dir: &Path, name: &str, source: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path
}

#[test]
fn cell_dylibs_share_globals_dyn_values_and_output_through_the_vm() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let api_source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kayton_api/src/lib.rs");
    build(dir, "kayton_api", "dylib", &api_source, &[]);
    let cell1 = build(
        dir,
        "cell1",
        "dylib",
        &write(dir, "cell1.rs", CELL1),
        &["kayton_api"],
    );
    let cell2_source = write(dir, "cell2.rs", CELL2);
    let cell2 = build(
        dir,
        "cell2",
        "dylib",
        &cell2_source,
        &["kayton_api", "cell1"],
    );

    let mut vm = Vm::new();
    vm.set("n", Value::I64(21));
    let first = vm.load_cell(&cell1).unwrap();
    let second = vm.load_cell(&cell2).unwrap();

    assert_eq!(vm.run_cell(first), CellOutcome::Completed);
    assert!(matches!(vm.get("doubled"), Some(Value::I64(42))));
    assert!(matches!(vm.get("greeting"), Some(Value::Str(g)) if g == "hello 21"));
    assert_eq!(vm.repr("p").unwrap(), "<cell1::Point>");
    assert_eq!(
        vm.drain_output(),
        [
            OutputEvent::Stdout("cell 1 ran\n".into()),
            OutputEvent::Result {
                mime: "text/plain".into(),
                data: b"42".to_vec()
            },
        ]
    );
    assert!(vm.take_errors().is_empty());

    // Cell 2 finds its own entry point, not cell 1's, though it links it.
    assert_eq!(vm.run_cell(second), CellOutcome::Failed);
    let refused = "refused: the global `p` holds a cell1::Point of cell1 0.0.0 [features: none] \
                   (build 1), but this cell expects a cell1::Point of cell1 0.0.0 [features: none] \
                   (build 0): the type changed since the value was made; run the cell that made \
                   it again\n";
    assert_eq!(
        vm.drain_output(),
        [
            OutputEvent::Stdout("p = Point { x: 21, y: -21 }, doubled = 42\n".into()),
            OutputEvent::Stderr("a warning\n".into()),
            OutputEvent::Stdout(refused.into()),
            OutputEvent::Display {
                mime: "text/html".into(),
                data: b"<b>hi</b>".to_vec()
            },
        ]
    );
    assert_eq!(
        vm.take_errors(),
        [CellError {
            message: "stopped on purpose".into(),
            line: 5,
            col: 3
        }]
    );
    assert!(matches!(vm.get("words"), Some(Value::VecStr(w)) if w == &["hello", "21"]));

    // The statements before the error took effect: the point moved.
    vm.set("explode", Value::Bool(true));
    assert_eq!(vm.run_cell(second), CellOutcome::Failed);
    let Some(OutputEvent::Stdout(first_line)) = vm.drain_output().into_iter().next() else {
        panic!("cell 2 printed nothing");
    };
    assert_eq!(first_line, "p = Point { x: 121, y: -21 }, doubled = 42\n");
    assert_eq!(vm.take_errors()[0].message, "the cell panicked: exploded");

    // Running cell 1 again replaces the point (cell 1's drop function frees
    // the old one); dropping the VM frees the new one, then the libraries.
    assert_eq!(vm.run_cell(first), CellOutcome::Completed);
    drop(vm);
}

#[test]
fn cells_of_another_abi_or_without_the_exports_are_refused_at_load() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let current = KaytonAbiStamp::CURRENT;
    let older = KaytonAbiStamp {
        abi_version: current.abi_version - 1,
        vtable_size: current.vtable_size - 16,
    };
    let newer = KaytonAbiStamp {
        abi_version: current.abi_version + 1,
        ..current
    };
    let mut vm = Vm::new();
    for (name, stamp) in [("older", older), ("newer", newer)] {
        let source = write(dir, &format!("{name}.rs"), &foreign_cell(stamp));
        let library = build(dir, name, "cdylib", &source, &[]);
        let error = vm.load_cell(&library).unwrap_err();
        assert!(matches!(error, LoadError::AbiMismatch { cell, .. } if cell == stamp));
        assert_eq!(
            error.to_string(),
            format!(
                "the cell {} was built against kayton_api ABI v{} (vtable of {} bytes), but \
                 this session speaks ABI v{} (vtable of {} bytes): rebuild the cell with this \
                 session's kayton_api",
                library.display(),
                stamp.abi_version,
                stamp.vtable_size,
                current.abi_version,
                current.vtable_size
            )
        );
    }

    let source = write(
        dir,
        "plain.rs",
        "#[unsafe(no_mangle)]\npub extern \"C\" fn f() {}\n",
    );
    let library = build(dir, "plain", "cdylib", &source, &[]);
    let error = vm.load_cell(&library).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("is not a Keyton cell: it has no `keyton_cell_abi` export"),
        "{error}"
    );
    let error = vm.load_cell(&dir.join("absent.so")).unwrap_err();
    assert!(matches!(error, LoadError::Open { .. }));
}
