//! Reading files the user picks or drops, with a size limit checked before reading, so a 50 MB
//! file dropped by mistake is refused at once instead of freezing the tab.

use crate::decimal::fixed;
use gloo::file::callbacks::FileReader;

/// Larger files are refused without being read.
pub const MAX_FILE_BYTES: f64 = 2_000_000.0;

/// Reads a file as text and calls `done` with the text or a message naming the file.
/// Keep the returned reader alive until `done` runs (dropping it cancels the read).
pub fn read_text(file: web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) -> Option<FileReader> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        done(Err(format!(
            "\"{name}\" is {} MB; files over {} MB are not read",
            fixed((file.size() / 1e6) as f32, 1),
            fixed((MAX_FILE_BYTES / 1e6) as f32, 0)
        )));
        return None;
    }
    Some(gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |text| {
        done(text.map_err(|e| format!("\"{name}\" could not be read ({e})")))
    }))
}

/// The files of a file input or a drop, as a list.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}
