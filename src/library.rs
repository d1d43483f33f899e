//! The scenario library: the files bundled at build time from `scenarios/*.toml`, plus custom
//! scenarios loaded at run time (a facilitator's own files), which must pass the validator.

use crate::scenario::{self, Code, Diagnostic, Scenario, Severity};
use std::io::Read;
use std::sync::{Mutex, OnceLock};

/// Every bundled scenario file as `(file name, TOML source)`, sorted by file name.
///
/// `build.rs` packs the files into one bzip2 stream, far smaller in the download than the plain
/// text; it is unpacked on first use and kept for the life of the program.
pub fn files() -> &'static [(&'static str, &'static str)] {
    static CELL: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    CELL.get_or_init(|| {
        unpack(
            include!(concat!(env!("OUT_DIR"), "/scenarios.rs")),
            include_bytes!(concat!(env!("OUT_DIR"), "/scenarios.bz2")),
            "scenarios",
        )
    })
}

/// Unpacks a bzip2 stream that `build.rs` packed from files of these `(name, length)`, into
/// `(name, text)` pairs that live for the rest of the program.
pub fn unpack(lengths: &[(&'static str, usize)], packed: &[u8], what: &str) -> Vec<(&'static str, &'static str)> {
    let mut text = String::new();
    if bzip2::read::BzDecoder::new(packed).read_to_string(&mut text).is_err() {
        panic!("the bundled {what} could not be unpacked");
    }
    let mut rest: &'static str = text.leak();
    lengths
        .iter()
        .map(|&(name, len)| {
            let (source, tail) = rest.split_at(len);
            rest = tail;
            (name, source)
        })
        .collect()
}

/// The bundled scenarios, parsed once. A file that fails to parse is left out here; `growsim
/// check` and the test suite keep the bundled files valid.
pub fn all() -> &'static [Scenario] {
    static CELL: OnceLock<Vec<Scenario>> = OnceLock::new();
    CELL.get_or_init(|| files().iter().filter_map(|(name, source)| scenario::parse(name, source).ok()).collect())
}

/// Custom scenarios, newest last. They live as long as the page: a replaced version stays
/// readable for any session still playing it.
static CUSTOM: Mutex<Vec<&'static Scenario>> = Mutex::new(Vec::new());

/// The scenario with this id: the newest custom one, else the bundled one.
pub fn get(id: &str) -> Option<&'static Scenario> {
    let custom = CUSTOM.lock().ok().and_then(|c| c.iter().rev().find(|s| s.id == id).copied());
    custom.or_else(|| all().iter().find(|s| s.id == id))
}

/// Validates a custom scenario and, if it has no errors, adds it (replacing an older custom one
/// with the same id). Returns its warnings, or every problem when it is refused.
pub fn add_custom(file: &str, source: &str) -> Result<(&'static Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let diagnostics = scenario::check(file, source);
    if diagnostics.iter().any(|d| d.code.severity() == Severity::Error) {
        return Err(diagnostics);
    }
    let parsed = scenario::parse(file, source)?;
    if all().iter().any(|s| s.id == parsed.id) {
        let line = source.lines().position(|l| l.trim_start().starts_with("id")).map(|i| i + 1);
        let message = format!("the id \"{}\" belongs to a built-in scenario; choose another id", parsed.id);
        return Err(vec![Diagnostic { code: Code::DuplicateId, file: file.into(), node: None, line, message }]);
    }
    let leaked: &'static Scenario = Box::leak(Box::new(parsed));
    CUSTOM.lock().map_err(|_| Vec::new())?.push(leaked);
    Ok((leaked, diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_scenario_is_validated_then_playable_by_id() {
        let source = files()[0].1.replacen("id = \"too-big-goal\"", "id = \"my-own\"", 1);
        let (added, _) = add_custom("mine.toml", &source).unwrap();
        assert_eq!(get("my-own").map(|s| &s.id), Some(&added.id));
        let clash = add_custom("clash.toml", files()[0].1).unwrap_err();
        assert_eq!(clash[0].code, Code::DuplicateId);
        assert!(clash[0].message.contains("built-in"));
        let broken = add_custom("broken.toml", "id = \"x\"\n[[node]]\nid = 3").unwrap_err();
        assert!(!broken.is_empty());
        assert!(get("x").is_none());
    }

    #[test]
    fn the_bundle_unpacks_to_the_files_on_disk() {
        let mut names: Vec<String> = std::fs::read_dir("scenarios")
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".toml"))
            .collect();
        names.sort();
        let bundled: Vec<&str> = files().iter().map(|(name, _)| *name).collect();
        assert_eq!(bundled, names);
        for (name, source) in files() {
            assert_eq!(*source, std::fs::read_to_string(format!("scenarios/{name}")).unwrap(), "{name}");
        }
    }

    #[test]
    fn every_bundled_file_parses_with_a_unique_id() {
        assert_eq!(super::all().len(), super::files().len());
        let mut ids: Vec<&str> = super::all().iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), super::files().len());
    }
}
