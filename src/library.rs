//! The scenario library: the files bundled at build time from `scenarios/*.toml`, plus custom
//! scenarios loaded at run time (a facilitator's own files), which must pass the validator.
//!
//! Natively every bundled file is whole. The web build bundles only each file's head (its
//! [`Card`]): the app fetches a scenario's file from `scenarios/` when a session needs it and
//! hands it to [`load`], so the download does not grow with every scenario added.

use crate::scenario::{self, Card, Code, Diagnostic, Scenario, Severity};
use std::io::Read;
use std::sync::{Mutex, OnceLock};

/// Every bundled file as `(file name, text)`, sorted by file name: the whole file natively, its
/// head in the web build.
///
/// `build.rs` packs the files into one bzip2 stream, far smaller in the download than the plain
/// text; it is unpacked on first use and kept for the life of the program.
fn bundled() -> &'static [(&'static str, &'static str)] {
    static CELL: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    CELL.get_or_init(|| {
        unpack(
            include!(concat!(env!("OUT_DIR"), "/scenarios.rs")),
            include_bytes!(concat!(env!("OUT_DIR"), "/scenarios.bz2")),
            "scenarios",
        )
    })
}

/// Every bundled scenario file as `(file name, TOML source)`, sorted by file name.
#[cfg(not(target_arch = "wasm32"))]
pub fn files() -> &'static [(&'static str, &'static str)] {
    bundled()
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

/// A bundled scenario as the library lists it: its file name and card.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The file name in `scenarios/`, e.g. `02-vague-goal.toml`.
    pub file: &'static str,
    pub card: Card,
}

/// Every bundled scenario's card, in file order. A file whose head cannot be read is left out;
/// `growsim check` and the test suite keep the bundled files valid.
pub fn entries() -> &'static [Entry] {
    static CELL: OnceLock<Vec<Entry>> = OnceLock::new();
    CELL.get_or_init(|| {
        bundled()
            .iter()
            .filter_map(|&(file, text)| Some(Entry { file, card: scenario::card(file, text).ok()? }))
            .collect()
    })
}

/// The card of the scenario with this id: a custom one's, else a bundled one's, loaded or not.
pub fn card(id: &str) -> Option<Card> {
    get(id).map(Scenario::card).or_else(|| entry(id).map(|e| e.card.clone()))
}

/// The bundled scenario with this id, loaded or not.
pub fn entry(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.card.id == id)
}

/// The bundled scenarios, parsed once. A file that fails to parse is left out here; `growsim
/// check` and the test suite keep the bundled files valid.
#[cfg(not(target_arch = "wasm32"))]
pub fn all() -> &'static [Scenario] {
    static CELL: OnceLock<Vec<Scenario>> = OnceLock::new();
    CELL.get_or_init(|| files().iter().filter_map(|(name, source)| scenario::parse(name, source).ok()).collect())
}

/// Bundled scenarios whose files were fetched at run time (the web build).
static LOADED: Mutex<Vec<&'static Scenario>> = Mutex::new(Vec::new());

/// Takes a bundled scenario's whole file, fetched at run time, and makes it playable. The file
/// must be the one the bundle lists under `file`, with the same id, and free of errors.
pub fn load(file: &str, source: &str) -> Result<&'static Scenario, String> {
    let Some(entry) = entries().iter().find(|e| e.file == file) else {
        return Err(format!("{file} is not a scenario of this build"));
    };
    if let Some(done) = loaded(&entry.card.id) {
        return Ok(done);
    }
    let refuse = |d: &Diagnostic| format!("{file} could not be read ({d}); reload the page to fetch it again");
    if let Some(d) = scenario::check(file, source).iter().find(|d| d.code.severity() == Severity::Error) {
        return Err(refuse(d));
    }
    let parsed = scenario::parse(file, source).map_err(|d| d.first().map(refuse).unwrap_or_default())?;
    if parsed.id != entry.card.id {
        return Err(format!("{file} holds the scenario \"{}\", not \"{}\"; reload the page", parsed.id, entry.card.id));
    }
    let leaked: &'static Scenario = Box::leak(Box::new(parsed));
    LOADED.lock().map_err(|_| "the library is unavailable".to_string())?.push(leaked);
    Ok(leaked)
}

fn loaded(id: &str) -> Option<&'static Scenario> {
    LOADED.lock().ok().and_then(|l| l.iter().find(|s| s.id == id).copied())
}

/// A bundled scenario that is listed but not yet loaded: its file must be fetched first.
pub fn to_fetch(id: &str) -> Option<&'static Entry> {
    entry(id).filter(|_| get(id).is_none())
}

/// Custom scenarios, newest last. They live as long as the page: a replaced version stays
/// readable for any session still playing it.
static CUSTOM: Mutex<Vec<&'static Scenario>> = Mutex::new(Vec::new());

/// The playable scenario with this id: the newest custom one, else the bundled one (in the web
/// build, once its file is loaded).
pub fn get(id: &str) -> Option<&'static Scenario> {
    let custom = CUSTOM.lock().ok().and_then(|c| c.iter().rev().find(|s| s.id == id).copied());
    #[cfg(not(target_arch = "wasm32"))]
    let custom = custom.or_else(|| all().iter().find(|s| s.id == id));
    custom.or_else(|| loaded(id))
}

/// Validates a custom scenario and, if it has no errors, adds it (replacing an older custom one
/// with the same id). Returns its warnings, or every problem when it is refused.
pub fn add_custom(file: &str, source: &str) -> Result<(&'static Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let diagnostics = scenario::check(file, source);
    if diagnostics.iter().any(|d| d.code.severity() == Severity::Error) {
        return Err(diagnostics);
    }
    let parsed = scenario::parse(file, source)?;
    if entry(&parsed.id).is_some() {
        let line = source.lines().position(|l| l.trim_start().starts_with("id")).map(|i| i + 1);
        let message = format!("the id \"{}\" belongs to a built-in scenario; choose another id", parsed.id);
        return Err(vec![Diagnostic { code: Code::DuplicateId, file: file.into(), node: None, line, message }]);
    }
    let leaked: &'static Scenario = Box::leak(Box::new(parsed));
    CUSTOM.lock().map_err(|_| Vec::new())?.push(leaked);
    Ok((leaked, diagnostics))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
    fn every_bundled_file_has_a_card_from_its_head_alone() {
        assert_eq!(entries().len(), files().len());
        for ((file, source), entry) in files().iter().zip(entries()) {
            assert_eq!(entry.file, *file);
            let from_head = scenario::card(file, scenario::head(source)).unwrap();
            assert_eq!(from_head, scenario::parse(file, source).unwrap().card(), "{file}");
        }
    }

    #[test]
    fn a_fetched_file_loads_only_if_it_is_the_one_listed() {
        let (file, source) = files()[1];
        let other = files()[2].1;
        assert!(load(file, other).unwrap_err().contains("not \""), "another scenario's file is refused");
        assert!(load(file, "<html>404</html>").unwrap_err().contains(file));
        assert!(load("nope.toml", source).unwrap_err().contains("not a scenario"));
        let loaded = load(file, source).unwrap();
        assert_eq!(Some(loaded.id.as_str()), entries().iter().find(|e| e.file == file).map(|e| e.card.id.as_str()));
        assert!(to_fetch(&loaded.id).is_none());
        assert!(to_fetch("no-such-scenario").is_none());
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
