//! `char`, a Unicode scalar value, and the `std::char` module.

use crate::error::Error;
use crate::fmt::{Debug, Display};

pub const MAX: char = '\u{10FFFF}';

pub fn from_u32(i: u32) -> Option<char> {}
pub fn from_digit(num: u32, radix: u32) -> Option<char> {}

pub struct ParseCharError;
impl Clone for ParseCharError {}
impl Debug for ParseCharError {}
impl Display for ParseCharError {}
impl Error for ParseCharError {}

impl char {
    pub const MAX: char = '\u{10FFFF}';
    pub fn from_u32(i: u32) -> Option<char> {}
    pub fn from_digit(num: u32, radix: u32) -> Option<char> {}
    pub fn is_digit(self, radix: u32) -> bool {}
    pub fn to_digit(self, radix: u32) -> Option<u32> {}
    pub fn len_utf8(self) -> usize {}
    pub fn is_alphabetic(self) -> bool {}
    pub fn is_lowercase(self) -> bool {}
    pub fn is_uppercase(self) -> bool {}
    pub fn is_whitespace(self) -> bool {}
    pub fn is_alphanumeric(self) -> bool {}
    pub fn is_control(self) -> bool {}
    pub fn is_numeric(self) -> bool {}
    pub fn to_lowercase(self) -> impl Iterator<Item = char> + DoubleEndedIterator + Display {}
    pub fn to_uppercase(self) -> impl Iterator<Item = char> + DoubleEndedIterator + Display {}
    pub fn is_ascii(&self) -> bool {}
    pub fn to_ascii_uppercase(&self) -> char {}
    pub fn to_ascii_lowercase(&self) -> char {}
    pub fn eq_ignore_ascii_case(&self, other: &char) -> bool {}
    pub fn make_ascii_uppercase(&mut self) {}
    pub fn make_ascii_lowercase(&mut self) {}
    pub fn is_ascii_alphabetic(&self) -> bool {}
    pub fn is_ascii_uppercase(&self) -> bool {}
    pub fn is_ascii_lowercase(&self) -> bool {}
    pub fn is_ascii_alphanumeric(&self) -> bool {}
    pub fn is_ascii_digit(&self) -> bool {}
    pub fn is_ascii_hexdigit(&self) -> bool {}
    pub fn is_ascii_punctuation(&self) -> bool {}
    pub fn is_ascii_whitespace(&self) -> bool {}
}

pub struct CharTryFromError;
impl Clone for CharTryFromError {}
impl Copy for CharTryFromError {}
impl Debug for CharTryFromError {}
impl Display for CharTryFromError {}
impl Error for CharTryFromError {}
