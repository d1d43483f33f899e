//! The app shell: loads saved progress, follows the URL hash, saves on every change, and
//! shows the current page.

use super::class_page::ClassPage;
use super::debrief::Debrief;
use super::drill_page::DrillPage;
use super::home::Home;
use super::progress_page::ProgressPage;
use super::session::Session;
use super::state::{Action, AppState, Feedback, Page, Settings};
use super::{dispatch, files, new_seed, storage};
use crate::library;
use crate::link::{self, Link};
use crate::vocab::Level;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The actions a link asks for, given the current state (resume rather than restart).
fn follow(state: &AppState, link: Link) -> Result<Vec<Action>, String> {
    Ok(match link {
        Link::Home => vec![Action::Navigate(Page::Home)],
        Link::Progress => vec![Action::Navigate(Page::Progress)],
        Link::Class => vec![Action::Navigate(Page::Class)],
        Link::Drill(None) => vec![Action::DrillQuit],
        Link::Drill(Some(drill)) => match &state.drill {
            Some(run) if run.drill == drill && !run.finished() => vec![Action::Navigate(Page::Drill)],
            _ => vec![Action::StartDrill { drill, seed: new_seed() }],
        },
        Link::Debrief(n) if n < state.progress.attempts.len() => vec![Action::Navigate(Page::Debrief(n))],
        Link::Debrief(n) => return Err(format!("There is no saved attempt number {n} on this device.")),
        Link::Play { scenario, seed, settings } => {
            if library::card(&scenario).is_none() {
                return Err(format!(
                    "There is no scenario called \"{}\".",
                    scenario.chars().take(40).collect::<String>()
                ));
            }
            let resumable = state.current().filter(|c| c.scenario == scenario && seed.is_none_or(|s| s == c.seed));
            let go = match resumable {
                Some(_) => Action::Navigate(Page::Session),
                None => Action::Start { scenario, seed: seed.unwrap_or_else(new_seed), level: None },
            };
            vec![go, Action::Configure(settings)]
        }
    })
}

/// Applies a link: its complaint (if any) as a notice, then its actions.
fn arrival(state: &AppState, hash: &str) -> Vec<Action> {
    let (link, complaint) = link::parse(hash);
    let mut actions: Vec<Action> = complaint.map(Action::Notice).into_iter().collect();
    match follow(state, link) {
        Ok(more) => actions.extend(more),
        Err(why) => actions.push(Action::Notice(why)),
    }
    actions
}

fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Applies a hash to a state.
fn arrive(state: AppState, hash: &str) -> AppState {
    use yew::Reducible;
    let actions = arrival(&state, hash);
    Rc::unwrap_or_clone(actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a)))
}

/// The link for what is on screen now.
fn link_of(state: &AppState) -> Link {
    match &state.page {
        Page::Home => Link::Home,
        Page::Progress => Link::Progress,
        Page::Class => Link::Class,
        Page::Drill => Link::Drill(state.drill.as_ref().map(|run| run.drill)),
        Page::Debrief(n) => Link::Debrief(*n),
        Page::Session => match (&state.pending, state.current()) {
            (Some(p), _) => {
                Link::Play { scenario: p.scenario.clone(), seed: Some(p.seed), settings: settings_of(state) }
            }
            (None, Some(c)) => {
                Link::Play { scenario: c.scenario.clone(), seed: Some(c.seed), settings: settings_of(state) }
            }
            (None, None) => Link::Home,
        },
    }
}

/// The session settings worth putting in a link: those that differ from the defaults.
fn settings_of(state: &AppState) -> Settings {
    let view = &state.view;
    Settings {
        level: (view.level != Level::default()).then_some(view.level),
        mode: (view.mode != view.level.scaffold().mode).then_some(view.mode),
        feedback: (view.feedback != Feedback::default()).then_some(view.feedback),
        projector: view.projector,
    }
}

