//! The deps dylib in a fresh cache: built once by cargo when two callers
//! ask at the same moment (as two test processes would), and then found
//! without building.

use keyton_compiler::{Cache, Toolchain};
use keyton_session::DepsDylib;
use std::time::{Duration, Instant};

#[test]
fn concurrent_ensures_build_once_and_agree() {
    let root = tempfile::tempdir().unwrap();
    let cache = Cache::at(root.path());
    let toolchain = Toolchain::detect().unwrap();
    let built: Vec<DepsDylib> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| DepsDylib::ensure(&cache, &toolchain)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap().unwrap())
            .collect()
    });
    assert_eq!(built[0].dylib(), built[1].dylib());
    assert!(built[0].dylib().is_file());
    assert!(built[0].dylib().starts_with(root.path()));
    assert!(built[0].rpath_dir().join("deps").is_dir());
    let rlib = std::fs::read_dir(built[0].dependency_dir())
        .unwrap()
        .flatten()
        .any(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("libkeyton_rt-")
        });
    assert!(rlib, "keyton_rt's rlib is where cells will look for it");
    // One workspace, keyed by what the build depends on.
    let workspaces = std::fs::read_dir(root.path().join("workspaces")).unwrap();
    assert_eq!(workspaces.count(), 1);

    // Built: a third call only checks the stamp.
    let start = Instant::now();
    let again = DepsDylib::ensure(&cache, &toolchain).unwrap();
    assert!(start.elapsed() < Duration::from_secs(1));
    assert_eq!(again.dylib(), built[0].dylib());
}
