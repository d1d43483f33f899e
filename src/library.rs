//! The scenario library: the scenarios built in from `scenarios/*.toml`, plus custom scenarios
//! loaded at run time (a facilitator's own files), which must pass the validator.
//!
//! Every build bundles each built-in scenario's card (its file's [`head`](scenario::head)). The
//! native build bundles the whole files too; the web app fetches a file when a session or a
//! debrief needs it ([`to_fetch`] names it) and hands it to [`load`], so the download does not
//! grow with each scenario written.

use crate::scenario::{self, Card, Code, Diagnostic, Scenario, Severity};
use std::io::Read;
use std::sync::{Mutex, OnceLock};

/// Every built-in scenario as `(file name, head)`, sorted by file name.
fn heads() -> &'static [(&'static str, &'static str)] {
    static CELL: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    CELL.get_or_init(|| {
        unpack(
            include!(concat!(env!("OUT_DIR"), "/heads.rs")),
            include_bytes!(concat!(env!("OUT_DIR"), "/heads.bz2")),
            "scenario cards",
        )
    })
}

/// Every built-in scenario's card with its file name, in file order. A head that fails to parse
/// is left out; `growsim check` and the test suite keep the files valid.
pub fn cards() -> &'static [(&'static str, Card)] {
    static CELL: OnceLock<Vec<(&'static str, Card)>> = OnceLock::new();
    CELL.get_or_init(|| {
        heads().iter().filter_map(|&(file, head)| scenario::parse_card(file, head).ok().map(|c| (file, c))).collect()
    })
}

/// The card of the scenario with this id: the newest custom one, else the built-in one.
pub fn card(id: &str) -> Option<Card> {
    custom(id).map(Scenario::card).or_else(|| cards().iter().find(|(_, c)| c.id == id).map(|(_, c)| c.clone()))
}

/// The file to fetch for the built-in scenario `id`, when it is not yet loaded.
pub fn to_fetch(id: &str) -> Option<&'static str> {
    if get(id).is_some() {
        return None;
    }
    cards().iter().find(|(_, c)| c.id == id).map(|&(file, _)| file)
}

/// Every built-in scenario file as `(file name, TOML source)`, sorted by file name (native
/// builds only).
///
/// `build.rs` packs the files into one bzip2 stream, far smaller than the plain text; it is
/// unpacked on first use and kept for the life of the program.
#[cfg(not(target_arch = "wasm32"))]
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

/// The built-in scenarios, parsed once (native builds only). A file that fails to parse is left
/// out here; `growsim check` and the test suite keep the files valid.
#[cfg(not(target_arch = "wasm32"))]
pub fn all() -> &'static [Scenario] {
    static CELL: OnceLock<Vec<Scenario>> = OnceLock::new();
    CELL.get_or_init(|| files().iter().filter_map(|(name, source)| scenario::parse(name, source).ok()).collect())
}

/// Custom scenarios, newest last. They live as long as the page: a replaced version stays
/// readable for any session still playing it.
static CUSTOM: Mutex<Vec<&'static Scenario>> = Mutex::new(Vec::new());

/// Built-in scenarios fetched by the web app, in the order they arrived.
static LOADED: Mutex<Vec<&'static Scenario>> = Mutex::new(Vec::new());

fn custom(id: &str) -> Option<&'static Scenario> {
    CUSTOM.lock().ok().and_then(|c| c.iter().rev().find(|s| s.id == id).copied())
}

/// The scenario with this id, if it is here: the newest custom one, else the built-in one (on the
/// web, once its file is [`load`]ed).
pub fn get(id: &str) -> Option<&'static Scenario> {
    let loaded = || LOADED.lock().ok().and_then(|l| l.iter().find(|s| s.id == id).copied());
    #[cfg(not(target_arch = "wasm32"))]
    let loaded = || loaded().or_else(|| all().iter().find(|s| s.id == id));
    custom(id).or_else(loaded)
}

/// Takes the fetched text of the built-in scenario file `file`, which must hold the scenario the
/// card promised. Returns it, or a message for the learner saying what was wrong.
pub fn load(file: &str, source: &str) -> Result<&'static Scenario, String> {
    let Some((_, card)) = cards().iter().find(|(f, _)| *f == file) else {
        return Err(format!("\"{file}\" is not one of the built-in scenarios"));
    };
    let parsed = scenario::parse(file, source).map_err(|problems| match problems.first() {
        Some(first) => format!("the file \"{file}\" could not be read: {first}"),
        None => format!("the file \"{file}\" could not be read"),
    })?;
    if parsed.card() != *card {
        return Err(format!("the file \"{file}\" is not the version this app was built with; reload the page"));
    }
    let mut loaded = LOADED.lock().map_err(|_| "the scenario library is unavailable".to_string())?;
    if let Some(already) = loaded.iter().find(|s| s.id == card.id) {
        return Ok(already);
    }
    let leaked: &'static Scenario = Box::leak(Box::new(parsed));
    loaded.push(leaked);
    Ok(leaked)
}

/// Validates a custom scenario and, if it has no errors, adds it (replacing an older custom one
/// with the same id). Returns its warnings, or every problem when it is refused.
pub fn add_custom(file: &str, source: &str) -> Result<(&'static Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let diagnostics = scenario::check(file, source);
    if diagnostics.iter().any(|d| d.code.severity() == Severity::Error) {
        return Err(diagnostics);
    }
    let parsed = scenario::parse(file, source)?;
    if cards().iter().any(|(_, c)| c.id == parsed.id) {
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
    fn every_bundled_file_parses_with_a_unique_id() {
        assert_eq!(super::all().len(), super::files().len());
        let mut ids: Vec<&str> = super::all().iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), super::files().len());
    }

    #[test]
    fn every_card_is_cut_from_its_file_and_matches_the_whole_scenario() {
        let cards: Vec<(&str, Card)> = cards().to_vec();
        let whole: Vec<(&str, Card)> = files().iter().zip(all()).map(|((file, _), s)| (*file, s.card())).collect();
        assert_eq!(cards, whole);
    }

    #[test]
    fn a_fetched_file_is_loaded_only_if_it_is_the_scenario_its_card_promised() {
        let (file, source) = files()[1];
        let loaded = load(file, source).unwrap();
        assert_eq!(loaded.card(), cards()[1].1);
        assert!(std::ptr::eq(load(file, source).unwrap(), loaded), "a second load keeps the first");
        let other = load(files()[2].0, source).unwrap_err();
        assert!(other.contains("not the version"), "{other}");
        let broken = load(file, "id = ").unwrap_err();
        assert!(broken.contains(file) && broken.contains("syntax"), "{broken}");
        assert!(load("nope.toml", source).unwrap_err().contains("not one of"));
    }
}
