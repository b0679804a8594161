//! Comparison: equality, ordering, `max`/`min`.

use crate::fmt::Debug;
use crate::hash::Hash;

pub trait PartialEq<Rhs: ?Sized = Self> {
    fn eq(&self, other: &Rhs) -> bool;
    fn ne(&self, other: &Rhs) -> bool {}
}

pub trait Eq: PartialEq {}

pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
    fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
    fn lt(&self, other: &Rhs) -> bool {}
    fn le(&self, other: &Rhs) -> bool {}
    fn gt(&self, other: &Rhs) -> bool {}
    fn ge(&self, other: &Rhs) -> bool {}
}

pub trait Ord: Eq + PartialOrd {
    fn cmp(&self, other: &Self) -> Ordering;
    fn max(self, other: Self) -> Self where Self: Sized {}
    fn min(self, other: Self) -> Self where Self: Sized {}
    fn clamp(self, min: Self, max: Self) -> Self where Self: Sized {}
}

pub enum Ordering {
    Less,
    Equal,
    Greater,
}

impl Ordering {
    pub fn is_eq(self) -> bool {}
    pub fn is_ne(self) -> bool {}
    pub fn is_lt(self) -> bool {}
    pub fn is_gt(self) -> bool {}
    pub fn is_le(self) -> bool {}
    pub fn is_ge(self) -> bool {}
    pub fn reverse(self) -> Ordering {}
    pub fn then(self, other: Ordering) -> Ordering {}
    pub fn then_with<F: FnOnce() -> Ordering>(self, f: F) -> Ordering {}
}

impl Clone for Ordering {}
impl Copy for Ordering {}
impl Debug for Ordering {}
impl PartialEq for Ordering {}
impl Eq for Ordering {}
impl PartialOrd for Ordering {}
impl Ord for Ordering {}
impl Hash for Ordering {}

/// Sorts in reverse: `v.sort_by_key(|x| Reverse(x))`.
pub struct Reverse<T>(pub T);
impl<T: Clone> Clone for Reverse<T> {}
impl<T: Copy> Copy for Reverse<T> {}
impl<T: Debug> Debug for Reverse<T> {}
impl<T: PartialEq> PartialEq for Reverse<T> {}
impl<T: Eq> Eq for Reverse<T> {}
impl<T: PartialOrd> PartialOrd for Reverse<T> {}
impl<T: Ord> Ord for Reverse<T> {}
impl<T: Hash> Hash for Reverse<T> {}

pub fn max<T: Ord>(v1: T, v2: T) -> T {}
pub fn min<T: Ord>(v1: T, v2: T) -> T {}
pub fn max_by_key<T, F: FnMut(&T) -> K, K: Ord>(v1: T, v2: T, f: F) -> T {}
pub fn min_by_key<T, F: FnMut(&T) -> K, K: Ord>(v1: T, v2: T, f: F) -> T {}
pub fn max_by<T, F: FnOnce(&T, &T) -> Ordering>(v1: T, v2: T, compare: F) -> T {}
pub fn min_by<T, F: FnOnce(&T, &T) -> Ordering>(v1: T, v2: T, compare: F) -> T {}

// References compare as what they point to.
impl<A: ?Sized + PartialEq<B>, B: ?Sized> PartialEq<&B> for &A {}
impl<A: ?Sized + Eq> Eq for &A {}
impl<A: ?Sized + PartialOrd<B>, B: ?Sized> PartialOrd<&B> for &A {}
impl<A: ?Sized + Ord> Ord for &A {}
impl<A: ?Sized + PartialEq<B>, B: ?Sized> PartialEq<&mut B> for &mut A {}
