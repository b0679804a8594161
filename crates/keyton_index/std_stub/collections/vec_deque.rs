//! `VecDeque<T>`: a double-ended queue.

use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::{Index, IndexMut, RangeBounds};

pub struct VecDeque<T>;

impl<T> VecDeque<T> {
    pub fn new() -> VecDeque<T> {}
    pub fn with_capacity(capacity: usize) -> VecDeque<T> {}
    pub fn capacity(&self) -> usize {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn clear(&mut self) {}
    pub fn get(&self, index: usize) -> Option<&T> {}
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {}
    pub fn swap(&mut self, i: usize, j: usize) {}
    pub fn truncate(&mut self, len: usize) {}
    pub fn iter(&self) -> impl Iterator<Item = &T> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> + DoubleEndedIterator + ExactSizeIterator {}
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> impl Iterator<Item = T> + DoubleEndedIterator {}
    pub fn contains(&self, x: &T) -> bool where T: PartialEq {}
    pub fn front(&self) -> Option<&T> {}
    pub fn front_mut(&mut self) -> Option<&mut T> {}
    pub fn back(&self) -> Option<&T> {}
    pub fn back_mut(&mut self) -> Option<&mut T> {}
    pub fn pop_front(&mut self) -> Option<T> {}
    pub fn pop_back(&mut self) -> Option<T> {}
    pub fn push_front(&mut self, value: T) {}
    pub fn push_back(&mut self, value: T) {}
    pub fn insert(&mut self, index: usize, value: T) {}
    pub fn remove(&mut self, index: usize) -> Option<T> {}
    pub fn append(&mut self, other: &mut VecDeque<T>) {}
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F) {}
    pub fn rotate_left(&mut self, n: usize) {}
    pub fn rotate_right(&mut self, n: usize) {}
    pub fn make_contiguous(&mut self) -> &mut [T] {}
}

impl<T> Index<usize> for VecDeque<T> {
    type Output = T;
}
impl<T> IndexMut<usize> for VecDeque<T> {}
impl<T: Clone> Clone for VecDeque<T> {}
impl<T> IntoIterator for VecDeque<T> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<'a, T> IntoIterator for &'a VecDeque<T> {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<'a, T> IntoIterator for &'a mut VecDeque<T> {
    type Item = &'a mut T;
    type IntoIter = impl Iterator<Item = &'a mut T> + DoubleEndedIterator + ExactSizeIterator;
}
impl<T> FromIterator<T> for VecDeque<T> {}
impl<T> Extend<T> for VecDeque<T> {}
impl<T> From<Vec<T>> for VecDeque<T> {}
impl<T> From<VecDeque<T>> for Vec<T> {}
impl<T: Clone> Clone for VecDeque<T> {}
impl<T: Debug> Debug for VecDeque<T> {}
impl<T> Default for VecDeque<T> {}
impl<T: PartialEq> PartialEq for VecDeque<T> {}
impl<T: Eq> Eq for VecDeque<T> {}
impl<T: Hash> Hash for VecDeque<T> {}
