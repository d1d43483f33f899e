//! Saved progress: finished attempts with their scores and reflections, under a versioned
//! schema. Pure data and JSON; the browser storage lives in `ui::storage`.

use crate::dispute::Dispute;
use crate::engine::{Debrief, State};
use crate::json::{FromJson, Object};
use crate::scenario::Outcome;
use crate::short_sort;
use crate::vocab::Level;
use serde::Serialize;
use serde_json::Value;

/// The schema version written today. Data from a newer version is refused with a message.
/// Version 2 added `drills`; version 3 added each attempt's `level` and `disputes`, and
/// `current_disputes`. Older data loads with none of them.
pub const VERSION: u32 = 3;

/// Days kept in [`Drills::days`]: enough to show the current streak; the best is kept apart.
const DRILL_DAYS_KEPT: usize = 60;

/// Finished skill drills: which days had one, for the streak, and the best streak ever.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Drills {
    /// Local day numbers (days since 1970-01-01) with a finished drill, oldest first, no repeats.
    pub days: Vec<i64>,
    /// The longest run of days in a row with a finished drill.
    pub best: u32,
    /// Drills finished in all.
    pub finished: u32,
    /// Days in a row up to the last day in `days` (which may be longer than `days` holds).
    pub run: u32,
}

impl Drills {
    /// Records a drill finished on `day`.
    ///
    /// ```
    /// use growsim::progress::Drills;
    /// let mut d = Drills::default();
    /// for day in [10, 11, 11, 12, 20] { d.record(day); }
    /// assert_eq!((d.streak(20), d.streak(21), d.streak(22), d.best, d.finished), (1, 1, 0, 3, 5));
    /// ```
    pub fn record(&mut self, day: i64) {
        self.finished = self.finished.saturating_add(1);
        match self.days.last().copied() {
            Some(last) if day == last => {}
            Some(last) if day == last + 1 => {
                self.days.push(day);
                self.run = self.run.saturating_add(1);
            }
            Some(last) if day < last => {
                // The clock went back: count the run again from the days kept.
                if !self.days.contains(&day) {
                    self.days.push(day);
                    self.days.sort_unstable();
                }
                self.run = self.run_in_days();
            }
            _ => {
                self.days.push(day);
                self.run = 1;
            }
        }
        let excess = self.days.len().saturating_sub(DRILL_DAYS_KEPT);
        self.days.drain(..excess);
        self.best = self.best.max(self.run);
    }

    /// Days in a row with a finished drill, up to `today` (or yesterday: the streak lasts until
    /// a whole day is missed).
    pub fn streak(&self, today: i64) -> u32 {
        match self.days.last() {
            Some(&last) if last == today || last == today - 1 => self.run.max(1),
            _ => 0,
        }
    }

    /// The run ending on the last day kept, counted from the days kept.
    fn run_in_days(&self) -> u32 {
        let mut run = 0;
        let mut want = self.days.last().copied().unwrap_or(0);
        for &day in self.days.iter().rev() {
            if day != want {
                break;
            }
            run += 1;
            want -= 1;
        }
        run
    }
}

impl FromJson for Drills {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        let mut days: Vec<i64> = o.field_or_default("days")?;
        days.sort_unstable();
        days.dedup();
        let mut drills = Drills { days, best: 0, finished: o.field_or_default("finished")?, run: 0 };
        drills.run = o.field::<Option<u32>>("run")?.unwrap_or_else(|| drills.run_in_days());
        drills.best = o.field_or_default::<u32>("best")?.max(drills.run);
        Ok(drills)
    }
}

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
    /// The level it was played at: the most guided one used during the session (`None` for
    /// attempts saved before levels).
    pub level: Option<Level>,
    /// Verdicts the learner disputed, in the order disputed.
    pub disputes: Vec<Dispute>,
    /// The full session, so the debrief can be shown again.
    pub session: State,
}

impl Attempt {
    /// Records a session with its debrief figures.
    pub fn new(session: State, finished_at: f64, level: Level, disputes: Vec<Dispute>) -> Attempt {
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
            level: Some(level),
            disputes,
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
    /// Finished skill drills and the streak.
    pub drills: Drills,
    /// Verdicts disputed in the session in progress; they move to its attempt when it ends.
    pub current_disputes: Vec<Dispute>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            attempts: vec![],
            current: None,
            drills: Drills::default(),
            current_disputes: vec![],
        }
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
            level: o.field("level")?,
            disputes: o.field_or_default("disputes")?,
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
            drills: o.field_or_default("drills")?,
            current_disputes: o.field_or_default("current_disputes")?,
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
    /// assert_eq!(Progress::parse(r#"{"version": 3}"#).unwrap(), Progress::default());
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
        /// The saved form, borrowed: `version`, `attempts`, `current`, `drills` and
        /// `current_disputes`, in that order.
        #[derive(Serialize)]
        struct Saved<'a> {
            version: u32,
            attempts: &'a [Attempt],
            current: Option<&'a State>,
            drills: &'a Drills,
            current_disputes: &'a [Dispute],
        }
        // Saving always writes today's schema: the data has been read into it.
        let saved = Saved {
            version: VERSION,
            attempts: &self.attempts,
            current,
            drills: &self.drills,
            current_disputes: &self.current_disputes,
        };
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

