//! Conversions: `From`/`Into`, `TryFrom`/`TryInto`, `AsRef`/`AsMut`.

use crate::error::Error;
use crate::fmt::{Debug, Display};
use crate::num::TryFromIntError;

pub trait From<T>: Sized {
    fn from(value: T) -> Self;
}

pub trait Into<T>: Sized {
    fn into(self) -> T;
}

pub trait TryFrom<T>: Sized {
    type Error;
    fn try_from(value: T) -> Result<Self, Self::Error>;
}

pub trait TryInto<T>: Sized {
    type Error;
    fn try_into(self) -> Result<T, Self::Error>;
}

pub trait AsRef<T: ?Sized> {
    fn as_ref(&self) -> &T;
}

pub trait AsMut<T: ?Sized> {
    fn as_mut(&mut self) -> &mut T;
}

/// The error that cannot happen.
pub enum Infallible {}
impl Debug for Infallible {}
impl Display for Infallible {}
impl Error for Infallible {}
impl Clone for Infallible {}
impl PartialEq for Infallible {}

impl<T> From<T> for T {}
impl<T, U: From<T>> Into<U> for T {}
impl<T, U: Into<T>> TryFrom<U> for T {
    type Error = Infallible;
}
impl<T, U: TryFrom<T>> TryInto<U> for T {
    type Error = U::Error;
}
impl<T: ?Sized + AsRef<U>, U: ?Sized> AsRef<U> for &T {}
impl<T: ?Sized + AsRef<U>, U: ?Sized> AsRef<U> for &mut T {}
impl<T: ?Sized + AsMut<U>, U: ?Sized> AsMut<U> for &mut T {}

// Lossless integer and float widenings.
impl From<i8> for i64 {}
impl From<i16> for i64 {}
impl From<i32> for i64 {}
impl From<u8> for i64 {}
impl From<u16> for i64 {}
impl From<u32> for i64 {}
impl From<bool> for i64 {}
impl From<i8> for i32 {}
impl From<i16> for i32 {}
impl From<u8> for i32 {}
impl From<u16> for i32 {}
impl From<u8> for u32 {}
impl From<u16> for u32 {}
impl From<char> for u32 {}
impl From<u8> for u64 {}
impl From<u16> for u64 {}
impl From<u32> for u64 {}
impl From<u8> for usize {}
impl From<u16> for usize {}
impl From<u8> for char {}
impl From<f32> for f64 {}
impl From<i8> for f64 {}
impl From<i16> for f64 {}
impl From<i32> for f64 {}
impl From<u8> for f64 {}
impl From<u16> for f64 {}
impl From<u32> for f64 {}

// Checked integer conversions.
impl TryFrom<i64> for i8 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for i16 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for i32 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for u8 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for u16 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for u32 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for u64 {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for usize {
    type Error = TryFromIntError;
}
impl TryFrom<i64> for isize {
    type Error = TryFromIntError;
}
impl TryFrom<u64> for i64 {
    type Error = TryFromIntError;
}
impl TryFrom<usize> for i64 {
    type Error = TryFromIntError;
}
impl TryFrom<isize> for i64 {
    type Error = TryFromIntError;
}
impl TryFrom<u128> for i64 {
    type Error = TryFromIntError;
}
impl TryFrom<i128> for i64 {
    type Error = TryFromIntError;
}
impl TryFrom<usize> for u32 {
    type Error = TryFromIntError;
}
impl TryFrom<usize> for i32 {
    type Error = TryFromIntError;
}
impl TryFrom<u32> for char {
    type Error = crate::char::CharTryFromError;
}
