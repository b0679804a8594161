//! Every vtable entry called through the C ABI as a cell would call it: a
//! context built from a `Vm`, its raw function pointers, then the VM's state.

use kayton_api::abi::{KSlice, KStatus, KStr, KaytonVtable};
use kayton_api::{ABI_VERSION, KaytonAbiStamp};
use kayton_vm::{CellError, OutputEvent, Value, Vm};
use std::ffi::c_void;

/// Run `calls` with the vtable and host pointer of a context of `vm`.
fn with_vtable<R>(vm: &mut Vm, calls: impl FnOnce(&KaytonVtable, *mut c_void) -> R) -> R {
    let context = vm.context();
    // SAFETY: the context and its vtable live until `context` is dropped,
    // after `calls`.
    let (vtable, host) = unsafe { (&*(*context.as_ptr()).vtable, (*context.as_ptr()).host) };
    calls(vtable, host)
}

/// The message `last_error` lends, copied.
fn last_error(vtable: &KaytonVtable, host: *mut c_void) -> String {
    let mut view = KStr::empty();
    // SAFETY: a live context; `view` is a valid out-parameter, and the
    // message it lends is copied before the next call.
    unsafe {
        assert_eq!((vtable.last_error)(host, &mut view), KStatus::OK);
        String::from_utf8(view.as_slice().unwrap().to_vec()).unwrap()
    }
}

fn s(text: &str) -> KStr {
    KStr::str(text)
}

#[test]
fn the_context_carries_this_abi_version_and_vtable_size() {
    let mut vm = Vm::new();
    let context = vm.context();
    // SAFETY: the context lives while `context` does.
    let raw = unsafe { *context.as_ptr() };
    assert_eq!(raw.abi_version, ABI_VERSION);
    assert_eq!(raw.vtable_size, KaytonAbiStamp::CURRENT.vtable_size);
    assert_eq!(raw.vtable_size, size_of::<KaytonVtable>());
}

#[test]
fn i64_f64_and_bool_globals_are_set_and_read_back() {
    let mut vm = Vm::new();
    with_vtable(&mut vm, |vt, host| {
        // SAFETY: for every call here, a live context, views of live text and
        // valid out-parameters.
        unsafe {
            assert_eq!((vt.set_i64)(host, s("n"), -7), KStatus::OK);
            assert_eq!((vt.set_f64)(host, s("x"), 2.5), KStatus::OK);
            assert_eq!((vt.set_bool)(host, s("b"), true), KStatus::OK);
            let (mut n, mut x, mut b) = (0, 0.0, false);
            assert_eq!((vt.get_i64)(host, s("n"), &mut n), KStatus::OK);
            assert_eq!((vt.get_f64)(host, s("x"), &mut x), KStatus::OK);
            assert_eq!((vt.get_bool)(host, s("b"), &mut b), KStatus::OK);
            assert_eq!((n, x, b), (-7, 2.5, true));
        }
    });
    assert!(matches!(vm.get("n"), Some(Value::I64(-7))));
    assert!(matches!(vm.get("x"), Some(Value::F64(2.5))));
    assert!(matches!(vm.get("b"), Some(Value::Bool(true))));
}

#[test]
fn strings_and_lists_are_copied_in_and_lent_out() {
    let mut vm = Vm::new();
    vm.set("xs", Value::VecI64(vec![1, 2, 3]));
    vm.set("fs", Value::VecF64(vec![0.5]));
    with_vtable(&mut vm, |vt, host| {
        let owned = String::from("héllo");
        let words = [s("a"), s("bc"), s("")];
        // SAFETY: for every call here, a live context, views of live data, and
        // valid out-parameters; lent views are read before the next call.
        unsafe {
            assert_eq!((vt.set_str)(host, s("t"), s(&owned)), KStatus::OK);
            assert_eq!(
                (vt.set_vec_f64)(host, s("empty"), KSlice::empty()),
                KStatus::OK
            );
            assert_eq!(
                (vt.set_vec_str)(host, s("ws"), KSlice::new(&words)),
                KStatus::OK
            );
            let mut text = KStr::empty();
            assert_eq!((vt.get_str)(host, s("t"), &mut text), KStatus::OK);
            assert_eq!(text.as_slice().unwrap(), "héllo".as_bytes());
            let mut ints = KSlice::empty();
            assert_eq!((vt.get_vec_i64)(host, s("xs"), &mut ints), KStatus::OK);
            assert_eq!(ints.as_slice().unwrap(), [1, 2, 3]);
            let mut floats = KSlice::empty();
            assert_eq!((vt.get_vec_f64)(host, s("fs"), &mut floats), KStatus::OK);
            assert_eq!(floats.as_slice().unwrap(), [0.5]);
            let mut list = KSlice::empty();
            assert_eq!((vt.get_vec_str)(host, s("ws"), &mut list), KStatus::OK);
            let got: Vec<&[u8]> = list
                .as_slice()
                .unwrap()
                .iter()
                .map(|view| view.as_slice().unwrap())
                .collect();
            assert_eq!(got, [&b"a"[..], b"bc", b""]);
        }
    });
    assert!(matches!(vm.get("t"), Some(Value::Str(t)) if t == "héllo"));
    assert!(matches!(vm.get("empty"), Some(Value::VecF64(v)) if v.is_empty()));
    assert!(matches!(vm.get("ws"), Some(Value::VecStr(v)) if v == &["a", "bc", ""]));
}

