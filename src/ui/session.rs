//! The practice session: the chat transcript, GROW progress, trust, and the two ways to ask.

use super::dispatch;
use super::state::{Action, AppState, Feedback, Mode, Page, SessionView, Settings};
use super::widgets::{grow_bar, score_badges, trust_meter, SharePanel};
use crate::engine::{Conversation, Exchange, Prompt, Source, SplitMix64};
use crate::library;
use crate::link::{self, Link};
use crate::scoring::{analyse, fit, Analysis};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use rand::seq::SliceRandom;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the live badge updates.
const DEBOUNCE_MS: u32 = 180;

#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub app: UseReducerHandle<AppState>,
}

/// The order the menu is shown in: shuffled by the session seed and turn, so a replay matches.
fn menu_order(len: usize, seed: u64, turn: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.shuffle(&mut SplitMix64::new(seed.wrapping_add(turn as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)));
    order
}

/// The feedback settings, as offered in the session's menu.
const FEEDBACK_CHOICES: [(Feedback, &str); 4] = [
    (Feedback::Open, "After each question"),
    (Feedback::Collapsed, "Collapsed"),
    (Feedback::Reveal, "Reveal on click"),
    (Feedback::Exam, "Exam: at the end"),
];

/// The full URL that gives others this session with these settings.
fn share_link(scenario: &str, seed: u64, view: &SessionView) -> String {
    let settings = Settings { mode: Some(view.mode), feedback: Some(view.feedback), projector: false };
    let hash = link::format(&Link::Play { scenario: scenario.to_string(), seed: Some(seed), settings });
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{page}{hash}")
}

/// The feedback under one of the learner's questions, as the feedback setting allows.
fn feedback_for(e: &Exchange, is_last: bool, view: &SessionView, app: &UseReducerHandle<AppState>) -> Html {
    let shown = match view.feedback {
        Feedback::Exam => false,
        Feedback::Reveal => (e.turn as usize) <= view.revealed,
        Feedback::Open | Feedback::Collapsed => true,
    };
    if !shown {
        return match (view.feedback, is_last) {
            (Feedback::Reveal, true) => {
                html! { <button class="reveal" onclick={dispatch(app, Action::Reveal)}>{ "Reveal feedback" }</button> }
            }
            _ => html! {},
        };
    }
    let open = is_last && view.feedback != Feedback::Collapsed;
    html! {
        <div class="feedback">
            { score_badges(e.score.kind, e.score.openness, e.score.stage, e.score.fit) }
            <details {open}>
                <summary>{ "Why" }</summary>
                <p>{ &e.score.form_note }</p>
                <p>{ &e.score.explanation }</p>
                if let Some(note) = &e.score.note { <p class="note">{ note }</p> }
                if let Some(better) = &e.score.better { <p class="better">{ "Try: " }<q>{ better }</q></p> }
            </details>
        </div>
    }
}

/// One of the coachee's lines in the transcript. The latest one can take the focus (see the
/// effect on `turns`), so it gets `last_reply`.
fn coachee_line(name: &str, text: &str, is_last: bool, last_reply: &NodeRef) -> Html {
    html! {
        <li class="msg coachee" tabindex={if is_last { "-1" } else { "" }} ref={if is_last { last_reply.clone() } else { NodeRef::default() }}>
            <span class="who">{ name }</span>
            <p>{ text }</p>
        </li>
    }
}

