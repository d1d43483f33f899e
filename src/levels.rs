//! Levels that fade the scaffolding, per scenario: what each level shows, when the app suggests
//! moving up (two strong attempts at a level) or down (a poor one), and the level reached.
//! Guidance that is never withdrawn breeds dependence on it; the learner can always choose.

use crate::link::{Feedback, Mode};
use crate::progress::{Attempt, Progress};
use crate::vocab::{Level, Quality};

/// A score at or above this, with a good ending, makes an attempt strong.
pub const STRONG_SCORE: u32 = 70;
/// A score below this, or a poor ending, makes an attempt poor.
pub const POOR_SCORE: u32 = 40;

/// What a level gives the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scaffold {
    /// How questions are asked at first.
    pub mode: Mode,
    /// Whether the learner may switch to the menu.
    pub menu: bool,
    /// Feedback the level imposes (`None`: the learner's choice).
    pub feedback: Option<Feedback>,
    /// The live form-and-stage badge while typing.
    pub live_badge: bool,
    /// The coachee's unspoken thoughts after each reply.
    pub thoughts: bool,
}

impl Level {
    /// What this level shows.
    ///
    /// ```
    /// use growsim::vocab::Level;
    /// assert!(Level::Guided.scaffold().thoughts);
    /// assert!(!Level::Unaided.scaffold().live_badge);
    /// ```
    pub fn scaffold(self) -> Scaffold {
        match self {
            Level::Guided => {
                Scaffold { mode: Mode::Choose, menu: true, feedback: None, live_badge: true, thoughts: true }
            }
            Level::Typed => {
                Scaffold { mode: Mode::Type, menu: false, feedback: None, live_badge: true, thoughts: false }
            }
            Level::Unaided => Scaffold {
                mode: Mode::Type,
                menu: false,
                feedback: Some(Feedback::Exam),
                live_badge: false,
                thoughts: false,
            },
        }
    }
}

fn quality(a: &Attempt) -> Option<Quality> {
    match a.session.status {
        crate::engine::Status::Ended { quality, .. } => Some(quality),
        crate::engine::Status::Active => None,
    }
}

/// A good ending and a score of at least [`STRONG_SCORE`].
pub fn is_strong(a: &Attempt) -> bool {
    quality(a) == Some(Quality::Good) && a.score >= STRONG_SCORE
}

/// A poor ending, or a score below [`POOR_SCORE`].
pub fn is_poor(a: &Attempt) -> bool {
    quality(a) == Some(Quality::Poor) || a.score < POOR_SCORE
}

/// The app's suggestion for a scenario's next attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub level: Level,
    /// Why, in a sentence.
    pub why: String,
}

/// After two strong attempts in a row at a level, the next level up; after a poor one, the
/// next level down; otherwise nothing. Only the most recent attempts count.
pub fn suggestion(progress: &Progress, scenario: &str) -> Option<Suggestion> {
    let played: Vec<(&Attempt, Level)> =
        progress.attempts_at(scenario).filter_map(|a| a.level.map(|level| (a, level))).collect();
    let &(latest, level) = played.last()?;
    if is_poor(latest) {
        let down = level.down()?;
        return Some(Suggestion {
            level: down,
            why: format!(
                "Your last attempt at the {} level was a hard one. The {} level gives you {}.",
                level.label().to_lowercase(),
                down.label().to_lowercase(),
                down.describe()
            ),
        });
    }
    let last_two_here: Vec<&Attempt> =
        played.iter().rev().take_while(|(_, l)| *l == level).map(|(a, _)| *a).take(2).collect();
    if last_two_here.len() == 2 && last_two_here.iter().all(|a| is_strong(a)) {
        let up = level.up()?;
        return Some(Suggestion {
            level: up,
            why: format!(
                "Two strong attempts in a row at the {} level. Ready for the {} level: {}?",
                level.label().to_lowercase(),
                up.label().to_lowercase(),
                up.describe()
            ),
        });
    }
    None
}

