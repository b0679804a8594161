//! `HashSet<T>`: a hash set; iteration order is unspecified.

use crate::borrow::Borrow;
use crate::fmt::Debug;
use crate::hash::Hash;

pub struct HashSet<T>;

impl<T> HashSet<T> {
    pub fn new() -> HashSet<T> {}
    pub fn with_capacity(capacity: usize) -> HashSet<T> {}
    pub fn capacity(&self) -> usize {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn clear(&mut self) {}
    pub fn iter(&self) -> impl Iterator<Item = &T> {}
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F) {}
}

impl<T: Eq + Hash> HashSet<T> {
    pub fn insert(&mut self, value: T) -> bool {}
    pub fn replace(&mut self, value: T) -> Option<T> {}
    pub fn contains<Q: ?Sized + Eq + Hash>(&self, value: &Q) -> bool where T: Borrow<Q> {}
    pub fn get<Q: ?Sized + Eq + Hash>(&self, value: &Q) -> Option<&T> where T: Borrow<Q> {}
    pub fn remove<Q: ?Sized + Eq + Hash>(&mut self, value: &Q) -> bool where T: Borrow<Q> {}
    pub fn take<Q: ?Sized + Eq + Hash>(&mut self, value: &Q) -> Option<T> where T: Borrow<Q> {}
    pub fn union<'a>(&'a self, other: &'a HashSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn intersection<'a>(&'a self, other: &'a HashSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn difference<'a>(&'a self, other: &'a HashSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn symmetric_difference<'a>(&'a self, other: &'a HashSet<T>) -> impl Iterator<Item = &'a T> {}
    pub fn is_subset(&self, other: &HashSet<T>) -> bool {}
    pub fn is_superset(&self, other: &HashSet<T>) -> bool {}
    pub fn is_disjoint(&self, other: &HashSet<T>) -> bool {}
}

impl<T> IntoIterator for HashSet<T> {
    type Item = T;
    type IntoIter = impl Iterator<Item = T>;
}
impl<'a, T> IntoIterator for &'a HashSet<T> {
    type Item = &'a T;
    type IntoIter = impl Iterator<Item = &'a T>;
}
impl<T: Eq + Hash> FromIterator<T> for HashSet<T> {}
impl<T: Clone> Clone for HashSet<T> {}
impl<T: Eq + Hash> Extend<T> for HashSet<T> {}
impl<'a, T: Eq + Hash + Copy> Extend<&'a T> for HashSet<T> {}
impl<T: Clone> Clone for HashSet<T> {}
impl<T: Debug> Debug for HashSet<T> {}
impl<T> Default for HashSet<T> {}
impl<T: Eq + Hash> PartialEq for HashSet<T> {}
impl<T: Eq + Hash> Eq for HashSet<T> {}
