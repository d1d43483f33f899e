//! The composer's hooks: number keys that choose menu questions, and the live score of the
//! typed draft.

use crate::scoring::{analyse, Analysis};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the live badge updates.
const DEBOUNCE_MS: u32 = 180;

/// While `order` is given (the menu's question indices in the order shown), pressing key `n`
/// chooses the `n`th question shown, unless the learner is typing in a field or holds Ctrl,
/// Meta or Alt.
#[hook]
pub fn use_menu_keys(order: Option<Vec<usize>>, on_choose: Callback<usize>) {
    use_effect_with(order, move |order| {
        let listener = order.clone().map(|order| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                if let Some(n) = e.key().parse::<usize>().ok().filter(|n| (1..=order.len()).contains(n)) {
                    e.prevent_default();
                    on_choose.emit(order[n - 1]);
                }
            })
        });
        move || drop(listener)
    });
}

/// The analysis of `draft`, made once typing has paused for [`DEBOUNCE_MS`]. It stays until the
/// next one (the caller hides it while the draft is blank) and is forgotten at each new `turn`.
#[hook]
pub fn use_live_score(draft: &str, turn: usize) -> Option<Rc<Analysis>> {
    let score = use_state(|| None::<Rc<Analysis>>);
    {
        let score = score.clone();
        use_effect_with(draft.to_string(), move |text| {
            let text = text.clone();
            let timer = (!text.trim().is_empty())
                .then(|| Timeout::new(DEBOUNCE_MS, move || score.set(Some(Rc::new(analyse(&text))))));
            move || drop(timer)
        });
    }
    {
        let score = score.clone();
        use_effect_with(turn, move |_| score.set(None));
    }
    (*score).clone()
}
