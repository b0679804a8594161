//! The Jupyter kernel, driven from Python through the real protocol, one
//! nextest test per file so they run in parallel:
//! - every `tests/jupyter/sessions/*.json` is one kernel session, run by
//!   `tests/jupyter/run_session.py` with `jupyter_client`: cells and the
//!   outputs each must produce;
//! - every `tests/notebooks/*.ipynb` is executed with `nbclient` by
//!   `tests/jupyter/run_notebook.py` and must reproduce its stored outputs;
//!   an HTTP server of the test's own runs on 127.0.0.1 meanwhile, its port
//!   in `KEYTON_TEST_HTTP_PORT` (a notebook's `{port}` placeholder, see
//!   `tests/jupyter/README.md`);
//! - every `tests/jupyter/test_*.py` is a `unittest` module (the protocol
//!   conformance suite of `jupyter_kernel_test`).

#[expect(dead_code, reason = "`run_script` is for the tests of scripts")]
mod common;
#[path = "common/http.rs"]
mod http;
#[path = "common/jupyter.rs"]
mod jupyter;
mod snapshot;

use datatest_stable::Utf8Path;
use jupyter::Jupyter;
use snapshot::failure;

fn absolute(path: &Utf8Path) -> datatest_stable::Result<std::path::PathBuf> {
    Ok(path.as_std_path().canonicalize()?)
}

fn session(path: &Utf8Path) -> datatest_stable::Result<()> {
    let jupyter = Jupyter::new().map_err(failure)?;
    let file = absolute(path)?;
    jupyter
        .run_python(["run_session.py".as_ref(), file.as_os_str()])
        .map_err(failure)
}

fn notebook(path: &Utf8Path) -> datatest_stable::Result<()> {
    let mut jupyter = Jupyter::new().map_err(failure)?;
    let file = absolute(path)?;
    let port = http::serve();
    jupyter
        .env("KEYTON_TEST_HTTP_PORT", port.to_string())
        .run_python(["run_notebook.py".as_ref(), file.as_os_str()])
        .map_err(failure)
}

fn unittest_module(path: &Utf8Path) -> datatest_stable::Result<()> {
    let jupyter = Jupyter::new().map_err(failure)?;
    let module = path.file_stem().ok_or("a module file name")?;
    jupyter
        .run_python(["-m", "unittest", "-v", module])
        .map_err(failure)
}

datatest_stable::harness! {
    { test = session, root = "../../tests/jupyter/sessions", pattern = r"\.json$" },
    { test = notebook, root = "../../tests/notebooks", pattern = r"\.ipynb$" },
    { test = unittest_module, root = "../../tests/jupyter", pattern = r"^test_[^/]*\.py$" },
}
