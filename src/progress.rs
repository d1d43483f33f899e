//! Saved progress: finished attempts with their scores and reflections, under a versioned
//! schema. Pure data and JSON; the browser storage lives in `ui::storage`.

use crate::engine::{Debrief, State};
use crate::scenario::Outcome;
use crate::short_sort;
use serde::{Deserialize, Serialize};

/// The schema version written today. Older versions are migrated on load.
pub const VERSION: u32 = 1;

/// The learner's answers to Kolb's cycle after a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reflection {
    pub happened: String,
    pub noticed: String,
    pub next: String,
}

/// One finished (or abandoned) session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub scenario: String,
    pub seed: u64,
    /// Milliseconds since the Unix epoch.
    pub finished_at: f64,
    pub score: u32,
    pub open_ratio: f32,
    pub fit_ratio: f32,
    pub outcome: Option<Outcome>,
    #[serde(default)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// A session in progress, so a refresh resumes it.
    #[serde(default)]
    pub current: Option<State>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: VERSION, attempts: vec![], current: None }
    }
}

impl Progress {
    /// Reads saved progress, explaining what is wrong when it can't.
    ///
    /// ```
    /// use growsim::progress::Progress;
    /// assert!(Progress::from_json("{not json").is_err());
    /// assert!(Progress::from_json(r#"{"version": 99}"#).unwrap_err().contains("newer"));
    /// assert_eq!(Progress::from_json(r#"{"version": 1}"#).unwrap(), Progress::default());
    /// ```
    pub fn from_json(text: &str) -> Result<Progress, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("the saved data is not valid JSON ({e})"))?;
        let version = value.get("version").and_then(|v| v.as_u64()).ok_or("the saved data has no version number")?;
        if version > u64::from(VERSION) {
            return Err(format!("the saved data is from a newer version of growsim (schema {version})"));
        }
        serde_json::from_value(value).map_err(|e| format!("the saved data has an unexpected shape ({e})"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("progress always serialises")
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
        serde_json::from_value(serde_json::json!({"scenario": id, "seed": 1, "node": "a", "vars": {}, "opening": "Hi",
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
        let back = Progress::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert_eq!(back.best("x"), Some(70));
        assert_eq!(back.best("y"), None);
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
        assert!(Progress::from_json("[]").unwrap_err().contains("version"));
        assert!(Progress::from_json(r#"{"version":1,"attempts":5}"#).unwrap_err().contains("unexpected shape"));
    }
}
