//! `growsim`: the command line for scenario authors, facilitators and measurement.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    cli::run(std::env::args().skip(1).collect())
}
