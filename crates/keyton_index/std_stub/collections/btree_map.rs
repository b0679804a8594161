//! `BTreeMap<K, V>`: a map sorted by key.

use crate::borrow::Borrow;
use crate::fmt::Debug;
use crate::ops::{Index, RangeBounds};

pub struct BTreeMap<K, V>;

impl<K, V> BTreeMap<K, V> {
    pub fn new() -> BTreeMap<K, V> {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn clear(&mut self) {}
    pub fn keys(&self) -> impl Iterator<Item = &K> + DoubleEndedIterator {}
    pub fn values(&self) -> impl Iterator<Item = &V> + DoubleEndedIterator {}
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + DoubleEndedIterator {}
    pub fn into_keys(self) -> impl Iterator<Item = K> + DoubleEndedIterator {}
    pub fn into_values(self) -> impl Iterator<Item = V> + DoubleEndedIterator {}
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + DoubleEndedIterator {}
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> + DoubleEndedIterator {}
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, f: F) {}
}

impl<K: Ord, V> BTreeMap<K, V> {
    pub fn entry(&mut self, key: K) -> Entry<K, V> {}
    pub fn get<Q: ?Sized + Ord>(&self, k: &Q) -> Option<&V> where K: Borrow<Q> {}
    pub fn get_key_value<Q: ?Sized + Ord>(&self, k: &Q) -> Option<(&K, &V)> where K: Borrow<Q> {}
    pub fn contains_key<Q: ?Sized + Ord>(&self, k: &Q) -> bool where K: Borrow<Q> {}
    pub fn get_mut<Q: ?Sized + Ord>(&mut self, k: &Q) -> Option<&mut V> where K: Borrow<Q> {}
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {}
    pub fn remove<Q: ?Sized + Ord>(&mut self, k: &Q) -> Option<V> where K: Borrow<Q> {}
    pub fn remove_entry<Q: ?Sized + Ord>(&mut self, k: &Q) -> Option<(K, V)> where K: Borrow<Q> {}
    pub fn first_key_value(&self) -> Option<(&K, &V)> {}
    pub fn last_key_value(&self) -> Option<(&K, &V)> {}
    pub fn pop_first(&mut self) -> Option<(K, V)> {}
    pub fn pop_last(&mut self) -> Option<(K, V)> {}
    pub fn range<R: RangeBounds<K>>(&self, range: R) -> impl Iterator<Item = (&K, &V)> + DoubleEndedIterator {}
}

/// A place in the map for `key`, filled or not: `map.entry(k).or_insert(0)`.
pub enum Entry<K, V> {
    Occupied(OccupiedEntry<K, V>),
    Vacant(VacantEntry<K, V>),
}

impl<K, V> Entry<K, V> {
    pub fn or_insert(self, default: V) -> &mut V {}
    pub fn or_insert_with<F: FnOnce() -> V>(self, default: F) -> &mut V {}
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, default: F) -> &mut V {}
    pub fn key(&self) -> &K {}
    pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> Entry<K, V> {}
    pub fn or_default(self) -> &mut V where V: Default {}
}

pub struct OccupiedEntry<K, V>;
impl<K, V> OccupiedEntry<K, V> {
    pub fn key(&self) -> &K {}
    pub fn get(&self) -> &V {}
    pub fn get_mut(&mut self) -> &mut V {}
    pub fn into_mut(self) -> &mut V {}
    pub fn insert(&mut self, value: V) -> V {}
    pub fn remove(self) -> V {}
    pub fn remove_entry(self) -> (K, V) {}
}

pub struct VacantEntry<K, V>;
impl<K, V> VacantEntry<K, V> {
    pub fn key(&self) -> &K {}
    pub fn into_key(self) -> K {}
    pub fn insert(self, value: V) -> &mut V {}
}

impl<K, Q: ?Sized, V> Index<&Q> for BTreeMap<K, V> where K: Ord + Borrow<Q>, Q: Ord {
    type Output = V;
}
impl<K, V> IntoIterator for BTreeMap<K, V> {
    type Item = (K, V);
    type IntoIter = impl Iterator<Item = (K, V)> + DoubleEndedIterator;
}
impl<'a, K, V> IntoIterator for &'a BTreeMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = impl Iterator<Item = (&'a K, &'a V)> + DoubleEndedIterator;
}
impl<'a, K, V> IntoIterator for &'a mut BTreeMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = impl Iterator<Item = (&'a K, &'a mut V)> + DoubleEndedIterator;
}
impl<K: Ord, V> FromIterator<(K, V)> for BTreeMap<K, V> {}
impl<K: Clone, V: Clone> Clone for BTreeMap<K, V> {}
impl<K: Ord, V> Extend<(K, V)> for BTreeMap<K, V> {}
impl<'a, K: Ord + Copy, V: Copy> Extend<(&'a K, &'a V)> for BTreeMap<K, V> {}
impl<K: Clone, V: Clone> Clone for BTreeMap<K, V> {}
impl<K: Debug, V: Debug> Debug for BTreeMap<K, V> {}
impl<K, V> Default for BTreeMap<K, V> {}
impl<K: Ord, V: PartialEq> PartialEq for BTreeMap<K, V> {}
impl<K: Ord, V: Eq> Eq for BTreeMap<K, V> {}
