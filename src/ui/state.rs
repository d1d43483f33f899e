//! The app's state as a `Reducible`: every change is an [`Action`]. `reduce` is pure: storage,
//! timers and the clock live in effects and event handlers, which pass the time in.

use super::storage::CustomFile;
use crate::engine::{Conversation, Input, State};
use crate::library;
pub use crate::link::{Feedback, Mode, Settings};
use crate::progress::{Attempt, Progress, Reflection};
use crate::results::ResultFile;
use crate::scenario::Difficulty;
use std::rc::Rc;
use yew::Reducible;

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    Home,
    Session,
    /// The debrief of an attempt, by index into `progress.attempts`.
    Debrief(usize),
    Progress,
    /// The facilitator's view of a class's results.
    Class,
}

/// Options that last across sessions until changed; a shared link can set them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionView {
    pub mode: Mode,
    pub feedback: Feedback,
    /// Large type and high contrast for a projector.
    pub projector: bool,
    /// In `Feedback::Reveal`, how many turns have had their feedback revealed.
    pub revealed: usize,
    /// Why the last input was refused, if it was.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub page: Page,
    pub progress: Progress,
    pub view: SessionView,
    /// Messages for the learner (bad links, unreadable saved data…).
    pub notices: Vec<String>,
    /// Saved data that could not be read, kept so it can be exported.
    pub backup: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub skill: Option<String>,
    /// Results loaded on the class page (kept in memory only).
    pub class: Vec<ResultFile>,
    /// Custom scenarios the user loaded, already registered with the library.
    pub custom: Vec<CustomFile>,
}

impl AppState {
    pub fn new(progress: Progress, notices: Vec<String>, backup: Option<String>) -> AppState {
        AppState {
            page: Page::Home,
            progress,
            view: SessionView::default(),
            notices,
            backup,
            difficulty: None,
            skill: None,
            class: Vec::new(),
            custom: Vec::new(),
        }
    }

    /// The session in progress, if any.
    pub fn current(&self) -> Option<&State> {
        self.progress.current.as_ref()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Navigate(Page),
    /// Start a scenario with a seed (a new session replaces any current one).
    Start {
        scenario: String,
        seed: u64,
    },
    Choose(usize),
    Ask(String),
    /// Stop the current session early and go to its debrief.
    Finish {
        now: f64,
    },
    SetMode(Mode),
    SetFeedback(Feedback),
    /// Apply the settings a shared link carries.
    Configure(Settings),
    ToggleProjector,
    /// Show the feedback held back in `Feedback::Reveal` for every turn so far.
    Reveal,
    SaveReflection {
        attempt: usize,
        reflection: Reflection,
    },
    /// The result of reading an imported progress file.
    Import(Result<Progress, String>),
    ClearProgress,
    Notice(String),
    DismissNotice(usize),
    Filter {
        difficulty: Option<Difficulty>,
        skill: Option<String>,
    },
    /// Results read on the class page; duplicates are skipped.
    AddResults(Vec<ResultFile>),
    ClearClass,
    /// A custom scenario passed the validator and was registered (replaces one with the same id).
    CustomAdded(CustomFile),
    RemoveCustom(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(page) => next.page = page,
            Action::Start { scenario, seed } => match library::get(&scenario) {
                Some(s) => {
                    next.progress.current = Some(Conversation::new(s, seed).state().clone());
                    next.view = SessionView { revealed: 0, error: None, ..next.view.clone() };
                    next.page = Page::Session;
                }
                None => next.notices.push(format!("There is no scenario called \"{scenario}\".")),
            },
            Action::Choose(index) => next.step(Input::Choice(index)),
            Action::Ask(text) => next.step(Input::Typed(text)),
            Action::Finish { now } => {
                if let Some(state) = next.progress.current.take() {
                    next.progress.attempts.push(Attempt::new(state, now));
                    next.page = Page::Debrief(next.progress.attempts.len() - 1);
                }
            }
            Action::SetMode(mode) => next.view.mode = mode,
            Action::SetFeedback(feedback) => next.view.feedback = feedback,
            Action::Configure(settings) => {
                next.view.mode = settings.mode.unwrap_or(next.view.mode);
                next.view.feedback = settings.feedback.unwrap_or(next.view.feedback);
                next.view.projector |= settings.projector;
            }
            Action::ToggleProjector => next.view.projector = !next.view.projector,
            Action::Reveal => next.view.revealed = next.current().map(|c| c.transcript.len()).unwrap_or(0),
            Action::SaveReflection { attempt, reflection } => {
                if let Some(a) = next.progress.attempts.get_mut(attempt) {
                    a.reflection = reflection;
                }
            }
            Action::Import(Ok(imported)) => {
                let added = next.progress.merge(imported);
                next.notices.push(format!("Imported {added} attempt(s)."));
            }
            Action::Import(Err(why)) => next.notices.push(format!("That file could not be imported: {why}.")),
            Action::ClearProgress => {
                next.progress = Progress::default();
                next.backup = None;
                next.page = Page::Home;
            }
            Action::Notice(text) => {
                if !next.notices.contains(&text) {
                    next.notices.push(text);
                }
            }
            Action::DismissNotice(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::Filter { difficulty, skill } => {
                next.difficulty = difficulty;
                next.skill = skill;
            }
            Action::AddResults(results) => {
                let (before, offered) = (next.class.len(), results.len());
                for r in results {
                    if !next.class.contains(&r) {
                        next.class.push(r);
                    }
                }
                let repeated = offered - (next.class.len() - before);
                if repeated > 0 {
                    next.notices
                        .push(format!("{repeated} result(s) were already in the class view and were not added again."));
                }
            }
            Action::ClearClass => next.class.clear(),
            Action::CustomAdded(file) => {
                next.custom.retain(|f| f.id != file.id);
                next.notices.push(format!(
                    "Loaded \"{}\". It is saved on this device and listed under Your scenarios.",
                    file.file
                ));
                next.custom.push(file);
            }
            Action::RemoveCustom(id) => next.custom.retain(|f| f.id != id),
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Plays one turn of the current session. An ended session stays current until the
    /// learner opens the debrief, which saves it as an attempt.
    fn step(&mut self, input: Input) {
        let Some(state) = self.progress.current.clone() else { return };
        let Some(scenario) = library::get(&state.scenario) else { return };
        let mut conversation = match Conversation::resume(scenario, state) {
            Ok(c) => c,
            Err(e) => {
                self.notices.push(format!("The saved session could not continue: {e}."));
                self.progress.current = None;
                self.page = Page::Home;
                return;
            }
        };
        match conversation.step(input) {
            Ok(_) => {
                self.view.error = None;
                self.progress.current = Some(conversation.state().clone());
            }
            Err(e) => self.view.error = Some(e.to_string()),
        }
    }
}