#[test]
fn a_set_rebinds_a_global_of_another_kind() {
    let mut vm = Vm::new();
    vm.set("x", Value::Str("text".into()));
    with_vtable(&mut vm, |vt, host| {
        // SAFETY: a live context and a view of live text.
        assert_eq!(unsafe { (vt.set_i64)(host, s("x"), 1) }, KStatus::OK);
    });
    assert!(matches!(vm.get("x"), Some(Value::I64(1))));
}

#[test]
fn missing_and_wrong_kind_globals_are_refused_with_a_message() {
    let mut vm = Vm::new();
    vm.set("s", Value::Str("text".into()));
    vm.set("n", Value::I64(1));
    with_vtable(&mut vm, |vt, host| {
        let mut out = 0;
        // SAFETY: a live context, views of live text, a valid out-parameter.
        let status = unsafe { (vt.get_i64)(host, s("nope"), &mut out) };
        assert_eq!(status, KStatus::MISSING);
        assert_eq!(last_error(vt, host), "there is no global named `nope`");

        // SAFETY: as above.
        let status = unsafe { (vt.get_i64)(host, s("s"), &mut out) };
        assert_eq!(status, KStatus::WRONG_KIND);
        assert_eq!(
            last_error(vt, host),
            "the global `s` is a String, not an i64"
        );
        assert_eq!(out, 0, "an out-parameter is written only on OK");

        let mut list = KSlice::empty();
        // SAFETY: as above.
        let status = unsafe { (vt.get_vec_str)(host, s("n"), &mut list) };
        assert_eq!(status, KStatus::WRONG_KIND);
        assert_eq!(
            last_error(vt, host),
            "the global `n` is an i64, not a Vec<String>"
        );
    });
}

#[test]
fn bad_pointers_and_non_utf8_text_are_refused_and_change_nothing() {
    let mut vm = Vm::new();
    vm.set("n", Value::I64(5));
    with_vtable(&mut vm, |vt, host| {
        let null_name = KStr {
            ptr: std::ptr::null(),
            len: 3,
        };
        let latin1 = KSlice::new(&[0xe9u8, b'!'][..]);
        let misaligned = KSlice::<i64> {
            ptr: std::ptr::dangling::<u8>().wrapping_add(1).cast(),
            len: 1,
        };
        // SAFETY: for every call here, a live context; the broken views and
        // pointers are the point, and the host must refuse them unread.
        unsafe {
            assert_eq!((vt.set_i64)(host, null_name, 1), KStatus::BAD_ARGUMENT);
            assert_eq!(
                last_error(vt, host),
                "the name is a null or misaligned pointer"
            );
            assert_eq!((vt.set_str)(host, s("n"), latin1), KStatus::BAD_ARGUMENT);
            assert_eq!(last_error(vt, host), "the value is not UTF-8 text");
            assert_eq!(
                (vt.set_vec_i64)(host, s("n"), misaligned),
                KStatus::BAD_ARGUMENT
            );
            let status = (vt.get_i64)(host, s("n"), std::ptr::null_mut());
            assert_eq!(status, KStatus::BAD_ARGUMENT);
            assert_eq!(
                last_error(vt, host),
                "the out-parameter is a null or misaligned pointer"
            );
            let null_host = std::ptr::null_mut();
            assert_eq!((vt.set_i64)(null_host, s("n"), 1), KStatus::BAD_ARGUMENT);
            assert_eq!((vt.write_stdout)(host, latin1), KStatus::BAD_ARGUMENT);
        }
    });
    assert!(matches!(vm.get("n"), Some(Value::I64(5))));
    assert!(vm.drain_output().is_empty());
}

#[test]
fn output_events_keep_their_order_and_errors_their_place() {
    let mut vm = Vm::new();
    with_vtable(&mut vm, |vt, host| {
        let svg = b"<svg/>";
        // SAFETY: for every call here, a live context and views of live data.
        unsafe {
            assert_eq!((vt.write_stdout)(host, s("a\n")), KStatus::OK);
            assert_eq!((vt.write_stdout)(host, s("b\n")), KStatus::OK);
            assert_eq!((vt.write_stderr)(host, s("warn\n")), KStatus::OK);
            let mime = s("image/svg+xml");
            assert_eq!((vt.display)(host, mime, KSlice::new(svg)), KStatus::OK);
            assert_eq!((vt.write_stdout)(host, s("c\n")), KStatus::OK);
            let data = KSlice::new(b"[1, 2]");
            assert_eq!(
                (vt.display_result)(host, s("text/plain"), data),
                KStatus::OK
            );
            assert_eq!((vt.report_error)(host, s("boom"), 3, 7), KStatus::OK);
        }
    });
    assert_eq!(
        vm.drain_output(),
        [
            OutputEvent::Stdout("a\nb\n".into()),
            OutputEvent::Stderr("warn\n".into()),
            OutputEvent::Display {
                mime: "image/svg+xml".into(),
                data: b"<svg/>".to_vec()
            },
            OutputEvent::Stdout("c\n".into()),
            OutputEvent::Result {
                mime: "text/plain".into(),
                data: b"[1, 2]".to_vec()
            },
        ]
    );
    assert!(vm.drain_output().is_empty(), "draining empties the output");
    assert_eq!(
        vm.take_errors(),
        [CellError {
            message: "boom".into(),
            line: 3,
            col: 7
        }]
    );
    assert!(vm.take_errors().is_empty());
}
