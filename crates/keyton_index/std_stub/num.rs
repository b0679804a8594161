//! Errors of number parsing and conversion.

use crate::error::Error;
use crate::fmt::{Debug, Display};

pub struct ParseIntError;
impl ParseIntError {
    pub fn kind(&self) -> &IntErrorKind {}
}
impl Debug for ParseIntError {}
impl Display for ParseIntError {}
impl Error for ParseIntError {}
impl Clone for ParseIntError {}
impl PartialEq for ParseIntError {}
impl Eq for ParseIntError {}

pub enum IntErrorKind {
    Empty,
    InvalidDigit,
    PosOverflow,
    NegOverflow,
    Zero,
}
impl Debug for IntErrorKind {}
impl Clone for IntErrorKind {}
impl PartialEq for IntErrorKind {}
impl Eq for IntErrorKind {}

pub struct ParseFloatError;
impl Debug for ParseFloatError {}
impl Display for ParseFloatError {}
impl Error for ParseFloatError {}
impl Clone for ParseFloatError {}
impl PartialEq for ParseFloatError {}

pub struct TryFromIntError;
impl Debug for TryFromIntError {}
impl Display for TryFromIntError {}
impl Error for TryFromIntError {}
impl Clone for TryFromIntError {}
impl Copy for TryFromIntError {}
impl PartialEq for TryFromIntError {}
