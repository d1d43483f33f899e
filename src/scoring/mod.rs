//! Question scoring: what form a coach's utterance takes, whether it is open, which GROW stage
//! it serves, and whether it fits the stage the conversation is in.
//!
//! Every result lists the named [rules](rules::RULES) that fired and the text each matched, so
//! the learner can see *why*. Lexicons live in `lexicon/` as data files.
//!
//! ```
//! use growsim::scoring::{analyse, Kind, Openness, Stage};
//! let a = analyse("What would you like to get from our time today?");
//! assert_eq!(a.kind, Kind::Open);
//! assert_eq!(a.openness, Openness::Open);
//! assert_eq!(a.top_stage(), Stage::Goal);
//! ```

pub mod analyse;
pub mod fit;
pub mod lexicon;
pub mod model;
pub mod model_file;
pub mod purpose;
pub mod rules;
pub mod text;
pub mod turn;
pub mod words;

use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

pub use crate::vocab::{Fit, Flag, Kind, Openness, Purpose, Stage, Verdict};
pub use fit::{fit, FitReport};
pub use model::StageCue;

/// One rule that fired: its name, what it concluded and the text it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleHit {
    pub rule: Cow<'static, str>,
    pub says: Cow<'static, str>,
    pub span: Range<usize>,
    pub matched: String,
}

impl RuleHit {
    /// Whether this hit argued for the verdict reached. Outvoted hits stay in the record for
    /// transparency, but only supporting ones explain the score to a learner.
    pub fn supports(&self, kind: Kind, openness: Openness, stage: Stage) -> bool {
        [kind.name(), openness.name(), stage.name(), "flag"].contains(&self.says.as_ref())
    }
}

/// The full classification of one utterance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub kind: Kind,
    pub openness: Openness,
    pub flags: Vec<Flag>,
    /// Stages ranked best first, with scores that sum to 1.
    pub stages: Vec<(Stage, f32)>,
    pub rules: Vec<RuleHit>,
    /// The n-grams that pulled most towards the top stage, strongest first.
    pub evidence: Vec<StageCue>,
    /// Set when the input could not be read as a coaching utterance.
    pub reason: Option<String>,
    /// For closed questions: the job it does that a stage needs, if any.
    pub purpose: Option<Purpose>,
}

impl Analysis {
    /// The most likely stage.
    pub fn top_stage(&self) -> Stage {
        self.stages.first().map(|s| s.0).unwrap_or(Stage::Reality)
    }

    /// Whether a rule with this name fired.
    pub fn fired(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| r.rule == rule)
    }
}

/// Classifies one coach utterance. Never panics; unreadable input gives `Kind::Other` with a reason.
pub fn analyse(text: &str) -> Analysis {
    analyse::analyse(text)
}