#[cfg(all(test, not(target_arch = "wasm32")))]
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
        let mut a = Attempt::new(state("x"), 1.0, Level::Guided, vec![]);
        a.score = 40;
        let mut b = Attempt::new(state("x"), 2.0, Level::Guided, vec![]);
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
        p.attempts.push(Attempt::new(c.state().clone(), 5.0, Level::Guided, vec![]));
        p.attempts[0].reflection.noticed = "I asked why".into();
        p.current = Some(c.state().clone());
        assert_eq!(Progress::parse(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn a_session_held_apart_is_saved_as_current() {
        let mut p = Progress::default();
        p.attempts.push(Attempt::new(state("x"), 1.0, Level::Guided, vec![]));
        let apart = p.to_json_with(Some(&state("y")));
        p.current = Some(state("y"));
        assert_eq!(apart, p.to_json());
        assert_eq!(Progress::parse(&apart).unwrap(), p);
    }

    #[test]
    fn merge_skips_duplicates() {
        let mut p = Progress::default();
        p.attempts.push(Attempt::new(state("x"), 1.0, Level::Guided, vec![]));
        let mut other = p.clone();
        other.attempts.push(Attempt::new(state("y"), 2.0, Level::Typed, vec![]));
        assert_eq!(p.merge(other), 1);
        assert_eq!(p.attempts.len(), 2);
    }

    #[test]
    fn version_1_data_loads_with_no_drills_and_saves_as_today() {
        let old = r#"{"version": 1, "attempts": [], "current": null}"#;
        let p = Progress::parse(old).unwrap();
        assert_eq!(p.drills, Drills::default());
        assert!(p.to_json().contains("\"version\": 3"));
        assert_eq!(Progress::parse(&p.to_json()).unwrap().drills, Drills::default());
    }

    #[test]
    fn drill_streaks_round_trip_and_corrupt_ones_are_named() {
        let mut p = Progress::default();
        for day in [100, 101, 102, 110, 111] {
            p.drills.record(day);
        }
        assert_eq!((p.drills.streak(111), p.drills.streak(112), p.drills.streak(113), p.drills.best), (2, 2, 0, 3));
        assert_eq!(Progress::parse(&p.to_json()).unwrap(), p);
        let bad = Progress::parse(r#"{"version": 2, "drills": {"days": "often"}}"#).unwrap_err();
        assert!(bad.contains("unexpected shape") && bad.contains("days"), "{bad}");
        let mut many = Drills::default();
        (0..500).for_each(|d| many.record(d));
        assert_eq!((many.days.len(), many.best, many.streak(499)), (DRILL_DAYS_KEPT, 500, 500));
    }

    #[test]
    fn levels_and_disputes_round_trip_and_corrupt_ones_are_named() {
        let mut p = Progress::default();
        let mut attempt = Attempt::new(state("x"), 1.0, Level::Unaided, vec![]);
        attempt.disputes.push(crate::json::read(DISPUTE).unwrap());
        p.attempts.push(attempt);
        p.current_disputes.push(crate::json::read(DISPUTE).unwrap());
        assert_eq!(Progress::parse(&p.to_json()).unwrap(), p);
        let json = p.to_json();
        let bad_level = Progress::parse(&json.replace("\"unaided\"", "\"expert\"")).unwrap_err();
        assert!(bad_level.contains("level") && bad_level.contains("guided, typed, unaided"), "{bad_level}");
        let bad_dispute = Progress::parse(&json.replace("\"proposed_verdict\": \"strong\"", "\"proposed_verdict\": 7"));
        assert!(bad_dispute.unwrap_err().contains("proposed_verdict"));
    }

    const DISPUTE: &str = r#"{"turn": 2, "question": "When will you do it?", "kind": "closed", "openness": "closed",
        "stage": "will", "verdict": "fair", "proposed_kind": null, "proposed_stage": null,
        "proposed_verdict": "strong", "reason": "Timing questions finish the Will stage."}"#;

    #[test]
    fn wrong_shapes_are_explained() {
        assert!(Progress::parse("[]").unwrap_err().contains("version"));
        assert!(Progress::parse(r#"{"version":1,"attempts":5}"#).unwrap_err().contains("unexpected shape"));
    }
}
