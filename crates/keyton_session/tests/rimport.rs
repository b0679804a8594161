//! `rimport` for real: layers built by cargo in a cache of the test's own
//! (the local crates of tests/fixtures, and `itoa` from crates.io), and
//! hand-written cells that call the imported crates, built by the session's
//! `CellBuilder` and run by a `kayton_vm::Vm`.

use kayton_vm::{CellOutcome, Value, Vm};
use keyton_compiler::Cache;
use keyton_session::{CrateRequest, ImportedCrate, Options, RimportError, Session};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .canonicalize()
        .unwrap()
}

fn start(cache: &Path) -> Session {
    Session::start(Options {
        cache: Cache::at(cache),
        dir: cache.to_path_buf(),
    })
    .unwrap()
}

/// `rimport`, timed, with cargo's status lines collected.
fn rimport(session: &mut Session, request: CrateRequest) -> Result<ImportedCrate, RimportError> {
    let start = Instant::now();
    let mut lines = Vec::new();
    let result = session.rimport(&request, &mut |line| lines.push(line.to_string()));
    eprintln!(
        "rimport {request}: {:.2} s, {} status lines{}",
        start.elapsed().as_secs_f64(),
        lines.len(),
        lines
            .iter()
            .filter(|l| l.starts_with("Compiling"))
            .map(|l| format!("\n  {l}"))
            .collect::<String>()
    );
    result
}

/// Build `body` (the statements of a cell, with `ctx` in scope) as a cell
/// of `session` that links the newest layer, run it in `vm`.
fn run_cell(session: &Session, vm: &mut Vm, name: &str, body: &str) {
    let externs: String = session
        .extern_crates()
        .iter()
        .map(|name| format!("extern crate {name};\n"))
        .collect();
    let source = format!(
        "{externs}extern crate keyton_deps;\n\
         keyton_deps::kayton_api::keyton_cell!(|ctx: &mut keyton_deps::kayton_api::Ctx<'_>| {{\n\
         {body}\n    Ok(())\n}});\n"
    );
    let library = session.builder().build(name, &source, &[]).unwrap();
    let cell = vm.load_cell(&library).unwrap();
    assert_eq!(vm.run_cell(cell), CellOutcome::Completed, "{name}");
    assert!(vm.take_errors().is_empty());
}

fn i64_global(vm: &Vm, name: &str) -> Option<i64> {
    match vm.get(name) {
        Some(Value::I64(n)) => Some(*n),
        _ => None,
    }
}

/// The dynamic symbols of `library` that contain `part`: (kind, name).
fn dynamic_symbols(library: &Path, part: &str) -> Vec<(String, String)> {
    let output = Command::new("nm").arg("-D").arg(library).output().unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains(part))
        .filter_map(|line| {
            let mut words = line.split_whitespace().rev();
            let name = words.next()?.to_string();
            let kind = words.next()?.to_string();
            Some((kind, name))
        })
        .collect()
}

