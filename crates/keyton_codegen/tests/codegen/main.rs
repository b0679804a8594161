//! Codegen tests: hand-built typed programs, emitted and checked as Rust text
//! (`exprs`, `stmts`) and compiled with rustc and run (`run`).

mod build;
mod exprs;
mod run;
mod stmts;
