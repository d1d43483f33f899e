//! The vocabulary: every enum that files spell by name (`kind = "open"` in a scenario,
//! `"stage": "goal"` in saved progress), declared once each with its names. It sits at the
//! bottom of the crate: it uses only [`json`](crate::json), and `scoring`, `scenario` and the
//! rest re-export what they need from it.
//!
//! ```
//! use growsim::vocab::{Named, Stage};
//! assert_eq!(Stage::find("will"), Some(Stage::Will));
//! assert_eq!(Stage::Will.name(), "will");
//! assert_eq!(Stage::names(), "rapport, goal, reality, options, will");
//! ```

use crate::json::{self, FromJson};
use serde::{Serialize, Serializer};

/// An enum with a fixed set of names.
pub trait Named: Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    /// The value with exactly this name.
    fn find(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// The value with this name, ignoring surrounding spaces.
    ///
    /// ```
    /// use growsim::vocab::{Named, Stage};
    /// assert_eq!(Stage::parse(" will "), Some(Stage::Will));
    /// assert_eq!(Stage::parse("Will"), None);
    /// ```
    fn parse(name: &str) -> Option<Self> {
        Self::find(name.trim())
    }

    /// Every name, for messages: `rapport, goal, reality, options, will`.
    fn names() -> String {
        Self::ALL.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
    }
}

/// Declares a named enum from one table of variants and names: the enum, its `ALL` list, its
/// [`Named`] impl, and its JSON writing and reading (as the name).
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name files use.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl Named for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn name(self) -> &'static str {
                $name::name(self)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }

        impl FromJson for $name {
            fn from_json(value: &serde_json::Value) -> Result<Self, json::Error> {
                value.as_str().and_then(<$name as Named>::find).ok_or_else(|| json::expected(&format!("one of {}", <$name as Named>::names()), value))
            }
        }
    };
}

vocabulary! {
    /// The primary form of an utterance.
    Kind {
        Open = "open",
        Closed = "closed",
        Leading = "leading",
        Advice = "advice",
        Why = "why",
        Stacked = "stacked",
        Reflection = "reflection",
        Summary = "summary",
        Other = "other",
    }
}

vocabulary! {
    /// Open or closed by function: does it invite the person to explore and elaborate?
    Openness {
        Open = "open",
        Closed = "closed",
    }
}

vocabulary! {
    /// A stage of the GROW model, with rapport and contracting before it.
    Stage {
        Rapport = "rapport",
        Goal = "goal",
        Reality = "reality",
        Options = "options",
        Will = "will",
    }
}

vocabulary! {
    /// Secondary features worth telling the learner about.
    Flag {
        /// Asks for a number on a scale.
        Scaling = "scaling",
        /// A question with no question mark.
        NoQuestionMark = "no_question_mark",
        /// A statement that reflects back before the question.
        ReflectThenAsk = "reflect_then_ask",
        /// Focuses on changing someone who is not in the room.
        ThirdParty = "third_party",
        /// Ends with a tag such as "right?".
        TagQuestion = "tag_question",
        /// Grammatically closed but open in function ("could you say more?").
        SoftenedOpen = "softened_open",
        /// Filler words or restarts were removed before scoring.
        Disfluent = "disfluent",
        /// Markup tags were ignored.
        Markup = "markup",
    }
}

vocabulary! {
    /// How well a question fits the conversation's current stage.
    Fit {
        Good = "good",
        Early = "early",
        Late = "late",
        Off = "off",
    }
}

vocabulary! {
    /// How demanding a scenario is.
    Difficulty {
        Foundation = "foundation",
        Intermediate = "intermediate",
        Advanced = "advanced",
    }
}

vocabulary! {
    /// How a session ended.
    Outcome {
        /// A clear goal the coachee owns.
        GoalAgreed = "goal_agreed",
        /// An action plan with a first step and a commitment level.
        ActionPlan = "action_plan",
        /// The conversation went round in circles.
        Stalled = "stalled",
        /// The coachee withdrew.
        Disengaged = "disengaged",
        /// The coach rightly referred the coachee on or paused the coaching.
        Referred = "referred",
    }
}

vocabulary! {
    /// The judgement of a question at its moment in the conversation, best first.
    Verdict {
        Strong = "strong",
        Fair = "fair",
        Weak = "weak",
        Harmful = "harmful",
    }
}

vocabulary! {
    /// Where a verdict came from: the scenario's author, or the generic stage-fit rule.
    VerdictSource {
        Authored = "authored",
        Generic = "generic",
    }
}

vocabulary! {
    /// The job a closed question does that the stage needs ("Closed is a form, not a fault").
    Purpose {
        /// Agreeing the contract, confidentiality or permission.
        Contracting = "contracting",
        /// Checking understanding.
        Checking = "checking",
        /// Choosing among things the coachee named.
        Choosing = "choosing",
        /// Asking when.
        Timing = "timing",
        /// A commitment check.
        Commitment = "commitment",
        /// A safety check.
        Safety = "safety",
    }
}