#[component]
pub fn App() -> Html {
    let app = use_reducer(|| {
        let mut loaded = storage::load();
        let custom = storage::load_custom(&mut loaded.notices);
        let state =
            AppState { custom: Rc::new(custom), ..AppState::new(loaded.progress, loaded.notices, loaded.backup) };
        arrive(state, &hash())
    });

    // Save whenever progress (with the session in progress) or the custom scenarios change. If
    // the browser refuses, say so once.
    let told = use_mut_ref(|| app.notices.iter().any(|n| n == storage::CANNOT_SAVE));
    let refused = {
        let (handle, told) = (app.clone(), told.clone());
        move || {
            if !std::mem::replace(&mut *told.borrow_mut(), true) {
                handle.dispatch(Action::Notice(storage::CANNOT_SAVE.into()));
            }
        }
    };
    {
        let refused = refused.clone();
        use_effect_with((app.progress.clone(), app.session.clone()), move |(progress, session)| {
            if storage::save(&progress.to_json_with(session.as_deref())).is_err() {
                refused();
            }
        });
    }
    use_effect_with(app.custom.clone(), move |custom| {
        if storage::save_custom(custom).is_err() {
            refused();
        }
    });
    // Fetch the scenario file the page needs (once; again only when the learner retries).
    {
        let wanted = app.load_error.is_none().then(|| app.scenario_wanted().and_then(library::to_fetch)).flatten();
        let handle = app.clone();
        use_effect_with(wanted, move |file| {
            if let Some(file) = *file {
                files::fetch_scenario(file, move |text| match text.and_then(|text| library::load(file, &text)) {
                    Ok(scenario) => handle.dispatch(Action::Loaded(scenario.id.clone())),
                    Err(why) => {
                        handle.dispatch(Action::LoadFailed(format!("The scenario could not be loaded: {why}.")))
                    }
                });
            }
        });
    }
    // Keep the address bar in step with the page, so refresh and sharing work.
    {
        let link = link_of(&app);
        use_effect_with(link, move |link| {
            let want = link::format(link);
            if hash() != want {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&want));
                }
            }
        });
    }
    // Follow links typed or pasted into the address bar.
    {
        let handle = app.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    for action in arrival(&handle, &hash()) {
                        handle.dispatch(action);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let nav = |page: Page, label: &'static str| {
        let current = std::mem::discriminant(&app.page) == std::mem::discriminant(&page);
        html! {
            <button class="nav" aria-current={current.then_some("page")} onclick={dispatch(&app, Action::Navigate(page))}>{ label }</button>
        }
    };
    html! {
        <div class={classes!("app", app.view.projector.then_some("projector"))}>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                    let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })}>{ "Skip to content" }</a>
            <header class="topbar">
                <div class="brand-block">
                    <h1 class="brand">{ "growsim" }</h1>
                    <p class="tagline">{ "Practise GROW coaching with a scripted coachee" }</p>
                </div>
                <nav aria-label="Main">
                    { nav(Page::Home, "Scenarios") }
                    if app.current().is_some() { { nav(Page::Session, "Session") } }
                    { nav(Page::Drill, "Drills") }
                    { nav(Page::Progress, "Progress") }
                    { nav(Page::Class, "Class") }
                </nav>
            </header>
            if !app.notices.is_empty() {
                <ul class="notices" role="status">
                    { for app.notices.iter().enumerate().map(|(i, n)| html! {
                        <li>{ n }<button class="quiet" aria-label="Dismiss" onclick={dispatch(&app, Action::DismissNotice(i))}>{ "×" }</button></li>
                    }) }
                </ul>
            }
            <main id="main" tabindex="-1">
                { match app.page {
                    Page::Home => html! { <Home app={app.clone()} /> },
                    Page::Session => html! { <Session app={app.clone()} /> },
                    Page::Debrief(n) => html! { <Debrief key={n} app={app.clone()} attempt={n} /> },
                    Page::Progress => html! { <ProgressPage app={app.clone()} /> },
                    Page::Class => html! { <ClassPage app={app.clone()} /> },
                    Page::Drill => html! { <DrillPage app={app.clone()} /> },
                } }
            </main>
            <footer class="foot">{ "Runs entirely in your browser: nothing you type leaves this device." }</footer>
        </div>
    }
}
