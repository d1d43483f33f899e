//! Skill drills: the list of moves, then one drill: an item at a time (the coachee's line and a
//! weak question), the learner's rewrite, the one-sentence result with the model answer, and a
//! summary at the end.

use super::state::{Action, AppState};
use super::{dispatch, new_seed, today};
use crate::drill::{self, Move, Run};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DrillProps {
    pub app: UseReducerHandle<AppState>,
}

#[component]
pub fn DrillPage(props: &DrillProps) -> Html {
    let app = &props.app;
    match &app.drill {
        Some(run) if run.finished() => summary(app, run),
        Some(_) => html! { <DrillItem app={app.clone()} /> },
        None => list(app),
    }
}

fn start(app: &UseReducerHandle<AppState>, drill: Move) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(Action::StartDrill { drill, seed: new_seed() }))
}

fn streak_line(app: &AppState) -> Html {
    let d = &app.progress.drills;
    let streak = d.streak(today());
    html! {
        <p class="drill-streak">
            <strong>{ format!("Drill streak: {streak} day{}", if streak == 1 { "" } else { "s" }) }</strong>
            <span class="muted">{ format!(" · best {} · {} drill(s) finished", d.best, d.finished) }</span>
        </p>
    }
}

fn list(app: &UseReducerHandle<AppState>) -> Html {
    html! {
        <section class="drills" aria-labelledby="drills-title">
            <h2 id="drills-title">{ "Skill drills" }</h2>
            <p>{ format!("Two minutes on one move: {} short items. Read what the coachee says and the weak question, then type a better one. You see at once whether it works, and a model answer.", drill::ITEMS_PER_RUN) }</p>
            { streak_line(app) }
            <ul class="scenario-list drill-list">
                { for Move::ALL.iter().map(|&m| html! {
                    <li class="scenario-card" data-move={m.name()}>
                        <h3>{ m.label() }</h3>
                        <p>{ m.task() }</p>
                        <div class="card-actions">
                            <button class="primary" onclick={start(app, m)} aria-label={format!("Start the drill {}", m.label())}>{ "Start drill" }</button>
                        </div>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub app: UseReducerHandle<AppState>,
}

/// The item showing: its lines, the rewrite box, and once answered the result and "Next".
#[component]
fn DrillItem(props: &ItemProps) -> Html {
    let app = &props.app;
    let draft = use_state(String::new);
    let input = use_node_ref();
    let Some(run) = app.drill.clone() else { return html! {} };
    let position = run.position;
    // A new item starts with an empty box, focused.
    {
        let (draft, input) = (draft.clone(), input.clone());
        use_effect_with(position, move |_| {
            draft.set(String::new());
            if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let Some(item) = run.current() else { return html! {} };
    let answered = run.answered();
    let submit = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::DrillSubmit((*draft).clone()));
        })
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        })
    };
    let on_key = {
        let (app, draft, done) = (app.clone(), draft.clone(), answered.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !e.shift_key() {
                e.prevent_default();
                if !done {
                    app.dispatch(Action::DrillSubmit((*draft).clone()));
                }
            }
        })
    };
    let next = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DrillNext { today: today() }))
    };
    let last = position + 1 == run.items.len();
    html! {
        <section class="drill" aria-labelledby="drill-title">
            <div class="drill-head">
                <h2 id="drill-title">{ format!("Drill: {}", run.drill.label()) }</h2>
                <span class="muted">{ format!("Item {} of {}", position + 1, run.items.len()) }</span>
                <button class="quiet" onclick={dispatch(app, Action::DrillQuit)}>{ "Leave drill" }</button>
            </div>
            <p class="muted">{ run.drill.task() }</p>
            <div class="panel drill-item">
                <p class="drill-says"><span class="who">{ format!("{} says", item.coachee) }</span>
                    <q>{ &item.says }</q></p>
                <p class="drill-weak"><span class="who">{ "A weak question" }</span>
                    <q>{ &item.weak }</q></p>
                <form onsubmit={submit}>
                    <label for="drill-rewrite">{ "Your better question" }</label>
                    <textarea id="drill-rewrite" ref={input} rows="2" value={(*draft).clone()}
                        readonly={answered.is_some()} oninput={on_input} onkeydown={on_key}
                        aria-describedby="drill-result" />
                    if answered.is_none() {
                        <div class="actions"><button class="primary" type="submit">{ "Check" }</button></div>
                    }
                </form>
                <div id="drill-result" class="drill-result" aria-live="polite">
                    if let Some(why) = run.refused.as_ref().filter(|_| answered.is_none()) {
                        <p class="error">{ why }</p>
                    }
                    if let Some(answer) = answered {
                        <p class={classes!("verdict", if answer.result.passed { "pass" } else { "fail" })}>
                            <strong>{ if answer.result.passed { "Works. " } else { "Not yet. " } }</strong>
                            { &answer.result.sentence }
                        </p>
                        <p class="model"><span class="who">{ "Model answer" }</span><q>{ &answer.result.model }</q></p>
                    }
                </div>
                if answered.is_some() {
                    <div class="actions">
                        <button class="primary" onclick={next}>{ if last { "See summary" } else { "Next item" } }</button>
                    </div>
                }
            </div>
        </section>
    }
}

fn summary(app: &UseReducerHandle<AppState>, run: &Run) -> Html {
    html! {
        <section class="drill drill-summary" aria-labelledby="drill-title">
            <h2 id="drill-title">{ format!("Drill finished: {}", run.drill.label()) }</h2>
            <p class="drill-score" role="status">{ format!("{} of {} rewrites worked.", run.passed(), run.items.len()) }</p>
            { streak_line(app) }
            <ol class="drill-answers">
                { for run.items.iter().zip(&run.answers).map(|(item, a)| html! {
                    <li class={classes!(if a.result.passed { "pass" } else { "fail" })}>
                        <span class="mark">{ if a.result.passed { "✓ Worked" } else { "✗ Not yet" } }</span>
                        <span>{ "You asked " }<q>{ &a.rewrite }</q></span>
                        <span class="muted">{ "Model: " }<q>{ &item.model }</q></span>
                    </li>
                }) }
            </ol>
            <div class="actions">
                <button class="primary" onclick={start(app, run.drill)}>{ "Another round" }</button>
                <button onclick={dispatch(app, Action::DrillQuit)}>{ "All drills" }</button>
            </div>
        </section>
    }
}
