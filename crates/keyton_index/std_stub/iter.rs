//! Iterators. Adapters return `impl Iterator<Item = ..>`: the checker needs
//! the item type, not std's adapter structs.

use crate::cmp::Ordering;
use crate::ops::{Range, RangeFrom, RangeInclusive};

pub trait Iterator {
    type Item;
    fn next(&mut self) -> Option<Self::Item>;
    fn size_hint(&self) -> (usize, Option<usize>) {}
    fn count(self) -> usize where Self: Sized {}
    fn last(self) -> Option<Self::Item> where Self: Sized {}
    fn nth(&mut self, n: usize) -> Option<Self::Item> {}
    fn step_by(self, step: usize) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn chain<U: IntoIterator<Item = Self::Item>>(self, other: U) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn zip<U: IntoIterator>(self, other: U) -> impl Iterator<Item = (Self::Item, U::Item)> where Self: Sized {}
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> impl Iterator<Item = B> where Self: Sized {}
    fn for_each<F: FnMut(Self::Item)>(self, f: F) where Self: Sized {}
    fn filter<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn filter_map<B, F: FnMut(Self::Item) -> Option<B>>(self, f: F) -> impl Iterator<Item = B> where Self: Sized {}
    fn enumerate(self) -> impl Iterator<Item = (usize, Self::Item)> where Self: Sized {}
    fn peekable(self) -> Peekable<Self> where Self: Sized {}
    fn skip_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn take_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn map_while<B, P: FnMut(Self::Item) -> Option<B>>(self, predicate: P) -> impl Iterator<Item = B> where Self: Sized {}
    fn skip(self, n: usize) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn take(self, n: usize) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn scan<St, B, F: FnMut(&mut St, Self::Item) -> Option<B>>(self, initial_state: St, f: F) -> impl Iterator<Item = B> where Self: Sized {}
    fn flat_map<U: IntoIterator, F: FnMut(Self::Item) -> U>(self, f: F) -> impl Iterator<Item = U::Item> where Self: Sized {}
    fn flatten(self) -> impl Iterator<Item = <Self::Item as IntoIterator>::Item> where Self: Sized, Self::Item: IntoIterator {}
    fn fuse(self) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn inspect<F: FnMut(&Self::Item)>(self, f: F) -> impl Iterator<Item = Self::Item> where Self: Sized {}
    fn by_ref(&mut self) -> &mut Self where Self: Sized {}
    fn collect<B: FromIterator<Self::Item>>(self) -> B where Self: Sized {}
    fn partition<B: Default + Extend<Self::Item>, F: FnMut(&Self::Item) -> bool>(self, f: F) -> (B, B) where Self: Sized {}
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B where Self: Sized {}
    fn reduce<F: FnMut(Self::Item, Self::Item) -> Self::Item>(self, f: F) -> Option<Self::Item> where Self: Sized {}
    fn all<F: FnMut(Self::Item) -> bool>(&mut self, f: F) -> bool where Self: Sized {}
    fn any<F: FnMut(Self::Item) -> bool>(&mut self, f: F) -> bool where Self: Sized {}
    fn find<P: FnMut(&Self::Item) -> bool>(&mut self, predicate: P) -> Option<Self::Item> where Self: Sized {}
    fn find_map<B, F: FnMut(Self::Item) -> Option<B>>(&mut self, f: F) -> Option<B> where Self: Sized {}
    fn position<P: FnMut(Self::Item) -> bool>(&mut self, predicate: P) -> Option<usize> where Self: Sized {}
    fn rposition<P: FnMut(Self::Item) -> bool>(&mut self, predicate: P) -> Option<usize> where Self: Sized + ExactSizeIterator + DoubleEndedIterator {}
    fn max(self) -> Option<Self::Item> where Self: Sized, Self::Item: Ord {}
    fn min(self) -> Option<Self::Item> where Self: Sized, Self::Item: Ord {}
    fn max_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, f: F) -> Option<Self::Item> where Self: Sized {}
    fn max_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(self, compare: F) -> Option<Self::Item> where Self: Sized {}
    fn min_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, f: F) -> Option<Self::Item> where Self: Sized {}
    fn min_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(self, compare: F) -> Option<Self::Item> where Self: Sized {}
    fn rev(self) -> impl Iterator<Item = Self::Item> + DoubleEndedIterator where Self: Sized + DoubleEndedIterator {}
    fn unzip<A, B, FromA: Default + Extend<A>, FromB: Default + Extend<B>>(self) -> (FromA, FromB) where Self: Sized + Iterator<Item = (A, B)> {}
    fn copied<'a, T: 'a + Copy>(self) -> impl Iterator<Item = T> where Self: Sized + Iterator<Item = &'a T> {}
    fn cloned<'a, T: 'a + Clone>(self) -> impl Iterator<Item = T> where Self: Sized + Iterator<Item = &'a T> {}
    fn cycle(self) -> impl Iterator<Item = Self::Item> where Self: Sized + Clone {}
    fn sum<S: Sum<Self::Item>>(self) -> S where Self: Sized {}
    fn product<P: Product<Self::Item>>(self) -> P where Self: Sized {}
    fn cmp<I: IntoIterator<Item = Self::Item>>(self, other: I) -> Ordering where Self::Item: Ord, Self: Sized {}
    fn eq<I: IntoIterator>(self, other: I) -> bool where Self::Item: PartialEq<I::Item>, Self: Sized {}
    fn is_sorted(self) -> bool where Self: Sized, Self::Item: PartialOrd {}
}