#[test]
fn layers_keep_one_copy_of_each_crate_and_its_statics() {
    let cache = tempfile::tempdir().unwrap();
    let mut session = start(cache.path());
    let mut vm = Vm::new();

    let counter = rimport(
        &mut session,
        CrateRequest::new("counter").path(fixture("counter")),
    )
    .unwrap();
    assert_eq!(counter.lib_name, "counter");
    assert_eq!(counter.version, "0.1.0");
    assert!(counter.rlib.is_file(), "{}", counter.rlib.display());
    assert!(counter.layer_dylib.is_file());
    let libraries: Vec<&str> = counter
        .libraries
        .iter()
        .map(|l| l.lib_name.as_str())
        .collect();
    assert_eq!(libraries, ["counter", "kayton_api", "keyton_rt"]);
    assert_eq!(
        session.extern_crates(),
        std::slice::from_ref(&counter.layer)
    );
    run_cell(
        &session,
        &mut vm,
        "cell_1",
        r#"
    use ::counter::Signed;
    ctx.set_i64("first", ::counter::bump())?;
    let p = ::counter::Point::new(3.0, 4.0);
    ctx.set_i64("norm", p.norm() as i64 + p.x as i64)?;
    ctx.set_i64("sign", ::counter::Direction::Down.sign())?;
    ctx.set_i64("largest", ::counter::largest(&[3_i64, 9, 4]).unwrap_or(0))?;"#,
    );
    assert_eq!(i64_global(&vm, "first"), Some(1));
    assert_eq!(i64_global(&vm, "norm"), Some(8));
    assert_eq!(i64_global(&vm, "sign"), Some(-1));
    assert_eq!(i64_global(&vm, "largest"), Some(9));

    // Layer 3, from crates.io; counter is still layer 2's.
    let itoa = rimport(&mut session, CrateRequest::new("itoa").version("1")).unwrap();
    assert_eq!(itoa.lib_name, "itoa");
    assert_ne!(itoa.layer, counter.layer);
    assert_eq!(session.extern_crates(), std::slice::from_ref(&itoa.layer));
    run_cell(
        &session,
        &mut vm,
        "cell_2",
        r#"
    ctx.set_i64("second", ::counter::bump())?;
    let mut buffer = ::itoa::Buffer::new();
    ctx.set_i64("digits", buffer.format(123_456_i64).len() as i64)?;"#,
    );
    assert_eq!(i64_global(&vm, "second"), Some(2), "one counter, not two");
    assert_eq!(i64_global(&vm, "digits"), Some(6));

    // Layer 4 depends on counter, which layer 2 holds: it takes counter's
    // symbols from there (undefined in layer 4), so its bumps count too.
    let user = rimport(
        &mut session,
        CrateRequest::new("counter_user").path(fixture("counter_user")),
    )
    .unwrap();
    // counter's static is defined in layer 2, and only referred to by
    // layer 4, whose `bump_twice` (not inlined) bumps it.
    let in_layer_2 = dynamic_symbols(&counter.layer_dylib, "7counter5COUNT");
    assert!(
        in_layer_2
            .iter()
            .any(|(kind, _)| kind == "B" || kind == "D"),
        "layer 2 defines counter::COUNT: {in_layer_2:?}"
    );
    let bump_twice = dynamic_symbols(&user.layer_dylib, "10bump_twice");
    assert!(
        bump_twice.iter().any(|(kind, _)| kind == "T"),
        "layer 4 defines counter_user::bump_twice: {bump_twice:?}"
    );
    let in_layer_4 = dynamic_symbols(&user.layer_dylib, "7counter");
    assert!(
        in_layer_4
            .iter()
            .any(|(_, name)| name.contains("7counter5COUNT")),
        "layer 4 uses counter::COUNT: {in_layer_4:?}"
    );
    assert!(
        in_layer_4.iter().all(|(kind, _)| kind == "U"),
        "layer 4 takes counter from layer 2: {in_layer_4:?}"
    );
    run_cell(
        &session,
        &mut vm,
        "cell_3",
        r#"
    ctx.set_i64("twice", ::counter_user::bump_twice())?;
    ctx.set_i64("count", ::counter::count())?;"#,
    );
    assert_eq!(i64_global(&vm, "twice"), Some(4));
    assert_eq!(i64_global(&vm, "count"), Some(4));

    // Importing a crate again changes nothing but the alias.
    let again = rimport(
        &mut session,
        CrateRequest::new("itoa").version("1").alias("numbers"),
    )
    .unwrap();
    assert_eq!(again.alias.as_deref(), Some("numbers"));
    assert_eq!(again.rlib, itoa.rlib);
    assert_eq!(session.extern_crates(), std::slice::from_ref(&user.layer));
    assert_eq!(session.imported().count(), 3);
}

/// The workspace files a failed import must leave as they were.
fn workspace_state(session_cache: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let workspaces = session_cache.join("workspaces");
    let mut state = Vec::new();
    for workspace in std::fs::read_dir(workspaces).unwrap().flatten() {
        for name in ["Cargo.toml", "Cargo.lock"] {
            let path = workspace.path().join(name);
            state.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
        }
        let layers = workspace.path().join("layers");
        for layer in std::fs::read_dir(layers).into_iter().flatten().flatten() {
            state.push((layer.path(), Vec::new()));
        }
    }
    state.sort();
    state
}

