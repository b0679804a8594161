//! SIGINT, which Jupyter sends to interrupt (the kernelspec's
//! interrupt_mode is "signal"): it interrupts the running cell, never the
//! kernel. The handler is installed first thing, so a SIGINT that comes
//! while the kernel starts does not kill it either.

use crate::log::log;
use keyton_session::Interrupter;
use signal_hook::consts::SIGINT;
use signal_hook::iterator::Signals;
use std::io;

/// SIGINT caught from now on; [`Sigint::forward`] says what it does.
pub struct Sigint(Signals);

impl Sigint {
    pub fn catch() -> io::Result<Sigint> {
        Signals::new([SIGINT]).map(Sigint)
    }

    /// From now on each SIGINT interrupts the session's running cell.
    pub fn forward(mut self, interrupter: Interrupter) -> io::Result<()> {
        std::thread::Builder::new()
            .name("keyton-sigint".into())
            .spawn(move || {
                for _ in self.0.forever() {
                    log!("SIGINT: interrupting the running cell");
                    interrupter.interrupt();
                }
            })
            .map(drop)
    }
}
