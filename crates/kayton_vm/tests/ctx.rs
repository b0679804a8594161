//! `kayton_api`'s safe wrappers and `run_cell` against a real VM context:
//! what generated cell code will call, without compiling a dylib.

use kayton_api::{CELL_FAILED, CELL_OK, CELL_REFUSED_CONTEXT, CellError, Ctx, ErrorKind, run_cell};
use kayton_vm::{OutputEvent, Value, Vm};

/// Run `cell` through `run_cell` against a context of `vm`.
fn run(vm: &mut Vm, cell: impl FnOnce(&mut Ctx<'_>) -> Result<(), CellError>) -> i32 {
    let context = vm.context();
    // SAFETY: the context is this ABI's and valid for the whole call.
    unsafe { run_cell(context.as_ptr(), cell) }
}

#[test]
fn the_wrappers_read_and_write_every_plain_kind() {
    let mut vm = Vm::new();
    vm.set("n", Value::I64(20));
    vm.set("x", Value::F64(0.5));
    vm.set("b", Value::Bool(false));
    vm.set("s", Value::Str("hi".into()));
    vm.set("xs", Value::VecI64(vec![1, 2]));
    vm.set("fs", Value::VecF64(vec![1.5]));
    vm.set("ws", Value::VecStr(vec!["a".into(), "b".into()]));
    let code = run(&mut vm, |ctx| {
        let n = ctx.get_i64("n")?;
        ctx.set_i64("n", n + 1)?;
        let x = ctx.get_f64("x")?;
        ctx.set_f64("x", x * 3.0)?;
        let b = ctx.get_bool("b")?;
        ctx.set_bool("b", !b)?;
        let s = ctx.get_string("s")?;
        ctx.set_string("s", &format!("{s}!"))?;
        let mut xs = ctx.get_vec_i64("xs")?;
        xs.push(3);
        ctx.set_vec_i64("xs", &xs)?;
        let mut fs = ctx.get_vec_f64("fs")?;
        fs.clear();
        ctx.set_vec_f64("fs", &fs)?;
        let mut ws = ctx.get_vec_string("ws")?;
        ws.push("c".into());
        ctx.set_vec_string("ws", &ws)?;
        ctx.set_vec_string("literal", &["x", "y"])?;
        Ok(())
    });
    assert_eq!(code, CELL_OK);
    let shown: Vec<String> = ["n", "x", "b", "s", "xs", "fs", "ws", "literal"]
        .iter()
        .map(|name| vm.repr(name).unwrap())
        .collect();
    assert_eq!(
        shown,
        [
            "21",
            "1.5",
            "true",
            r#""hi!""#,
            "[1, 2, 3]",
            "[]",
            r#"["a", "b", "c"]"#,
            r#"["x", "y"]"#
        ]
    );
    assert!(vm.take_errors().is_empty());
}

#[test]
fn a_refused_call_carries_the_hosts_message() {
    let mut vm = Vm::new();
    vm.set("s", Value::Str("text".into()));
    let code = run(&mut vm, |ctx| {
        let error = ctx.get_vec_f64("s").unwrap_err();
        assert_eq!(error.kind, ErrorKind::WrongKind);
        assert_eq!(error.message, "the global `s` is a String, not a Vec<f64>");
        Ok(())
    });
    assert_eq!(code, CELL_OK);
}

#[test]
fn output_from_the_wrappers_arrives_in_order() {
    let mut vm = Vm::new();
    let code = run(&mut vm, |ctx| {
        ctx.stdout("one\n")?;
        ctx.stderr("two\n")?;
        ctx.display("text/html", b"<b>3</b>")?;
        ctx.stdout("four\n")?;
        ctx.result("text/plain", format!("{:?}", vec![1.0, 2.5]).as_bytes())?;
        Ok(())
    });
    assert_eq!(code, CELL_OK);
    assert_eq!(
        vm.drain_output(),
        [
            OutputEvent::Stdout("one\n".into()),
            OutputEvent::Stderr("two\n".into()),
            OutputEvent::Display {
                mime: "text/html".into(),
                data: b"<b>3</b>".to_vec()
            },
            OutputEvent::Stdout("four\n".into()),
            OutputEvent::Result {
                mime: "text/plain".into(),
                data: b"[1.0, 2.5]".to_vec()
            },
        ]
    );
}

#[test]
fn an_error_stops_the_cell_at_its_keyton_line_after_earlier_effects() {
    let mut vm = Vm::new();
    let code = run(&mut vm, |ctx| {
        ctx.set_i64("before", 1)?;
        Err(CellError::at("division by zero", 4, 9))
    });
    assert_eq!(code, CELL_FAILED);
    assert!(matches!(vm.get("before"), Some(Value::I64(1))));
    let errors = vm.take_errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].message.as_str(), errors[0].line, errors[0].col),
        ("division by zero", 4, 9)
    );

    let code = run(&mut vm, |ctx| {
        ctx.get_i64("missing")?;
        Ok(())
    });
    assert_eq!(code, CELL_FAILED);
    assert_eq!(
        vm.take_errors()[0].message,
        "there is no global named `missing`"
    );
}

#[test]
fn a_panic_is_caught_in_the_cell_and_reported() {
    let mut vm = Vm::new();
    let code = run(&mut vm, |ctx| {
        ctx.stdout("partial\n")?;
        panic!("index out of range");
    });
    assert_eq!(code, CELL_FAILED);
    assert_eq!(vm.drain_output(), [OutputEvent::Stdout("partial\n".into())]);
    let errors = vm.take_errors();
    assert_eq!(errors[0].message, "the cell panicked: index out of range");
    // The VM goes on.
    assert_eq!(run(&mut vm, |ctx| Ok(ctx.set_bool("ok", true)?)), CELL_OK);
}

#[test]
fn a_context_of_another_abi_is_refused_before_the_cell_runs() {
    let mut vm = Vm::new();
    let context = vm.context();
    // SAFETY: read a live context, to send on a copy with other versions.
    let good = unsafe { *context.as_ptr() };
    // Nothing may reach the VM through the copies: the host pointer is null.
    let good = kayton_api::KaytonContext {
        host: std::ptr::null_mut(),
        ..good
    };
    for (abi_version, vtable_size) in [
        (good.abi_version + 1, good.vtable_size),
        (good.abi_version, good.vtable_size - 8),
    ] {
        let other = kayton_api::KaytonContext {
            abi_version,
            vtable_size,
            ..good
        };
        let mut ran = false;
        // SAFETY: the frozen fields are readable; the rest is never read.
        let code = unsafe {
            run_cell(&other, |_| {
                ran = true;
                Ok(())
            })
        };
        assert_eq!((code, ran), (CELL_REFUSED_CONTEXT, false));
    }
}
