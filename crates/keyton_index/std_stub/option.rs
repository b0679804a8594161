//! `Option<T>`: a value or none.

use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::{Deref, DerefMut};

pub enum Option<T> {
    None,
    Some(T),
}
pub use self::Option::{None, Some};

impl<T> Option<T> {
    pub fn is_some(&self) -> bool {}
    pub fn is_some_and<F: FnOnce(T) -> bool>(self, f: F) -> bool {}
    pub fn is_none(&self) -> bool {}
    pub fn is_none_or<F: FnOnce(T) -> bool>(self, f: F) -> bool {}
    pub fn as_ref(&self) -> Option<&T> {}
    pub fn as_mut(&mut self) -> Option<&mut T> {}
    pub fn expect(self, msg: &str) -> T {}
    pub fn unwrap(self) -> T {}
    pub fn unwrap_or(self, default: T) -> T {}
    pub fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> T {}
    pub fn unwrap_or_default(self) -> T where T: Default {}
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Option<U> {}
    pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Option<T> {}
    pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U {}
    pub fn map_or_else<U, D: FnOnce() -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U {}
    pub fn ok_or<E>(self, err: E) -> Result<T, E> {}
    pub fn ok_or_else<E, F: FnOnce() -> E>(self, err: F) -> Result<T, E> {}
    pub fn as_deref(&self) -> Option<&T::Target> where T: Deref {}
    pub fn as_deref_mut(&mut self) -> Option<&mut T::Target> where T: DerefMut {}
    pub fn iter(&self) -> impl Iterator<Item = &T> + DoubleEndedIterator {}
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> + DoubleEndedIterator {}
    pub fn and<U>(self, optb: Option<U>) -> Option<U> {}
    pub fn and_then<U, F: FnOnce(T) -> Option<U>>(self, f: F) -> Option<U> {}
    pub fn filter<P: FnOnce(&T) -> bool>(self, predicate: P) -> Option<T> {}
    pub fn or(self, optb: Option<T>) -> Option<T> {}
    pub fn or_else<F: FnOnce() -> Option<T>>(self, f: F) -> Option<T> {}
    pub fn xor(self, optb: Option<T>) -> Option<T> {}
    pub fn insert(&mut self, value: T) -> &mut T {}
    pub fn get_or_insert(&mut self, value: T) -> &mut T {}
    pub fn get_or_insert_with<F: FnOnce() -> T>(&mut self, f: F) -> &mut T {}
    pub fn take(&mut self) -> Option<T> {}
    pub fn take_if<P: FnOnce(&mut T) -> bool>(&mut self, predicate: P) -> Option<T> {}
    pub fn replace(&mut self, value: T) -> Option<T> {}
    pub fn zip<U>(self, other: Option<U>) -> Option<(T, U)> {}
}

impl<T> Option<&T> {
    pub fn copied(self) -> Option<T> where T: Copy {}
    pub fn cloned(self) -> Option<T> where T: Clone {}
}

impl<T> Option<&mut T> {
    pub fn copied(self) -> Option<T> where T: Copy {}
    pub fn cloned(self) -> Option<T> where T: Clone {}
}

impl<T, E> Option<Result<T, E>> {
    pub fn transpose(self) -> Result<Option<T>, E> {}
}

impl<T> Option<Option<T>> {
    pub fn flatten(self) -> Option<T> {}
}

impl<T: Clone> Clone for Option<T> {}
impl<T: Copy> Copy for Option<T> {}
impl<T: Debug> Debug for Option<T> {}
impl<T> Default for Option<T> {}
impl<T: PartialEq> PartialEq for Option<T> {}
impl<T: Eq> Eq for Option<T> {}
impl<T: PartialOrd> PartialOrd for Option<T> {}
impl<T: Ord> Ord for Option<T> {}
impl<T: Hash> Hash for Option<T> {}
impl<T> From<T> for Option<T> {}
impl<T> IntoIterator for Option<T> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T> + DoubleEndedIterator;
}
impl<'a, T> IntoIterator for &'a Option<T> {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T> + DoubleEndedIterator;
}
impl<A, V: FromIterator<A>> FromIterator<Option<A>> for Option<V> {}
