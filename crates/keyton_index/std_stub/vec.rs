//! `Vec<T>`, the growable array: Keyton's lists.

use crate::borrow::Borrow;
use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::{
    Deref, DerefMut, Index, IndexMut, Range, RangeBounds, RangeFrom, RangeFull, RangeInclusive, RangeTo,
};

pub struct Vec<T>;

impl<T> Vec<T> {
    pub fn new() -> Vec<T> {}
    pub fn with_capacity(capacity: usize) -> Vec<T> {}
    pub fn capacity(&self) -> usize {}
    pub fn reserve(&mut self, additional: usize) {}
    pub fn shrink_to_fit(&mut self) {}
    pub fn truncate(&mut self, len: usize) {}
    pub fn as_slice(&self) -> &[T] {}
    pub fn as_mut_slice(&mut self) -> &mut [T] {}
    pub fn swap_remove(&mut self, index: usize) -> T {}
    pub fn insert(&mut self, index: usize, element: T) {}
    pub fn remove(&mut self, index: usize) -> T {}
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F) {}
    pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, f: F) {}
    pub fn dedup_by_key<K: PartialEq, F: FnMut(&mut T) -> K>(&mut self, key: F) {}
    pub fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, same_bucket: F) {}
    pub fn push(&mut self, value: T) {}
    pub fn pop(&mut self) -> Option<T> {}
    pub fn pop_if<F: FnOnce(&mut T) -> bool>(&mut self, predicate: F) -> Option<T> {}
    pub fn append(&mut self, other: &mut Vec<T>) {}
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> impl Iterator<Item = T> + DoubleEndedIterator {}
    pub fn clear(&mut self) {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn split_off(&mut self, at: usize) -> Vec<T> {}
    pub fn resize_with<F: FnMut() -> T>(&mut self, new_len: usize, f: F) {}
    pub fn resize(&mut self, new_len: usize, value: T) where T: Clone {}
    pub fn extend_from_slice(&mut self, other: &[T]) where T: Clone {}
    pub fn dedup(&mut self) where T: PartialEq {}
}

impl<T> Deref for Vec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {}
}
impl<T> DerefMut for Vec<T> {}
impl<T> Index<usize> for Vec<T> {
    type Output = T;
}
impl<T> IndexMut<usize> for Vec<T> {}
impl<T> Index<Range<usize>> for Vec<T> {
    type Output = [T];
}
impl<T> Index<RangeFrom<usize>> for Vec<T> {
    type Output = [T];
}
impl<T> Index<RangeTo<usize>> for Vec<T> {
    type Output = [T];
}
impl<T> Index<RangeInclusive<usize>> for Vec<T> {
    type Output = [T];
}
impl<T> Index<RangeFull> for Vec<T> {
    type Output = [T];
}
impl<T> IntoIterator for Vec<T> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<'a, T> IntoIterator for &'a Vec<T> {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<'a, T> IntoIterator for &'a mut Vec<T> {
    type Item = &'a mut T;
    type IntoIter = impl Iterator<Item = &'a mut T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<T> FromIterator<T> for Vec<T> {}
impl<T> Extend<T> for Vec<T> {}
impl<'a, T: Copy> Extend<&'a T> for Vec<T> {}
impl<T: Clone> Clone for Vec<T> {}
impl<T: Debug> Debug for Vec<T> {}
impl<T> Default for Vec<T> {}
impl<T: PartialEq> PartialEq for Vec<T> {}
impl<T: PartialEq> PartialEq<[T]> for Vec<T> {}
impl<T: PartialEq> PartialEq<&[T]> for Vec<T> {}
impl<T: Eq> Eq for Vec<T> {}
impl<T: PartialOrd> PartialOrd for Vec<T> {}
impl<T: Ord> Ord for Vec<T> {}
impl<T: Hash> Hash for Vec<T> {}
impl<T> AsRef<[T]> for Vec<T> {}
impl<T> AsRef<Vec<T>> for Vec<T> {}
impl<T> AsMut<[T]> for Vec<T> {}
impl<T> Borrow<[T]> for Vec<T> {}
impl<T: Clone> From<&[T]> for Vec<T> {}
impl<T: Clone> From<&mut [T]> for Vec<T> {}
impl From<&str> for Vec<u8> {}
impl From<String> for Vec<u8> {}

/// The iterator a `Vec` turns into, by the name crates' signatures use
/// (itertools' `sorted`); Keyton's own `into_iter` calls see `impl Iterator`.
pub struct IntoIter<T>;
impl<T> Iterator for IntoIter<T> {
    type Item = T;
}
impl<T> crate::iter::DoubleEndedIterator for IntoIter<T> {}
impl<T> crate::iter::ExactSizeIterator for IntoIter<T> {}
impl<T: Clone> Clone for IntoIter<T> {}
impl<T: Debug> Debug for IntoIter<T> {}
