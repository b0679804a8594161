//! Inherent methods and constants of the unsigned integers (`usize` is
//! what lengths and indices are).

use crate::num::ParseIntError;

impl u8 {
    pub const MIN: u8 = 0;
    pub const MAX: u8 = 0;
    pub const BITS: u32 = 8;
    pub fn abs_diff(self, other: u8) -> u8 {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn next_power_of_two(self) -> u8 {}
    pub fn checked_next_power_of_two(self) -> Option<u8> {}
    pub fn div_ceil(self, rhs: u8) -> u8 {}
    pub fn pow(self, exp: u32) -> u8 {}
    pub fn checked_add(self, rhs: u8) -> Option<u8> {}
    pub fn checked_sub(self, rhs: u8) -> Option<u8> {}
    pub fn checked_mul(self, rhs: u8) -> Option<u8> {}
    pub fn checked_div(self, rhs: u8) -> Option<u8> {}
    pub fn checked_rem(self, rhs: u8) -> Option<u8> {}
    pub fn checked_pow(self, exp: u32) -> Option<u8> {}
    pub fn wrapping_add(self, rhs: u8) -> u8 {}
    pub fn wrapping_sub(self, rhs: u8) -> u8 {}
    pub fn wrapping_mul(self, rhs: u8) -> u8 {}
    pub fn wrapping_pow(self, exp: u32) -> u8 {}
    pub fn saturating_add(self, rhs: u8) -> u8 {}
    pub fn saturating_sub(self, rhs: u8) -> u8 {}
    pub fn saturating_mul(self, rhs: u8) -> u8 {}
    pub fn saturating_pow(self, exp: u32) -> u8 {}
    pub fn overflowing_add(self, rhs: u8) -> (u8, bool) {}
    pub fn overflowing_sub(self, rhs: u8) -> (u8, bool) {}
    pub fn overflowing_mul(self, rhs: u8) -> (u8, bool) {}
    pub fn rem_euclid(self, rhs: u8) -> u8 {}
    pub fn div_euclid(self, rhs: u8) -> u8 {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> u8 {}
    pub fn rotate_right(self, n: u32) -> u8 {}
    pub fn swap_bytes(self) -> u8 {}
    pub fn reverse_bits(self) -> u8 {}
    pub fn isqrt(self) -> u8 {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<u8, ParseIntError> {}
    pub fn is_ascii(&self) -> bool {}
    pub fn is_ascii_alphabetic(&self) -> bool {}
    pub fn is_ascii_uppercase(&self) -> bool {}
    pub fn is_ascii_lowercase(&self) -> bool {}
    pub fn is_ascii_alphanumeric(&self) -> bool {}
    pub fn is_ascii_digit(&self) -> bool {}
    pub fn is_ascii_hexdigit(&self) -> bool {}
    pub fn is_ascii_punctuation(&self) -> bool {}
    pub fn is_ascii_whitespace(&self) -> bool {}
    pub fn to_ascii_uppercase(&self) -> u8 {}
    pub fn to_ascii_lowercase(&self) -> u8 {}
    pub fn eq_ignore_ascii_case(&self, other: &u8) -> bool {}
}

impl u16 {
    pub const MIN: u16 = 0;
    pub const MAX: u16 = 0;
    pub const BITS: u32 = 16;
    pub fn abs_diff(self, other: u16) -> u16 {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn pow(self, exp: u32) -> u16 {}
    pub fn checked_add(self, rhs: u16) -> Option<u16> {}
    pub fn checked_sub(self, rhs: u16) -> Option<u16> {}
    pub fn checked_mul(self, rhs: u16) -> Option<u16> {}
    pub fn wrapping_add(self, rhs: u16) -> u16 {}
    pub fn wrapping_sub(self, rhs: u16) -> u16 {}
    pub fn saturating_add(self, rhs: u16) -> u16 {}
    pub fn saturating_sub(self, rhs: u16) -> u16 {}
    pub fn rem_euclid(self, rhs: u16) -> u16 {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<u16, ParseIntError> {}
}

impl u32 {
    pub const MIN: u32 = 0;
    pub const MAX: u32 = 0;
    pub const BITS: u32 = 32;
    pub fn abs_diff(self, other: u32) -> u32 {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn next_power_of_two(self) -> u32 {}
    pub fn checked_next_power_of_two(self) -> Option<u32> {}
    pub fn div_ceil(self, rhs: u32) -> u32 {}
    pub fn pow(self, exp: u32) -> u32 {}
    pub fn checked_add(self, rhs: u32) -> Option<u32> {}
    pub fn checked_sub(self, rhs: u32) -> Option<u32> {}
    pub fn checked_mul(self, rhs: u32) -> Option<u32> {}
    pub fn checked_div(self, rhs: u32) -> Option<u32> {}
    pub fn checked_rem(self, rhs: u32) -> Option<u32> {}
    pub fn checked_pow(self, exp: u32) -> Option<u32> {}
    pub fn wrapping_add(self, rhs: u32) -> u32 {}
    pub fn wrapping_sub(self, rhs: u32) -> u32 {}
    pub fn wrapping_mul(self, rhs: u32) -> u32 {}
    pub fn wrapping_pow(self, exp: u32) -> u32 {}
    pub fn saturating_add(self, rhs: u32) -> u32 {}
    pub fn saturating_sub(self, rhs: u32) -> u32 {}
    pub fn saturating_mul(self, rhs: u32) -> u32 {}
    pub fn saturating_pow(self, exp: u32) -> u32 {}
    pub fn overflowing_add(self, rhs: u32) -> (u32, bool) {}
    pub fn overflowing_sub(self, rhs: u32) -> (u32, bool) {}
    pub fn overflowing_mul(self, rhs: u32) -> (u32, bool) {}
    pub fn rem_euclid(self, rhs: u32) -> u32 {}
    pub fn div_euclid(self, rhs: u32) -> u32 {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> u32 {}
    pub fn rotate_right(self, n: u32) -> u32 {}
    pub fn swap_bytes(self) -> u32 {}
    pub fn reverse_bits(self) -> u32 {}
    pub fn isqrt(self) -> u32 {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<u32, ParseIntError> {}
}

impl u64 {
    pub const MIN: u64 = 0;
    pub const MAX: u64 = 0;
    pub const BITS: u32 = 64;
    pub fn abs_diff(self, other: u64) -> u64 {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn next_power_of_two(self) -> u64 {}
    pub fn checked_next_power_of_two(self) -> Option<u64> {}
    pub fn div_ceil(self, rhs: u64) -> u64 {}
    pub fn pow(self, exp: u32) -> u64 {}
    pub fn checked_add(self, rhs: u64) -> Option<u64> {}
    pub fn checked_sub(self, rhs: u64) -> Option<u64> {}
    pub fn checked_mul(self, rhs: u64) -> Option<u64> {}
    pub fn checked_div(self, rhs: u64) -> Option<u64> {}
    pub fn checked_rem(self, rhs: u64) -> Option<u64> {}
    pub fn checked_pow(self, exp: u32) -> Option<u64> {}
    pub fn wrapping_add(self, rhs: u64) -> u64 {}
    pub fn wrapping_sub(self, rhs: u64) -> u64 {}
    pub fn wrapping_mul(self, rhs: u64) -> u64 {}
    pub fn wrapping_pow(self, exp: u32) -> u64 {}
    pub fn saturating_add(self, rhs: u64) -> u64 {}
    pub fn saturating_sub(self, rhs: u64) -> u64 {}
    pub fn saturating_mul(self, rhs: u64) -> u64 {}
    pub fn saturating_pow(self, exp: u32) -> u64 {}
    pub fn overflowing_add(self, rhs: u64) -> (u64, bool) {}
    pub fn overflowing_sub(self, rhs: u64) -> (u64, bool) {}
    pub fn overflowing_mul(self, rhs: u64) -> (u64, bool) {}
    pub fn rem_euclid(self, rhs: u64) -> u64 {}
    pub fn div_euclid(self, rhs: u64) -> u64 {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> u64 {}
    pub fn rotate_right(self, n: u32) -> u64 {}
    pub fn swap_bytes(self) -> u64 {}
    pub fn reverse_bits(self) -> u64 {}
    pub fn isqrt(self) -> u64 {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<u64, ParseIntError> {}
}

impl u128 {
    pub const MIN: u128 = 0;
    pub const MAX: u128 = 0;
    pub const BITS: u32 = 128;
    pub fn abs_diff(self, other: u128) -> u128 {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn pow(self, exp: u32) -> u128 {}
    pub fn checked_add(self, rhs: u128) -> Option<u128> {}
    pub fn checked_sub(self, rhs: u128) -> Option<u128> {}
    pub fn checked_mul(self, rhs: u128) -> Option<u128> {}
    pub fn wrapping_add(self, rhs: u128) -> u128 {}
    pub fn wrapping_sub(self, rhs: u128) -> u128 {}
    pub fn saturating_add(self, rhs: u128) -> u128 {}
    pub fn saturating_sub(self, rhs: u128) -> u128 {}
    pub fn rem_euclid(self, rhs: u128) -> u128 {}
    pub fn count_ones(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<u128, ParseIntError> {}
}

impl usize {
    pub const MIN: usize = 0;
    pub const MAX: usize = 0;
    pub const BITS: u32 = 64;
    pub fn abs_diff(self, other: usize) -> usize {}
    pub fn is_power_of_two(self) -> bool {}
    pub fn next_power_of_two(self) -> usize {}
    pub fn checked_next_power_of_two(self) -> Option<usize> {}
    pub fn div_ceil(self, rhs: usize) -> usize {}
    pub fn pow(self, exp: u32) -> usize {}
    pub fn checked_add(self, rhs: usize) -> Option<usize> {}
    pub fn checked_sub(self, rhs: usize) -> Option<usize> {}
    pub fn checked_mul(self, rhs: usize) -> Option<usize> {}
    pub fn checked_div(self, rhs: usize) -> Option<usize> {}
    pub fn checked_rem(self, rhs: usize) -> Option<usize> {}
    pub fn checked_pow(self, exp: u32) -> Option<usize> {}
    pub fn wrapping_add(self, rhs: usize) -> usize {}
    pub fn wrapping_sub(self, rhs: usize) -> usize {}
    pub fn wrapping_mul(self, rhs: usize) -> usize {}
    pub fn wrapping_pow(self, exp: u32) -> usize {}
    pub fn saturating_add(self, rhs: usize) -> usize {}
    pub fn saturating_sub(self, rhs: usize) -> usize {}
    pub fn saturating_mul(self, rhs: usize) -> usize {}
    pub fn saturating_pow(self, exp: u32) -> usize {}
    pub fn overflowing_add(self, rhs: usize) -> (usize, bool) {}
    pub fn overflowing_sub(self, rhs: usize) -> (usize, bool) {}
    pub fn overflowing_mul(self, rhs: usize) -> (usize, bool) {}
    pub fn rem_euclid(self, rhs: usize) -> usize {}
    pub fn div_euclid(self, rhs: usize) -> usize {}
    pub fn count_ones(self) -> u32 {}
    pub fn count_zeros(self) -> u32 {}
    pub fn leading_zeros(self) -> u32 {}
    pub fn trailing_zeros(self) -> u32 {}
    pub fn rotate_left(self, n: u32) -> usize {}
    pub fn rotate_right(self, n: u32) -> usize {}
    pub fn swap_bytes(self) -> usize {}
    pub fn reverse_bits(self) -> usize {}
    pub fn isqrt(self) -> usize {}
    pub fn ilog2(self) -> u32 {}
    pub fn ilog10(self) -> u32 {}
    pub fn from_str_radix(src: &str, radix: u32) -> Result<usize, ParseIntError> {}
}
