//! Inherent methods and constants of the signed integers (`i64` is Keyton's).

use crate::num::ParseIntError;

impl i8 {
    pub const MIN: i8 = 0;
    pub const MAX: i8 = 0;
    pub const BITS: u32 = 8;
    pub fn abs(self) -> i8 {}
    pub fn signum(self) -> i8 {}
    pub fn abs_diff(self, other: i8) -> u8 {}
    pub fn pow(self, exp: u32) -> i8 {}
    pub fn checked_add(self, rhs: i8) -> Option<i8> {}
    pub fn checked_sub(self, rhs: i8) -> Option<i8> {}
    pub fn checked_mul(self, rhs: i8) -> Option<i8> {}
    pub fn wrapping_add(self, rhs: i8) -> i8 {}
    pub fn wrapping_sub(self, rhs: i8) -> i8 {}
    pub fn saturating_add(self, rhs: i8) -> i8 {}
    pub fn saturating_sub(self, rhs: i8) -> i8 {}
    pub fn rem_euclid(self, rhs: i8) -> i8 {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<i8, ParseIntError> {}
}

impl i16 {
    pub const MIN: i16 = 0;
    pub const MAX: i16 = 0;
    pub const BITS: u32 = 16;
    pub fn abs(self) -> i16 {}
    pub fn signum(self) -> i16 {}
    pub fn abs_diff(self, other: i16) -> u16 {}
    pub fn pow(self, exp: u32) -> i16 {}
    pub fn checked_add(self, rhs: i16) -> Option<i16> {}
    pub fn checked_sub(self, rhs: i16) -> Option<i16> {}
    pub fn checked_mul(self, rhs: i16) -> Option<i16> {}
    pub fn wrapping_add(self, rhs: i16) -> i16 {}
    pub fn wrapping_sub(self, rhs: i16) -> i16 {}
    pub fn saturating_add(self, rhs: i16) -> i16 {}
    pub fn saturating_sub(self, rhs: i16) -> i16 {}
    pub fn rem_euclid(self, rhs: i16) -> i16 {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<i16, ParseIntError> {}
}

impl i32 {
    pub const MIN: i32 = 0;
    pub const MAX: i32 = 0;
    pub const BITS: u32 = 32;
    pub fn abs(self) -> i32 {}
    pub fn signum(self) -> i32 {}
    pub fn is_positive(self) -> bool {}
    pub fn is_negative(self) -> bool {}
    pub fn unsigned_abs(self) -> u32 {}
    pub fn abs_diff(self, other: i32) -> u32 {}
    pub fn checked_neg(self) -> Option<i32> {}
    pub fn checked_abs(self) -> Option<i32> {}
    pub fn wrapping_neg(self) -> i32 {}
    pub fn wrapping_abs(self) -> i32 {}
    pub fn pow(self, exp: u32) -> i32 {}
    pub fn checked_add(self, rhs: i32) -> Option<i32> {}
    pub fn checked_sub(self, rhs: i32) -> Option<i32> {}
    pub fn checked_mul(self, rhs: i32) -> Option<i32> {}
    pub fn checked_div(self, rhs: i32) -> Option<i32> {}
    pub fn checked_rem(self, rhs: i32) -> Option<i32> {}
    pub fn checked_pow(self, exp: u32) -> Option<i32> {}
    pub fn wrapping_add(self, rhs: i32) -> i32 {}
    pub fn wrapping_sub(self, rhs: i32) -> i32 {}
    pub fn wrapping_mul(self, rhs: i32) -> i32 {}
    pub fn wrapping_pow(self, exp: u32) -> i32 {}
    pub fn saturating_add(self, rhs: i32) -> i32 {}
    pub fn saturating_sub(self, rhs: i32) -> i32 {}
    pub fn saturating_mul(self, rhs: i32) -> i32 {}
    pub fn saturating_pow(self, exp: u32) -> i32 {}
    pub fn overflowing_add(self, rhs: i32) -> (i32, bool) {}
    pub fn overflowing_sub(self, rhs: i32) -> (i32, bool) {}
    pub fn overflowing_mul(self, rhs: i32) -> (i32, bool) {}
    pub fn rem_euclid(self, rhs: i32) -> i32 {}
    pub fn div_euclid(self, rhs: i32) -> i32 {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> i32 {}
    pub fn rotate_right(self, n: u32) -> i32 {}
    pub fn swap_bytes(self) -> i32 {}
    pub fn reverse_bits(self) -> i32 {}
    pub fn isqrt(self) -> i32 {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<i32, ParseIntError> {}
}

impl i64 {
    pub const MIN: i64 = 0;
    pub const MAX: i64 = 0;
    pub const BITS: u32 = 64;
    pub fn abs(self) -> i64 {}
    pub fn signum(self) -> i64 {}
    pub fn is_positive(self) -> bool {}
    pub fn is_negative(self) -> bool {}
    pub fn unsigned_abs(self) -> u64 {}
    pub fn abs_diff(self, other: i64) -> u64 {}
    pub fn checked_neg(self) -> Option<i64> {}
    pub fn checked_abs(self) -> Option<i64> {}
    pub fn wrapping_neg(self) -> i64 {}
    pub fn wrapping_abs(self) -> i64 {}
    pub fn pow(self, exp: u32) -> i64 {}
    pub fn checked_add(self, rhs: i64) -> Option<i64> {}
    pub fn checked_sub(self, rhs: i64) -> Option<i64> {}
    pub fn checked_mul(self, rhs: i64) -> Option<i64> {}
    pub fn checked_div(self, rhs: i64) -> Option<i64> {}
    pub fn checked_rem(self, rhs: i64) -> Option<i64> {}
    pub fn checked_pow(self, exp: u32) -> Option<i64> {}
    pub fn wrapping_add(self, rhs: i64) -> i64 {}
    pub fn wrapping_sub(self, rhs: i64) -> i64 {}
    pub fn wrapping_mul(self, rhs: i64) -> i64 {}
    pub fn wrapping_pow(self, exp: u32) -> i64 {}
    pub fn saturating_add(self, rhs: i64) -> i64 {}
    pub fn saturating_sub(self, rhs: i64) -> i64 {}
    pub fn saturating_mul(self, rhs: i64) -> i64 {}
    pub fn saturating_pow(self, exp: u32) -> i64 {}
    pub fn overflowing_add(self, rhs: i64) -> (i64, bool) {}
    pub fn overflowing_sub(self, rhs: i64) -> (i64, bool) {}
    pub fn overflowing_mul(self, rhs: i64) -> (i64, bool) {}
    pub fn rem_euclid(self, rhs: i64) -> i64 {}
    pub fn div_euclid(self, rhs: i64) -> i64 {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> i64 {}
    pub fn rotate_right(self, n: u32) -> i64 {}
    pub fn swap_bytes(self) -> i64 {}
    pub fn reverse_bits(self) -> i64 {}
    pub fn isqrt(self) -> i64 {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<i64, ParseIntError> {}
}

impl i128 {
    pub const MIN: i128 = 0;
    pub const MAX: i128 = 0;
    pub const BITS: u32 = 128;
    pub fn abs(self) -> i128 {}
    pub fn signum(self) -> i128 {}
    pub fn abs_diff(self, other: i128) -> u128 {}
    pub fn pow(self, exp: u32) -> i128 {}
    pub fn checked_add(self, rhs: i128) -> Option<i128> {}
    pub fn checked_sub(self, rhs: i128) -> Option<i128> {}
    pub fn checked_mul(self, rhs: i128) -> Option<i128> {}
    pub fn wrapping_add(self, rhs: i128) -> i128 {}
    pub fn wrapping_sub(self, rhs: i128) -> i128 {}
    pub fn saturating_add(self, rhs: i128) -> i128 {}
    pub fn saturating_sub(self, rhs: i128) -> i128 {}
    pub fn rem_euclid(self, rhs: i128) -> i128 {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<i128, ParseIntError> {}
}

impl isize {
    pub const MIN: isize = 0;
    pub const MAX: isize = 0;
    pub const BITS: u32 = 64;
    pub fn abs(self) -> isize {}
    pub fn signum(self) -> isize {}
    pub fn abs_diff(self, other: isize) -> usize {}
    pub fn pow(self, exp: u32) -> isize {}
    pub fn checked_add(self, rhs: isize) -> Option<isize> {}
    pub fn checked_sub(self, rhs: isize) -> Option<isize> {}
    pub fn checked_mul(self, rhs: isize) -> Option<isize> {}
    pub fn wrapping_add(self, rhs: isize) -> isize {}
    pub fn wrapping_sub(self, rhs: isize) -> isize {}
    pub fn saturating_add(self, rhs: isize) -> isize {}
    pub fn saturating_sub(self, rhs: isize) -> isize {}
    pub fn rem_euclid(self, rhs: isize) -> isize {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<isize, ParseIntError> {}
}
