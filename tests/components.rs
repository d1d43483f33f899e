//! Component tests, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test components`).
#![cfg(target_arch = "wasm32")]

use growsim::ui::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_lists_every_bundled_scenario() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let cards = root.query_selector_all(".scenario-card").unwrap();
    assert_eq!(cards.length() as usize, growsim::library::FILES.len());
    assert!(root.text_content().unwrap().contains("growsim"));
}
