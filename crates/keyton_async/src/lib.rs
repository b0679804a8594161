//! The tokio runtime of a Keyton session.
//!
//! Crates built on tokio (reqwest, ...) need its runtime around their
//! futures. A session's deps layer that first brings tokio also gets this
//! crate, and the session calls [`keyton_async_install`] once the layer is
//! loaded: from then on `keyton_rt::block_on`, which generated code calls
//! to await a future, runs every future on one multi-threaded runtime that
//! lives as long as the process (it is in a deps dylib, never unloaded).
//!
//! This crate depends on `keyton_rt` and tokio only, and its source is
//! embedded in the `keyton` binary (the session writes it into its cargo
//! workspace), so keep it to one file.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use tokio::runtime::{Builder, Runtime};

/// The session's runtime, made on first use.
fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        Builder::new_multi_thread()
            .enable_all()
            .thread_name("keyton-async")
            .build()
            .unwrap_or_else(|e| keyton_rt::fail(format!("cannot start tokio's runtime: {e}"), None))
    })
}

/// Run one awaited future to completion on the session's runtime.
fn run(task: Pin<&mut dyn Future<Output = ()>>) {
    runtime().block_on(task);
}

/// Make `keyton_rt::block_on` use the session's tokio runtime. Exported
/// under a fixed name: the session finds it in the layer's dylib.
#[unsafe(no_mangle)]
pub extern "C" fn keyton_async_install() {
    keyton_rt::set_executor(run);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn futures_that_need_tokio_run_once_installed() {
        keyton_async_install();
        let slept = keyton_rt::block_on(async {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            "slept"
        });
        assert_eq!(slept, "slept");
        let listener = keyton_rt::block_on(tokio::net::TcpListener::bind("127.0.0.1:0"));
        assert!(listener.is_ok());
    }
}
