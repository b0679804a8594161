//! Errors on the cell side: [`ApiError`] for a refused vtable call (with the
//! host's message, so the user reads what went wrong, not a status code),
//! and [`CellError`] for what stops a cell, placed at a Keyton line.

use crate::abi::KStatus;
use std::fmt;

/// Why a call through the context was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// No global of that name.
    Missing,
    /// The global holds another kind of value.
    WrongKind,
    /// The dyn value was made with another type fingerprint.
    FingerprintMismatch,
    /// A kind id the host never gave out.
    UnknownKind,
    /// A null or misaligned pointer, or text that is not UTF-8.
    BadArgument,
    /// The host panicked inside the call.
    HostPanicked,
    /// The context was built against another ABI version or vtable.
    AbiMismatch,
    /// A status this build of `kayton_api` does not know.
    Unknown(i32),
}

impl ErrorKind {
    /// The kind of a status other than [`KStatus::OK`].
    pub fn from_status(status: KStatus) -> ErrorKind {
        match status {
            KStatus::MISSING => ErrorKind::Missing,
            KStatus::WRONG_KIND => ErrorKind::WrongKind,
            KStatus::FINGERPRINT_MISMATCH => ErrorKind::FingerprintMismatch,
            KStatus::UNKNOWN_KIND => ErrorKind::UnknownKind,
            KStatus::BAD_ARGUMENT => ErrorKind::BadArgument,
            KStatus::PANICKED => ErrorKind::HostPanicked,
            KStatus(code) => ErrorKind::Unknown(code),
        }
    }
}

/// A refused call: its kind and the host's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

/// What stops a cell: a message at a Keyton line and column (1-based;
/// 0 when unknown). `run_cell` reports it to the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub message: String,
    pub line: u32,
    pub col: u32,
}

impl CellError {
    /// An error at a Keyton position.
    pub fn at(message: impl fmt::Display, line: u32, col: u32) -> CellError {
        CellError {
            message: message.to_string(),
            line,
            col,
        }
    }
}

/// A refused call that generated code passed on with `?`: its position is
/// unknown here (generated code that knows it uses [`CellError::at`]).
impl From<ApiError> for CellError {
    fn from(error: ApiError) -> CellError {
        CellError::at(error.message, 0, 0)
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_kind_and_unknown_codes_stay_values() {
        let known = [
            (KStatus::MISSING, ErrorKind::Missing),
            (KStatus::WRONG_KIND, ErrorKind::WrongKind),
            (
                KStatus::FINGERPRINT_MISMATCH,
                ErrorKind::FingerprintMismatch,
            ),
            (KStatus::UNKNOWN_KIND, ErrorKind::UnknownKind),
            (KStatus::BAD_ARGUMENT, ErrorKind::BadArgument),
            (KStatus::PANICKED, ErrorKind::HostPanicked),
        ];
        for (status, kind) in known {
            assert_eq!(ErrorKind::from_status(status), kind);
        }
        assert_eq!(ErrorKind::from_status(KStatus(77)), ErrorKind::Unknown(77));
    }
}
