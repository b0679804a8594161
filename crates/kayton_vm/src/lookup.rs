//! Why a vtable call is refused: the lookups every entry shares, each
//! failing with a status and a message that names what was found and what
//! was wanted, so that the user reads a sentence rather than a code.

use crate::value::{DynValue, Fingerprint, KindId, Value};
use crate::{Vm, article};
use kayton_api::abi::KStatus;

/// Why a call was refused: its status and the message `last_error` gives.
pub(crate) struct Refusal {
    pub(crate) status: KStatus,
    pub(crate) message: String,
}

pub(crate) fn refuse(status: KStatus, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        message: message.into(),
    }
}

impl Vm {
    pub(crate) fn global(&self, name: &str) -> Result<&Value, Refusal> {
        self.globals.get(name).ok_or_else(|| {
            refuse(
                KStatus::MISSING,
                format!("there is no global named `{name}`"),
            )
        })
    }

    pub(crate) fn wrong_kind(&self, name: &str, value: &Value, wanted: &str) -> Refusal {
        let (held, article) = (self.describe(value), article(wanted));
        let message = format!("the global `{name}` is {held}, not {article} {wanted}");
        refuse(KStatus::WRONG_KIND, message)
    }

    pub(crate) fn known_kind(&self, id: u64) -> Result<(KindId, &Fingerprint), Refusal> {
        let kind = KindId(id);
        let fingerprint = self.fingerprint(kind).ok_or_else(|| {
            refuse(
                KStatus::UNKNOWN_KIND,
                format!("kind {id} was never registered with this session"),
            )
        })?;
        Ok((kind, fingerprint))
    }

    /// The dyn global `name`, if it is of kind `id`.
    pub(crate) fn dyn_value(&self, name: &str, id: u64) -> Result<&DynValue, Refusal> {
        let (kind, wanted) = self.known_kind(id)?;
        match self.global(name)? {
            Value::Dyn(value) if value.kind() == kind => Ok(value),
            Value::Dyn(value) => {
                let held = match self.fingerprint(value.kind()) {
                    Some(held) => held.to_string(),
                    None => "a value of an unknown kind".to_string(),
                };
                let message = format!(
                    "the global `{name}` holds a {held}, but this cell expects a {wanted}: \
                     the type changed since the value was made; run the cell that made it again"
                );
                Err(refuse(KStatus::FINGERPRINT_MISMATCH, message))
            }
            other => Err(self.wrong_kind(name, other, &wanted.type_path)),
        }
    }
}
