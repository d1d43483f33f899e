//! The app's state as a `Reducible`: every change is an [`Action`]. `reduce` is pure: storage,
//! timers and the clock live in effects and event handlers, which pass the time in.

use crate::engine::{Conversation, Input, State};
use crate::library;
use crate::progress::{Attempt, Progress, Reflection};
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
}

/// How the learner asks questions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Choose,
    Type,
}

/// Options that last for a session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub mode: Mode,
    /// Exam mode hides feedback until the debrief.
    pub exam: bool,
    pub feedback_open: bool,
    /// Why the last input was refused, if it was.
    pub error: Option<String>,
}

impl Default for SessionView {
    fn default() -> Self {
        SessionView { mode: Mode::Choose, exam: false, feedback_open: true, error: None }
    }
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
    ToggleExam,
    ToggleFeedback,
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
                    next.view = SessionView { mode: next.view.mode, exam: next.view.exam, ..SessionView::default() };
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
            Action::ToggleExam => next.view.exam = !next.view.exam,
            Action::ToggleFeedback => next.view.feedback_open = !next.view.feedback_open,
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
            Action::Notice(text) => next.notices.push(text),
            Action::DismissNotice(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::Filter { difficulty, skill } => {
                next.difficulty = difficulty;
                next.skill = skill;
            }
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
