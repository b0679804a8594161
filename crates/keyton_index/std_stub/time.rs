//! Time: `Duration`, `Instant` (for measuring), `SystemTime` (wall clock).

use crate::error::Error;
use crate::fmt::{Debug, Display};
use crate::hash::Hash;
use crate::iter::Sum;
use crate::ops::{Add, AddAssign, Div, Mul, Sub, SubAssign};

pub struct Duration;
impl Duration {
    pub const ZERO: Duration = Duration::from_secs(0);
    pub const MAX: Duration = Duration::new(u64::MAX, 999999999);
    pub fn new(secs: u64, nanos: u32) -> Duration {}
    pub fn from_secs(secs: u64) -> Duration {}
    pub fn from_millis(millis: u64) -> Duration {}
    pub fn from_micros(micros: u64) -> Duration {}
    pub fn from_nanos(nanos: u64) -> Duration {}
    pub fn from_secs_f64(secs: f64) -> Duration {}
    pub fn from_secs_f32(secs: f32) -> Duration {}
    pub fn is_zero(&self) -> bool {}
    pub fn as_secs(&self) -> u64 {}
    pub fn as_millis(&self) -> u128 {}
    pub fn as_micros(&self) -> u128 {}
    pub fn as_nanos(&self) -> u128 {}
    pub fn as_secs_f64(&self) -> f64 {}
    pub fn as_secs_f32(&self) -> f32 {}
    pub fn subsec_millis(&self) -> u32 {}
    pub fn subsec_micros(&self) -> u32 {}
    pub fn subsec_nanos(&self) -> u32 {}
    pub fn checked_add(self, rhs: Duration) -> Option<Duration> {}
    pub fn checked_sub(self, rhs: Duration) -> Option<Duration> {}
    pub fn saturating_sub(self, rhs: Duration) -> Duration {}
    pub fn mul_f64(self, rhs: f64) -> Duration {}
    pub fn div_f64(self, rhs: f64) -> Duration {}
    pub fn abs_diff(self, other: Duration) -> Duration {}
}
impl Add for Duration {
    type Output = Duration;
}
impl Sub for Duration {
    type Output = Duration;
}
impl Mul<u32> for Duration {
    type Output = Duration;
}
impl Div<u32> for Duration {
    type Output = Duration;
}
impl AddAssign for Duration {}
impl SubAssign for Duration {}
impl Sum for Duration {}
impl Clone for Duration {}
impl Clone for Duration {}
impl Copy for Duration {}
impl Debug for Duration {}
impl Default for Duration {}
impl PartialEq for Duration {}
impl Eq for Duration {}
impl PartialOrd for Duration {}
impl Ord for Duration {}
impl Hash for Duration {}

/// A moment of a monotonic clock: for measuring how long something takes.
pub struct Instant;
impl Instant {
    pub fn now() -> Instant {}
    pub fn elapsed(&self) -> Duration {}
    pub fn duration_since(&self, earlier: Instant) -> Duration {}
    pub fn saturating_duration_since(&self, earlier: Instant) -> Duration {}
    pub fn checked_add(&self, duration: Duration) -> Option<Instant> {}
    pub fn checked_sub(&self, duration: Duration) -> Option<Instant> {}
}
impl Add<Duration> for Instant {
    type Output = Instant;
}
impl Sub<Duration> for Instant {
    type Output = Instant;
}
impl Sub<Instant> for Instant {
    type Output = Duration;
}
impl Clone for Instant {}
impl Clone for Instant {}
impl Copy for Instant {}
impl Debug for Instant {}
impl PartialEq for Instant {}
impl Eq for Instant {}
impl PartialOrd for Instant {}
impl Ord for Instant {}
impl Hash for Instant {}

/// A moment of the wall clock.
pub struct SystemTime;
impl SystemTime {
    pub const UNIX_EPOCH: SystemTime = UNIX_EPOCH;
    pub fn now() -> SystemTime {}
    pub fn duration_since(&self, earlier: SystemTime) -> Result<Duration, SystemTimeError> {}
    pub fn elapsed(&self) -> Result<Duration, SystemTimeError> {}
}
pub const UNIX_EPOCH: SystemTime = SystemTime;
impl Add<Duration> for SystemTime {
    type Output = SystemTime;
}
impl Sub<Duration> for SystemTime {
    type Output = SystemTime;
}
impl Clone for SystemTime {}
impl Clone for SystemTime {}
impl Copy for SystemTime {}
impl Debug for SystemTime {}
impl PartialEq for SystemTime {}
impl Eq for SystemTime {}
impl PartialOrd for SystemTime {}
impl Ord for SystemTime {}
impl Hash for SystemTime {}

pub struct SystemTimeError;
impl SystemTimeError {
    pub fn duration(&self) -> Duration {}
}
impl Clone for SystemTimeError {}
impl Debug for SystemTimeError {}
impl Display for SystemTimeError {}
impl Error for SystemTimeError {}
