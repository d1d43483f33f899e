//! Reading files: those the user picks or drops, with a size limit checked before reading, so a
//! 50 MB file dropped by mistake is refused at once instead of freezing the tab; and the built-in
//! scenario files, fetched when a session needs one.

use crate::decimal::fixed;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// Fetches the built-in scenario file `file` and calls `done` with its text or a message saying
/// what went wrong. The single-file build carries the files in the page itself, as
/// `<script type="text/plain" data-scenario="FILE">`, and those are used first.
pub fn fetch_scenario(file: &'static str, done: impl FnOnce(Result<String, String>) + 'static) {
    let inline = gloo::utils::document()
        .query_selector(&format!("script[data-scenario=\"{file}\"]"))
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    if let Some(text) = inline {
        return done(Ok(text));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let offline = || format!("\"{file}\" could not be fetched (are you offline?)");
        let fetched = async {
            let response = JsFuture::from(gloo::utils::window().fetch_with_str(&format!("scenarios/{file}")))
                .await
                .map_err(|_| offline())?;
            let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
            if !response.ok() {
                return Err(format!("the server answered {} for \"{file}\"", response.status()));
            }
            let text = JsFuture::from(response.text().map_err(|_| offline())?).await.map_err(|_| offline())?;
            text.as_string().ok_or_else(offline)
        };
        done(fetched.await);
    });
}
