//! Re-exports of the crates this Keyton session imported with `rimport` (none yet).
