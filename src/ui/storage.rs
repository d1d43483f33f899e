//! Progress in the browser's localStorage. Unreadable data never breaks the app: it is kept
//! under a backup key for export, and the app starts clean with a notice.

use crate::progress::Progress;
use web_sys::Storage;

const KEY: &str = "growsim.progress";
const BACKUP_KEY: &str = "growsim.progress.unreadable";
const CUSTOM_KEY: &str = "growsim.custom-scenarios";

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
        return Loaded {
            progress: Progress::default(),
            notices: vec![
                "This browser won't let growsim save progress, so it will be lost when you close the page.".into()
            ],
            backup: None,
        };
    };
    let backup = store.get_item(BACKUP_KEY).ok().flatten();
    match store.get_item(KEY).ok().flatten() {
        None => Loaded { progress: Progress::default(), notices: vec![], backup },
        Some(text) => match Progress::from_json(&text) {
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

/// Saves progress; returns a message when the browser refuses (for example, storage full).
pub fn save(progress: &Progress) -> Result<(), String> {
    let store = storage().ok_or("storage is not available")?;
    store
        .set_item(KEY, &progress.to_json())
        .map_err(|_| "the browser refused to save (storage may be full)".to_string())
}

/// Forgets the unreadable backup.
pub fn clear_backup() {
    if let Some(store) = storage() {
        let _ = store.remove_item(BACKUP_KEY);
    }
}

/// A custom scenario as saved: its file name and TOML source.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CustomFile {
    pub id: String,
    pub file: String,
    pub source: String,
}

/// The saved custom scenarios, registered with the library. Any that no longer load are
/// reported in the notices and left in storage untouched.
pub fn load_custom(notices: &mut Vec<String>) -> Vec<CustomFile> {
    let Some(text) = storage().and_then(|s| s.get_item(CUSTOM_KEY).ok().flatten()) else { return Vec::new() };
    let Ok(files) = serde_json::from_str::<Vec<CustomFile>>(&text) else {
        notices.push("Your saved custom scenarios couldn't be read; load the files again.".into());
        return Vec::new();
    };
    files
        .into_iter()
        .filter(|f| match crate::library::add_custom(&f.file, &f.source) {
            Ok(_) => true,
            Err(problems) => {
                let first = problems.first().map(|d| d.to_string()).unwrap_or_default();
                notices.push(format!("The saved scenario \"{}\" no longer loads: {first}", f.file));
                false
            }
        })
        .collect()
}

/// Saves the custom scenarios; returns a message when the browser refuses.
pub fn save_custom(files: &[CustomFile]) -> Result<(), String> {
    let store = storage().ok_or("storage is not available")?;
    let text = serde_json::to_string(files).expect("strings always serialise");
    store.set_item(CUSTOM_KEY, &text).map_err(|_| "the browser refused to save (storage may be full)".to_string())
}
