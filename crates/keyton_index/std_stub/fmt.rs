//! Formatting: `Display` (`print`, f-strings) and `Debug` (`{:?}`).

use crate::error::Error as StdError;

pub type Result = crate::result::Result<(), Error>;

/// The error of a formatting operation.
pub struct Error;
impl Debug for Error {}
impl Display for Error {}
impl StdError for Error {}
impl Clone for Error {}
impl Copy for Error {}
impl Default for Error {}
impl PartialEq for Error {}

pub struct Formatter<'a>;
impl<'a> Formatter<'a> {
    pub fn write_str(&mut self, data: &str) -> Result {}
    pub fn alternate(&self) -> bool {}
    pub fn width(&self) -> Option<usize> {}
    pub fn precision(&self) -> Option<usize> {}
}

pub struct Arguments<'a>;
impl Clone for Arguments<'_> {}
impl Copy for Arguments<'_> {}
impl Debug for Arguments<'_> {}
impl Display for Arguments<'_> {}

pub trait Display {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

pub trait Debug {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

pub trait Write {
    fn write_str(&mut self, s: &str) -> Result;
    fn write_char(&mut self, c: char) -> Result {}
    fn write_fmt(&mut self, args: Arguments<'_>) -> Result {}
}

pub fn format(args: Arguments<'_>) -> String {}

impl<T: ?Sized + Display> Display for &T {}
impl<T: ?Sized + Display> Display for &mut T {}
impl<T: ?Sized + Debug> Debug for &T {}
impl<T: ?Sized + Debug> Debug for &mut T {}
impl Debug for () {}
impl<A: Debug, B: Debug> Debug for (A, B) {}
impl<A: Debug, B: Debug, C: Debug> Debug for (A, B, C) {}
impl<A: Debug, B: Debug, C: Debug, D: Debug> Debug for (A, B, C, D) {}
