//! Awaiting futures: a call of an `async fn` (or one giving `impl Future`)
//! in Keyton code waits for its result right there, through [`block_on`].
//!
//! Crates built on tokio need tokio's runtime around their futures; the
//! session installs one (see `keyton_async`, a companion crate added to the
//! deps layer that brings tokio) with [`set_executor`], and from then on
//! every `block_on` in the process runs on it. Without one, futures run on
//! a small executor of std alone: enough for futures that need no reactor.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Runs a future to completion (an executor with a reactor, e.g. tokio's).
pub type Executor = fn(Pin<&mut dyn Future<Output = ()>>);

static EXECUTOR: OnceLock<Executor> = OnceLock::new();

/// Install the executor every later [`block_on`] uses; the first one
/// installed stays.
pub fn set_executor(executor: Executor) {
    let _ = EXECUTOR.set(executor);
}

/// A script linked against a deps layer that brought tokio has that
/// layer's `keyton_async` loaded: install its runtime, as a session does.
/// (Found by name among the loaded libraries, since this crate cannot name
/// it: it is built before any crate is imported.)
pub(crate) fn install_linked_executor() {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::{c_char, c_void};
        unsafe extern "C" {
            fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
        }
        // SAFETY: RTLD_DEFAULT (null on Linux) searches the loaded
        // libraries; the name is a NUL-terminated literal.
        let install = unsafe { dlsym(std::ptr::null_mut(), c"keyton_async_install".as_ptr()) };
        if !install.is_null() {
            // SAFETY: keyton_async exports it as `extern "C" fn()`.
            let install: extern "C" fn() = unsafe { std::mem::transmute(install) };
            install();
        }
    }
}

/// Wait for `future`'s result.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut output = None;
    {
        let mut task = pin!(async {
            output = Some(future.await);
        });
        match EXECUTOR.get() {
            Some(run) => run(task.as_mut()),
            None => run_on_this_thread(task.as_mut()),
        }
    }
    match output {
        Some(output) => output,
        None => crate::fail("the awaited computation did not finish", None),
    }
}

/// Poll on this thread, parking it until the future's waker is woken.
fn run_on_this_thread(mut task: Pin<&mut dyn Future<Output = ()>>) {
    let signal = std::sync::Arc::new(Signal {
        thread: thread::current(),
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(signal.clone());
    let mut cx = Context::from_waker(&waker);
    while task.as_mut().poll(&mut cx) == Poll::Pending {
        while !signal.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
    }
}

struct Signal {
    thread: Thread,
    woken: AtomicBool,
}

impl Wake for Signal {
    fn wake(self: std::sync::Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &std::sync::Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_and_pending_futures_finish_on_this_thread() {
        assert_eq!(block_on(async { 40 + 2 }), 42);
        // A future that is pending once and wakes itself from another thread.
        let value = block_on(async {
            let (tx, rx) = std::sync::mpsc::channel::<i64>();
            let mut started = false;
            std::future::poll_fn(move |cx| {
                if !started {
                    started = true;
                    let (waker, tx) = (cx.waker().clone(), tx.clone());
                    thread::spawn(move || {
                        tx.send(7).unwrap();
                        waker.wake();
                    });
                    return Poll::Pending;
                }
                Poll::Ready(rx.recv().unwrap())
            })
            .await
        });
        assert_eq!(value, 7);
    }
}
