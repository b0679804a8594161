//! Operator traits (`a + b` is `Add::add(a, b)`), indexing, deref, closures, ranges.

use crate::fmt::Debug;
use crate::hash::Hash;

pub trait Add<Rhs = Self> {
    type Output;
    fn add(self, rhs: Rhs) -> Self::Output;
}
pub trait Sub<Rhs = Self> {
    type Output;
    fn sub(self, rhs: Rhs) -> Self::Output;
}
pub trait Mul<Rhs = Self> {
    type Output;
    fn mul(self, rhs: Rhs) -> Self::Output;
}
pub trait Div<Rhs = Self> {
    type Output;
    fn div(self, rhs: Rhs) -> Self::Output;
}
pub trait Rem<Rhs = Self> {
    type Output;
    fn rem(self, rhs: Rhs) -> Self::Output;
}
pub trait Neg {
    type Output;
    fn neg(self) -> Self::Output;
}
pub trait BitAnd<Rhs = Self> {
    type Output;
    fn bitand(self, rhs: Rhs) -> Self::Output;
}
pub trait BitOr<Rhs = Self> {
    type Output;
    fn bitor(self, rhs: Rhs) -> Self::Output;
}
pub trait BitXor<Rhs = Self> {
    type Output;
    fn bitxor(self, rhs: Rhs) -> Self::Output;
}
pub trait Not {
    type Output;
    fn not(self) -> Self::Output;
}
pub trait AddAssign<Rhs = Self> {
    fn add_assign(&mut self, rhs: Rhs);
}
pub trait SubAssign<Rhs = Self> {
    fn sub_assign(&mut self, rhs: Rhs);
}
pub trait MulAssign<Rhs = Self> {
    fn mul_assign(&mut self, rhs: Rhs);
}
pub trait DivAssign<Rhs = Self> {
    fn div_assign(&mut self, rhs: Rhs);
}
pub trait RemAssign<Rhs = Self> {
    fn rem_assign(&mut self, rhs: Rhs);
}

pub trait Index<Idx: ?Sized> {
    type Output: ?Sized;
    fn index(&self, index: Idx) -> &Self::Output;
}
pub trait IndexMut<Idx: ?Sized>: Index<Idx> {
    fn index_mut(&mut self, index: Idx) -> &mut Self::Output;
}

pub trait Deref {
    type Target: ?Sized;
    fn deref(&self) -> &Self::Target;
}
pub trait DerefMut: Deref {
    fn deref_mut(&mut self) -> &mut Self::Target;
}
impl<T: ?Sized> Deref for &T {
    type Target = T;
}
impl<T: ?Sized> Deref for &mut T {
    type Target = T;
}

pub trait Drop {
    fn drop(&mut self);
}

/// Closures: `Fn(A, B) -> R` is `Fn<(A, B), Output = R>`.
pub trait FnOnce<Args> {
    type Output;
    fn call_once(self, args: Args) -> Self::Output;
}
pub trait FnMut<Args>: FnOnce<Args> {
    fn call_mut(&mut self, args: Args) -> Self::Output;
}
pub trait Fn<Args>: FnMut<Args> {
    fn call(&self, args: Args) -> Self::Output;
}

/// `a..b`
pub struct Range<Idx> {
    pub start: Idx,
    pub end: Idx,
}
impl<Idx: PartialOrd> Range<Idx> {
    pub fn contains(&self, item: &Idx) -> bool {}
    pub fn is_empty(&self) -> bool {}
}
/// `a..`
pub struct RangeFrom<Idx> {
    pub start: Idx,
}
/// `..b`
pub struct RangeTo<Idx> {
    pub end: Idx,
}
/// `..`
pub struct RangeFull;
/// `a..=b`
pub struct RangeInclusive<Idx>;
impl<Idx> RangeInclusive<Idx> {
    pub fn new(start: Idx, end: Idx) -> RangeInclusive<Idx> {}
    pub fn start(&self) -> &Idx {}
    pub fn end(&self) -> &Idx {}
}
impl<Idx: PartialOrd> RangeInclusive<Idx> {
    pub fn contains(&self, item: &Idx) -> bool {}
    pub fn is_empty(&self) -> bool {}
}
/// `..=b`
pub struct RangeToInclusive<Idx> {
    pub end: Idx,
}

/// Ranges as arguments (`v.drain(1..3)`).
pub trait RangeBounds<T: ?Sized> {
    fn contains(&self, item: &T) -> bool where T: PartialOrd {}
}
impl<T> RangeBounds<T> for Range<T> {}
impl<T> RangeBounds<T> for RangeFrom<T> {}
impl<T> RangeBounds<T> for RangeTo<T> {}
impl<T> RangeBounds<T> for RangeInclusive<T> {}
impl<T> RangeBounds<T> for RangeToInclusive<T> {}
impl<T: ?Sized> RangeBounds<T> for RangeFull {}

impl<Idx: Clone> Clone for Range<Idx> {}
impl<Idx: Debug> Debug for Range<Idx> {}
impl<Idx: PartialEq> PartialEq for Range<Idx> {}
impl<Idx: Eq> Eq for Range<Idx> {}
impl<Idx: Hash> Hash for Range<Idx> {}
impl<Idx: Clone> Clone for RangeInclusive<Idx> {}
impl<Idx: Clone> Clone for RangeFrom<Idx> {}
impl<Idx: Clone> Clone for RangeTo<Idx> {}
impl<Idx: Clone> Clone for RangeToInclusive<Idx> {}
impl Clone for RangeFull {}
impl Copy for RangeFull {}
impl<Idx: Debug> Debug for RangeInclusive<Idx> {}
impl<Idx: PartialEq> PartialEq for RangeInclusive<Idx> {}
