//! The trait impls of the primitive types, one line per type and group:
//! what method resolution, operators, sorting, hashing and printing need.

use crate::char::ParseCharError;
use crate::fmt::{Debug, Display};
use crate::hash::Hash;
use crate::iter::{Product, Step, Sum};
use crate::num::{ParseFloatError, ParseIntError};
use crate::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Not, Rem, RemAssign, Sub, SubAssign};
use crate::str::{FromStr, ParseBoolError};

// i8
impl Clone for i8 {} impl Copy for i8 {} impl Debug for i8 {} impl Display for i8 {} impl Default for i8 {}
impl PartialEq for i8 {} impl PartialOrd for i8 {} impl Eq for i8 {} impl Ord for i8 {} impl Hash for i8 {}
impl Add for i8 { type Output = i8; } impl Sub for i8 { type Output = i8; } impl Mul for i8 { type Output = i8; }
impl Div for i8 { type Output = i8; } impl Rem for i8 { type Output = i8; } impl Neg for i8 { type Output = i8; }
impl AddAssign for i8 {} impl SubAssign for i8 {} impl MulAssign for i8 {} impl DivAssign for i8 {} impl RemAssign for i8 {}
impl Sum for i8 {} impl<'a> Sum<&'a i8> for i8 {} impl Product for i8 {} impl<'a> Product<&'a i8> for i8 {}
impl Step for i8 {} impl FromStr for i8 { type Err = ParseIntError; }
// i16
impl Clone for i16 {} impl Copy for i16 {} impl Debug for i16 {} impl Display for i16 {} impl Default for i16 {}
impl PartialEq for i16 {} impl PartialOrd for i16 {} impl Eq for i16 {} impl Ord for i16 {} impl Hash for i16 {}
impl Add for i16 { type Output = i16; } impl Sub for i16 { type Output = i16; } impl Mul for i16 { type Output = i16; }
impl Div for i16 { type Output = i16; } impl Rem for i16 { type Output = i16; } impl Neg for i16 { type Output = i16; }
impl AddAssign for i16 {} impl SubAssign for i16 {} impl MulAssign for i16 {} impl DivAssign for i16 {} impl RemAssign for i16 {}
impl Sum for i16 {} impl<'a> Sum<&'a i16> for i16 {} impl Product for i16 {} impl<'a> Product<&'a i16> for i16 {}
impl Step for i16 {} impl FromStr for i16 { type Err = ParseIntError; }
// i32
impl Clone for i32 {} impl Copy for i32 {} impl Debug for i32 {} impl Display for i32 {} impl Default for i32 {}
impl PartialEq for i32 {} impl PartialOrd for i32 {} impl Eq for i32 {} impl Ord for i32 {} impl Hash for i32 {}
impl Add for i32 { type Output = i32; } impl Sub for i32 { type Output = i32; } impl Mul for i32 { type Output = i32; }
impl Div for i32 { type Output = i32; } impl Rem for i32 { type Output = i32; } impl Neg for i32 { type Output = i32; }
impl AddAssign for i32 {} impl SubAssign for i32 {} impl MulAssign for i32 {} impl DivAssign for i32 {} impl RemAssign for i32 {}
impl Sum for i32 {} impl<'a> Sum<&'a i32> for i32 {} impl Product for i32 {} impl<'a> Product<&'a i32> for i32 {}
impl Step for i32 {} impl FromStr for i32 { type Err = ParseIntError; }
// i64
impl Clone for i64 {} impl Copy for i64 {} impl Debug for i64 {} impl Display for i64 {} impl Default for i64 {}
impl PartialEq for i64 {} impl PartialOrd for i64 {} impl Eq for i64 {} impl Ord for i64 {} impl Hash for i64 {}
impl Add for i64 { type Output = i64; } impl Sub for i64 { type Output = i64; } impl Mul for i64 { type Output = i64; }
impl Div for i64 { type Output = i64; } impl Rem for i64 { type Output = i64; } impl Neg for i64 { type Output = i64; }
impl AddAssign for i64 {} impl SubAssign for i64 {} impl MulAssign for i64 {} impl DivAssign for i64 {} impl RemAssign for i64 {}
impl Sum for i64 {} impl<'a> Sum<&'a i64> for i64 {} impl Product for i64 {} impl<'a> Product<&'a i64> for i64 {}
impl Step for i64 {} impl FromStr for i64 { type Err = ParseIntError; }
// i128
impl Clone for i128 {} impl Copy for i128 {} impl Debug for i128 {} impl Display for i128 {} impl Default for i128 {}
impl PartialEq for i128 {} impl PartialOrd for i128 {} impl Eq for i128 {} impl Ord for i128 {} impl Hash for i128 {}
impl Add for i128 { type Output = i128; } impl Sub for i128 { type Output = i128; } impl Mul for i128 { type Output = i128; }
impl Div for i128 { type Output = i128; } impl Rem for i128 { type Output = i128; } impl Neg for i128 { type Output = i128; }
impl AddAssign for i128 {} impl SubAssign for i128 {} impl MulAssign for i128 {} impl DivAssign for i128 {} impl RemAssign for i128 {}
impl Sum for i128 {} impl<'a> Sum<&'a i128> for i128 {} impl Product for i128 {} impl<'a> Product<&'a i128> for i128 {}
impl Step for i128 {} impl FromStr for i128 { type Err = ParseIntError; }
// isize
impl Clone for isize {} impl Copy for isize {} impl Debug for isize {} impl Display for isize {} impl Default for isize {}
impl PartialEq for isize {} impl PartialOrd for isize {} impl Eq for isize {} impl Ord for isize {} impl Hash for isize {}
impl Add for isize { type Output = isize; } impl Sub for isize { type Output = isize; } impl Mul for isize { type Output = isize; }
impl Div for isize { type Output = isize; } impl Rem for isize { type Output = isize; } impl Neg for isize { type Output = isize; }
impl AddAssign for isize {} impl SubAssign for isize {} impl MulAssign for isize {} impl DivAssign for isize {} impl RemAssign for isize {}
impl Sum for isize {} impl<'a> Sum<&'a isize> for isize {} impl Product for isize {} impl<'a> Product<&'a isize> for isize {}
impl Step for isize {} impl FromStr for isize { type Err = ParseIntError; }
// u8
impl Clone for u8 {} impl Copy for u8 {} impl Debug for u8 {} impl Display for u8 {} impl Default for u8 {}
impl PartialEq for u8 {} impl PartialOrd for u8 {} impl Eq for u8 {} impl Ord for u8 {} impl Hash for u8 {}
impl Add for u8 { type Output = u8; } impl Sub for u8 { type Output = u8; } impl Mul for u8 { type Output = u8; }
impl Div for u8 { type Output = u8; } impl Rem for u8 { type Output = u8; }
impl AddAssign for u8 {} impl SubAssign for u8 {} impl MulAssign for u8 {} impl DivAssign for u8 {} impl RemAssign for u8 {}
impl Sum for u8 {} impl<'a> Sum<&'a u8> for u8 {} impl Product for u8 {} impl<'a> Product<&'a u8> for u8 {}
impl Step for u8 {} impl FromStr for u8 { type Err = ParseIntError; }
// u16
impl Clone for u16 {} impl Copy for u16 {} impl Debug for u16 {} impl Display for u16 {} impl Default for u16 {}
impl PartialEq for u16 {} impl PartialOrd for u16 {} impl Eq for u16 {} impl Ord for u16 {} impl Hash for u16 {}
impl Add for u16 { type Output = u16; } impl Sub for u16 { type Output = u16; } impl Mul for u16 { type Output = u16; }
impl Div for u16 { type Output = u16; } impl Rem for u16 { type Output = u16; }
impl AddAssign for u16 {} impl SubAssign for u16 {} impl MulAssign for u16 {} impl DivAssign for u16 {} impl RemAssign for u16 {}
impl Sum for u16 {} impl<'a> Sum<&'a u16> for u16 {} impl Product for u16 {} impl<'a> Product<&'a u16> for u16 {}
impl Step for u16 {} impl FromStr for u16 { type Err = ParseIntError; }
// u32
impl Clone for u32 {} impl Copy for u32 {} impl Debug for u32 {} impl Display for u32 {} impl Default for u32 {}
impl PartialEq for u32 {} impl PartialOrd for u32 {} impl Eq for u32 {} impl Ord for u32 {} impl Hash for u32 {}
impl Add for u32 { type Output = u32; } impl Sub for u32 { type Output = u32; } impl Mul for u32 { type Output = u32; }
impl Div for u32 { type Output = u32; } impl Rem for u32 { type Output = u32; }
impl AddAssign for u32 {} impl SubAssign for u32 {} impl MulAssign for u32 {} impl DivAssign for u32 {} impl RemAssign for u32 {}
impl Sum for u32 {} impl<'a> Sum<&'a u32> for u32 {} impl Product for u32 {} impl<'a> Product<&'a u32> for u32 {}
impl Step for u32 {} impl FromStr for u32 { type Err = ParseIntError; }
// u64
impl Clone for u64 {} impl Copy for u64 {} impl Debug for u64 {} impl Display for u64 {} impl Default for u64 {}
impl PartialEq for u64 {} impl PartialOrd for u64 {} impl Eq for u64 {} impl Ord for u64 {} impl Hash for u64 {}
impl Add for u64 { type Output = u64; } impl Sub for u64 { type Output = u64; } impl Mul for u64 { type Output = u64; }
impl Div for u64 { type Output = u64; } impl Rem for u64 { type Output = u64; }
impl AddAssign for u64 {} impl SubAssign for u64 {} impl MulAssign for u64 {} impl DivAssign for u64 {} impl RemAssign for u64 {}
impl Sum for u64 {} impl<'a> Sum<&'a u64> for u64 {} impl Product for u64 {} impl<'a> Product<&'a u64> for u64 {}
impl Step for u64 {} impl FromStr for u64 { type Err = ParseIntError; }
// u128
impl Clone for u128 {} impl Copy for u128 {} impl Debug for u128 {} impl Display for u128 {} impl Default for u128 {}
impl PartialEq for u128 {} impl PartialOrd for u128 {} impl Eq for u128 {} impl Ord for u128 {} impl Hash for u128 {}
impl Add for u128 { type Output = u128; } impl Sub for u128 { type Output = u128; } impl Mul for u128 { type Output = u128; }
impl Div for u128 { type Output = u128; } impl Rem for u128 { type Output = u128; }
impl AddAssign for u128 {} impl SubAssign for u128 {} impl MulAssign for u128 {} impl DivAssign for u128 {} impl RemAssign for u128 {}
impl Sum for u128 {} impl<'a> Sum<&'a u128> for u128 {} impl Product for u128 {} impl<'a> Product<&'a u128> for u128 {}
impl Step for u128 {} impl FromStr for u128 { type Err = ParseIntError; }
// usize
impl Clone for usize {} impl Copy for usize {} impl Debug for usize {} impl Display for usize {} impl Default for usize {}
impl PartialEq for usize {} impl PartialOrd for usize {} impl Eq for usize {} impl Ord for usize {} impl Hash for usize {}
impl Add for usize { type Output = usize; } impl Sub for usize { type Output = usize; } impl Mul for usize { type Output = usize; }
impl Div for usize { type Output = usize; } impl Rem for usize { type Output = usize; }
impl AddAssign for usize {} impl SubAssign for usize {} impl MulAssign for usize {} impl DivAssign for usize {} impl RemAssign for usize {}
impl Sum for usize {} impl<'a> Sum<&'a usize> for usize {} impl Product for usize {} impl<'a> Product<&'a usize> for usize {}
impl Step for usize {} impl FromStr for usize { type Err = ParseIntError; }
// f64
impl Clone for f64 {} impl Copy for f64 {} impl Debug for f64 {} impl Display for f64 {} impl Default for f64 {}
impl PartialEq for f64 {} impl PartialOrd for f64 {}
impl Add for f64 { type Output = f64; } impl Sub for f64 { type Output = f64; } impl Mul for f64 { type Output = f64; }
impl Div for f64 { type Output = f64; } impl Rem for f64 { type Output = f64; } impl Neg for f64 { type Output = f64; }
impl AddAssign for f64 {} impl SubAssign for f64 {} impl MulAssign for f64 {} impl DivAssign for f64 {} impl RemAssign for f64 {}
impl Sum for f64 {} impl<'a> Sum<&'a f64> for f64 {} impl Product for f64 {} impl<'a> Product<&'a f64> for f64 {}
impl FromStr for f64 { type Err = ParseFloatError; }
// f32
impl Clone for f32 {} impl Copy for f32 {} impl Debug for f32 {} impl Display for f32 {} impl Default for f32 {}
impl PartialEq for f32 {} impl PartialOrd for f32 {}
impl Add for f32 { type Output = f32; } impl Sub for f32 { type Output = f32; } impl Mul for f32 { type Output = f32; }
impl Div for f32 { type Output = f32; } impl Rem for f32 { type Output = f32; } impl Neg for f32 { type Output = f32; }
impl AddAssign for f32 {} impl SubAssign for f32 {} impl MulAssign for f32 {} impl DivAssign for f32 {} impl RemAssign for f32 {}
impl Sum for f32 {} impl<'a> Sum<&'a f32> for f32 {} impl Product for f32 {} impl<'a> Product<&'a f32> for f32 {}
impl FromStr for f32 { type Err = ParseFloatError; }
// f64 with references, as iterators over `&f64` and `&i64` give them
impl<'a> Add<&'a f64> for f64 { type Output = f64; } impl<'a> Sub<&'a f64> for f64 { type Output = f64; } impl<'a> Mul<&'a f64> for f64 { type Output = f64; }
impl<'a> Add<&'a i64> for i64 { type Output = i64; } impl<'a> Sub<&'a i64> for i64 { type Output = i64; } impl<'a> Mul<&'a i64> for i64 { type Output = i64; }
// bool and char
impl Clone for bool {} impl Copy for bool {} impl Debug for bool {} impl Display for bool {} impl Default for bool {}
impl PartialEq for bool {} impl PartialOrd for bool {} impl Eq for bool {} impl Ord for bool {} impl Hash for bool {}
impl Not for bool { type Output = bool; } impl FromStr for bool { type Err = ParseBoolError; }
impl Clone for char {} impl Copy for char {} impl Debug for char {} impl Display for char {} impl Default for char {}
impl PartialEq for char {} impl PartialOrd for char {} impl Eq for char {} impl Ord for char {} impl Hash for char {}
impl Step for char {} impl FromStr for char { type Err = ParseCharError; }
// () and tuples
impl Clone for () {} impl Copy for () {} impl Default for () {} impl PartialEq for () {} impl Eq for () {} impl PartialOrd for () {} impl Ord for () {} impl Hash for () {}
impl<A: Clone, B: Clone> Clone for (A, B) {}
impl<A: Copy, B: Copy> Copy for (A, B) {}
impl<A: PartialEq, B: PartialEq> PartialEq for (A, B) {}
impl<A: Eq, B: Eq> Eq for (A, B) {}
impl<A: PartialOrd, B: PartialOrd> PartialOrd for (A, B) {}
impl<A: Ord, B: Ord> Ord for (A, B) {}
impl<A: Hash, B: Hash> Hash for (A, B) {}
impl<A: Default, B: Default> Default for (A, B) {}
impl<A: Clone, B: Clone, C: Clone> Clone for (A, B, C) {}
impl<A: Copy, B: Copy, C: Copy> Copy for (A, B, C) {}
impl<A: PartialEq, B: PartialEq, C: PartialEq> PartialEq for (A, B, C) {}
impl<A: Eq, B: Eq, C: Eq> Eq for (A, B, C) {}
impl<A: PartialOrd, B: PartialOrd, C: PartialOrd> PartialOrd for (A, B, C) {}
impl<A: Ord, B: Ord, C: Ord> Ord for (A, B, C) {}
impl<A: Hash, B: Hash, C: Hash> Hash for (A, B, C) {}
impl<A: Default, B: Default, C: Default> Default for (A, B, C) {}
impl<A: Clone, B: Clone, C: Clone, D: Clone> Clone for (A, B, C, D) {}
impl<A: Copy, B: Copy, C: Copy, D: Copy> Copy for (A, B, C, D) {}
impl<A: PartialEq, B: PartialEq, C: PartialEq, D: PartialEq> PartialEq for (A, B, C, D) {}
impl<A: Eq, B: Eq, C: Eq, D: Eq> Eq for (A, B, C, D) {}
impl<A: PartialOrd, B: PartialOrd, C: PartialOrd, D: PartialOrd> PartialOrd for (A, B, C, D) {}
impl<A: Ord, B: Ord, C: Ord, D: Ord> Ord for (A, B, C, D) {}
impl<A: Hash, B: Hash, C: Hash, D: Hash> Hash for (A, B, C, D) {}
impl<A: Default, B: Default, C: Default, D: Default> Default for (A, B, C, D) {}
