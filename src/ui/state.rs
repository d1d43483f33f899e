//! The app's state as a `Reducible`: every change is an [`Action`]. `reduce` is pure: storage,
//! timers and the clock live in effects and event handlers, which pass the time in. The big
//! parts sit behind `Rc`s, so an action copies only what it changes.

use super::storage::CustomFile;
use crate::dispute::Dispute;
use crate::drill::{Move, Run};
use crate::engine::{Conversation, Input, State};
use crate::library;
pub use crate::link::{Feedback, Mode, Settings};
use crate::progress::{Attempt, Progress, Reflection};
use crate::results::ResultFile;
use crate::scenario::Difficulty;
use crate::short_sort;
use crate::vocab::Level;
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
    /// Skill drills: the list of moves, or the drill in `AppState::drill`.
    Drill,
}

/// Options that last across sessions until changed; a shared link can set them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionView {
    /// The level of scaffolding chosen now.
    pub level: Level,
    /// The most guided level used in the session in progress: its attempt is recorded at it.
    pub played_level: Level,
    /// At the guided level, whether the coachee's thoughts show.
    pub hide_thoughts: bool,
    pub mode: Mode,
    pub feedback: Feedback,
    /// Large type and high contrast for a projector.
    pub projector: bool,
    /// In `Feedback::Reveal`, how many turns have had their feedback revealed.
    pub revealed: usize,
    /// Why the last input was refused, if it was.
    pub error: Option<String>,
}

impl SessionView {
    /// Moves to a level: its way of asking, and its feedback where the level imposes one.
    pub fn set_level(&mut self, level: Level) {
        let (before, scaffold) = (self.level.scaffold(), level.scaffold());
        self.level = level;
        self.mode = scaffold.mode;
        match scaffold.feedback {
            Some(feedback) => self.feedback = feedback,
            // Leaving a level that imposed its feedback restores the default.
            None if before.feedback == Some(self.feedback) => self.feedback = Feedback::default(),
            None => {}
        }
    }
}

/// Everything the app shows. Cloning it is cheap: whatever can grow is behind an `Rc`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub page: Page,
    /// The saved attempts. The session in progress is held apart, in `session`, so a turn
    /// doesn't copy them: `progress.current` is always `None` here.
    pub progress: Rc<Progress>,
    /// The session in progress, if any (saved as `progress.current`).
    pub session: Option<Rc<State>>,
    pub view: SessionView,
    /// Messages for the learner (bad links, unreadable saved data…).
    pub notices: Vec<String>,
    /// Saved data that could not be read, kept so it can be exported.
    pub backup: Option<Rc<str>>,
    pub difficulty: Option<Difficulty>,
    pub skill: Option<String>,
    /// Results loaded on the class page (kept in memory only).
    pub class: Rc<Vec<ResultFile>>,
    /// Custom scenarios the user loaded, already registered with the library.
    pub custom: Rc<Vec<CustomFile>>,
    /// The skill drill being worked through (kept in memory only).
    pub drill: Option<Rc<Run>>,
    /// A session asked for before its scenario's file arrived; it starts when it does.
    pub pending: Option<PendingStart>,
    /// Why the scenario this page needs could not be loaded, until the learner retries.
    pub load_error: Option<String>,
    /// How many scenario files have arrived: it changes the state, so a page waiting for one
    /// renders again (pages are compared by value).
    pub loaded: usize,
}

/// A session waiting for its scenario's file: what [`Action::Start`] asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingStart {
    pub scenario: String,
    pub seed: u64,
    pub level: Option<Level>,
}

impl AppState {
    /// The state at start-up, from what was loaded (its session in progress moves to `session`).
    pub fn new(mut progress: Progress, notices: Vec<String>, backup: Option<String>) -> AppState {
        let session = progress.current.take().map(Rc::new);
        AppState {
            page: Page::Home,
            progress: Rc::new(progress),
            session,
            view: SessionView::default(),
            notices,
            backup: backup.map(Rc::from),
            difficulty: None,
            skill: None,
            class: Rc::default(),
            custom: Rc::default(),
            drill: None,
            pending: None,
            load_error: None,
            loaded: 0,
        }
    }

