//! std's API for Keyton's checker: signatures only (bodies are empty),
//! read by keyton_index's reader like a crate's source. std has no source
//! on these machines; this is its typeshed. Modules mirror std's, so the
//! paths here are std's paths. Simplifications, where std is more general
//! than Keyton needs: string patterns are `&str`; iterator adapters return
//! `impl Iterator<Item = ..>` rather than named adapter types.

pub mod cell;
pub mod char;
pub mod cmp;
pub mod collections;
pub mod convert;
pub mod env;
pub mod fmt;
pub mod fs;
pub mod io;
pub mod iter;
pub mod num;
pub mod ops;
pub mod option;
pub mod path;
pub mod result;
pub mod slice;
pub mod str;
pub mod string;
pub mod time;
pub mod vec;
mod prim_float;
mod prim_int;
mod prim_uint;
mod prim_traits;

pub mod marker {
    pub trait Copy: Clone {}
    pub trait Send {}
    pub trait Sync {}
    pub trait Sized {}
    pub trait Unpin {}
    pub struct PhantomData<T>;
    impl<T> Clone for PhantomData<T> {}
    impl<T> Copy for PhantomData<T> {}
}

pub mod clone {
    pub trait Clone {
        fn clone(&self) -> Self;
        fn clone_from(&mut self, source: &Self) {}
    }
}

pub mod default {
    pub trait Default {
        fn default() -> Self;
    }
}

pub mod hash {
    pub trait Hash {
        fn hash<H: Hasher>(&self, state: &mut H);
    }
    pub trait Hasher {
        fn finish(&self) -> u64;
        fn write(&mut self, bytes: &[u8]);
    }
}

pub mod borrow {
    pub trait Borrow<Borrowed: ?Sized> {
        fn borrow(&self) -> &Borrowed;
    }
    pub trait ToOwned {
        type Owned;
        fn to_owned(&self) -> Self::Owned;
    }
    impl<T: Clone> ToOwned for T {
        type Owned = T;
    }
    impl<T: ?Sized> Borrow<T> for T {}
    impl<T: ?Sized> Borrow<T> for &T {}

    use crate::fmt::{Debug, Display};
    use crate::ops::Deref;
    /// Crates give text this way (textwrap's lines): borrowed from the
    /// input where it could be, owned where it had to change.
    pub enum Cow<'a, B: ?Sized + ToOwned + 'a> {
        Borrowed(&'a B),
        Owned(<B as ToOwned>::Owned),
    }
    impl<B: ?Sized + ToOwned> Cow<'_, B> {
        pub fn is_borrowed(&self) -> bool {}
        pub fn is_owned(&self) -> bool {}
        pub fn into_owned(self) -> <B as ToOwned>::Owned {}
        pub fn to_mut(&mut self) -> &mut <B as ToOwned>::Owned {}
    }
    impl<B: ?Sized + ToOwned> Deref for Cow<'_, B> {
        type Target = B;
        fn deref(&self) -> &B {}
    }
    impl<B: ?Sized + ToOwned> Clone for Cow<'_, B> {}
    impl<B: ?Sized + ToOwned + Debug> Debug for Cow<'_, B> {}
    impl<B: ?Sized + ToOwned + Display> Display for Cow<'_, B> {}
}

pub mod any {
    pub trait Any {
        fn type_id(&self) -> TypeId;
    }
    pub struct TypeId;
    impl Clone for TypeId {}
    impl Copy for TypeId {}
    pub fn type_name<T: ?Sized>() -> &'static str {}
}

pub mod error {
    use crate::fmt::{Debug, Display};

    /// Errors: values that show as text and may have a cause.
    pub trait Error: Debug + Display {
        fn source(&self) -> Option<&(dyn Error + 'static)> {}
    }
}

pub mod boxed {
    use crate::error::Error;
    use crate::fmt::{Debug, Display};
    use crate::ops::{Deref, DerefMut};

    pub struct Box<T: ?Sized>;
    impl<T> Box<T> {
        pub fn new(x: T) -> Box<T> {}
    }
    impl<T: ?Sized> Deref for Box<T> {
        type Target = T;
    }
    impl<T: ?Sized> DerefMut for Box<T> {}
    impl<T: Clone> Clone for Box<T> {}
    impl<T: ?Sized + Debug> Debug for Box<T> {}
    impl<T: ?Sized + Display> Display for Box<T> {}
    impl<T: ?Sized + PartialEq> PartialEq for Box<T> {}
    impl<T> From<T> for Box<T> {}
    impl<E: Error> From<E> for Box<dyn Error> {}
    impl<E: Error + Send + Sync> From<E> for Box<dyn Error + Send + Sync> {}
    impl From<&str> for Box<dyn Error> {}
    impl From<String> for Box<dyn Error> {}
    impl From<&str> for Box<dyn Error + Send + Sync> {}
    impl From<String> for Box<dyn Error + Send + Sync> {}
}

pub mod mem {
    pub fn swap<T>(x: &mut T, y: &mut T) {}
    pub fn replace<T>(dest: &mut T, src: T) -> T {}
    pub fn take<T: Default>(dest: &mut T) -> T {}
    pub fn drop<T>(x: T) {}
    pub fn size_of<T>() -> usize {}
}

pub mod process {
    pub fn exit(code: i32) -> ! {}
    pub fn abort() -> ! {}
    pub fn id() -> u32 {}
}

pub mod thread {
    use crate::any::Any;
    use crate::cell::{Cell, RefCell};
    use crate::time::Duration;

