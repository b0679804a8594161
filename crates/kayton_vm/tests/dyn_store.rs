//! The dyn store through `kayton_api`'s safe wrappers over a real context:
//! values put, borrowed, taken and dropped, fingerprints checked, and every
//! value dropped exactly once, whichever way it leaves the VM.

use kayton_api::abi::{KFingerprint, KStatus, KStr};
use kayton_api::{Ctx, DynKind, ErrorKind, Fingerprint};
use kayton_vm::{CrateBuild, Value, Vm};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A value that counts its drops in a counter of the test's own, so tests
/// running in parallel do not share one.
#[derive(Debug)]
struct Counted {
    label: String,
    drops: &'static AtomicUsize,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn counted(label: &str, drops: &'static AtomicUsize) -> Counted {
    Counted {
        label: label.to_string(),
        drops,
    }
}

const fn fingerprint(generation: u64) -> Fingerprint<'static> {
    Fingerprint {
        crate_name: "demo",
        crate_version: "1.2.3",
        features: "default,json",
        type_path: "demo::Counted",
        generation,
    }
}

// SAFETY: `fingerprint` stands for `Counted` in these tests, and for
// nothing else.
const COUNTED: DynKind<Counted> = unsafe { DynKind::new(fingerprint(1)) };
// SAFETY: the same type after a rebuild of its crate (a new generation).
const COUNTED_REBUILT: DynKind<Counted> = unsafe { DynKind::new(fingerprint(2)) };

/// Run `cell` with a checked `Ctx` over a context of `vm`, as a cell would.
fn in_cell<R>(vm: &mut Vm, cell: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
    let context = vm.context();
    // SAFETY: the context is this ABI's and stays valid while `context`
    // lives, which is longer than `ctx`.
    let mut ctx = unsafe { Ctx::from_raw(context.as_ptr()) }.expect("a context of this ABI");
    cell(&mut ctx)
}

#[test]
fn a_value_is_put_borrowed_mutated_and_read_by_a_later_cell() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let mut vm = Vm::new();
    in_cell(&mut vm, |ctx| {
        ctx.dyn_put("c", &COUNTED, counted("first", &DROPS))
            .unwrap();
        ctx.dyn_get_mut("c", &COUNTED)
            .unwrap()
            .label
            .push_str(" changed");
    });
    let label = in_cell(&mut vm, |ctx| {
        ctx.dyn_get("c", &COUNTED).unwrap().label.clone()
    });
    assert_eq!(label, "first changed");
    let Some(Value::Dyn(value)) = vm.get("c") else {
        panic!("`c` is not a dyn value");
    };
    let fingerprint = vm.fingerprint(value.kind()).unwrap();
    assert_eq!(fingerprint.type_path, "demo::Counted");
    assert_eq!(vm.repr("c").unwrap(), "<demo::Counted>");
    assert_eq!(DROPS.load(Ordering::SeqCst), 0);
    drop(vm);
    assert_eq!(DROPS.load(Ordering::SeqCst), 1, "dropped with the VM, once");
}

/// A fingerprint as generated code gives it: the type's path alone.
// SAFETY: stands for `Counted` in these tests, and for nothing else.
const COUNTED_IN_CRATE: DynKind<Counted> = unsafe {
    DynKind::new(Fingerprint {
        crate_name: "",
        crate_version: "",
        features: "",
        type_path: "::demo::Counted",
        generation: 0,
    })
};

fn demo_build(version: &str) -> Vec<CrateBuild> {
    vec![CrateBuild {
        lib_name: "demo".into(),
        version: version.into(),
        features: "default".into(),
    }]
}

#[test]
fn a_value_made_against_another_build_of_its_crate_is_refused() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let mut vm = Vm::new();
    vm.set_crate_builds(demo_build("1.0.0"));
    in_cell(&mut vm, |ctx| {
        ctx.dyn_put("c", &COUNTED_IN_CRATE, counted("old", &DROPS))
            .unwrap();
    });
    let same = in_cell(&mut vm, |ctx| {
        ctx.dyn_get("c", &COUNTED_IN_CRATE).map(|c| c.label.clone())
    });
    assert_eq!(same.unwrap(), "old", "the same build reads it back");
    vm.set_crate_builds(demo_build("1.1.0"));
    let error = in_cell(&mut vm, |ctx| {
        ctx.dyn_get("c", &COUNTED_IN_CRATE).unwrap_err()
    });
    assert_eq!(error.kind, ErrorKind::FingerprintMismatch);
    assert_eq!(
        error.message,
        "the global `c` holds a ::demo::Counted of demo 1.0.0 [features: default] (build 0), \
         but this cell expects a ::demo::Counted of demo 1.1.0 [features: default] \
         (build 0): the type changed since the value was made; run the cell that made it again"
    );
}

#[test]
fn a_get_with_another_fingerprint_is_refused_naming_both() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let mut vm = Vm::new();
    let error = in_cell(&mut vm, |ctx| {
        ctx.dyn_put("c", &COUNTED, counted("old", &DROPS)).unwrap();
        ctx.dyn_get("c", &COUNTED_REBUILT).unwrap_err()
    });
    assert_eq!(error.kind, ErrorKind::FingerprintMismatch);
    assert_eq!(
        error.message,
        "the global `c` holds a demo::Counted of demo 1.2.3 [features: default,json] (build 1), \
         but this cell expects a demo::Counted of demo 1.2.3 [features: default,json] \
         (build 2): the type changed since the value was made; run the cell that made it again"
    );
    let taken = in_cell(&mut vm, |ctx| {
        let refused = ctx.dyn_take("c", &COUNTED_REBUILT).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::FingerprintMismatch);
        ctx.dyn_get("c", &COUNTED).map(|c| c.label.clone())
    });
    assert_eq!(
        taken.unwrap(),
        "old",
        "a refused take leaves the value in place"
    );
    assert_eq!(DROPS.load(Ordering::SeqCst), 0);
}