    /// The id of the built-in scenario this page needs and the library has not loaded yet: a
    /// pending start, the session in progress or the attempt being debriefed.
    pub fn scenario_wanted(&self) -> Option<&str> {
        let id = match self.page {
            Page::Session => {
                self.pending.as_ref().map(|p| p.scenario.as_str()).or(self.current().map(|s| s.scenario.as_str()))
            }
            Page::Debrief(n) => self.progress.attempts.get(n).map(|a| a.scenario.as_str()),
            _ => None,
        }?;
        library::to_fetch(id).map(|_| id)
    }

    /// The session in progress, if any.
    pub fn current(&self) -> Option<&State> {
        self.session.as_deref()
    }

    /// The saved progress as JSON, with the session in progress.
    pub fn progress_json(&self) -> String {
        self.progress.to_json_with(self.current())
    }
}

/// A change to the [`AppState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Navigate(Page),
    /// Start a scenario with a seed (a new session replaces any current one).
    Start {
        scenario: String,
        seed: u64,
        /// The level to play at (`None`: the level chosen now).
        level: Option<Level>,
    },
    Choose(usize),
    Ask(String),
    /// Stop the current session early and go to its debrief.
    Finish {
        now: f64,
    },
    SetLevel(Level),
    /// Show or hide the coachee's thoughts at the guided level.
    ToggleThoughts,
    /// Record a disputed verdict: in the session in progress (`attempt: None`) or a saved
    /// attempt. A second dispute of the same turn replaces the first.
    Dispute {
        attempt: Option<usize>,
        dispute: Dispute,
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
    /// Start a drill of one move (replacing any drill in progress).
    StartDrill {
        drill: Move,
        seed: u64,
    },
    /// Score a rewrite of the drill item showing.
    DrillSubmit(String),
    /// A built-in scenario's file arrived and is in the library (by id): a pending start begins.
    Loaded(String),
    /// The scenario this page needs could not be loaded, and why.
    LoadFailed(String),
    /// Try loading it again.
    RetryLoad,
    /// Move on to the next drill item; `today` is the local day number, recorded for the
    /// streak when this finishes the drill.
    DrillNext {
        today: i64,
    },
    /// Leave the drill for the list of drills.
    DrillQuit,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A shallow copy (see `AppState`); `Rc::make_mut` copies a part only when it changes.
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Navigate(page) => {
                if page != Page::Session {
                    next.pending = None;
                }
                next.load_error = None;
                next.page = page;
            }
            Action::Start { scenario, seed, level }
                if library::get(&scenario).is_none() && library::card(&scenario).is_some() =>
            {
                next.pending = Some(PendingStart { scenario, seed, level });
                next.load_error = None;
                next.page = Page::Session;
            }
            Action::Loaded(id) => {
                next.load_error = None;
                next.loaded += 1;
                if let Some(p) = next.pending.take_if(|p| p.scenario == id) {
                    return Rc::new(next).reduce(Action::Start { scenario: p.scenario, seed: p.seed, level: p.level });
                }
            }
            Action::LoadFailed(why) => next.load_error = Some(why),
            Action::RetryLoad => next.load_error = None,
            Action::Start { scenario, seed, level } => match library::get(&scenario) {
                Some(s) => {
                    if let Some(level) = level {
                        next.view.set_level(level);
                    }
                    next.view.played_level = next.view.level;
                    if !next.progress.current_disputes.is_empty() {
                        Rc::make_mut(&mut next.progress).current_disputes.clear();
                    }
                    next.session = Some(Rc::new(Conversation::new(s, seed).into_state()));
                    next.view.revealed = 0;
                    next.view.error = None;
                    next.pending = None;
                    next.page = Page::Session;
                }
                None => next.notices.push(format!("There is no scenario called \"{scenario}\".")),
            },
            Action::Choose(index) => next.step(Input::Choice(index)),
            Action::Ask(text) => next.step(Input::Typed(text)),
            Action::Finish { now } => {
                if let Some(state) = next.session.take() {
                    let progress = Rc::make_mut(&mut next.progress);
                    let disputes = std::mem::take(&mut progress.current_disputes);
                    let attempt = Attempt::new(Rc::unwrap_or_clone(state), now, next.view.played_level, disputes);
                    progress.attempts.push(attempt);
                    next.page = Page::Debrief(progress.attempts.len() - 1);
                }
            }
            Action::SetLevel(level) => {
                next.view.set_level(level);
                next.view.played_level = next.view.played_level.min(level);
            }
            Action::ToggleThoughts => next.view.hide_thoughts = !next.view.hide_thoughts,
            Action::Dispute { attempt, dispute } => {
                let progress = Rc::make_mut(&mut next.progress);
                let list = match attempt {
                    None => Some(&mut progress.current_disputes),
                    Some(i) => progress.attempts.get_mut(i).map(|a| &mut a.disputes),
                };
                if let Some(list) = list {
                    list.retain(|d| d.turn != dispute.turn);
                    list.push(dispute);
                    short_sort::sort_by(list, |a, b| a.turn.cmp(&b.turn));
                }
            }
            Action::SetMode(mode) if next.view.level.scaffold().menu => next.view.mode = mode,
            Action::SetMode(_) => {}
            Action::SetFeedback(feedback) if next.view.level.scaffold().feedback.is_none() => {
                next.view.feedback = feedback
            }
            Action::SetFeedback(_) => {}
            Action::Configure(settings) => {
                next.view.mode = settings.mode.unwrap_or(next.view.mode);
                next.view.feedback = settings.feedback.unwrap_or(next.view.feedback);
                next.view.projector |= settings.projector;
                // A link's level wins over its mode and feedback: a workshop runs everyone at it.
                if let Some(level) = settings.level {
                    next.view.set_level(level);
                    let fresh = next.current().is_some_and(|c| c.transcript.is_empty());
                    next.view.played_level = if fresh { level } else { next.view.played_level.min(level) };
                }
            }
            Action::ToggleProjector => next.view.projector = !next.view.projector,
            Action::Reveal => next.view.revealed = next.current().map(|c| c.transcript.len()).unwrap_or(0),
            Action::SaveReflection { attempt, reflection } => {
                if attempt < next.progress.attempts.len() {
                    Rc::make_mut(&mut next.progress).attempts[attempt].reflection = reflection;
                }
            }
            Action::Import(Ok(imported)) => {
                let added = Rc::make_mut(&mut next.progress).merge(imported);
                next.notices.push(format!("Imported {added} attempt(s)."));
            }
            Action::Import(Err(why)) => next.notices.push(format!("That file could not be imported: {why}.")),
            Action::ClearProgress => {
                next.progress = Rc::default();
                next.session = None;
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
                        Rc::make_mut(&mut next.class).push(r);
                    }
                }
                let repeated = offered - (next.class.len() - before);
                if repeated > 0 {
                    next.notices
                        .push(format!("{repeated} result(s) were already in the class view and were not added again."));
                }
            }
            Action::ClearClass => next.class = Rc::default(),
            Action::CustomAdded(file) => {
                next.notices.push(format!(
                    "Loaded \"{}\". It is saved on this device and listed under Your scenarios.",
                    file.file
                ));
                let custom = Rc::make_mut(&mut next.custom);
                custom.retain(|f| f.id != file.id);
                custom.push(file);
            }
            Action::RemoveCustom(id) => Rc::make_mut(&mut next.custom).retain(|f| f.id != id),
            Action::StartDrill { drill, seed } => {
                next.drill = Some(Rc::new(Run::new(drill, seed)));
                next.page = Page::Drill;
            }
            Action::DrillSubmit(text) => {
                if let Some(run) = &mut next.drill {
                    Rc::make_mut(run).submit(&text);
                }
            }
            Action::DrillNext { today } => {
                if let Some(run) = &mut next.drill {
                    if Rc::make_mut(run).advance() {
                        Rc::make_mut(&mut next.progress).drills.record(today);
                    }
                }
            }
            Action::DrillQuit => {
                next.drill = None;
                next.page = Page::Drill;
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Plays one turn of the current session. An ended session stays current until the
    /// learner opens the debrief, which saves it as an attempt.
    fn step(&mut self, input: Input) {
        let Some(state) = &self.session else { return };
        let Some(scenario) = library::get(&state.scenario) else { return };
        // The one copy a turn makes: the new state is the old one with the turn added.
        let mut conversation = match Conversation::resume(scenario, State::clone(state)) {
            Ok(c) => c,
            Err(e) => {
                self.notices.push(format!("The saved session could not continue: {e}."));
                self.session = None;
                self.page = Page::Home;
                return;
            }
        };
        match conversation.step(input) {
            Ok(_) => {
                self.view.error = None;
                self.session = Some(Rc::new(conversation.into_state()));
            }
            Err(e) => self.view.error = Some(e.to_string()),
        }
    }
}