#[test]
fn failed_imports_leave_no_trace_and_say_why_briefly() {
    let cache = tempfile::tempdir().unwrap();
    let mut session = start(cache.path());
    rimport(
        &mut session,
        CrateRequest::new("counter").path(fixture("counter")),
    )
    .unwrap();
    let before = workspace_state(cache.path());
    let extern_crates = session.extern_crates();

    let brief = |error: &RimportError| {
        let text = error.to_string();
        eprintln!("{text}\n");
        assert!(text.lines().count() <= 16, "{text}");
        text
    };
    let unknown = CrateRequest::new("keyton-no-such-crate-7f3e");
    let error = rimport(&mut session, unknown).unwrap_err();
    assert!(brief(&error).contains("no matching package named"));
    assert_eq!(workspace_state(cache.path()), before);

    let bad_version = CrateRequest::new("itoa").version("999.0");
    let error = rimport(&mut session, bad_version).unwrap_err();
    assert!(brief(&error).contains("itoa"));
    assert_eq!(workspace_state(cache.path()), before);

    let bad_feature = CrateRequest::new("itoa").features(["no-such-feature"]);
    let error = rimport(&mut session, bad_feature).unwrap_err();
    assert!(brief(&error).contains("no-such-feature"));
    assert_eq!(workspace_state(cache.path()), before);

    // counter_user[loud] turns on a feature of counter, which layer 2
    // built without it: refused before anything is built.
    let loud = CrateRequest::new("counter_user")
        .path(fixture("counter_user"))
        .features(["loud"]);
    let error = rimport(&mut session, loud).unwrap_err();
    let RimportError::ChangesEarlier { changed, .. } = &error else {
        panic!("{error}");
    };
    assert!(changed[0].starts_with("counter v0.1.0"), "{changed:?}");
    assert!(brief(&error).contains("loud"));
    assert_eq!(workspace_state(cache.path()), before);

    let relative = CrateRequest::new("counter").path("../counter");
    let error = rimport(&mut session, relative).unwrap_err();
    assert!(matches!(error, RimportError::Request(_)), "{error}");

    assert_eq!(session.extern_crates(), extern_crates);
    assert_eq!(session.imported().count(), 1);

    // bitflags, which flags depends on, is there as flags' layer built it:
    // importing it builds nothing and adds no layer; asking it for a
    // feature that build lacks is refused, saying what the session has.
    let flags = rimport(
        &mut session,
        CrateRequest::new("flags").path(fixture("flags")),
    )
    .unwrap();
    let before = workspace_state(cache.path());
    let extern_crates = session.extern_crates();
    let bitflags = rimport(&mut session, CrateRequest::new("bitflags")).unwrap();
    assert_eq!(
        (&bitflags.layer, &bitflags.lib_name),
        (&flags.layer, &"bitflags".to_string())
    );
    assert!(bitflags.rlib.is_file());
    assert_eq!(session.extern_crates(), extern_crates);
    let std_feature = CrateRequest::new("bitflags").features(["std"]);
    let error = rimport(&mut session, std_feature).unwrap_err();
    let RimportError::ChangesEarlier { built, .. } = &error else {
        panic!("{error}");
    };
    assert!(built[0].starts_with("bitflags v2."), "{built:?}");
    assert!(brief(&error).contains("note: earlier imports built bitflags v2."));
    assert_eq!(workspace_state(cache.path()), before);
    assert_eq!(session.imported().count(), 3);
    // The session goes on: a good import works.
    let itoa = rimport(&mut session, CrateRequest::new("itoa")).unwrap();
    assert_eq!(session.extern_crates(), [itoa.layer]);
}

