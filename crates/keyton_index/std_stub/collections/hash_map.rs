//! `HashMap<K, V>`: a hash map; iteration order is unspecified.

use crate::borrow::Borrow;
use crate::fmt::Debug;
use crate::hash::Hash;
use crate::ops::Index;

pub struct HashMap<K, V>;

impl<K, V> HashMap<K, V> {
    pub fn new() -> HashMap<K, V> {}
    pub fn with_capacity(capacity: usize) -> HashMap<K, V> {}
    pub fn capacity(&self) -> usize {}
    pub fn len(&self) -> usize {}
    pub fn is_empty(&self) -> bool {}
    pub fn clear(&mut self) {}
    pub fn keys(&self) -> impl Iterator<Item = &K> {}
    pub fn values(&self) -> impl Iterator<Item = &V> {}
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {}
    pub fn into_keys(self) -> impl Iterator<Item = K> {}
    pub fn into_values(self) -> impl Iterator<Item = V> {}
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {}
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> {}
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, f: F) {}
}

impl<K: Eq + Hash, V> HashMap<K, V> {
    pub fn entry(&mut self, key: K) -> Entry<K, V> {}
    pub fn get<Q: ?Sized + Eq + Hash>(&self, k: &Q) -> Option<&V> where K: Borrow<Q> {}
    pub fn get_key_value<Q: ?Sized + Eq + Hash>(&self, k: &Q) -> Option<(&K, &V)> where K: Borrow<Q> {}
    pub fn contains_key<Q: ?Sized + Eq + Hash>(&self, k: &Q) -> bool where K: Borrow<Q> {}
    pub fn get_mut<Q: ?Sized + Eq + Hash>(&mut self, k: &Q) -> Option<&mut V> where K: Borrow<Q> {}
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {}
    pub fn remove<Q: ?Sized + Eq + Hash>(&mut self, k: &Q) -> Option<V> where K: Borrow<Q> {}
    pub fn remove_entry<Q: ?Sized + Eq + Hash>(&mut self, k: &Q) -> Option<(K, V)> where K: Borrow<Q> {}
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

impl<K, Q: ?Sized, V> Index<&Q> for HashMap<K, V> where K: Eq + Hash + Borrow<Q>, Q: Eq + Hash {
    type Output = V;
}
impl<K, V> IntoIterator for HashMap<K, V> {
    type Item = (K, V);
    type IntoIter = impl Iterator<Item = (K, V)>;
}
impl<'a, K, V> IntoIterator for &'a HashMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = impl Iterator<Item = (&'a K, &'a V)>;
}
impl<'a, K, V> IntoIterator for &'a mut HashMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = impl Iterator<Item = (&'a K, &'a mut V)>;
}
impl<K: Eq + Hash, V> FromIterator<(K, V)> for HashMap<K, V> {}
impl<K: Clone, V: Clone> Clone for HashMap<K, V> {}
impl<K: Eq + Hash, V> Extend<(K, V)> for HashMap<K, V> {}
impl<'a, K: Eq + Hash + Copy, V: Copy> Extend<(&'a K, &'a V)> for HashMap<K, V> {}
impl<K: Clone, V: Clone> Clone for HashMap<K, V> {}
impl<K: Debug, V: Debug> Debug for HashMap<K, V> {}
impl<K, V> Default for HashMap<K, V> {}
impl<K: Eq + Hash, V: PartialEq> PartialEq for HashMap<K, V> {}
impl<K: Eq + Hash, V: Eq> Eq for HashMap<K, V> {}