vocabulary! {
    /// How good an ending is.
    Quality {
        Good = "good",
        Mixed = "mixed",
        Poor = "poor",
    }
}

vocabulary! {
    /// How much scaffolding a session gives, least skill first.
    Level {
        /// The menu, feedback after each question, and the coachee's thoughts.
        Guided = "guided",
        /// Typed questions, with the live badge and feedback after each question.
        Typed = "typed",
        /// Typed questions, no badge and no feedback until the debrief.
        Unaided = "unaided",
    }
}

#[allow(clippy::derivable_impls)] // the macro declares the enum; Guided is the first level
impl Default for Level {
    fn default() -> Self {
        Level::Guided
    }
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Guided => "Guided",
            Level::Typed => "Typed",
            Level::Unaided => "Unaided",
        }
    }

    /// What the level gives, in a line.
    pub fn describe(self) -> &'static str {
        match self {
            Level::Guided => "the menu, feedback after each question, and what the coachee thinks",
            Level::Typed => "your own typed questions, with the live badge and feedback after each question",
            Level::Unaided => "your own typed questions, with no badge and no feedback until the debrief",
        }
    }

    /// One level up, if there is one.
    pub fn up(self) -> Option<Level> {
        Level::ALL.get(self as usize + 1).copied()
    }

    /// One level down, if there is one.
    pub fn down(self) -> Option<Level> {
        (self as usize).checked_sub(1).map(|i| Level::ALL[i])
    }
}

impl Verdict {
    /// A label a learner understands.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Strong => "Strong",
            Verdict::Fair => "Fair",
            Verdict::Weak => "Weak",
            Verdict::Harmful => "Harmful",
        }
    }

    /// A turn to discuss: weak or harmful.
    pub fn is_weak(self) -> bool {
        matches!(self, Verdict::Weak | Verdict::Harmful)
    }

    /// Points towards the debrief score, out of 3.
    pub fn points(self) -> u32 {
        match self {
            Verdict::Strong => 3,
            Verdict::Fair => 2,
            Verdict::Weak => 1,
            Verdict::Harmful => 0,
        }
    }
}

impl Quality {
    /// The quality an ending has when its author did not say: the outcome's usual one.
    pub fn of_outcome(outcome: Outcome) -> Quality {
        match outcome {
            Outcome::GoalAgreed | Outcome::ActionPlan | Outcome::Referred => Quality::Good,
            Outcome::Stalled | Outcome::Disengaged => Quality::Poor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Quality::Good => "Good ending",
            Quality::Mixed => "Mixed ending",
            Quality::Poor => "Poor ending",
        }
    }
}

vocabulary! {
    /// A coaching move a drill practises. Each has a file, `drills/<name>.toml`.
    Move {
        ClosedToOpen = "closed-to-open",
        SplitStacked = "split-stacked",
        AdviceToOptions = "advice-to-options",
        WhyToWhat = "why-to-what",
        ScalingAndFollowUp = "scaling-and-follow-up",
        ReflectBeforeAsking = "reflect-before-asking",
        ShrinkBigGoal = "shrink-big-goal",
        ReframeNegativeGoal = "reframe-negative-goal",
    }
}

impl Kind {
    /// A label a learner understands.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Open => "Open question",
            Kind::Closed => "Closed question",
            Kind::Leading => "Leading question",
            Kind::Advice => "Advice in disguise",
            Kind::Why => "\"Why\" question",
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

impl Stage {
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

impl Difficulty {
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Foundation => "Foundation",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
        }
    }
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::GoalAgreed => "Goal agreed",
            Outcome::ActionPlan => "Action plan agreed",
            Outcome::Stalled => "Session stalled",
            Outcome::Disengaged => "Coachee disengaged",
            Outcome::Referred => "Referred on",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Named + Serialize + FromJson + PartialEq + std::fmt::Debug>() {
        for &value in T::ALL {
            let text = serde_json::to_string(&value).unwrap();
            assert_eq!(text, format!("\"{}\"", value.name()));
            assert_eq!(json::read::<T>(&text).ok(), Some(value));
            assert_eq!(T::find(value.name()), Some(value));
        }
    }

    #[test]
    fn every_name_writes_and_reads_back() {
        round_trips::<Kind>();
        round_trips::<Openness>();
        round_trips::<Stage>();
        round_trips::<Flag>();
        round_trips::<Fit>();
        round_trips::<Difficulty>();
        round_trips::<Outcome>();
        round_trips::<Move>();
        round_trips::<Verdict>();
        round_trips::<VerdictSource>();
        round_trips::<Purpose>();
        round_trips::<Quality>();
    }

    #[test]
    fn unknown_names_list_the_allowed_ones() {
        let error = json::read::<Fit>("\"great\"").err().unwrap().to_string();
        assert_eq!(error, "expected one of good, early, late, off, found \"great\"");
    }
}
