//! Inherent methods and constants of `f64` (Keyton's float) and `f32`.

use crate::cmp::Ordering;

impl f64 {
    pub const MIN: f64 = 0.0;
    pub const MAX: f64 = 0.0;
    pub const MIN_POSITIVE: f64 = 0.0;
    pub const EPSILON: f64 = 0.0;
    pub const INFINITY: f64 = 0.0;
    pub const NEG_INFINITY: f64 = 0.0;
    pub const NAN: f64 = 0.0;
    pub fn floor(self) -> f64 {}
    pub fn ceil(self) -> f64 {}
    pub fn round(self) -> f64 {}
    pub fn round_ties_even(self) -> f64 {}
    pub fn trunc(self) -> f64 {}
    pub fn fract(self) -> f64 {}
    pub fn abs(self) -> f64 {}
    pub fn signum(self) -> f64 {}
    pub fn copysign(self, sign: f64) -> f64 {}
    pub fn mul_add(self, a: f64, b: f64) -> f64 {}
    pub fn div_euclid(self, rhs: f64) -> f64 {}
    pub fn rem_euclid(self, rhs: f64) -> f64 {}
    pub fn powi(self, n: i32) -> f64 {}
    pub fn powf(self, n: f64) -> f64 {}
    pub fn sqrt(self) -> f64 {}
    pub fn cbrt(self) -> f64 {}
    pub fn exp(self) -> f64 {}
    pub fn exp2(self) -> f64 {}
    pub fn exp_m1(self) -> f64 {}
    pub fn ln(self) -> f64 {}
    pub fn log(self, base: f64) -> f64 {}
    pub fn log2(self) -> f64 {}
    pub fn log10(self) -> f64 {}
    pub fn ln_1p(self) -> f64 {}
    pub fn hypot(self, other: f64) -> f64 {}
    pub fn sin(self) -> f64 {}
    pub fn cos(self) -> f64 {}
    pub fn tan(self) -> f64 {}
    pub fn asin(self) -> f64 {}
    pub fn acos(self) -> f64 {}
    pub fn atan(self) -> f64 {}
    pub fn atan2(self, other: f64) -> f64 {}
    pub fn sin_cos(self) -> (f64, f64) {}
    pub fn sinh(self) -> f64 {}
    pub fn cosh(self) -> f64 {}
    pub fn tanh(self) -> f64 {}
    pub fn asinh(self) -> f64 {}
    pub fn acosh(self) -> f64 {}
    pub fn atanh(self) -> f64 {}
    pub fn is_nan(self) -> bool {}
    pub fn is_infinite(self) -> bool {}
    pub fn is_finite(self) -> bool {}
    pub fn is_normal(self) -> bool {}
    pub fn is_sign_positive(self) -> bool {}
    pub fn is_sign_negative(self) -> bool {}
    pub fn recip(self) -> f64 {}
    pub fn to_degrees(self) -> f64 {}
    pub fn to_radians(self) -> f64 {}
    pub fn max(self, other: f64) -> f64 {}
    pub fn min(self, other: f64) -> f64 {}
    pub fn maximum(self, other: f64) -> f64 {}
    pub fn minimum(self, other: f64) -> f64 {}
    pub fn clamp(self, min: f64, max: f64) -> f64 {}
    pub fn total_cmp(&self, other: &f64) -> Ordering {}
    pub fn to_bits(self) -> u64 {}
    pub fn from_bits(v: u64) -> f64 {}
}

impl f32 {
    pub const MIN: f32 = 0.0;
    pub const MAX: f32 = 0.0;
    pub const MIN_POSITIVE: f32 = 0.0;
    pub const EPSILON: f32 = 0.0;
    pub const INFINITY: f32 = 0.0;
    pub const NEG_INFINITY: f32 = 0.0;
    pub const NAN: f32 = 0.0;
    pub fn floor(self) -> f32 {}
    pub fn ceil(self) -> f32 {}
    pub fn round(self) -> f32 {}
    pub fn round_ties_even(self) -> f32 {}
    pub fn trunc(self) -> f32 {}
    pub fn fract(self) -> f32 {}
    pub fn abs(self) -> f32 {}
    pub fn signum(self) -> f32 {}
    pub fn copysign(self, sign: f32) -> f32 {}
    pub fn mul_add(self, a: f32, b: f32) -> f32 {}
    pub fn div_euclid(self, rhs: f32) -> f32 {}
    pub fn rem_euclid(self, rhs: f32) -> f32 {}
    pub fn powi(self, n: i32) -> f32 {}
    pub fn powf(self, n: f32) -> f32 {}
    pub fn sqrt(self) -> f32 {}
    pub fn cbrt(self) -> f32 {}
    pub fn exp(self) -> f32 {}
    pub fn exp2(self) -> f32 {}
    pub fn exp_m1(self) -> f32 {}
    pub fn ln(self) -> f32 {}
    pub fn log(self, base: f32) -> f32 {}
    pub fn log2(self) -> f32 {}
    pub fn log10(self) -> f32 {}
    pub fn ln_1p(self) -> f32 {}
    pub fn hypot(self, other: f32) -> f32 {}
    pub fn sin(self) -> f32 {}
    pub fn cos(self) -> f32 {}
    pub fn tan(self) -> f32 {}
    pub fn asin(self) -> f32 {}
    pub fn acos(self) -> f32 {}
    pub fn atan(self) -> f32 {}
    pub fn atan2(self, other: f32) -> f32 {}
    pub fn sin_cos(self) -> (f32, f32) {}
    pub fn sinh(self) -> f32 {}
    pub fn cosh(self) -> f32 {}
    pub fn tanh(self) -> f32 {}
    pub fn asinh(self) -> f32 {}
    pub fn acosh(self) -> f32 {}
    pub fn atanh(self) -> f32 {}
    pub fn is_nan(self) -> bool {}
    pub fn is_infinite(self) -> bool {}
    pub fn is_finite(self) -> bool {}
    pub fn is_normal(self) -> bool {}
    pub fn is_sign_positive(self) -> bool {}
    pub fn is_sign_negative(self) -> bool {}
    pub fn recip(self) -> f32 {}
    pub fn to_degrees(self) -> f32 {}
    pub fn to_radians(self) -> f32 {}
    pub fn max(self, other: f32) -> f32 {}
    pub fn min(self, other: f32) -> f32 {}
    pub fn maximum(self, other: f32) -> f32 {}
    pub fn minimum(self, other: f32) -> f32 {}
    pub fn clamp(self, min: f32, max: f32) -> f32 {}
    pub fn total_cmp(&self, other: &f32) -> Ordering {}
    pub fn to_bits(self) -> u32 {}
    pub fn from_bits(v: u32) -> f32 {}
}

impl bool {
    pub fn then<T, F: FnOnce() -> T>(self, f: F) -> Option<T> {}
    pub fn then_some<T>(self, t: T) -> Option<T> {}
}
