//! The debrief: the picture first (scores, timeline), then every turn, then a reflection.

use super::dispute_form::DisputeForm;
use super::state::{Action, AppState, Page};
use super::widgets::{bar_row, stage_class, table_head, timeline};
use super::{copy_text, dispatch, download, new_seed, scenario_loading};
use crate::decimal::fixed;
use crate::decimal::percent;
use crate::engine::listening::{Listening, OPEN_DRILL, RATIO_DRILL};
use crate::engine::{export, Debrief as Summary, Status};
use crate::levels;
use crate::library;
use crate::progress::Reflection;
use crate::results::{ResultFile, Sharing};
use crate::vocab::Level;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    pub app: UseReducerHandle<AppState>,
    pub attempt: usize,
}

#[component]
pub fn Debrief(props: &DebriefProps) -> Html {
    let app = props.app.clone();
    let attempt = app.progress.attempts.get(props.attempt).cloned();
    let reflection = use_state(|| attempt.as_ref().map(|a| a.reflection.clone()).unwrap_or_default());
    let learner = use_state(String::new);
    let share_text = use_state(|| false);
    let share_disputes = use_state(|| false);
    let Some(attempt) = attempt else {
        return html! {
            <section class="panel">
                <h2>{ "Debrief not found" }</h2>
                <p>{ "That attempt isn't saved on this device." }</p>
                <button onclick={dispatch(&app, Action::Navigate(Page::Progress))}>{ "See your progress" }</button>
            </section>
        };
    };
    let Some(scenario) = library::get(&attempt.scenario) else {
        return scenario_loading(&app, &attempt.scenario).unwrap_or_else(|| {
            html! { <p class="panel">{ format!("The scenario \"{}\" is no longer in the library.", attempt.scenario) }</p> }
        });
    };
    let session = &attempt.session;
    let d = Summary::of(session);
    let listening = Listening::of(&session.transcript);
    let header = export::header(scenario, session);
    let ending = match &session.status {
        Status::Ended { .. } => crate::engine::ending_summary(scenario, session),
        Status::Active => Some("You ended the session before the coachee reached an outcome.".to_string()),
    };
    let max_stage = d.per_stage.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);

    // Reflections are saved as they are typed, so a reload or a closed tab loses nothing.
    let field = |name: &'static str, label: &'static str, value: String| {
        let (app, reflection, attempt) = (app.clone(), reflection.clone(), props.attempt);
        let oninput = Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            let mut r = (*reflection).clone();
            match name {
                "happened" => r.happened = text,
                "noticed" => r.noticed = text,
                _ => r.next = text,
            }
            reflection.set(r.clone());
            app.dispatch(Action::SaveReflection { attempt, reflection: r });
        });
        html! {
            <label class="reflect-field">{ label }
                <textarea rows="3" value={value} {oninput} />
            </label>
        }
    };
    let replay = {
        let app = app.clone();
        let (id, seed) = (scenario.id.clone(), session.seed);
        Callback::from(move |_| {
            app.dispatch(Action::Start { scenario: id.clone(), seed, level: None });
        })
    };
    let another = {
        let app = app.clone();
        let id = scenario.id.clone();
        Callback::from(move |_| {
            let seed = new_seed();
            app.dispatch(Action::Start { scenario: id.clone(), seed, level: None });
        })
    };
    let suggestion = levels::suggestion(&app.progress, &scenario.id)
        .filter(|_| app.progress.attempts_at(&scenario.id).last() == Some(&attempt));
    let at_level = |level: Level| {
        let app = app.clone();
        let id = scenario.id.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Start { scenario: id.clone(), seed: new_seed(), level: Some(level) })
        })
    };
    let on_dispute = {
        let (app, index) = (app.clone(), props.attempt);
        Callback::from(move |dispute| app.dispatch(Action::Dispute { attempt: Some(index), dispute }))
    };
    let markdown = export::markdown(scenario, session);
    let json = export::json(session);
    let file = format!("growsim-{}-{}", scenario.id, session.seed);
    let Reflection { happened, noticed, next } = (*reflection).clone();
    let sharing = Sharing { text: *share_text, disputes: *share_disputes, reflection: Some(&reflection) };
    let result = ResultFile::of(scenario, &attempt, &learner, sharing);
    let on_learner = {
        let learner = learner.clone();
        Callback::from(move |e: InputEvent| learner.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };

    html! {
        <section class="debrief" aria-labelledby="debrief-title">
            <h2 id="debrief-title">{ format!("Debrief: {}", scenario.title) }</h2>
            if let Some(level) = attempt.level {
                <p class="level-line" data-test="attempt-level">{ format!("Played at the {} level: {}.", level.label().to_lowercase(), level.describe()) }</p>
            }
            if let Some(s) = &suggestion {
                <div class="suggestion panel" role="status" data-test="level-suggestion">
                    <p>{ &s.why }</p>
                    <button class="primary" onclick={at_level(s.level)}>{ format!("Try it at the {} level", s.level.label().to_lowercase()) }</button>
                </div>
            }
            <div class="summary-cards">
                <div class="card big"><span class="label">{ "Score" }</span><span class="value" data-test="score">{ d.score }</span><span class="unit">{ "/ 100" }</span></div>
                <div class="card"><span class="label">{ "Outcome" }</span><span class="value small" data-test="outcome" data-quality={d.quality.map(|q| q.name())}>{ header }</span></div>
                <div class="card"><span class="label">{ "Open questions & reflections" }</span><span class="value" data-test="open-ratio">{ percent(d.open_ratio) }</span></div>
                <div class="card"><span class="label">{ "Good stage fit" }</span><span class="value" data-test="fit-ratio">{ percent(d.fit_ratio) }</span></div>
                <div class="card"><span class="label">{ "Questions" }</span><span class="value" data-test="questions">{ d.questions }</span></div>
            </div>
            if let Some(text) = ending {
                <p class="ending-summary">{ text }</p>
            }
            { listening_figures(&listening) }
            if let Some(drill) = crate::drill::recommend(&session.transcript) {
                <p class="recommend" data-test="recommended-drill">{ "The move to practise next: " }<a href={format!("#/drill/{}", drill.name())}>{ format!("{} drill", drill.label()) }</a>{ format!(" ({})", drill.task()) }</p>
            }
            <div class="charts">
                <figure class="bars per-stage">
                    <figcaption>{ "Questions per stage" }</figcaption>
                    <ul>
                        { for d.per_stage.iter().map(|&(s, n)| {
                            bar_row(s.label(), (n * 100) as f32 / max_stage as f32, stage_class(s), n.to_string(), Some(format!("stage-{}", s.name())))
                        }) }
                    </ul>
                </figure>
                { timeline(&session.transcript) }
            </div>
            <h3>{ "Turn by turn" }</h3>
            <div class="table-wrap">
                <table class="turns">
                    { table_head(&["#", "Your question", "Verdict", "Form", "Stage", "Fit", "Why", "Better", "Disagree?"]) }
                    <tbody>
                        { for session.transcript.iter().map(|e| {
                            let rules = e.score.reasons();
                            html! {
                                <tr>
                                    <td>{ e.turn }</td>
                                    <td>{ &e.question }</td>
                                    <td data-verdict={e.score.verdict.name()}>{ e.score.verdict.label() }
                                        if e.score.verdict_source == crate::vocab::VerdictSource::Generic { <br/><small>{ "generic rule" }</small> }
                                        if let Some(note) = &e.score.note { <br/><small>{ note }</small> }
                                    </td>
                                    <td>{ e.score.kind.label() }</td>
                                    <td><span class={classes!("chip", "stage", stage_class(e.score.stage))}>{ e.score.stage.label() }</span></td>
                                    <td>{ e.score.fit.name() }</td>
                                    <td class="rules">{ rules.join(" ") }<br/><small>{ &e.score.explanation }</small></td>
                                    <td>{ e.score.better.clone().unwrap_or_default() }</td>
                                    <td><DisputeForm exchange={e.clone()} existing={attempt.disputes.iter().find(|d| d.turn == e.turn).cloned()}
                                        on_dispute={on_dispute.clone()} /></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !attempt.disputes.is_empty() {
                <section class="disputes" aria-labelledby="disputes-title" data-test="disputes">
                    <h3 id="disputes-title">{ "Verdicts you disputed" }</h3>
                    <ul>
                        { for attempt.disputes.iter().map(|d| html! {
                            <li>{ format!("Question {}: \"{}\" was scored {}, {}, {}. You said: {}.", d.turn, d.question,
                                d.verdict.label().to_lowercase(), d.kind.label().to_lowercase(), d.stage.label(), d.proposal_text()) }
                                if !d.reason.is_empty() { <br/><small>{ &d.reason }</small> }
                            </li>
                        }) }
                    </ul>
                    <p class="muted">{ "Your facilitator sees these only if you include them in your result below." }</p>
                </section>
            }
            <section class="reflect">
                <h3>{ "Reflect (Kolb's cycle)" }</h3>
                { field("happened", "What happened? Describe the conversation in a sentence or two.", happened) }
                { field("noticed", "What did you notice about your questions and the coachee's replies?", noticed) }
                { field("next", "What will you try next time?", next) }
                <p class="muted">{ "Saved as you type, on this device only." }</p>
            </section>
            <section class="for-facilitator no-print" aria-labelledby="facilitator-title">
                <h3 id="facilitator-title">{ "For your facilitator" }</h3>
                <p>{ "A compact result: scenario, seed, and the form, stage and fit of each question. Menu questions are included; what you typed and your reflection only if you tick the box." }</p>
                <div class="row">
                    <label>{ "Your name or initials (optional) " }<input value={(*learner).clone()} oninput={on_learner} maxlength="60" /></label>
                    <label class="switch"><input type="checkbox" checked={*share_text} onchange={{ let s = share_text.clone(); Callback::from(move |_| s.set(!*s)) }} />{ " Include my typed questions and reflection" }</label>
                    <label class="switch"><input type="checkbox" data-test="share-disputes" checked={*share_disputes} onchange={{ let s = share_disputes.clone(); Callback::from(move |_| s.set(!*s)) }} />{ format!(" Include my disputes ({})", attempt.disputes.len()) }</label>
                </div>
                <div class="actions">
                    <button onclick={{ let (json, f) = (result.to_json(), file.clone()); Callback::from(move |_| download(&format!("{f}-result.json"), "application/json", &json)) }}>{ "Download result file" }</button>
                    <button onclick={{ let code = result.to_code(); Callback::from(move |_| copy_text(&code)) }}>{ "Copy result code" }</button>
                </div>
            </section>
            <div class="actions no-print">
                <button onclick={replay}>{ "Replay (same seed)" }</button>
                <button onclick={another}>{ "Try another path" }</button>
                <button onclick={{ let md = markdown.clone(); Callback::from(move |_| copy_text(&md)) }}>{ "Copy transcript" }</button>
                <button onclick={{ let (md, f) = (markdown.clone(), file.clone()); Callback::from(move |_| download(&format!("{f}.md"), "text/markdown", &md)) }}>{ "Download Markdown" }</button>
                <button onclick={{ let f = file.clone(); Callback::from(move |_| download(&format!("{f}.json"), "application/json", &json)) }}>{ "Download JSON" }</button>
                <button onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ "Print" }</button>
            </div>
        </section>
    }
}

/// The reflection ratio and the share of open questions, against the bands MI coders use, each
/// with a line on what it means and the drill that moves it.
fn listening_figures(l: &Listening) -> Html {
    let ratio = l.ratio.map_or("–".to_string(), |r| format!("{}:1", fixed(r, 1)));
    let open = l.open_share.map_or("–".to_string(), percent);
    html! {
        <section class="listening" aria-labelledby="listening-title">
            <h3 id="listening-title">{ "Listening figures" }</h3>
            <div class="summary-cards">
                <div class="card"><span class="label">{ "Reflections to questions" }</span><span class="value" data-test="reflection-ratio">{ ratio }</span><span class="unit">{ l.ratio_band.label() }</span></div>
                <div class="card"><span class="label">{ "Questions that were open" }</span><span class="value" data-test="open-share">{ open }</span><span class="unit">{ l.open_band.label() }</span></div>
            </div>
            <p>{ l.ratio_note() }{ " " }<a href={format!("#/drill/{}", RATIO_DRILL.name())}>{ "Practise: reflect before asking" }</a></p>
            <p>{ l.open_note() }{ " " }<a href={format!("#/drill/{}", OPEN_DRILL.name())}>{ "Practise: closed to open" }</a></p>
        </section>
    }
}
