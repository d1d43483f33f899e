//! Progress: score trends per scenario and per skill, with export, import and clear.

use super::state::{Action, AppState, Page};
use super::widgets::sparkline;
use super::{dispatch, download, files, storage, today};
use crate::library;
use crate::progress::Progress;
use gloo::file::callbacks::FileReader;
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub app: UseReducerHandle<AppState>,
}

#[component]
pub fn ProgressPage(props: &ProgressProps) -> Html {
    let app = props.app.clone();
    let reader = use_mut_ref(|| None::<FileReader>);
    let progress = &app.progress;

    let mut by_skill: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for a in &progress.attempts {
        if let Some(s) = library::card(&a.scenario) {
            for skill in &s.skills {
                by_skill.entry(skill.clone()).or_default().push(a.score);
            }
        }
    }
    let export = {
        let app = app.clone();
        Callback::from(move |_| download("growsim-progress.json", "application/json", &app.progress_json()))
    };
    let import = {
        let app = app.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = files::list(input.files()).into_iter().next() else { return };
            let app = app.clone();
            *reader.borrow_mut() = files::read_text(file, move |text| {
                app.dispatch(Action::Import(text.and_then(|t| Progress::parse(&t))));
            });
            input.set_value("");
        })
    };
    let clear = {
        let app = app.clone();
        Callback::from(move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message("Delete all saved attempts and reflections on this device?").ok())
                .unwrap_or(false);
            if sure {
                storage::clear_backup();
                app.dispatch(Action::ClearProgress);
            }
        })
    };

    html! {
        <section class="progress" aria-labelledby="progress-title">
            <h2 id="progress-title">{ "Your progress" }</h2>
            <h3>{ "Skill drills" }</h3>
            <p class="drill-streak">
                <strong>{ format!("Current streak: {} day(s)", progress.drills.streak(today())) }</strong>
                <span class="muted">{ format!(" · best streak {} day(s) · {} drill(s) finished · ", progress.drills.best, progress.drills.finished) }</span>
                <button class="link" onclick={dispatch(&app, Action::Navigate(Page::Drill))}>{ "Practise a drill" }</button>
            </p>
            if progress.attempts.is_empty() {
                <p class="empty">{ "No attempts yet. Finish a session and its debrief is saved here, on this device only." }</p>
            } else {
                <h3>{ "By scenario" }</h3>
                <ul class="trend-list">
                    { for library::cards().iter().map(|(_, s)| s).filter(|s| progress.attempts_at(&s.id).next().is_some()).map(|s| {
                        let scores: Vec<u32> = progress.attempts_at(&s.id).map(|a| a.score).collect();
                        html! {
                            <li>
                                <span class="name">{ &s.title }</span>
                                { sparkline(&scores, format!("{} scores: {}", s.title, scores.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "))) }
                                <span class="muted">{ format!("{} attempt(s), best {}", scores.len(), scores.iter().max().unwrap_or(&0)) }</span>
                                <span class="level-reached" data-test="progress-level">{ match crate::levels::reached(progress, &s.id) {
                                    Some(l) => format!("level reached: {}", l.label().to_lowercase()),
                                    None => "level reached: none yet".to_string(),
                                } }</span>
                            </li>
                        }
                    }) }
                </ul>
                <h3>{ "By skill" }</h3>
                <ul class="trend-list">
                    { for by_skill.iter().map(|(skill, scores)| html! {
                        <li>
                            <span class="name">{ skill.replace('-', " ") }</span>
                            { sparkline(scores, format!("{skill} scores")) }
                            <span class="muted">{ format!("latest {}", scores.last().unwrap_or(&0)) }</span>
                        </li>
                    }) }
                </ul>
                <h3>{ "Attempts" }</h3>
                <ol class="attempts">
                    { for progress.attempts.iter().enumerate().rev().map(|(i, a)| {
                        let title = library::card(&a.scenario).map(|s| s.title).unwrap_or_else(|| a.scenario.clone());
                        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(a.finished_at)).to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED);
                        html! {
                            <li>
                                <button class="link" onclick={dispatch(&app, Action::Navigate(Page::Debrief(i)))}>
                                    { format!("{title} — {}/100", a.score) }
                                </button>
                                <span class="muted">{ format!(" {} · {}", String::from(date), a.outcome.map(|o| o.label()).unwrap_or("ended early")) }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
            <div class="actions">
                <button onclick={export}>{ "Export progress (JSON)" }</button>
                <label class="button">{ "Import progress…" }<input type="file" accept=".json,application/json" class="visually-hidden" onchange={import} /></label>
                if let Some(backup) = app.backup.clone() {
                    <button onclick={Callback::from(move |_| download("growsim-unreadable-data.json", "application/json", &backup))}>{ "Download unreadable data" }</button>
                }
                <button class="danger" onclick={clear}>{ "Clear all progress…" }</button>
            </div>
        </section>
    }
}
