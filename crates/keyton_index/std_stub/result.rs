//! `Result<T, E>`: a value or an error.

use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::Deref;

pub enum Result<T, E> {
    Ok(T),
    Err(E),
}
pub use self::Result::{Err, Ok};

impl<T, E> Result<T, E> {
    pub fn is_ok(&self) -> bool {}
    pub fn is_ok_and<F: FnOnce(T) -> bool>(self, f: F) -> bool {}
    pub fn is_err(&self) -> bool {}
    pub fn is_err_and<F: FnOnce(E) -> bool>(self, f: F) -> bool {}
    pub fn ok(self) -> Option<T> {}
    pub fn err(self) -> Option<E> {}
    pub fn as_ref(&self) -> Result<&T, &E> {}
    pub fn as_mut(&mut self) -> Result<&mut T, &mut E> {}
    pub fn as_deref(&self) -> Result<&T::Target, &E> where T: Deref {}
    pub fn map<U, F: FnOnce(T) -> U>(self, op: F) -> Result<U, E> {}
    pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U {}
    pub fn map_or_else<U, D: FnOnce(E) -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U {}
    pub fn map_err<F, O: FnOnce(E) -> F>(self, op: O) -> Result<T, F> {}
    pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Result<T, E> {}
    pub fn inspect_err<F: FnOnce(&E)>(self, f: F) -> Result<T, E> {}
    pub fn iter(&self) -> impl Iterator<Item = &T> + DoubleEndedIterator {}
    pub fn expect(self, msg: &str) -> T where E: Debug {}
    pub fn unwrap(self) -> T where E: Debug {}
    pub fn unwrap_or_default(self) -> T where T: Default {}
    pub fn expect_err(self, msg: &str) -> E where T: Debug {}
    pub fn unwrap_err(self) -> E where T: Debug {}
    pub fn and<U>(self, res: Result<U, E>) -> Result<U, E> {}
    pub fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, op: F) -> Result<U, E> {}
    pub fn or<F>(self, res: Result<T, F>) -> Result<T, F> {}
    pub fn or_else<F, O: FnOnce(E) -> Result<T, F>>(self, op: O) -> Result<T, F> {}
    pub fn unwrap_or(self, default: T) -> T {}
    pub fn unwrap_or_else<F: FnOnce(E) -> T>(self, op: F) -> T {}
}

impl<T, E> Result<Option<T>, E> {
    pub fn transpose(self) -> Option<Result<T, E>> {}
}

impl<T: Clone, E: Clone> Clone for Result<T, E> {}
impl<T: Copy, E: Copy> Copy for Result<T, E> {}
impl<T: Debug, E: Debug> Debug for Result<T, E> {}
impl<T: PartialEq, E: PartialEq> PartialEq for Result<T, E> {}
impl<T: Eq, E: Eq> Eq for Result<T, E> {}
impl<T: PartialOrd, E: PartialOrd> PartialOrd for Result<T, E> {}
impl<T: Ord, E: Ord> Ord for Result<T, E> {}
impl<T: Hash, E: Hash> Hash for Result<T, E> {}
impl<T, E> IntoIterator for Result<T, E> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T> + DoubleEndedIterator;
}
impl<A, E, V: FromIterator<A>> FromIterator<Result<A, E>> for Result<V, E> {}
