//! Which drill a learner should do next, from one session's weak turns.

use super::Move;
use crate::engine::listening::{Band, Listening};
use crate::engine::Exchange;
use crate::vocab::{Kind, Verdict};

/// The drill for the weak move a session shows most often: the form of its weak or harmful
/// questions (closed, stacked, advice, "why", leading), or, with none of those, too few
/// reflections. Ties go to the move listed first in [`Move::ALL`]. `None` for a session with
/// nothing to practise.
///
/// ```
/// assert_eq!(growsim::drill::recommend(&[]), None);
/// ```
pub fn recommend(turns: &[Exchange]) -> Option<Move> {
    let mut counts = [0usize; Move::ALL.len()];
    for t in turns.iter().filter(|t| matches!(t.score.verdict, Verdict::Weak | Verdict::Harmful)) {
        let practised = match t.score.kind {
            Kind::Closed | Kind::Leading => Move::ClosedToOpen,
            Kind::Stacked => Move::SplitStacked,
            Kind::Advice => Move::AdviceToOptions,
            Kind::Why => Move::WhyToWhat,
            _ => continue,
        };
        counts[practised as usize] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    if most > 0 {
        return Move::ALL.iter().copied().find(|m| counts[*m as usize] == most);
    }
    let listening = Listening::of(turns);
    (listening.questions > 0 && listening.ratio_band == Band::Below).then_some(Move::ReflectBeforeAsking)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Conversation, Input};
    use crate::library;

    fn session(typed: &[&str]) -> Vec<Exchange> {
        let scenario = library::get("vague-goal").unwrap();
        let mut c = Conversation::new(scenario, 1);
        for t in typed {
            if c.step(Input::Typed((*t).into())).is_err() {
                break;
            }
        }
        c.state().transcript.clone()
    }

    #[test]
    fn the_most_frequent_weak_form_picks_the_drill() {
        let advice = session(&["Have you thought about changing teams?", "Have you tried asking for a new project?"]);
        assert_eq!(recommend(&advice), Some(Move::AdviceToOptions));
        let listening = session(&["What would you like from today?", "What matters most to you about work?"]);
        assert_eq!(recommend(&listening), Some(Move::ReflectBeforeAsking));
        let good = session(&["It sounds like work has gone flat for you.", "What would you like instead?"]);
        assert_eq!(recommend(&good), None);
    }
}
