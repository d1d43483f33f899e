//! The composer: the two ways to ask (choose from the menu, or type) and the button that ends
//! the session.

use super::hooks::{use_live_score, use_menu_keys};
use crate::link::Mode;
use crate::scoring::{fit, Stage};
use crate::ui::emit;
use crate::ui::widgets::score_badges;
use yew::prelude::*;

/// What the composer offers, and where the learner's question goes.
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// The menu in the order shown: each question with its index as authored.
    pub menu: Vec<(usize, &'static str)>,
    pub mode: Mode,
    /// Whether the learner may switch to the menu (the guided level).
    pub menu_allowed: bool,
    /// Whether the live badge shows while typing.
    pub live_badge: bool,
    /// Why the last question was refused, if it was.
    pub error: Option<String>,
    /// The coachee's name.
    pub coachee: &'static str,
    /// The conversation's stage, which the live score's fit is judged against.
    pub stage: Stage,
    /// Questions asked so far: each new turn clears the draft.
    pub turn: usize,
    pub on_mode: Callback<Mode>,
    /// Takes a menu question's index as authored.
    pub on_choose: Callback<usize>,
    /// Takes a typed question.
    pub on_ask: Callback<String>,
    pub on_finish: Callback<()>,
}

/// The composer, shown while the session goes on.
#[component]
pub fn Composer(props: &ComposerProps) -> Html {
    let draft = use_state(String::new);
    let live = use_live_score(&draft, props.turn);
    let choosing = props.mode == Mode::Choose;
    use_menu_keys(choosing.then(|| props.menu.iter().map(|&(index, _)| index).collect()), props.on_choose.clone());
    // The draft is cleared when a turn is accepted, so a refused question stays in the box.
    {
        let draft = draft.clone();
        use_effect_with(props.turn, move |_| draft.set(String::new()));
    }

    let ask = {
        let (on_ask, draft) = (props.on_ask.clone(), draft.clone());
        Callback::from(move |_| {
            if !draft.trim().is_empty() {
                on_ask.emit((*draft).clone());
            }
        })
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_key = {
        let ask = ask.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !e.shift_key() {
                e.prevent_default();
                ask.emit(());
            }
        })
    };

    html! {
        <div class="composer">
            <div class="modes" role="group" aria-label="How to ask">
                if props.menu_allowed {
                    <button aria-pressed={choosing.to_string()} onclick={emit(&props.on_mode, Mode::Choose)}>{ "Choose a question" }</button>
                    <button aria-pressed={(props.mode == Mode::Type).to_string()} onclick={emit(&props.on_mode, Mode::Type)}>{ "Type your own" }</button>
                }
                <button class="quiet" onclick={emit(&props.on_finish, ())}>{ "End session" }</button>
            </div>
            if let Some(error) = &props.error {
                <p class="error" role="alert">{ error }</p>
            }
            if choosing {
                <ol class="menu" aria-label="Questions you could ask (press 1 to 5)">
                    { for props.menu.iter().enumerate().map(|(shown, &(index, ask))| {
                        html! {
                            <li>
                                <button class="choice" data-choice={index.to_string()} onclick={emit(&props.on_choose, index)}>
                                    <kbd>{ shown + 1 }</kbd>{ ask }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            } else {
                <div class="typer">
                    <label for="question">{ format!("Your question to {}", props.coachee) }</label>
                    <textarea id="question" rows="3" value={(*draft).clone()} oninput={on_input} onkeydown={on_key}
                        placeholder="Type a question and press Enter" />
                    <div class="typer-row">
                        <div class="live" aria-live="polite">
                            if let (Some(a), false, true) = (&live, draft.trim().is_empty(), props.live_badge) {
                                if let Some(reason) = &a.reason {
                                    <span class="chip warn">{ reason }</span>
                                } else {
                                    { score_badges(a.kind, a.openness, a.top_stage(), fit(a, props.stage).fit) }
                                }
                            }
                        </div>
                        <span class="count">{ format!("{} characters", draft.chars().count()) }</span>
                        <button class="primary" onclick={emit(&ask, ())}>{ "Ask" }</button>
                    </div>
                </div>
            }
        </div>
    }
}
