//! The end-of-session summary, computed from the transcript alone.

use super::{State, Status};
use crate::scenario::model::Quality;
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
    /// How good the ending was, once ended.
    pub quality: Option<Quality>,
    /// Turns whose verdict was weak or harmful.
    pub weak_turns: usize,
    /// An overall score out of 100: 80 for the verdicts (strong 3 points, fair 2, weak 1,
    /// harmful 0, as a share of 3 a turn) and 20 for the ending (good 20, mixed 10, poor 0).
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
        let (outcome, quality) = match &state.status {
            Status::Ended { outcome, quality, .. } => (Some(*outcome), Some(*quality)),
            Status::Active => (None, None),
        };
        let (open_ratio, fit_ratio) = (ratio(open), ratio(good));
        let points: u32 = turns.iter().map(|t| t.score.verdict.points()).sum();
        let verdicts = if n == 0 { 0.0 } else { points as f32 / (3 * n) as f32 };
        let ending = match quality {
            Some(Quality::Good) => 20.0,
            Some(Quality::Mixed) => 10.0,
            _ => 0.0,
        };
        let score = ((verdicts * 80.0 + ending).round() as u32).min(100);
        let weak_turns = turns.iter().filter(|t| t.score.verdict.is_weak()).count();
        Debrief { questions: n, open_ratio, fit_ratio, per_stage, per_kind, outcome, quality, weak_turns, score }
    }
}