    pub fn sleep(dur: Duration) {}
    pub fn yield_now() {}
    pub fn spawn<F: FnOnce() -> T + Send + 'static, T: Send + 'static>(f: F) -> JoinHandle<T> {}
    pub struct JoinHandle<T>;
    /// A `thread_local!` static: each thread's own `T`, reached in `with`.
    pub struct LocalKey<T: 'static>;
    impl<T: 'static> LocalKey<T> {
        pub fn with<F: FnOnce(&T) -> R, R>(&'static self, f: F) -> R {}
    }
    impl<T: 'static> LocalKey<Cell<T>> {
        pub fn set(&'static self, value: T) {}
        pub fn get(&'static self) -> T where T: Copy {}
        pub fn take(&'static self) -> T where T: Default {}
        pub fn replace(&'static self, value: T) -> T {}
    }
    impl<T: 'static> LocalKey<RefCell<T>> {
        pub fn with_borrow<F: FnOnce(&T) -> R, R>(&'static self, f: F) -> R {}
        pub fn with_borrow_mut<F: FnOnce(&mut T) -> R, R>(&'static self, f: F) -> R {}
        pub fn set(&'static self, value: T) {}
        pub fn take(&'static self) -> T where T: Default {}
        pub fn replace(&'static self, value: T) -> T {}
    }
    impl<T> JoinHandle<T> {
        pub fn join(self) -> Result<T, Box<dyn Any + Send>> {}
        pub fn is_finished(&self) -> bool {}
    }
}

pub mod ffi {
    use crate::fmt::Debug;
    use crate::ops::Deref;

    pub struct OsStr;
    pub struct OsString;
    impl OsStr {
        pub fn to_str(&self) -> Option<&str> {}
        pub fn to_string_lossy(&self) -> String {}
        pub fn to_os_string(&self) -> OsString {}
        pub fn len(&self) -> usize {}
        pub fn is_empty(&self) -> bool {}
    }
    impl OsString {
        pub fn new() -> OsString {}
        pub fn into_string(self) -> Result<String, OsString> {}
        pub fn as_os_str(&self) -> &OsStr {}
    }
    impl Deref for OsString {
        type Target = OsStr;
    }
    impl AsRef<OsStr> for OsStr {}
    impl AsRef<OsStr> for OsString {}
    impl AsRef<OsStr> for str {}
    impl AsRef<OsStr> for String {}
    impl From<String> for OsString {}
    impl Debug for OsStr {}
    impl Debug for OsString {}
    impl Clone for OsString {}
    impl PartialEq for OsString {}
    impl PartialEq<str> for OsStr {}
}

pub mod i8 {
    pub const MIN: i8 = -128;
    pub const MAX: i8 = 127;
}
pub mod i16 {
    pub const MIN: i16 = -32768;
    pub const MAX: i16 = 32767;
}
pub mod i32 {
    pub const MIN: i32 = -2147483648;
    pub const MAX: i32 = 2147483647;
}
pub mod i64 {
    pub const MIN: i64 = -9223372036854775808;
    pub const MAX: i64 = 9223372036854775807;
}
pub mod u8 {
    pub const MIN: u8 = 0;
    pub const MAX: u8 = 255;
}
pub mod u16 {
    pub const MIN: u16 = 0;
    pub const MAX: u16 = 65535;
}
pub mod u32 {
    pub const MIN: u32 = 0;
    pub const MAX: u32 = 4294967295;
}
pub mod u64 {
    pub const MIN: u64 = 0;
    pub const MAX: u64 = 18446744073709551615;
}
pub mod usize {
    pub const MIN: usize = 0;
    pub const MAX: usize = 18446744073709551615;
}

pub mod f64 {
    pub const MIN: f64 = -1.7976931348623157e308;
    pub const MAX: f64 = 1.7976931348623157e308;
    pub const EPSILON: f64 = 2.220446049250313e-16;
    pub const INFINITY: f64 = 1.0 / 0.0;
    pub const NEG_INFINITY: f64 = -1.0 / 0.0;
    pub const NAN: f64 = 0.0 / 0.0;

    pub mod consts {
        pub const PI: f64 = 3.14159265358979323846264338327950288;
        pub const TAU: f64 = 6.28318530717958647692528676655900577;
        pub const E: f64 = 2.71828182845904523536028747135266250;
        pub const SQRT_2: f64 = 1.41421356237309504880168872420969808;
        pub const LN_2: f64 = 0.693147180559945309417232121458176568;
        pub const LN_10: f64 = 2.30258509299404568401799145468436421;
        pub const FRAC_PI_2: f64 = 1.57079632679489661923132169163975144;
    }
}

pub mod f32 {
    pub const MIN: f32 = -3.40282347e+38;
    pub const MAX: f32 = 3.40282347e+38;
    pub const EPSILON: f32 = 1.19209290e-07;

    pub mod consts {
        pub const PI: f32 = 3.14159265358979323846264338327950288;
        pub const E: f32 = 2.71828182845904523536028747135266250;
    }
}