/// The level to offer for a scenario's next attempt: the suggestion, else the level last
/// played, else guided.
pub fn recommended(progress: &Progress, scenario: &str) -> Level {
    suggestion(progress, scenario)
        .map(|s| s.level)
        .or_else(|| progress.attempts_at(scenario).filter_map(|a| a.level).last())
        .unwrap_or(Level::Guided)
}

/// The highest level with a strong attempt at this scenario.
pub fn reached(progress: &Progress, scenario: &str) -> Option<Level> {
    progress.attempts_at(scenario).filter(|a| is_strong(a)).filter_map(|a| a.level).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Conversation, Input};

    /// An attempt at multiple-goals, played from the menu by `plan`, at `level`.
    fn attempt(plan: &[usize], level: Level, at: f64) -> Attempt {
        let scenario = crate::library::get("multiple-goals").unwrap();
        let mut c = Conversation::new(scenario, 1);
        for &i in plan {
            c.step(Input::Choice(i)).unwrap();
        }
        Attempt::new(c.into_state(), at, level, vec![])
    }

    fn strong(level: Level, at: f64) -> Attempt {
        let a = attempt(&best_path(), level, at);
        assert!(is_strong(&a), "the best path is strong: score {}", a.score);
        a
    }

    /// The best path: at each node the first strong choice that moves on.
    fn best_path() -> Vec<usize> {
        let scenario = crate::library::get("multiple-goals").unwrap();
        crate::scenario::best_path(scenario).iter().map(|(_, choice)| *choice).collect()
    }

    fn poor(level: Level, at: f64) -> Attempt {
        // Walk out: the judging "why" and the leading picks, again and again.
        let a = attempt(&[], level, at);
        assert!(is_poor(&a));
        a
    }

    #[test]
    fn two_strong_attempts_suggest_moving_up_and_a_poor_one_moving_down() {
        let mut p = Progress::default();
        assert_eq!((suggestion(&p, "multiple-goals"), recommended(&p, "multiple-goals")), (None, Level::Guided));
        p.attempts.push(strong(Level::Guided, 1.0));
        assert_eq!(suggestion(&p, "multiple-goals"), None, "one strong attempt is not yet two");
        p.attempts.push(strong(Level::Guided, 2.0));
        assert_eq!(suggestion(&p, "multiple-goals").map(|s| s.level), Some(Level::Typed));
        assert_eq!(reached(&p, "multiple-goals"), Some(Level::Guided));
        p.attempts.push(poor(Level::Typed, 3.0));
        let down = suggestion(&p, "multiple-goals").unwrap();
        assert_eq!(down.level, Level::Guided);
        assert!(down.why.contains("typed level was a hard one"), "{}", down.why);
        assert_eq!(recommended(&p, "other-scenario"), Level::Guided);
    }

    #[test]
    fn strong_attempts_must_be_in_a_row_at_the_same_level() {
        let mut p = Progress::default();
        p.attempts.push(strong(Level::Guided, 1.0));
        p.attempts.push(strong(Level::Typed, 2.0));
        assert_eq!(suggestion(&p, "multiple-goals"), None);
        assert_eq!(recommended(&p, "multiple-goals"), Level::Typed, "the level last played");
        p.attempts.push(strong(Level::Typed, 3.0));
        assert_eq!(suggestion(&p, "multiple-goals").map(|s| s.level), Some(Level::Unaided));
        p.attempts.push(strong(Level::Unaided, 4.0));
        p.attempts.push(strong(Level::Unaided, 5.0));
        assert_eq!(suggestion(&p, "multiple-goals"), None, "nothing above unaided");
        assert_eq!(reached(&p, "multiple-goals"), Some(Level::Unaided));
    }

    #[test]
    fn a_poor_attempt_at_the_guided_level_suggests_nothing_lower() {
        let mut p = Progress::default();
        p.attempts.push(poor(Level::Guided, 1.0));
        assert_eq!(suggestion(&p, "multiple-goals"), None);
        assert_eq!(reached(&p, "multiple-goals"), None);
    }
}
