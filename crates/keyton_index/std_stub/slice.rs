//! `[T]`, slices: what `Vec<T>` derefs to, so most list methods live here.

use crate::borrow::ToOwned;
use crate::cmp::Ordering;
use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::{Index, IndexMut, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo};

impl<T> [T] {
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn first(&self) -> Option<&T> {}
    pub fn first_mut(&mut self) -> Option<&mut T> {}
    pub fn last(&self) -> Option<&T> {}
    pub fn last_mut(&mut self) -> Option<&mut T> {}
    pub fn split_first(&self) -> Option<(&T, &[T])> {}
    pub fn split_last(&self) -> Option<(&T, &[T])> {}
    pub fn get(&self, index: usize) -> Option<&T> {}
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {}
    pub fn swap(&mut self, a: usize, b: usize) {}
    pub fn reverse(&mut self) {}
    pub fn iter(&self) -> impl Iterator<Item = &T> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn windows(&self, size: usize) -> impl Iterator<Item = &[T]> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn chunks(&self, chunk_size: usize) -> impl Iterator<Item = &[T]> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn chunks_mut(&mut self, chunk_size: usize) -> impl Iterator<Item = &mut [T]> + DoubleEndedIterator {}
    pub fn chunks_exact(&self, chunk_size: usize) -> impl Iterator<Item = &[T]> + DoubleEndedIterator {}
    pub fn split_at(&self, mid: usize) -> (&[T], &[T]) {}
    pub fn split_at_mut(&mut self, mid: usize) -> (&mut [T], &mut [T]) {}
    pub fn split<F: FnMut(&T) -> bool>(&self, pred: F) -> impl Iterator<Item = &[T]> + DoubleEndedIterator {}
    pub fn contains(&self, x: &T) -> bool where T: PartialEq {}
    pub fn starts_with(&self, needle: &[T]) -> bool where T: PartialEq {}
    pub fn ends_with(&self, needle: &[T]) -> bool where T: PartialEq {}
    pub fn binary_search(&self, x: &T) -> Result<usize, usize> where T: Ord {}
    pub fn binary_search_by<F: FnMut(&T) -> Ordering>(&self, f: F) -> Result<usize, usize> {}
    pub fn binary_search_by_key<B: Ord, F: FnMut(&T) -> B>(&self, b: &B, f: F) -> Result<usize, usize> {}
    pub fn partition_point<P: FnMut(&T) -> bool>(&self, pred: P) -> usize {}
    pub fn sort(&mut self) where T: Ord {}
    pub fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F) {}
    pub fn sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F) {}
    pub fn sort_by_cached_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F) {}
    pub fn sort_unstable(&mut self) where T: Ord {}
    pub fn sort_unstable_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F) {}
    pub fn sort_unstable_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F) {}
    pub fn is_sorted(&self) -> bool where T: PartialOrd {}
    pub fn rotate_left(&mut self, mid: usize) {}
    pub fn rotate_right(&mut self, k: usize) {}
    pub fn fill(&mut self, value: T) where T: Clone {}
    pub fn clone_from_slice(&mut self, src: &[T]) where T: Clone {}
    pub fn copy_from_slice(&mut self, src: &[T]) where T: Copy {}
    pub fn to_vec(&self) -> Vec<T> where T: Clone {}
    pub fn repeat(&self, n: usize) -> Vec<T> where T: Copy {}
}

impl [String] {
    pub fn concat(&self) -> String {}
    pub fn join(&self, sep: &str) -> String {}
}

impl [&str] {
    pub fn concat(&self) -> String {}
    pub fn join(&self, sep: &str) -> String {}
}

impl<T: Clone> [Vec<T>] {
    pub fn concat(&self) -> Vec<T> {}
    pub fn join(&self, sep: &[T]) -> Vec<T> {}
}

impl [u8] {
    pub fn is_ascii(&self) -> bool {}
    pub fn to_ascii_uppercase(&self) -> Vec<u8> {}
    pub fn to_ascii_lowercase(&self) -> Vec<u8> {}
    pub fn eq_ignore_ascii_case(&self, other: &[u8]) -> bool {}
}

impl<T> Index<usize> for [T] {
    type Output = T;
}
impl<T> IndexMut<usize> for [T] {}
impl<T> Index<Range<usize>> for [T] {
    type Output = [T];
}
impl<T> Index<RangeFrom<usize>> for [T] {
    type Output = [T];
}
impl<T> Index<RangeTo<usize>> for [T] {
    type Output = [T];
}
impl<T> Index<RangeInclusive<usize>> for [T] {
    type Output = [T];
}
impl<T> Index<RangeFull> for [T] {
    type Output = [T];
}
impl<'a, T> IntoIterator for &'a [T] {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<'a, T> IntoIterator for &'a mut [T] {
    type Item = &'a mut T;
    type IntoIter = impl Iterator<Item = &'a mut T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<T: Clone> ToOwned for [T] {
    type Owned = Vec<T>;
}
impl<T> AsRef<[T]> for [T] {}
impl<T> Default for &[T] {}
impl<T: Debug> Debug for [T] {}
impl<T: PartialEq> PartialEq for [T] {}
impl<T: PartialEq> PartialEq<Vec<T>> for [T] {}
impl<T: Eq> Eq for [T] {}
impl<T: PartialOrd> PartialOrd for [T] {}
impl<T: Ord> Ord for [T] {}
impl<T: Hash> Hash for [T] {}
