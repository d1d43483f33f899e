//! The Yew user interface: the only module that touches the browser.
//!
//! State lives in one `Reducible` ([`state::AppState`]); pages read it and dispatch
//! [`state::Action`]s. Storage, timers and the address bar are handled in effects.

mod app;
mod class_page;
mod custom;
mod debrief;
mod dispute_form;
mod drill_page;
mod files;
mod home;
mod progress_page;
mod session;
pub mod state;
mod storage;
pub mod widgets;

pub use app::App;

use state::{Action, AppState};
use wasm_bindgen::JsCast;
use yew::{Callback, UseReducerHandle};

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// An event handler (a click, mostly) that dispatches `action`.
pub fn dispatch<E>(app: &UseReducerHandle<AppState>, action: Action) -> Callback<E> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(action.clone()))
}

/// An event handler (a click, mostly) that passes `value` to `callback`.
pub fn emit<E, T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<E> {
    let callback = callback.clone();
    Callback::from(move |_| callback.emit(value.clone()))
}

/// The loading panel for the built-in scenario `id`, which the app is fetching (see
/// [`AppState::scenario_wanted`]), or `None` when no such scenario exists.
pub fn scenario_loading(app: &UseReducerHandle<AppState>, id: &str) -> Option<yew::Html> {
    let card = crate::library::card(id)?;
    let home = dispatch(app, Action::Navigate(state::Page::Home));
    Some(widgets::scenario_loading(&card.title, app.load_error.as_deref(), dispatch(app, Action::RetryLoad), home))
}

/// A fresh seed for a new session.
pub fn new_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000.0) as u64
}

/// Today's local day number (days since 1970-01-01 in the learner's time zone), for streaks.
pub fn today() -> i64 {
    let now = js_sys::Date::new_0();
    let local = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local / 86_400_000.0).floor() as i64
}

/// Copies text to the clipboard, where the browser allows it.
pub fn copy_text(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Offers `text` as a file download; nothing leaves the device.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
