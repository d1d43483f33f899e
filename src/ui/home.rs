//! Home: a short "how it works", filters, and the scenario library as cards.

use super::custom::CustomLoader;
use super::state::{Action, AppState, Page};
use super::{dispatch, new_seed};
use crate::levels;
use crate::library;
use crate::scenario::{Card, Difficulty, Scenario};
use crate::short_sort;
use crate::vocab::{Level, Named};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub app: UseReducerHandle<AppState>,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let app = &props.app;
    // Custom scenarios first, then the bundled library.
    let every: Vec<Card> = app
        .custom
        .iter()
        .filter_map(|f| library::get(&f.id).map(Scenario::card))
        .chain(library::cards().iter().map(|(_, card)| card.clone()))
        .collect();
    let is_custom = |id: &str| app.custom.iter().any(|f| f.id == id);
    let mut skills: Vec<&str> = every.iter().flat_map(|s| s.skills.iter().map(String::as_str)).collect();
    short_sort::sort_by(&mut skills, |a, b| a.cmp(b));
    skills.dedup();
    let shown: Vec<_> = every
        .iter()
        .filter(|s| app.difficulty.is_none_or(|d| s.difficulty == d))
        .filter(|s| app.skill.as_ref().is_none_or(|k| s.skills.contains(k)))
        .collect();

    let on_difficulty = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let difficulty = match value.as_str() {
                "foundation" => Some(Difficulty::Foundation),
                "intermediate" => Some(Difficulty::Intermediate),
                "advanced" => Some(Difficulty::Advanced),
                _ => None,
            };
            app.dispatch(Action::Filter { difficulty, skill: app.skill.clone() });
        })
    };
    let on_skill = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let skill = (!value.is_empty()).then_some(value);
            app.dispatch(Action::Filter { difficulty: app.difficulty, skill });
        })
    };
    let resume = app.current().and_then(|c| library::card(&c.scenario).map(|s| (s, c.seed)));

    html! {
        <>
            <section class="intro" aria-labelledby="how-title">
                <h2 id="how-title">{ "How it works" }</h2>
                <div class="how">
                    <div>
                        <h3>{ "GROW" }</h3>
                        <p>{ "A coaching conversation moves through four stages: the Goal the coachee wants, the Reality of where they are, the Options they could take, and the Will to act." }</p>
                        <p>{ "Your questions should follow that arc — and loop back when something is unclear." }</p>
                    </div>
                    <div>
                        <h3>{ "Open questions" }</h3>
                        <p>{ "Open questions (\"what…\", \"how…\", \"tell me about…\") invite the coachee to think in their own words." }</p>
                        <p>{ "Closed, leading and advice-in-disguise questions put your ideas in their mouth. Every question you ask is scored, with the reasons shown." }</p>
                    </div>
                    <div>
                        <h3>{ "Skill drills" }</h3>
                        <p>{ "Two minutes on one move, such as turning a closed question into an open one or reframing a negative goal: rewrite a weak question and see at once whether it works." }</p>
                        <p><a href="#/drill">{ "Go to the skill drills" }</a></p>
                    </div>
                </div>
            </section>
            if let Some((s, seed)) = resume {
                <div class="resume" role="status">
                    <span>{ format!("You have a session in progress: {}.", s.title) }</span>
                    <button class="primary" onclick={dispatch(app, Action::Navigate(Page::Session))}>
                        { "Resume" }
                    </button>
                    <span class="muted">{ format!("seed {seed}") }</span>
                </div>
            }
            <section aria-labelledby="library-title">
                <div class="library-head">
                    <h2 id="library-title">{ "Scenarios" }</h2>
                    <div class="filters">
                        <label>{ "Difficulty " }
                            <select onchange={on_difficulty} aria-label="Filter by difficulty">
                                <option value="" selected={app.difficulty.is_none()}>{ "All" }</option>
                                { for [Difficulty::Foundation, Difficulty::Intermediate, Difficulty::Advanced].iter().map(|d| html! {
                                    <option value={d.label().to_ascii_lowercase()} selected={app.difficulty == Some(*d)}>{ d.label() }</option>
                                }) }
                            </select>
                        </label>
                        <label>{ "Skill " }
                            <select onchange={on_skill} aria-label="Filter by skill">
                                <option value="" selected={app.skill.is_none()}>{ "All" }</option>
                                { for skills.iter().map(|k| html! {
                                    <option value={k.to_string()} selected={app.skill.as_deref() == Some(*k)}>{ k.replace('-', " ") }</option>
                                }) }
                            </select>
                        </label>
                    </div>
                </div>
                if shown.is_empty() {
                    <p class="empty">{ "No scenario matches these filters." }</p>
                }
                <ul class="scenario-list">
                    { for shown.iter().map(|s| {
                        let best = app.progress.best(&s.id);
                        let level = levels::recommended(&app.progress, &s.id);
                        let reached = levels::reached(&app.progress, &s.id);
                        let select_id = format!("level-{}", s.id);
                        let start = {
                            let app = app.clone();
                            let (id, select_id) = (s.id.clone(), select_id.clone());
                            Callback::from(move |_| {
                                let chosen = gloo::utils::document()
                                    .get_element_by_id(&select_id)
                                    .and_then(|el| Level::find(&el.unchecked_into::<web_sys::HtmlSelectElement>().value()));
                                app.dispatch(Action::Start { scenario: id.clone(), seed: new_seed(), level: chosen.or(Some(level)) });
                            })
                        };
                        html! {
                            <li class="scenario-card" data-id={s.id.clone()}>
                                <div class="card-top">
                                    <span class={classes!("difficulty", s.difficulty.label().to_ascii_lowercase())}>{ s.difficulty.label() }</span>
                                    if is_custom(&s.id) { <span class="custom-tag">{ "Your scenario" }</span> }
                                    <span class="best">{ best.map(|b| format!("Best {b}/100")).unwrap_or_else(|| "Not tried yet".into()) }</span>
                                </div>
                                <h3>{ &s.title }</h3>
                                <p class="coachee">{ format!("{} — {}", s.coachee, s.role) }</p>
                                <p>{ &s.brief }</p>
                                <ul class="skills" aria-label="Skills">
                                    { for s.skills.iter().map(|k| html! { <li>{ k.replace('-', " ") }</li> }) }
                                </ul>
                                <p class="level-line" data-test="level-reached">{ match reached {
                                    Some(l) => format!("Level reached: {}", l.label()),
                                    None => "Level reached: none yet".to_string(),
                                } }</p>
                                <div class="card-actions">
                                    <label for={select_id.clone()}>{ "Level " }
                                        <select id={select_id.clone()} data-test="card-level">
                                            { for Level::ALL.iter().map(|l| html! { <option value={l.name()} selected={*l == level} title={l.describe()}>{ l.label() }</option> }) }
                                        </select>
                                    </label>
                                    <button class="primary" onclick={start} aria-label={format!("Start {}", s.title)}>{ "Start" }</button>
                                    if is_custom(&s.id) {
                                        <button class="quiet" onclick={dispatch(app, Action::RemoveCustom(s.id.clone()))}
                                            aria-label={format!("Remove {} from this device", s.title)}>{ "Remove" }</button>
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <CustomLoader app={app.clone()} />
        </>
    }
}
