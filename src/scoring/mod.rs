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

pub mod eval;
pub mod fit;
pub mod lexicon;
pub mod rules;
pub mod stage;
pub mod text;

use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

pub use fit::{fit, Fit, FitReport};

/// The primary form of an utterance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Open,
    Closed,
    Leading,
    Advice,
    Why,
    Stacked,
    Reflection,
    Summary,
    Other,
}

/// Open or closed by function: does it invite the person to explore and elaborate?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Openness {
    Open,
    Closed,
}

/// A stage of the GROW model, with rapport and contracting before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Rapport,
    Goal,
    Reality,
    Options,
    Will,
}

/// Secondary features worth telling the learner about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Asks for a number on a scale.
    Scaling,
    /// A question with no question mark.
    NoQuestionMark,
    /// A statement that reflects back before the question.
    ReflectThenAsk,
    /// Focuses on changing someone who is not in the room.
    ThirdParty,
    /// Ends with a tag such as "right?".
    TagQuestion,
    /// Grammatically closed but open in function ("could you say more?").
    SoftenedOpen,
    /// Filler words or restarts were removed before scoring.
    Disfluent,
    /// Markup tags were ignored.
    Markup,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Open,
        Kind::Closed,
        Kind::Leading,
        Kind::Advice,
        Kind::Why,
        Kind::Stacked,
        Kind::Reflection,
        Kind::Summary,
        Kind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Open => "open",
            Kind::Closed => "closed",
            Kind::Leading => "leading",
            Kind::Advice => "advice",
            Kind::Why => "why",
            Kind::Stacked => "stacked",
            Kind::Reflection => "reflection",
            Kind::Summary => "summary",
            Kind::Other => "other",
        }
    }

    /// A label a learner understands.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Open => "Open question",
            Kind::Closed => "Closed question",
            Kind::Leading => "Leading question",
            Kind::Advice => "Advice in disguise",
            Kind::Why => "Judging \"why\"",
            Kind::Stacked => "Stacked questions",
            Kind::Reflection => "Reflection",
            Kind::Summary => "Summary",
            Kind::Other => "Not a question",
        }
    }

    /// Statements rather than questions.
    pub fn is_listening(self) -> bool {
        matches!(self, Kind::Reflection | Kind::Summary)
    }
}

impl Openness {
    pub const ALL: [Openness; 2] = [Openness::Open, Openness::Closed];

    pub fn name(self) -> &'static str {
        match self {
            Openness::Open => "open",
            Openness::Closed => "closed",
        }
    }
}

impl Flag {
    pub const ALL: [Flag; 8] = [
        Flag::Scaling,
        Flag::NoQuestionMark,
        Flag::ReflectThenAsk,
        Flag::ThirdParty,
        Flag::TagQuestion,
        Flag::SoftenedOpen,
        Flag::Disfluent,
        Flag::Markup,
    ];

    /// The name scenario files and saved sessions use, e.g. `third_party`.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Scaling => "scaling",
            Flag::NoQuestionMark => "no_question_mark",
            Flag::ReflectThenAsk => "reflect_then_ask",
            Flag::ThirdParty => "third_party",
            Flag::TagQuestion => "tag_question",
            Flag::SoftenedOpen => "softened_open",
            Flag::Disfluent => "disfluent",
            Flag::Markup => "markup",
        }
    }
}

impl Stage {
    pub const ALL: [Stage; 5] = [Stage::Rapport, Stage::Goal, Stage::Reality, Stage::Options, Stage::Will];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Rapport => "rapport",
            Stage::Goal => "goal",
            Stage::Reality => "reality",
            Stage::Options => "options",
            Stage::Will => "will",
        }
    }

    /// A label a learner understands.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Rapport => "Rapport & contracting",
            Stage::Goal => "Goal",
            Stage::Reality => "Reality",
            Stage::Options => "Options",
            Stage::Will => "Will",
        }
    }

    /// Position in the GROW sequence, rapport first.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One rule that fired: its name, what it concluded and the text it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleHit {
    pub rule: Cow<'static, str>,
    pub says: Cow<'static, str>,
    pub span: Range<usize>,
    pub matched: String,
}

impl crate::json::FromJson for RuleHit {
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::json::Error> {
        let o = crate::json::Object::of(value)?;
        Ok(RuleHit {
            rule: o.field("rule")?,
            says: o.field("says")?,
            span: o.field("span")?,
            matched: o.field("matched")?,
        })
    }
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
    /// Set when the input could not be read as a coaching utterance.
    pub reason: Option<String>,
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
    rules::analyse(text)
}