#[test]
fn missing_and_plain_globals_are_not_dyn_values() {
    let mut vm = Vm::new();
    vm.set("n", Value::I64(1));
    in_cell(&mut vm, |ctx| {
        let missing = ctx.dyn_get("nope", &COUNTED).unwrap_err();
        assert_eq!(missing.kind, ErrorKind::Missing);
        let plain = ctx.dyn_get("n", &COUNTED).unwrap_err();
        assert_eq!(plain.kind, ErrorKind::WrongKind);
        assert_eq!(
            plain.message,
            "the global `n` is an i64, not a demo::Counted"
        );
        let not_dyn = ctx.dyn_drop("n").unwrap_err();
        assert_eq!(not_dyn.kind, ErrorKind::WrongKind);
        assert_eq!(not_dyn.message, "the global `n` is an i64, not a dyn value");
        let plain_read = ctx.get_i64("n");
        assert_eq!(plain_read, Ok(1));
    });
}

#[test]
fn each_way_out_of_the_vm_drops_a_value_exactly_once() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let drops = || DROPS.load(Ordering::SeqCst);
    let mut vm = Vm::new();
    in_cell(&mut vm, |ctx| {
        ctx.dyn_put("a", &COUNTED, counted("a", &DROPS)).unwrap();
        ctx.dyn_put("a", &COUNTED, counted("a2", &DROPS)).unwrap();
        assert_eq!(drops(), 1, "overwritten by a put");
        ctx.set_i64("a", 3).unwrap();
        assert_eq!(drops(), 2, "overwritten by a plain set");
        ctx.dyn_put("b", &COUNTED, counted("b", &DROPS)).unwrap();
        ctx.dyn_drop("b").unwrap();
        assert_eq!(drops(), 3, "dropped by dyn_drop");
        assert_eq!(ctx.dyn_drop("b").unwrap_err().kind, ErrorKind::Missing);
        ctx.dyn_put("c", &COUNTED, counted("c", &DROPS)).unwrap();
        let taken = ctx.dyn_take("c", &COUNTED).unwrap();
        assert_eq!(
            (taken.label.as_str(), drops()),
            ("c", 3),
            "taken, not dropped"
        );
        drop(taken);
        assert_eq!(drops(), 4, "dropped by the cell that took it");
        assert_eq!(
            ctx.dyn_get("c", &COUNTED).unwrap_err().kind,
            ErrorKind::Missing
        );
        ctx.dyn_put("d", &COUNTED, counted("d", &DROPS)).unwrap();
    });
    vm.set("d", Value::Bool(false));
    assert_eq!(drops(), 5, "overwritten by the host");
    in_cell(&mut vm, |ctx| {
        ctx.dyn_put("e", &COUNTED, counted("e", &DROPS)).unwrap();
    });
    drop(vm);
    assert_eq!(drops(), 6, "dropped with the VM");
}

#[test]
fn a_refused_put_leaves_the_value_with_the_cell() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let mut vm = Vm::new();
    let mut value = counted("kept", &DROPS);
    let status = {
        let context = vm.context();
        // SAFETY: a live context of this ABI; kind 99 was never registered,
        // so the host must refuse the value and leave it with us.
        unsafe {
            let raw = &*context.as_ptr();
            let pointer = (&mut value as *mut Counted).cast::<c_void>();
            let drop = kayton_api::drop_box::<Counted>;
            ((*raw.vtable).dyn_put)(raw.host, KStr::str("x"), 99, pointer, Some(drop))
        }
    };
    assert_eq!(status, KStatus::UNKNOWN_KIND);
    assert!(vm.get("x").is_none());
    assert_eq!(value.label, "kept");
    assert_eq!(DROPS.load(Ordering::SeqCst), 0);
    drop(value);
    assert_eq!(DROPS.load(Ordering::SeqCst), 1);
}

#[test]
fn a_put_without_a_drop_function_or_a_value_is_refused() {
    let mut vm = Vm::new();
    let mut value = 5u8;
    let (without_drop, null_value, message) = {
        let context = vm.context();
        let name = KStr::str("demo");
        let raw_fingerprint = KFingerprint {
            crate_name: name,
            crate_version: KStr::str("1"),
            features: KStr::str(""),
            type_path: KStr::str("demo::Byte"),
            generation: 1,
        };
        // SAFETY: a live context of this ABI and live views; the missing
        // drop function and the null value are the point.
        unsafe {
            let raw = &*context.as_ptr();
            let vtable = &*raw.vtable;
            let mut kind = 0;
            let status = (vtable.dyn_register_kind)(raw.host, &raw_fingerprint, &mut kind);
            assert_eq!((status, kind), (KStatus::OK, 1));
            let pointer = (&mut value as *mut u8).cast::<c_void>();
            let without_drop = (vtable.dyn_put)(raw.host, name, kind, pointer, None);
            let mut view = KStr::empty();
            assert_eq!((vtable.last_error)(raw.host, &mut view), KStatus::OK);
            let message = String::from_utf8_lossy(view.as_slice().unwrap()).into_owned();
            let drop = kayton_api::drop_box::<u8>;
            let null = std::ptr::null_mut();
            let null_value = (vtable.dyn_put)(raw.host, name, kind, null, Some(drop));
            (without_drop, null_value, message)
        }
    };
    assert_eq!(without_drop, KStatus::BAD_ARGUMENT);
    assert_eq!(message, "the value came without a drop function");
    assert_eq!(null_value, KStatus::BAD_ARGUMENT);
    assert!(vm.get("demo").is_none());
    assert_eq!(value, 5);
}
