//! The practice session page: the header, the brief and GROW progress, the transcript, and the
//! composer (or the ending). Each part gets only the values and callbacks it needs.

mod composer;
mod header;
mod hooks;
mod transcript;

use super::state::{Action, AppState, Feedback, Mode, Page, SessionView, Settings};
use super::widgets::{grow_bar, trust_meter};
use super::{dispatch, emit, scenario_loading};
use crate::dispute::Dispute;
use crate::engine::{menu_order, Conversation, Prompt, State};
use crate::library;
use crate::link::{self, Link};
use crate::vocab::Level;
use composer::Composer;
use header::Header;
use transcript::Transcript;
use yew::prelude::*;

/// The session page's props: it is a page, so it gets the app.
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub app: UseReducerHandle<AppState>,
}

/// The full URL that gives others this session with these settings.
fn share_link(scenario: &str, seed: u64, view: &SessionView) -> String {
    let settings =
        Settings { level: Some(view.level), mode: Some(view.mode), feedback: Some(view.feedback), projector: false };
    let hash = link::format(&Link::Play { scenario: scenario.to_string(), seed: Some(seed), settings });
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{page}{hash}")
}

/// A copy of `state` without its transcript, which is all [`Conversation::prompt`] and
/// [`Conversation::stage`] read: rendering copies the small parts, not the whole session.
fn without_transcript(state: &State) -> State {
    State {
        scenario: state.scenario.clone(),
        seed: state.seed,
        node: state.node.clone(),
        vars: state.vars.clone(),
        opening: state.opening.clone(),
        transcript: Vec::new(),
        status: state.status.clone(),
    }
}

/// What replaces the composer once the session has ended.
fn ending(header: String, on_finish: &Callback<()>) -> Html {
    html! {
        <div class="ending panel" role="status">
            <h3>{ header }</h3>
            <p>{ "The session has ended. Open your debrief to see how it went." }</p>
            <button class="primary" onclick={emit(on_finish, ())}>{ "See your debrief" }</button>
        </div>
    }
}

/// The callbacks the parts get, made once (the dispatcher never changes), so the parts are not
/// redrawn for fresh callbacks.
#[derive(PartialEq)]
struct Handlers {
    level: Callback<Level>,
    thoughts: Callback<()>,
    dispute: Callback<Dispute>,
    feedback: Callback<Feedback>,
    projector: Callback<()>,
    reveal: Callback<()>,
    mode: Callback<Mode>,
    choose: Callback<usize>,
    ask: Callback<String>,
    /// Ends the session (early, or once it has ended) and opens the debrief.
    finish: Callback<()>,
}

impl Handlers {
    fn new(act: &UseReducerDispatcher<AppState>) -> Handlers {
        fn to<T: 'static>(act: &UseReducerDispatcher<AppState>, action: fn(T) -> Action) -> Callback<T> {
            let act = act.clone();
            Callback::from(move |value| act.dispatch(action(value)))
        }
        Handlers {
            level: to(act, Action::SetLevel),
            thoughts: to(act, |()| Action::ToggleThoughts),
            dispute: to(act, |dispute| Action::Dispute { attempt: None, dispute }),
            feedback: to(act, Action::SetFeedback),
            projector: to(act, |()| Action::ToggleProjector),
            reveal: to(act, |()| Action::Reveal),
            mode: to(act, Action::SetMode),
            choose: to(act, Action::Choose),
            ask: to(act, Action::Ask),
            finish: to(act, |()| Action::Finish { now: js_sys::Date::now() }),
        }
    }
}

/// The practice session page.
#[component]
pub fn Session(props: &SessionProps) -> Html {
    let app = &props.app;
    let last_reply = use_node_ref();
    let turns = app.current().map(|s| s.transcript.len()).unwrap_or(0);

    let on = use_memo(app.dispatcher(), Handlers::new);
    // After each reply, move focus to it so keyboard and screen-reader users follow along.
    {
        let last_reply = last_reply.clone();
        use_effect_with(turns, move |_| {
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

    if let Some(pending) = &app.pending {
        if let Some(panel) = scenario_loading(app, &pending.scenario) {
            return panel;
        }
    }
    let Some(state) = app.session.clone() else {
        return html! {
            <section class="panel">
                <h2>{ "No session in progress" }</h2>
                <p>{ "Pick a scenario from the library to start practising." }</p>
                <button class="primary" onclick={dispatch(app, Action::Navigate(Page::Home))}>{ "Go to the library" }</button>
            </section>
        };
    };
    let Some(scenario) = library::get(&state.scenario) else {
        return scenario_loading(app, &state.scenario)
            .unwrap_or_else(|| html! { <p class="panel">{ "This session's scenario is no longer available." }</p> });
    };
    let conversation = match Conversation::resume(scenario, without_transcript(&state)) {
        Ok(c) => c,
        Err(e) => return html! { <p class="panel">{ format!("This session can't continue: {e}.") }</p> },
    };
    let stage = conversation.stage();
    let mut visited: Vec<_> = state.transcript.iter().map(|e| e.stage).collect();
    visited.push(stage);
    let view = &app.view;
    let scaffold = view.level.scaffold();

    html! {
        <section class="session" aria-labelledby="session-title">
            <Header title={scenario.title.as_str()} coachee={scenario.coachee.as_str()} role={scenario.role.as_str()}
                link={share_link(&scenario.id, state.seed, view)} seed={state.seed}
                level={view.level} feedback={view.feedback} projector={view.projector}
                on_level={on.level.clone()} on_feedback={on.feedback.clone()} on_projector={on.projector.clone()} />
            <details class="brief" open={state.transcript.is_empty()}>
                <summary>{ "Brief and objectives" }</summary>
                <p>{ &scenario.brief }</p>
                <ul>{ for scenario.objectives.iter().map(|o| html! { <li>{ o }</li> }) }</ul>
            </details>
            <div class="status-row">
                { grow_bar(stage, &visited) }
                if let Some(trust) = state.vars.get("trust") {
                    { trust_meter(*trust) }
                }
                if scaffold.thoughts {
                    <label class="switch"><input type="checkbox" checked={!view.hide_thoughts} onchange={emit(&on.thoughts, ())} />{ " Show what the coachee thinks" }</label>
                }
            </div>
            <Transcript session={state.clone()} coachee={scenario.coachee.as_str()} feedback={view.feedback}
                revealed={view.revealed} on_reveal={on.reveal.clone()} last_reply={last_reply.clone()}
                thoughts={scaffold.thoughts && !view.hide_thoughts} disputes={app.progress.current_disputes.clone()}
                on_dispute={on.dispute.clone()} />
            { match conversation.prompt() {
                Prompt::Ended { node, .. } => ending(node.header(), &on.finish),
                Prompt::Ask { choices, .. } => {
                    let menu = menu_order(choices.len(), state.seed, turns)
                        .into_iter()
                        .map(|index| (index, choices[index].ask.as_str()))
                        .collect::<Vec<_>>();
                    html! {
                        <Composer {menu} mode={view.mode} menu_allowed={scaffold.menu} live_badge={scaffold.live_badge} error={view.error.clone()} coachee={scenario.coachee.as_str()}
                            {stage} turn={turns} on_mode={on.mode.clone()} on_choose={on.choose.clone()}
                            on_ask={on.ask.clone()} on_finish={on.finish.clone()} />
                    }
                }
            } }
        </section>
    }
}
