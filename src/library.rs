//! The scenario library bundled into the app at build time from `scenarios/*.toml`.

use crate::scenario::{self, Scenario};
use std::sync::OnceLock;

/// Every bundled scenario file as `(file name, TOML source)`, sorted by file name.
pub const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

/// The bundled scenarios, parsed once. A file that fails to parse is left out here; `growsim
/// check` and the test suite keep the bundled files valid.
pub fn all() -> &'static [Scenario] {
    static CELL: OnceLock<Vec<Scenario>> = OnceLock::new();
    CELL.get_or_init(|| FILES.iter().filter_map(|(name, source)| scenario::parse(name, source).ok()).collect())
}

/// The bundled scenario with this id.
pub fn get(id: &str) -> Option<&'static Scenario> {
    all().iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bundled_file_parses_with_a_unique_id() {
        assert_eq!(super::all().len(), super::FILES.len());
        let mut ids: Vec<&str> = super::all().iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), super::FILES.len());
    }
}
