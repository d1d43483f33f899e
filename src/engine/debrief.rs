//! The end-of-session summary, computed from the transcript alone.

use super::{State, Status};
use crate::scenario::Outcome;
use crate::scoring::{Fit, Kind, Openness, Stage};
use crate::short_sort;
use serde::Serialize;

/// Headline numbers for the debrief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub questions: usize,
    /// Share of turns that were open questions, reflections or summaries.
    pub open_ratio: f32,
    /// Share of turns whose stage fit was good.
    pub fit_ratio: f32,
    /// Turns per stage of the question asked, in GROW order.
    pub per_stage: Vec<(Stage, usize)>,
    /// Turns per kind, most frequent first.
    pub per_kind: Vec<(Kind, usize)>,
    pub outcome: Option<Outcome>,
    /// An overall score out of 100: half openness, half fit.
    pub score: u32,
}

impl Debrief {
    /// Summarises a session (ended or not).
    ///
    /// ```
    /// let state: growsim::engine::State = growsim::json::read(r#"{"scenario":"x","seed":1,"node":"a",
    ///   "vars":{},"opening":"Hi","transcript":[],"status":{"status":"active"}}"#).unwrap();
    /// assert_eq!(growsim::engine::Debrief::of(&state).questions, 0);
    /// ```
    pub fn of(state: &State) -> Debrief {
        let turns = &state.transcript;
        let n = turns.len();
        let ratio = |count: usize| if n == 0 { 0.0 } else { count as f32 / n as f32 };
        let open = turns
            .iter()
            .filter(|t| {
                t.score.kind.is_listening() || (t.score.openness == Openness::Open && t.score.kind == Kind::Open)
            })
            .count();
        let good = turns.iter().filter(|t| t.score.fit == Fit::Good).count();
        let per_stage = Stage::ALL.iter().map(|&s| (s, turns.iter().filter(|t| t.score.stage == s).count())).collect();
        let mut per_kind: Vec<(Kind, usize)> = Kind::ALL
            .iter()
            .map(|&k| (k, turns.iter().filter(|t| t.score.kind == k).count()))
            .filter(|(_, c)| *c > 0)
            .collect();
        short_sort::sort_by(&mut per_kind, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let outcome = match &state.status {
            Status::Ended { outcome, .. } => Some(*outcome),
            Status::Active => None,
        };
        let (open_ratio, fit_ratio) = (ratio(open), ratio(good));
        let score = ((open_ratio + fit_ratio) * 50.0).round() as u32;
        Debrief { questions: n, open_ratio, fit_ratio, per_stage, per_kind, outcome, score }
    }
}
