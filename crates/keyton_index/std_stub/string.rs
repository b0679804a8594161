//! `String`, the owned UTF-8 string, and `ToString`.

use crate::borrow::{Borrow, ToOwned};
use crate::convert::Infallible;
use crate::error::Error;
use crate::fmt::{self, Debug, Display};
use crate::hash::Hash;
use crate::ops::{
    Add, AddAssign, Deref, DerefMut, Index, IndexMut, Range, RangeBounds, RangeFrom, RangeFull, RangeInclusive,
    RangeTo,
};
use crate::str::FromStr;

pub struct String;

impl String {
    pub fn new() -> String {}
    pub fn with_capacity(capacity: usize) -> String {}
    pub fn from_utf8(vec: Vec<u8>) -> Result<String, FromUtf8Error> {}
    pub fn from_utf8_lossy(v: &[u8]) -> String {}
    pub fn into_bytes(self) -> Vec<u8> {}
    pub fn as_str(&self) -> &str {}
    pub fn as_mut_str(&mut self) -> &mut str {}
    pub fn push_str(&mut self, string: &str) {}
    pub fn capacity(&self) -> usize {}
    pub fn reserve(&mut self, additional: usize) {}
    pub fn shrink_to_fit(&mut self) {}
    pub fn push(&mut self, ch: char) {}
    pub fn truncate(&mut self, new_len: usize) {}
    pub fn pop(&mut self) -> Option<char> {}
    pub fn remove(&mut self, idx: usize) -> char {}
    pub fn retain<F: FnMut(char) -> bool>(&mut self, f: F) {}
    pub fn insert(&mut self, idx: usize, ch: char) {}
    pub fn insert_str(&mut self, idx: usize, string: &str) {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn split_off(&mut self, at: usize) -> String {}
    pub fn clear(&mut self) {}
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> impl Iterator<Item = char> + DoubleEndedIterator {}
    pub fn replace_range<R: RangeBounds<usize>>(&mut self, range: R, replace_with: &str) {}
}

pub struct FromUtf8Error;
impl FromUtf8Error {
    pub fn into_bytes(self) -> Vec<u8> {}
}
impl Clone for FromUtf8Error {}
impl Debug for FromUtf8Error {}
impl Display for FromUtf8Error {}
impl Error for FromUtf8Error {}

/// Anything with `Display` has `to_string()`.
pub trait ToString {
    fn to_string(&self) -> String;
}
impl<T: Display + ?Sized> ToString for T {}

impl Deref for String {
    type Target = str;
    fn deref(&self) -> &str {}
}
impl DerefMut for String {}
impl Clone for String {}
impl Default for String {}
impl Debug for String {}
impl Display for String {}
impl Hash for String {}
impl PartialEq for String {}
impl Eq for String {}
impl PartialOrd for String {}
impl Ord for String {}
impl PartialEq<str> for String {}
impl PartialEq<&str> for String {}
impl PartialEq<String> for str {}
impl PartialEq<String> for &str {}
impl FromStr for String {
    type Err = Infallible;
}
impl From<&str> for String {}
impl From<&mut str> for String {}
impl From<&String> for String {}
impl From<char> for String {}
impl From<Box<str>> for String {}
impl AsRef<str> for String {}
impl AsRef<[u8]> for String {}
impl AsMut<str> for String {}
impl Borrow<str> for String {}
impl ToOwned for str {
    type Owned = String;
    fn to_owned(&self) -> String {}
}
impl Add<&str> for String {
    type Output = String;
}
impl AddAssign<&str> for String {}
impl FromIterator<char> for String {}
impl<'a> FromIterator<&'a char> for String {}
impl<'a> FromIterator<&'a str> for String {}
impl FromIterator<String> for String {}
impl Extend<char> for String {}
impl<'a> Extend<&'a char> for String {}
impl<'a> Extend<&'a str> for String {}
impl Extend<String> for String {}
impl Index<Range<usize>> for String {
    type Output = str;
}
impl Index<RangeFrom<usize>> for String {
    type Output = str;
}
impl Index<RangeTo<usize>> for String {
    type Output = str;
}
impl Index<RangeInclusive<usize>> for String {
    type Output = str;
}
impl Index<RangeFull> for String {
    type Output = str;
}
impl IndexMut<Range<usize>> for String {}
impl fmt::Write for String {}
