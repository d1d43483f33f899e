//! Saved progress: finished attempts with their scores and reflections, under a versioned
//! schema. Pure data and JSON; the browser storage lives in `ui::storage`.

use crate::engine::{Debrief, State};
use crate::json::{FromJson, Object};
use crate::scenario::Outcome;
use crate::short_sort;
use serde::Serialize;
use serde_json::Value;

/// The schema version written today. Data from a newer version is refused with a message; this
/// is the first version, so there is nothing older to migrate yet.
pub const VERSION: u32 = 1;

/// The learner's answers to Kolb's cycle after a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reflection {
    pub happened: String,
    pub noticed: String,
    pub next: String,
}

/// One finished (or abandoned) session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attempt {
    pub scenario: String,
    pub seed: u64,
    /// Milliseconds since the Unix epoch.
    pub finished_at: f64,
    pub score: u32,
    pub open_ratio: f32,
    pub fit_ratio: f32,
    pub outcome: Option<Outcome>,
    pub reflection: Reflection,
    /// The full session, so the debrief can be shown again.
    pub session: State,
}

impl Attempt {
    /// Records a session with its debrief figures.
    pub fn new(session: State, finished_at: f64) -> Attempt {
        let d = Debrief::of(&session);
        Attempt {
            scenario: session.scenario.clone(),
            seed: session.seed,
            finished_at,
            score: d.score,
            open_ratio: d.open_ratio,
            fit_ratio: d.fit_ratio,
            outcome: d.outcome,
            reflection: Reflection::default(),
            session,
        }
    }
}

/// Everything saved on the device.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub version: u32,
    pub attempts: Vec<Attempt>,
    /// A session in progress, so a refresh resumes it.
    pub current: Option<State>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: VERSION, attempts: vec![], current: None }
    }
}

impl FromJson for Reflection {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        Ok(Reflection {
            happened: o.field_or_default("happened")?,
            noticed: o.field_or_default("noticed")?,
            next: o.field_or_default("next")?,
        })
    }
}

impl FromJson for Attempt {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        Ok(Attempt {
            scenario: o.field("scenario")?,
            seed: o.field("seed")?,
            finished_at: o.field("finished_at")?,
            score: o.field("score")?,
            open_ratio: o.field("open_ratio")?,
            fit_ratio: o.field("fit_ratio")?,
            outcome: o.field("outcome")?,
            reflection: o.field_or_default("reflection")?,
            session: o.field("session")?,
        })
    }
}

impl FromJson for Progress {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        Ok(Progress {
            version: o.field("version")?,
            attempts: o.field_or_default("attempts")?,
            current: o.field("current")?,
        })
    }
}

impl Progress {
    /// Reads saved progress, explaining what is wrong when it can't.
    ///
    /// ```
    /// use growsim::progress::Progress;
    /// assert!(Progress::parse("{not json").is_err());
    /// assert!(Progress::parse(r#"{"version": 99}"#).unwrap_err().contains("newer"));
    /// assert_eq!(Progress::parse(r#"{"version": 1}"#).unwrap(), Progress::default());
    /// ```
    pub fn parse(text: &str) -> Result<Progress, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("the saved data is not valid JSON ({e})"))?;
        let version = value.get("version").and_then(|v| v.as_u64()).ok_or("the saved data has no version number")?;
        if version > u64::from(VERSION) {
            return Err(format!("the saved data is from a newer version of growsim (schema {version})"));
        }
        Progress::from_json(&value).map_err(|e| format!("the saved data has an unexpected shape ({e})"))
    }

    pub fn to_json(&self) -> String {
        self.to_json_with(self.current.as_ref())
    }

    /// The saved JSON of this progress with `current` as its session in progress (its own
    /// `current` is ignored), for a holder that keeps the session apart from the attempts.
    pub fn to_json_with(&self, current: Option<&State>) -> String {
        /// The saved form, borrowed: `version`, `attempts` and `current`, in that order.
        #[derive(Serialize)]
        struct Saved<'a> {
            version: u32,
            attempts: &'a [Attempt],
            current: Option<&'a State>,
        }
        let saved = Saved { version: self.version, attempts: &self.attempts, current };
        serde_json::to_string_pretty(&saved).expect("progress always serialises")
    }

    /// Attempts at one scenario, oldest first.
    pub fn attempts_at<'a>(&'a self, scenario: &'a str) -> impl Iterator<Item = &'a Attempt> + 'a {
        self.attempts.iter().filter(move |a| a.scenario == scenario)
    }

    /// The best score at a scenario, if attempted.
    pub fn best(&self, scenario: &str) -> Option<u32> {
        self.attempts_at(scenario).map(|a| a.score).max()
    }

    /// Merges attempts from an imported file, skipping ones already saved.
    pub fn merge(&mut self, other: Progress) -> usize {
        let before = self.attempts.len();
        for a in other.attempts {
            if !self.attempts.iter().any(|b| b.finished_at == a.finished_at && b.scenario == a.scenario) {
                self.attempts.push(a);
            }
        }
        short_sort::sort_by(&mut self.attempts, |a, b| a.finished_at.total_cmp(&b.finished_at));
        self.attempts.len() - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(id: &str) -> State {
        State::from_json(&serde_json::json!({"scenario": id, "seed": 1, "node": "a", "vars": {}, "opening": "Hi",
            "transcript": [], "status": {"status": "active"}}))
        .unwrap()
    }

    #[test]
    fn round_trips_and_finds_the_best_score() {
        let mut p = Progress::default();
        let mut a = Attempt::new(state("x"), 1.0);
        a.score = 40;
        let mut b = Attempt::new(state("x"), 2.0);
        b.score = 70;
        p.attempts = vec![a, b];
        let back = Progress::parse(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert_eq!(back.best("x"), Some(70));
        assert_eq!(back.best("y"), None);
    }

    #[test]
    fn a_played_session_with_typed_questions_round_trips() {
        use crate::engine::{Conversation, Input};
        let scenario = &crate::library::all()[0];
        let mut c = Conversation::new(scenario, 7);
        for question in ["Why haven't you done this already?", "What would make today worthwhile for you?"] {
            c.step(Input::Typed(question.into())).unwrap();
        }
        c.step(Input::Choice(0)).unwrap();
        assert!(c.state().transcript.iter().any(|e| !e.score.rules.is_empty()), "rules fired");
        let mut p = Progress::default();
        p.attempts.push(Attempt::new(c.state().clone(), 5.0));
        p.attempts[0].reflection.noticed = "I asked why".into();
        p.current = Some(c.state().clone());
        assert_eq!(Progress::parse(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn a_session_held_apart_is_saved_as_current() {
        let mut p = Progress::default();
        p.attempts.push(Attempt::new(state("x"), 1.0));
        let apart = p.to_json_with(Some(&state("y")));
        p.current = Some(state("y"));
        assert_eq!(apart, p.to_json());
        assert_eq!(Progress::parse(&apart).unwrap(), p);
    }

    #[test]
    fn merge_skips_duplicates() {
        let mut p = Progress::default();
        p.attempts.push(Attempt::new(state("x"), 1.0));
        let mut other = p.clone();
        other.attempts.push(Attempt::new(state("y"), 2.0));
        assert_eq!(p.merge(other), 1);
        assert_eq!(p.attempts.len(), 2);
    }

    #[test]
    fn wrong_shapes_are_explained() {
        assert!(Progress::parse("[]").unwrap_err().contains("version"));
        assert!(Progress::parse(r#"{"version":1,"attempts":5}"#).unwrap_err().contains("unexpected shape"));
    }
}
