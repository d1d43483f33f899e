//! Progress in the browser's localStorage. Unreadable data never breaks the app: it is kept
//! under a backup key for export, and the app starts clean with a notice.

use crate::json::{FromJson, Object};
use crate::progress::Progress;
use web_sys::Storage;

const KEY: &str = "growsim.progress";
const BACKUP_KEY: &str = "growsim.progress.unreadable";
const CUSTOM_KEY: &str = "growsim.custom-scenarios";
const CUSTOM_BACKUP_KEY: &str = "growsim.custom-scenarios.unreadable";

/// What the learner is told when the browser won't store anything (turned off, or full).
pub const CANNOT_SAVE: &str = "growsim can't save on this device (browser storage is full or turned off). \
    Your work stays while this page is open: export it from the Progress page to keep it.";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What loading found: the progress to use, notices for the learner, and any unreadable data.
pub struct Loaded {
    pub progress: Progress,
    pub notices: Vec<String>,
    pub backup: Option<String>,
}

pub fn load() -> Loaded {
    let Some(store) = storage() else {
        return Loaded { progress: Progress::default(), notices: vec![CANNOT_SAVE.into()], backup: None };
    };
    let backup = store.get_item(BACKUP_KEY).ok().flatten();
    match store.get_item(KEY).ok().flatten() {
        None => Loaded { progress: Progress::default(), notices: vec![], backup },
        Some(text) => match Progress::parse(&text) {
            Ok(progress) => Loaded { progress, notices: vec![], backup },
            Err(why) => {
                let _ = store.set_item(BACKUP_KEY, &text);
                let _ = store.remove_item(KEY);
                Loaded {
                    progress: Progress::default(),
                    notices: vec![format!(
                        "Your saved progress couldn't be read ({why}). A copy is kept: use \"Download unreadable data\" on the Progress page. Starting fresh."
                    )],
                    backup: Some(text),
                }
            }
        },
    }
}

/// Saves progress, given as its JSON ([`Progress::to_json`]); fails when the browser refuses
/// (storage turned off or full).
pub fn save(json: &str) -> Result<(), ()> {
    storage().ok_or(())?.set_item(KEY, json).map_err(|_| ())
}

/// Forgets the unreadable backup.
pub fn clear_backup() {
    if let Some(store) = storage() {
        let _ = store.remove_item(BACKUP_KEY);
    }
}

/// A custom scenario as saved: its file name and TOML source.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CustomFile {
    pub id: String,
    pub file: String,
    pub source: String,
}

impl FromJson for CustomFile {
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        Ok(CustomFile { id: o.field("id")?, file: o.field("file")?, source: o.field("source")? })
    }
}

/// The saved custom scenarios, registered with the library. If any can't be read or no longer
/// load, they are reported in the notices and the saved text is kept under a backup key.
pub fn load_custom(notices: &mut Vec<String>) -> Vec<CustomFile> {
    let Some(store) = storage() else { return Vec::new() };
    let Some(text) = store.get_item(CUSTOM_KEY).ok().flatten() else { return Vec::new() };
    let keep_backup = || {
        let _ = store.set_item(CUSTOM_BACKUP_KEY, &text);
    };
    let Ok(files) = crate::json::read::<Vec<CustomFile>>(&text) else {
        keep_backup();
        notices.push("Your saved custom scenarios couldn't be read; a copy is kept. Load the files again.".into());
        return Vec::new();
    };
    let count = files.len();
    let loaded: Vec<CustomFile> = files
        .into_iter()
        .filter(|f| match crate::library::add_custom(&f.file, &f.source) {
            Ok(_) => true,
            Err(problems) => {
                let first = problems.first().map(|d| d.to_string()).unwrap_or_default();
                notices.push(format!("The saved scenario \"{}\" no longer loads: {first}", f.file));
                false
            }
        })
        .collect();
    if loaded.len() < count {
        keep_backup();
    }
    loaded
}

/// Saves the custom scenarios; fails when the browser refuses (storage turned off or full).
pub fn save_custom(files: &[CustomFile]) -> Result<(), ()> {
    let text = serde_json::to_string(files).expect("strings always serialise");
    storage().ok_or(())?.set_item(CUSTOM_KEY, &text).map_err(|_| ())
}
