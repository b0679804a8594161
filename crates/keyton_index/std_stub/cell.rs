//! Shared mutable containers: `Cell` (values copied in and out) and
//! `RefCell` (borrows checked at run time), as crates' thread-local
//! statics and shared state hold them.

use crate::fmt::Debug;
use crate::ops::{Deref, DerefMut};

pub struct Cell<T>;
impl<T> Cell<T> {
    pub fn new(value: T) -> Cell<T> {}
    pub fn set(&self, val: T) {}
    pub fn replace(&self, val: T) -> T {}
    pub fn into_inner(self) -> T {}
}
impl<T: Copy> Cell<T> {
    pub fn get(&self) -> T {}
}
impl<T: Default> Cell<T> {
    pub fn take(&self) -> T {}
}
impl<T: Copy + Debug> Debug for Cell<T> {}
impl<T: Copy> Clone for Cell<T> {}
impl<T: Default> Default for Cell<T> {}

pub struct RefCell<T>;
impl<T> RefCell<T> {
    pub fn new(value: T) -> RefCell<T> {}
    pub fn borrow(&self) -> Ref<'_, T> {}
    pub fn borrow_mut(&self) -> RefMut<'_, T> {}
    pub fn replace(&self, t: T) -> T {}
    pub fn into_inner(self) -> T {}
}
impl<T: Default> RefCell<T> {
    pub fn take(&self) -> T {}
}
impl<T: Debug> Debug for RefCell<T> {}
impl<T: Clone> Clone for RefCell<T> {}
impl<T: Default> Default for RefCell<T> {}

/// A shared borrow of a `RefCell`'s value.
pub struct Ref<'b, T>;
impl<'b, T> Deref for Ref<'b, T> {
    type Target = T;
}
impl<'b, T: Debug> Debug for Ref<'b, T> {}

/// A mutable borrow of a `RefCell`'s value.
pub struct RefMut<'b, T>;
impl<'b, T> Deref for RefMut<'b, T> {
    type Target = T;
}
impl<'b, T> DerefMut for RefMut<'b, T> {}
impl<'b, T: Debug> Debug for RefMut<'b, T> {}