pub trait DoubleEndedIterator: Iterator {
    fn next_back(&mut self) -> Option<Self::Item>;
    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {}
    fn rfind<P: FnMut(&Self::Item) -> bool>(&mut self, predicate: P) -> Option<Self::Item> where Self: Sized {}
    fn rfold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B where Self: Sized {}
}

pub trait ExactSizeIterator: Iterator {
    fn len(&self) -> usize {}
}

/// What a `for` loop iterates: iterators themselves, collections, references to collections.
pub trait IntoIterator {
    type Item;
    type IntoIter: Iterator<Item = Self::Item>;
    fn into_iter(self) -> Self::IntoIter;
}

impl<I: Iterator> IntoIterator for I {
    type Item = I::Item;
    type IntoIter = I;
}

pub trait FromIterator<A>: Sized {
    fn from_iter<T: IntoIterator<Item = A>>(iter: T) -> Self;
}

pub trait Extend<A> {
    fn extend<T: IntoIterator<Item = A>>(&mut self, iter: T);
}

pub trait Sum<A = Self>: Sized {
    fn sum<I: Iterator<Item = A>>(iter: I) -> Self;
}

pub trait Product<A = Self>: Sized {
    fn product<I: Iterator<Item = A>>(iter: I) -> Self;
}

/// The integers and `char`: what ranges step over.
pub trait Step: Clone + PartialOrd + Sized {}

pub struct Peekable<I: Iterator>;
impl<I: Iterator> Peekable<I> {
    pub fn peek(&mut self) -> Option<&I::Item> {}
    pub fn peek_mut(&mut self) -> Option<&mut I::Item> {}
    pub fn next_if(&mut self, func: impl FnOnce(&I::Item) -> bool) -> Option<I::Item> {}
}
impl<I: Iterator + Clone> Clone for Peekable<I> where I::Item: Clone {}
impl<I: Iterator> Iterator for Peekable<I> {
    type Item = I::Item;
}

impl<A: Step> Iterator for Range<A> {
    type Item = A;
}
impl<A: Step> DoubleEndedIterator for Range<A> {}
impl<A: Step> ExactSizeIterator for Range<A> {}
impl<A: Step> Iterator for RangeInclusive<A> {
    type Item = A;
}
impl<A: Step> DoubleEndedIterator for RangeInclusive<A> {}
impl<A: Step> Iterator for RangeFrom<A> {
    type Item = A;
}

pub fn empty<T>() -> impl Iterator<Item = T> + DoubleEndedIterator {}
pub fn once<T>(value: T) -> impl Iterator<Item = T> + DoubleEndedIterator {}
pub fn repeat<T: Clone>(elt: T) -> impl Iterator<Item = T> {}
pub fn repeat_n<T: Clone>(element: T, count: usize) -> impl Iterator<Item = T> {}
pub fn from_fn<T, F: FnMut() -> Option<T>>(f: F) -> impl Iterator<Item = T> {}
pub fn successors<T, F: FnMut(&T) -> Option<T>>(first: Option<T>, succ: F) -> impl Iterator<Item = T> {}
pub fn zip<A: IntoIterator, B: IntoIterator>(a: A, b: B) -> impl Iterator<Item = (A::Item, B::Item)> {}