#[test]
fn a_second_session_finds_the_layers_built() {
    let cache = tempfile::tempdir().unwrap();
    let requests = [
        CrateRequest::new("itoa"),
        CrateRequest::new("counter").path(fixture("counter")),
    ];
    let mut first = start(cache.path());
    let built: Vec<ImportedCrate> = requests
        .iter()
        .map(|request| rimport(&mut first, request.clone()).unwrap())
        .collect();
    drop(first);
    // As after a kernel restart: the same imports in the same order.
    let mut second = start(cache.path());
    for (request, built) in requests.iter().zip(&built) {
        let start = Instant::now();
        let found = rimport(&mut second, request.clone()).unwrap();
        eprintln!("  again: {:.3} s", start.elapsed().as_secs_f64());
        assert_eq!(&found, built);
    }
    // Another order is another chain.
    let mut third = start(cache.path());
    let counter = rimport(&mut third, requests[1].clone()).unwrap();
    assert_ne!(counter.layer, built[1].layer);
}

/// Two sessions of one cache importing the same crate at the same moment
/// (as two kernels would): one builds the layer, the other waits for the
/// workspace's lock and then finds it built.
#[test]
fn concurrent_imports_of_one_crate_build_it_once() {
    let cache = tempfile::tempdir().unwrap();
    drop(start(cache.path())); // layer 1 built before the race
    let imported: Vec<ImportedCrate> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut session = start(cache.path());
                    let request = CrateRequest::new("counter").path(fixture("counter"));
                    session.rimport(&request, &mut |_| {}).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(imported[0], imported[1]);
    let workspaces: Vec<_> = std::fs::read_dir(cache.path().join("workspaces"))
        .unwrap()
        .flatten()
        .collect();
    let layers = std::fs::read_dir(workspaces[0].path().join("layers")).unwrap();
    assert_eq!(layers.count(), 1);
}

/// A local crate edited between two sessions (as between kernel restarts):
/// the second session's import rebuilds it, and the layers above it are
/// rebuilt too rather than found stale, so cells see the new code.
#[test]
fn an_edited_local_crate_is_rebuilt_with_the_layers_above_it() {
    let cache = tempfile::tempdir().unwrap();
    let sources = tempfile::tempdir().unwrap();
    let counter = sources.path().join("counter");
    std::fs::create_dir_all(counter.join("src")).unwrap();
    for file in ["Cargo.toml", "src/lib.rs"] {
        std::fs::copy(fixture("counter").join(file), counter.join(file)).unwrap();
    }
    let requests = [
        CrateRequest::new("counter").path(&counter),
        CrateRequest::new("itoa"),
    ];
    let mut first = start(cache.path());
    for request in &requests {
        rimport(&mut first, request.clone()).unwrap();
    }
    drop(first);

    let lib_rs = counter.join("src/lib.rs");
    let source = std::fs::read_to_string(&lib_rs).unwrap();
    let edited = source.replace(
        "fetch_add(1, Ordering::SeqCst) + 1",
        "fetch_add(10, Ordering::SeqCst) + 10",
    );
    assert_ne!(source, edited);

    // A compile error: the import fails with rustc's first lines, and the
    // built layers stay as they were.
    std::fs::write(
        &lib_rs,
        format!("{edited}\npub fn broken() -> i64 {{ \"text\" }}\n"),
    )
    .unwrap();
    let before = workspace_state(cache.path());
    let mut broken = start(cache.path());
    let error = rimport(&mut broken, requests[0].clone()).unwrap_err();
    let message = error.to_string();
    eprintln!("{message}");
    assert!(message.contains("mismatched types"), "{message}");
    assert!(message.lines().count() <= 16, "{message}");
    assert_eq!(workspace_state(cache.path()), before);
    drop(broken);

    std::fs::write(&lib_rs, edited).unwrap();

    let mut second = start(cache.path());
    for request in &requests {
        rimport(&mut second, request.clone()).unwrap();
    }
    let mut vm = Vm::new();
    run_cell(
        &second,
        &mut vm,
        "cell_1",
        r#"
    ctx.set_i64("bumped", ::counter::bump())?;
    ctx.set_i64("digits", ::itoa::Buffer::new().format(7_i64).len() as i64)?;"#,
    );
    assert_eq!(i64_global(&vm, "bumped"), Some(10));
    assert_eq!(i64_global(&vm, "digits"), Some(1));
}
