//! The scenario library bundled into the app at build time from `scenarios/*.toml`.

use crate::scenario::{self, Scenario};

/// Every bundled scenario file as `(file name, TOML source)`, sorted by file name.
pub const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

/// Parses every bundled scenario, skipping none: a file that fails to parse is an error
/// here, because `growsim check` and the tests keep the bundled files valid.
pub fn scenarios() -> Vec<Result<Scenario, scenario::Diagnostic>> {
    FILES.iter().map(|(name, source)| scenario::parse(name, source).map_err(|mut errors| errors.remove(0))).collect()
}
