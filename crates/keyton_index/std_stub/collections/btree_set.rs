//! `BTreeSet<T>`: a set sorted by value.

use crate::borrow::Borrow;
use crate::fmt::Debug;

pub struct BTreeSet<T>;

impl<T> BTreeSet<T> {
    pub fn new() -> BTreeSet<T> {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn clear(&mut self) {}
    pub fn iter(&self) -> impl Iterator<Item = &T> + DoubleEndedIterator {}
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F) {}
}

impl<T: Ord> BTreeSet<T> {
    pub fn insert(&mut self, value: T) -> bool {}
    pub fn replace(&mut self, value: T) -> Option<T> {}
    pub fn contains<Q: ?Sized + Ord>(&self, value: &Q) -> bool where T: Borrow<Q> {}
    pub fn get<Q: ?Sized + Ord>(&self, value: &Q) -> Option<&T> where T: Borrow<Q> {}
    pub fn remove<Q: ?Sized + Ord>(&mut self, value: &Q) -> bool where T: Borrow<Q> {}
    pub fn take<Q: ?Sized + Ord>(&mut self, value: &Q) -> Option<T> where T: Borrow<Q> {}
    pub fn union<'a>(&'a self, other: &'a BTreeSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn intersection<'a>(&'a self, other: &'a BTreeSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn difference<'a>(&'a self, other: &'a BTreeSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn symmetric_difference<'a>(&'a self, other: &'a BTreeSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn is_subset(&self, other: &BTreeSet<T>) -> bool {}
    pub fn is_superset(&self, other: &BTreeSet<T>) -> bool {}
    pub fn is_disjoint(&self, other: &BTreeSet<T>) -> bool {}
    pub fn first(&self) -> Option<&T> {}
    pub fn last(&self) -> Option<&T> {}
    pub fn pop_first(&mut self) -> Option<T> {}
    pub fn pop_last(&mut self) -> Option<T> {}
}

impl<T> IntoIterator for BTreeSet<T> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T> + DoubleEndedIterator;
}
impl<'a, T> IntoIterator for &'a BTreeSet<T> {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T> + DoubleEndedIterator;
}
impl<T: Ord> FromIterator<T> for BTreeSet<T> {}
impl<T: Clone> Clone for BTreeSet<T> {}
impl<T: Ord> Extend<T> for BTreeSet<T> {}
impl<'a, T: Ord + Copy> Extend<&'a T> for BTreeSet<T> {}
impl<T: Clone> Clone for BTreeSet<T> {}
impl<T: Debug> Debug for BTreeSet<T> {}
impl<T> Default for BTreeSet<T> {}
impl<T: Ord> PartialEq for BTreeSet<T> {}
impl<T: Ord> Eq for BTreeSet<T> {}
