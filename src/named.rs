//! Enums that files spell by name, such as `kind = "open"` in a scenario or `"stage": "goal"` in
//! saved progress, so every reader finds and lists the names the same way.

use crate::scenario::{Difficulty, Outcome};
use crate::scoring::{Fit, Flag, Kind, Openness, Stage};

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
    /// use growsim::{named::Named, scoring::Stage};
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

macro_rules! named {
    ($($ty:ty),*) => {$(
        impl Named for $ty {
            const ALL: &'static [Self] = &<$ty>::ALL;
            fn name(self) -> &'static str {
                <$ty>::name(self)
            }
        }
    )*};
}
named!(Kind, Openness, Stage, Fit, Flag, Difficulty, Outcome);
