//! Input and output: the error type, `Read`/`Write`, stdin/stdout.

use crate::error::Error as StdError;
use crate::fmt::{Debug, Display};

/// The error of an I/O operation.
pub struct Error;
impl Error {
    pub fn new<E: Into<Box<dyn StdError + Send + Sync>>>(kind: ErrorKind, error: E) -> Error {}
    pub fn other<E: Into<Box<dyn StdError + Send + Sync>>>(error: E) -> Error {}
    pub fn last_os_error() -> Error {}
    pub fn kind(&self) -> ErrorKind {}
    pub fn raw_os_error(&self) -> Option<i32> {}
}
impl Debug for Error {}
impl Display for Error {}
impl StdError for Error {}
impl From<ErrorKind> for Error {}

pub enum ErrorKind {
    NotFound,
    PermissionDenied,
    ConnectionRefused,
    ConnectionReset,
    AlreadyExists,
    WouldBlock,
    InvalidInput,
    InvalidData,
    TimedOut,
    WriteZero,
    Interrupted,
    Unsupported,
    UnexpectedEof,
    OutOfMemory,
    Other,
}
impl Debug for ErrorKind {}
impl Display for ErrorKind {}
impl Clone for ErrorKind {}
impl Copy for ErrorKind {}
impl PartialEq for ErrorKind {}
impl Eq for ErrorKind {}

pub type Result<T> = crate::result::Result<T, Error>;

pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize>;
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> Result<usize> {}
    fn read_to_string(&mut self, buf: &mut String) -> Result<usize> {}
    fn read_exact(&mut self, buf: &mut [u8]) -> Result<()> {}
}

pub trait Write {
    fn write(&mut self, buf: &[u8]) -> Result<usize>;
    fn flush(&mut self) -> Result<()>;
    fn write_all(&mut self, buf: &[u8]) -> Result<()> {}
}

pub trait BufRead: Read {
    fn read_line(&mut self, buf: &mut String) -> Result<usize> {}
    fn lines(self) -> impl Iterator<Item = Result<String>> where Self: Sized {}
}

pub fn stdin() -> Stdin {}
pub fn stdout() -> Stdout {}
pub fn stderr() -> Stderr {}
pub fn read_to_string<R: Read>(reader: R) -> Result<String> {}

pub struct Stdin;
impl Stdin {
    pub fn read_line(&self, buf: &mut String) -> Result<usize> {}
    pub fn lines(self) -> impl Iterator<Item = Result<String>> {}
    pub fn lock(&self) -> StdinLock<'static> {}
}
impl Read for Stdin {}

pub struct StdinLock<'a>;
impl Read for StdinLock<'_> {}
impl BufRead for StdinLock<'_> {}

pub struct Stdout;
impl Write for Stdout {}
pub struct Stderr;
impl Write for Stderr {}

pub struct BufReader<R>;
impl<R: Read> BufReader<R> {
    pub fn new(inner: R) -> BufReader<R> {}
}
impl<R: Read> Read for BufReader<R> {}
impl<R: Read> BufRead for BufReader<R> {}

pub struct BufWriter<W: Write>;
impl<W: Write> BufWriter<W> {
    pub fn new(inner: W) -> BufWriter<W> {}
}
impl<W: Write> Write for BufWriter<W> {}

impl<R: Read + ?Sized> Read for &mut R {}
impl<W: Write + ?Sized> Write for &mut W {}
impl Write for Vec<u8> {}
