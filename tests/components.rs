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

/// Starts the app afresh at `hash`, with nothing saved.
fn reset(hash: &str) {
    let window = gloo::utils::window();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
}

#[wasm_bindgen_test]
async fn app_lists_every_bundled_scenario() {
    reset("");
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let cards = root.query_selector_all(".scenario-card").unwrap();
    assert_eq!(cards.length() as usize, growsim::library::cards().len());
    assert!(root.text_content().unwrap().contains("growsim"));
}

use growsim::scoring::Stage;
use growsim::ui::widgets::{grow_bar, qr_code, trust_meter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct ShowProps {
    html: Html,
}

/// Shows the markup it is given.
#[component]
fn Show(props: &ShowProps) -> Html {
    props.html.clone()
}

/// Renders one widget's markup into a fresh element and waits for it to draw.
async fn render(html: Html) -> web_sys::Element {
    let root = mount();
    yew::Renderer::<Show>::with_root_and_props(root.clone(), ShowProps { html }).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn grow_bar_marks_the_current_stage_and_the_visited_ones() {
    let root = render(grow_bar(Stage::Reality, &[Stage::Goal])).await;
    let state = |stage: &str| {
        root.query_selector(&format!(".grow-step.st-{stage}")).unwrap().unwrap().get_attribute("class").unwrap()
    };
    assert!(state("reality").contains("now"));
    assert!(state("goal").contains("seen"));
    assert!(state("will").contains("todo"));
    assert_eq!(root.query_selector_all("polygon").unwrap().length(), 1, "one marker, under the current stage");
    assert!(root.text_content().unwrap().contains("Current stage: Reality"));
}

#[wasm_bindgen_test]
async fn trust_meter_clamps_and_names_the_level() {
    let root = render(trust_meter(42)).await;
    let meter = root.query_selector("meter").unwrap().unwrap();
    assert_eq!(meter.get_attribute("value").as_deref(), Some("10"));
    assert!(root.text_content().unwrap().contains("fully engaged"));
    let root = render(trust_meter(-3)).await;
    assert!(root.text_content().unwrap().contains("guarded"));
}

#[wasm_bindgen_test]
async fn qr_code_is_drawn_as_svg_and_too_long_links_say_so() {
    let root = render(qr_code("http://127.0.0.1:8080/#/play/vague-goal?seed=7")).await;
    let path = root.query_selector("svg path").unwrap().expect("a QR path");
    assert!(path.get_attribute("d").unwrap().len() > 100);
    let root = render(qr_code(&"x".repeat(5000))).await;
    assert!(root.query_selector("svg").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("too long"));
}

/// Puts a scenario file in the page the way the single-file build carries it, so the app loads it
/// from there instead of fetching it, whatever the test server serves.
fn carry(file: &str, source: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let script = document.create_element("script").unwrap();
    script.set_attribute("type", "text/plain").unwrap();
    script.set_attribute("data-scenario", file).unwrap();
    script.set_text_content(Some(source));
    document.head().unwrap().append_child(&script).unwrap();
    script
}

/// Waits (up to 5 s) until `selector` matches inside `root`.
async fn appears(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
    }
    panic!("nothing matched {selector}: {}", root.inner_html());
}

#[wasm_bindgen_test]
async fn a_scenario_file_that_cannot_be_read_says_why_and_a_retry_loads_it() {
    use wasm_bindgen::JsCast;
    let broken = carry("01-too-big-goal.toml", "[scenario\nid = ");
    reset("#/play/too-big-goal?seed=1&mode=choose");
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let alert = appears(&root, ".scenario-loading [role=alert]").await;
    let said = alert.text_content().unwrap();
    assert!(said.contains("could not be loaded") && said.contains("01-too-big-goal.toml"), "{said}");
    assert!(root.query_selector("button.choice").unwrap().is_none(), "no session from a broken file");
    broken.remove();
    carry("01-too-big-goal.toml", include_str!("../scenarios/01-too-big-goal.toml"));
    let retry = root.query_selector(".scenario-loading button").unwrap().expect("a Try again button");
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    appears(&root, "button.choice").await;
    reset("");
}

#[wasm_bindgen_test]
async fn choosing_a_question_adds_it_and_the_reply_to_the_transcript() {
    use wasm_bindgen::JsCast;
    carry("02-vague-goal.toml", include_str!("../scenarios/02-vague-goal.toml"));
    reset("#/play/vague-goal?seed=3&mode=choose");
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    appears(&root, "button.choice").await;
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    assert_eq!((count(".msg.you"), count(".msg.coachee")), (0, 1), "only the coachee's opening line");
    let choice = root.query_selector("button.choice").unwrap().expect("a menu of questions");
    let key = choice.query_selector("kbd").unwrap().unwrap().text_content().unwrap();
    let asked = choice.text_content().unwrap().strip_prefix(&key).unwrap().to_string();
    choice.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!((count(".msg.you"), count(".msg.coachee")), (1, 2), "the question and the reply");
    let shown = root.query_selector(".msg.you > p").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, asked);
    assert!(root.query_selector(".msg.you .chip").unwrap().is_some(), "the question is scored");
    reset("");
}
