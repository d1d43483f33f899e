//! Reading files the user picks or drops, with a size limit checked before reading, so a 50 MB
//! file dropped by mistake is refused at once instead of freezing the tab; and fetching a bundled
//! scenario's file when a session needs it.

use crate::decimal::fixed;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;

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

/// A bundled scenario's file: from the page itself in the single-file build (a `<script
/// type="text/plain" data-scenario="FILE">`), else from `scenarios/FILE` beside the app, which the
/// service worker serves from its cache when offline.
pub async fn fetch_scenario(file: &str) -> Result<String, String> {
    let document = gloo::utils::document();
    if let Ok(Some(inline)) = document.query_selector(&format!("script[data-scenario=\"{file}\"]")) {
        return inline.text_content().ok_or_else(|| format!("the page's copy of {file} is empty"));
    }
    let offline = "check the connection and try again";
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&format!("scenarios/{file}")))
        .await
        .map_err(|_| format!("{file} could not be fetched: {offline}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{file} could not be fetched (the server answered {}): {offline}", response.status()));
    }
    let text = response.text().map_err(|_| format!("{file} could not be read"))?;
    let text =
        wasm_bindgen_futures::JsFuture::from(text).await.map_err(|_| format!("{file} could not be read: {offline}"))?;
    text.as_string().ok_or_else(|| format!("{file} is not text"))
}