#[component]
pub fn Session(props: &SessionProps) -> Html {
    let app = props.app.clone();
    let draft = use_state(String::new);
    let preview = use_state(|| None::<Analysis>);
    let last_reply = use_node_ref();
    let sharing = use_state(|| false);

    let state = app.current().cloned();
    let turns = state.as_ref().map(|s| s.transcript.len()).unwrap_or(0);

    // Live badge: score the draft once typing pauses.
    {
        let preview = preview.clone();
        use_effect_with((*draft).clone(), move |text| {
            let text = text.clone();
            let timer =
                (!text.trim().is_empty()).then(|| Timeout::new(DEBOUNCE_MS, move || preview.set(Some(analyse(&text)))));
            move || drop(timer)
        });
    }
    // After each reply, move focus to it so keyboard and screen-reader users follow along.
    {
        let last_reply = last_reply.clone();
        let (draft, preview) = (draft.clone(), preview.clone());
        use_effect_with(turns, move |_| {
            draft.set(String::new());
            preview.set(None);
            if let Some(el) = last_reply.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // After each reply, and when held-back feedback is revealed, scroll to the end so the newest
    // exchange sits just above the composer rather than under it (the composer sticks to the
    // bottom of the window). A new session keeps its brief in view.
    use_effect_with((turns, app.view.revealed), |&(turns, _)| {
        if turns > 0 {
            let end = gloo::utils::document_element().scroll_height();
            gloo::utils::window().scroll_to_with_x_and_y(0.0, f64::from(end));
        }
    });
    // Number keys pick menu questions.
    {
        let app = app.clone();
        let mode = app.view.mode;
        let order = state.as_ref().and_then(|s| {
            let scenario = library::get(&s.scenario)?;
            let c = Conversation::resume(scenario, s.clone()).ok()?;
            match c.prompt() {
                Prompt::Ask { choices, .. } => Some(menu_order(choices.len(), s.seed, s.transcript.len())),
                Prompt::Ended { .. } => None,
            }
        });
        use_effect_with((mode, order), move |(mode, order)| {
            let listener = (*mode == Mode::Choose).then(|| order.clone()).flatten().map(|order| {
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
                        app.dispatch(Action::Choose(order[n - 1]));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let Some(state) = state else {
        return html! {
            <section class="panel">
                <h2>{ "No session in progress" }</h2>
                <p>{ "Pick a scenario from the library to start practising." }</p>
                <button class="primary" onclick={dispatch(&app, Action::Navigate(Page::Home))}>{ "Go to the library" }</button>
            </section>
        };
    };
    let Some(scenario) = library::get(&state.scenario) else {
        return html! { <p class="panel">{ "This session's scenario is no longer available." }</p> };
    };
    let conversation = match Conversation::resume(scenario, state.clone()) {
        Ok(c) => c,
        Err(e) => return html! { <p class="panel">{ format!("This session can't continue: {e}.") }</p> },
    };
    let current_stage = conversation.stage();
    let mut visited: Vec<_> = state.transcript.iter().map(|e| e.stage).collect();
    visited.push(current_stage);
    let view = &app.view;

    let ask = {
        let app = app.clone();
        let draft = draft.clone();
        Callback::from(move |_| {
            let text = (*draft).clone();
            if text.trim().is_empty() {
                return;
            }
            // The draft is cleared when the turn is accepted (see the effect on `turns`), so a
            // refused question stays in the box.
            app.dispatch(Action::Ask(text));
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
    let share_url = share_link(&scenario.id, state.seed, view);
    let on_feedback = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let label = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some((f, _)) = FEEDBACK_CHOICES.iter().find(|(_, l)| *l == label) {
                app.dispatch(Action::SetFeedback(*f));
            }
        })
    };
    let last = state.transcript.len();
    // Ends the session (early, or once it has ended) and opens the debrief.
    let finish = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Finish { now: js_sys::Date::now() }))
    };

    html! {
        <section class="session" aria-labelledby="session-title">
            <div class="session-head">
                <div>
                    <h2 id="session-title">{ &scenario.title }</h2>
                    <p class="coachee">{ format!("{} — {}", scenario.coachee, scenario.role) }</p>
                </div>
                <div class="session-tools">
                    <button aria-expanded={sharing.to_string()} onclick={{ let sharing = sharing.clone(); Callback::from(move |_| sharing.set(!*sharing)) }}>{ "Share…" }</button>
                    <label>{ "Feedback " }
                        <select onchange={on_feedback}>
                            { for FEEDBACK_CHOICES.iter().map(|(f, label)| html! { <option value={label.to_string()} selected={*f == view.feedback}>{ *label }</option> }) }
                        </select>
                    </label>
                    <label class="switch"><input type="checkbox" checked={view.projector} onchange={dispatch(&app, Action::ToggleProjector)} />{ " Projector view" }</label>
                </div>
            </div>
            if *sharing {
                <SharePanel link={share_url.clone()} seed={state.seed} />
            }
            <details class="brief" open={state.transcript.is_empty()}>
                <summary>{ "Brief and objectives" }</summary>
                <p>{ &scenario.brief }</p>
                <ul>{ for scenario.objectives.iter().map(|o| html! { <li>{ o }</li> }) }</ul>
            </details>
            <div class="status-row">
                { grow_bar(current_stage, &visited) }
                if let Some(trust) = state.vars.get("trust") {
                    { trust_meter(*trust) }
                }
            </div>
            <ol class="chat" aria-label="Conversation">
                { coachee_line(&scenario.coachee, &state.opening, last == 0, &last_reply) }
                { for state.transcript.iter().map(|e| {
                    let is_last = e.turn as usize == last;
                    html! {
                        <>
                            <li class="msg you" data-kind={e.score.kind.name()} data-fit={e.score.fit.name()}>
                                <span class="who">{ match e.source { Source::Menu { .. } => "You (chosen)", Source::Typed => "You (typed)" } }</span>
                                <p>{ &e.question }</p>
                                { feedback_for(e, is_last, view, &app) }
                            </li>
                            { coachee_line(&scenario.coachee, &e.reply, is_last, &last_reply) }
                        </>
                    }
                }) }
            </ol>
            <div class="visually-hidden" aria-live="polite">
                { state.transcript.last().map(|e| format!("{} says: {}", scenario.coachee, e.reply)).unwrap_or_default() }
            </div>
            { match conversation.prompt() {
                Prompt::Ended { outcome, .. } => html! {
                    <div class="ending panel" role="status">
                        <h3>{ outcome.label() }</h3>
                        <p>{ "The session has ended. Open your debrief to see how it went." }</p>
                        <button class="primary" onclick={finish.clone()}>{ "See your debrief" }</button>
                    </div>
                },
                Prompt::Ask { choices, .. } => {
                    let order = menu_order(choices.len(), state.seed, state.transcript.len());
                    html! {
                        <div class="composer">
                            <div class="modes" role="group" aria-label="How to ask">
                                <button aria-pressed={(view.mode == Mode::Choose).to_string()} onclick={dispatch(&app, Action::SetMode(Mode::Choose))}>{ "Choose a question" }</button>
                                <button aria-pressed={(view.mode == Mode::Type).to_string()} onclick={dispatch(&app, Action::SetMode(Mode::Type))}>{ "Type your own" }</button>
                                <button class="quiet" onclick={finish.clone()}>{ "End session" }</button>
                            </div>
                            if let Some(error) = &view.error {
                                <p class="error" role="alert">{ error }</p>
                            }
                            if view.mode == Mode::Choose {
                                <ol class="menu" aria-label="Questions you could ask (press 1 to 5)">
                                    { for order.iter().enumerate().map(|(shown, &index)| {
                                        html! {
                                            <li>
                                                <button class="choice" data-choice={index.to_string()} onclick={dispatch(&app, Action::Choose(index))}>
                                                    <kbd>{ shown + 1 }</kbd>{ &choices[index].ask }
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ol>
                            } else {
                                <div class="typer">
                                    <label for="question">{ format!("Your question to {}", scenario.coachee) }</label>
                                    <textarea id="question" rows="3" value={(*draft).clone()} oninput={on_input} onkeydown={on_key}
                                        placeholder="Type a question and press Enter" />
                                    <div class="typer-row">
                                        <div class="live" aria-live="polite">
                                            if let (Some(a), false) = (&*preview, draft.trim().is_empty()) {
                                                if let Some(reason) = &a.reason {
                                                    <span class="chip warn">{ reason }</span>
                                                } else {
                                                    { score_badges(a.kind, a.openness, a.top_stage(), fit(a, current_stage).fit) }
                                                }
                                            }
                                        </div>
                                        <span class="count">{ format!("{} characters", draft.chars().count()) }</span>
                                        <button class="primary" onclick={{ let ask = ask.clone(); Callback::from(move |_| ask.emit(())) }}>{ "Ask" }</button>
                                    </div>
                                </div>
                            }
                        </div>
                    }
                }
            } }
        </section>
    }
}
