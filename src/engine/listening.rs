//! Listening figures in the style motivational-interviewing coders use: the ratio of
//! reflections to questions (MITI 4: fair at 1:1, good at 2:1) and the share of questions that
//! are open (MITI 3.1: 50% for beginning proficiency, 70% for competency). Computed from the
//! transcript's scores alone.

use super::Exchange;
use crate::scoring::{Kind, Openness};
use crate::vocab::Move;
use serde::Serialize;

/// How a figure stands against its coding bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Below the first band.
    Below,
    /// Reflections: 1:1 or more. Open questions: 50% or more.
    Fair,
    /// Reflections: 2:1 or more. Open questions: 70% or more.
    Good,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Below => "below the first band",
            Band::Fair => "fair",
            Band::Good => "good",
        }
    }
}

/// The two figures for one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listening {
    pub reflections: usize,
    pub questions: usize,
    pub open_questions: usize,
    /// Reflections per question; `None` with no questions.
    pub ratio: Option<f32>,
    pub ratio_band: Band,
    /// Open questions as a share of all questions; `None` with no questions.
    pub open_share: Option<f32>,
    pub open_band: Band,
}

/// What the figures are computed from: reflections, questions, and the open ones among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub reflections: usize,
    pub questions: usize,
    pub open_questions: usize,
}

impl Counts {
    /// Counts one turn of this `kind`: `open` if it was an open question, `reflects` if it
    /// reflected before asking (it then counts once as each).
    pub fn add(&mut self, kind: Kind, open: bool, reflects: bool) {
        if kind.is_listening() || reflects {
            self.reflections += 1;
        }
        if !kind.is_listening() && kind != Kind::Other {
            self.questions += 1;
            self.open_questions += usize::from(open);
        }
    }
}

impl crate::json::FromJson for Counts {
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::json::Error> {
        let o = crate::json::Object::of(value)?;
        Ok(Counts {
            reflections: o.field("reflections")?,
            questions: o.field("questions")?,
            open_questions: o.field("open_questions")?,
        })
    }
}

/// The drill that moves the reflection ratio.
pub const RATIO_DRILL: Move = Move::ReflectBeforeAsking;
/// The drill that moves the share of open questions.
pub const OPEN_DRILL: Move = Move::ClosedToOpen;

impl Listening {
    /// Counts reflections (summaries too, as MITI counts them) and questions. A turn that
    /// reflects and then asks counts once for each.
    ///
    /// ```
    /// use growsim::engine::listening::{Band, Listening};
    /// let none = Listening::of(&[]);
    /// assert_eq!((none.ratio, none.ratio_band), (None, Band::Below));
    /// ```
    pub fn of(turns: &[Exchange]) -> Listening {
        let mut counts = Counts::default();
        for t in turns {
            let s = &t.score;
            counts.add(s.kind, s.openness == Openness::Open, s.flags.contains(&crate::scoring::Flag::ReflectThenAsk));
        }
        Listening::from_counts(counts)
    }

    /// The figures and their bands from the counts alone (a result file carries only those).
    pub fn from_counts(counts: Counts) -> Listening {
        let Counts { reflections, questions, open_questions } = counts;
        let per = |a: usize| (questions > 0).then(|| a as f32 / questions as f32);
        let (ratio, open_share) = (per(reflections), per(open_questions));
        let band = |value: Option<f32>, fair: f32, good: f32| match value {
            Some(v) if v >= good => Band::Good,
            Some(v) if v >= fair => Band::Fair,
            // Reflections with no question at all are all listening: the ratio is as good as it gets.
            None if reflections > 0 && fair >= 1.0 => Band::Good,
            _ => Band::Below,
        };
        Listening {
            reflections,
            questions,
            open_questions,
            ratio,
            ratio_band: band(ratio, 1.0, 2.0),
            open_share,
            open_band: band(open_share, 0.5, 0.7),
        }
    }

    /// The counts behind the figures.
    pub fn counts(&self) -> Counts {
        Counts { reflections: self.reflections, questions: self.questions, open_questions: self.open_questions }
    }

    /// One line on what the reflection figure means, for the debrief.
    pub fn ratio_note(&self) -> String {
        let shown = self.ratio.map_or("no questions".to_string(), |r| {
            format!("{} reflections per question", crate::decimal::fixed(r, 1))
        });
        format!(
            "{shown} ({}). Motivational-interviewing coders count 1:1 as fair and 2:1 as good: reflecting back before you ask shows you heard.",
            self.ratio_band.label()
        )
    }

    /// One line on what the open-question figure means, for the debrief.
    pub fn open_note(&self) -> String {
        let shown = self.open_share.map_or("no questions".to_string(), |s| {
            format!("{} of your questions were open", crate::decimal::percent(s))
        });
        format!(
            "{shown} ({}). Coders look for 50% as a beginning and 70% as competent: open questions let the coachee do the thinking.",
            match self.open_band {
                Band::Below => "below 50%",
                Band::Fair => "beginning proficiency",
                Band::Good => "competency",
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Conversation, Input};
    use crate::library;

    fn session(typed: &[&str]) -> Listening {
        let scenario = library::get("vague-goal").unwrap();
        let mut c = Conversation::new(scenario, 1);
        for t in typed {
            if c.step(Input::Typed((*t).into())).is_err() {
                break;
            }
        }
        Listening::of(&c.state().transcript)
    }

    #[test]
    fn counts_reflections_and_open_questions_against_the_bands() {
        let l = session(&[
            "It sounds like work has gone flat for you.",
            "You've stopped looking forward to Mondays.",
            "What would you like to be different?",
        ]);
        assert_eq!((l.reflections, l.questions, l.open_questions), (2, 1, 1));
        assert_eq!(l.ratio_band, Band::Good);
        assert_eq!(l.open_band, Band::Good);
        let closed = session(&["Do you like your job?", "Is it the people?", "What would help?"]);
        assert_eq!(closed.ratio_band, Band::Below);
        assert_eq!(closed.open_band, Band::Below);
        assert!(closed.open_note().contains("33%"), "{}", closed.open_note());
    }

    #[test]
    fn reflect_then_ask_counts_once_each() {
        let l = session(&["You sound fed up. What would you change first?"]);
        assert_eq!((l.reflections, l.questions), (1, 1));
        assert_eq!(l.ratio_band, Band::Fair);
    }
}
