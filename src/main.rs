//! `growsim`: the command line for scenario authors, facilitators and measurement.

use std::process::ExitCode;

// Native only: clap is not built for wasm32, but `cargo test --target wasm32-unknown-unknown`
// still compiles every binary, so this one must build there too.
#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    cli::run(std::env::args_os())
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::from(2)
}
