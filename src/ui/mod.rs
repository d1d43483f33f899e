//! The Yew user interface. The only module that touches the browser.

mod app;

pub use app::App;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
