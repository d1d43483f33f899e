//! The drill model: the eight moves and the items that practise them.

pub use crate::vocab::Move;
use crate::vocab::{Flag, Kind, Stage};

impl Move {
    /// A title a learner understands.
    pub fn label(self) -> &'static str {
        match self {
            Move::ClosedToOpen => "Closed to open",
            Move::SplitStacked => "Split a stacked question",
            Move::AdviceToOptions => "Advice to options",
            Move::WhyToWhat => "\"Why\" to \"what\"",
            Move::ScalingAndFollowUp => "Scaling and follow-up",
            Move::ReflectBeforeAsking => "Reflect before asking",
            Move::ShrinkBigGoal => "Shrink a big goal",
            Move::ReframeNegativeGoal => "Reframe a negative goal",
        }
    }

    /// What the learner does, in one line.
    pub fn task(self) -> &'static str {
        match self {
            Move::ClosedToOpen => "Turn a yes-or-no question into one that invites a real answer.",
            Move::SplitStacked => "Pick the one question that matters out of several asked at once.",
            Move::AdviceToOptions => "Swap your own suggestion for a question about the coachee's options.",
            Move::WhyToWhat => "Ask the same thing with \"what\" or \"how\", so it doesn't sound like a challenge.",
            Move::ScalingAndFollowUp => "Put a number on it, or ask what the number means.",
            Move::ReflectBeforeAsking => "Give back what the coachee said or felt before asking more.",
            Move::ShrinkBigGoal => "Help the coachee find a piece of a huge goal they can start on.",
            Move::ReframeNegativeGoal => "Ask what the coachee wants instead of what they want to stop.",
        }
    }
}

/// One drill item: what the coachee says, the weak question a coach asked, a model rewrite,
/// and what a passing rewrite must be.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    /// The move it practises (its file's `move`).
    pub drill: Move,
    /// The coachee's name, used in the feedback ("it invites Priya to say more").
    pub coachee: String,
    /// The coachee's line.
    pub says: String,
    /// The weak question to rewrite.
    pub weak: String,
    /// A rewrite that passes.
    pub model: String,
    /// The kinds a rewrite may take. Advice and leading are never accepted.
    pub kind: Vec<Kind>,
    /// The stages a rewrite may serve.
    pub stage: Vec<Stage>,
    /// Flags that make a rewrite pass whatever its kind (`scaling`, `reflect_then_ask`).
    pub flags: Vec<Flag>,
    /// The 1-based line of its `[[item]]` header.
    pub line: usize,
}

/// One drill file: a move and its items.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillFile {
    pub drill: Move,
    pub items: Vec<Item>,
}
