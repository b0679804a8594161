//! `str`, string slices: what `String` derefs to, so most string methods
//! live here. Patterns are `&str` (std's `Pattern` also takes `char` and
//! closures; Keyton has no char literals).

use crate::error::Error;
use crate::fmt::{Debug, Display};
use crate::hash::Hash;
use crate::ops::{Index, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo};

/// Parsing a value from text: `"42".parse::<i64>()`.
pub trait FromStr: Sized {
    type Err;
    fn from_str(s: &str) -> Result<Self, Self::Err>;
}

pub struct ParseBoolError;
impl Clone for ParseBoolError {}
impl Debug for ParseBoolError {}
impl Display for ParseBoolError {}
impl Error for ParseBoolError {}

pub struct Utf8Error;
impl Clone for Utf8Error {}
impl Copy for Utf8Error {}
impl Debug for Utf8Error {}
impl Display for Utf8Error {}
impl Error for Utf8Error {}

pub fn from_utf8(v: &[u8]) -> Result<&str, Utf8Error> {}

impl str {
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn is_char_boundary(&self, index: usize) -> bool {}
    pub fn as_bytes(&self) -> &[u8] {}
    pub fn split_at(&self, mid: usize) -> (&str, &str) {}
    pub fn chars(&self) -> impl Iterator<Item = char> + DoubleEndedIterator {}
    pub fn char_indices(&self) -> impl Iterator<Item = (usize, char)> + DoubleEndedIterator {}
    pub fn bytes(&self) -> impl Iterator<Item = u8> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn split_whitespace(&self) -> impl Iterator<Item = &str> + DoubleEndedIterator {}
    pub fn split_ascii_whitespace(&self) -> impl Iterator<Item = &str> + DoubleEndedIterator {}
    pub fn lines(&self) -> impl Iterator<Item = &str> + DoubleEndedIterator {}
    pub fn contains(&self, pat: &str) -> bool {}
    pub fn starts_with(&self, pat: &str) -> bool {}
    pub fn ends_with(&self, pat: &str) -> bool {}
    pub fn find(&self, pat: &str) -> Option<usize> {}
    pub fn rfind(&self, pat: &str) -> Option<usize> {}
    pub fn split(&self, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn split_inclusive(&self, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn rsplit(&self, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn split_terminator(&self, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn splitn(&self, n: usize, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn rsplitn(&self, n: usize, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn split_once(&self, delimiter: &str) -> Option<(&str, &str)> {}
    pub fn rsplit_once(&self, delimiter: &str) -> Option<(&str, &str)> {}
    pub fn matches(&self, pat: &str) -> impl Iterator<Item = &str> {}
    pub fn match_indices(&self, pat: &str) -> impl Iterator<Item = (usize, &str)> {}
    pub fn trim(&self) -> &str {}
    pub fn trim_start(&self) -> &str {}
    pub fn trim_end(&self) -> &str {}
    pub fn trim_start_matches(&self, pat: &str) -> &str {}
    pub fn trim_end_matches(&self, pat: &str) -> &str {}
    pub fn strip_prefix(&self, prefix: &str) -> Option<&str> {}
    pub fn strip_suffix(&self, suffix: &str) -> Option<&str> {}
    pub fn parse<F: FromStr>(&self) -> Result<F, F::Err> {}
    pub fn is_ascii(&self) -> bool {}
    pub fn eq_ignore_ascii_case(&self, other: &str) -> bool {}
    pub fn replace(&self, from: &str, to: &str) -> String {}
    pub fn replacen(&self, pat: &str, to: &str, count: usize) -> String {}
    pub fn to_lowercase(&self) -> String {}
    pub fn to_uppercase(&self) -> String {}
    pub fn to_ascii_uppercase(&self) -> String {}
    pub fn to_ascii_lowercase(&self) -> String {}
    pub fn repeat(&self, n: usize) -> String {}
    pub fn get(&self, range: Range<usize>) -> Option<&str> {}
}

impl Display for str {}
impl Debug for str {}
impl Hash for str {}
impl PartialEq for str {}
impl Eq for str {}
impl PartialOrd for str {}
impl Ord for str {}
impl AsRef<str> for str {}
impl AsRef<[u8]> for str {}
impl Default for &str {}
impl Index<Range<usize>> for str {
    type Output = str;
}
impl Index<RangeFrom<usize>> for str {
    type Output = str;
}
impl Index<RangeTo<usize>> for str {
    type Output = str;
}
impl Index<RangeInclusive<usize>> for str {
    type Output = str;
}
impl Index<RangeFull> for str {
    type Output = str;
}

/// The pieces between matches of a pattern, by the name crates' signatures
/// use (url's `path_segments`); Keyton's own `split` calls see `impl Iterator`.
pub struct Split<'a, P>;
impl<'a, P> Iterator for Split<'a, P> {
    type Item = &'a str;
}
impl<'a, P> Clone for Split<'a, P> {}
impl<'a, P> Debug for Split<'a, P> {}
