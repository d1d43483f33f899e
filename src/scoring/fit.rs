//! Stage fit: does a question suit where the conversation is now? Returns the fit and a short
//! explanation the learner can act on. Better questions come from the scenario, never from here:
//! only the author knows what the moment needs.

use super::{Analysis, Fit, Flag, Kind, Purpose, Stage, Verdict};
use serde::Serialize;

/// The fit with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FitReport {
    pub fit: Fit,
    pub explanation: String,
}

/// The generic verdict, used where the scenario's author gave none: a good fit with an open
/// question, a reflection, a summary or a purposeful closed question is strong; a good fit with
/// another form is fair; an early, late or off question is weak. Only an author says harmful.
///
/// ```
/// use growsim::scoring::{fit::generic_verdict, Fit, Kind, Purpose, Verdict};
/// assert_eq!(generic_verdict(Kind::Closed, Fit::Good, Some(Purpose::Timing)), Verdict::Strong);
/// assert_eq!(generic_verdict(Kind::Closed, Fit::Good, None), Verdict::Fair);
/// assert_eq!(generic_verdict(Kind::Open, Fit::Early, None), Verdict::Weak);
/// ```
pub fn generic_verdict(kind: Kind, fit: Fit, purpose: Option<Purpose>) -> Verdict {
    match (fit, kind) {
        (Fit::Good, Kind::Open | Kind::Reflection | Kind::Summary) => Verdict::Strong,
        (Fit::Good, Kind::Closed) if purpose.is_some() => Verdict::Strong,
        (Fit::Good, _) => Verdict::Fair,
        _ => Verdict::Weak,
    }
}

/// Judges `analysis` against the conversation's `current` stage.
///
/// ```
/// use growsim::scoring::{analyse, fit, Fit, Stage};
/// let early = fit(&analyse("What options do you have?"), Stage::Goal);
/// assert_eq!(early.fit, Fit::Early);
/// ```
pub fn fit(analysis: &Analysis, current: Stage) -> FitReport {
    let asked = analysis.top_stage();
    let (fit, explanation) = verdict(analysis, asked, current);
    FitReport { fit, explanation }
}

fn verdict(a: &Analysis, asked: Stage, current: Stage) -> (Fit, String) {
    if let Some(reason) = &a.reason {
        return (Fit::Off, reason.clone());
    }
    if a.flags.contains(&Flag::ThirdParty) {
        return (Fit::Off, "This is about changing someone who isn't here. You can only coach the person in front of you: ask what *they* want and can influence.".into());
    }
    if a.purpose == Some(Purpose::Safety) {
        return (Fit::Good, "A safety check fits at any moment: when something you hear worries you, asking plainly comes before anything else.".into());
    }
    match a.kind {
        Kind::Advice => return (Fit::Off, "This is your idea wearing a question mark. The coachee may go along with it without owning it. Ask what options *they* can see.".into()),
        Kind::Leading => return (Fit::Off, "This steers the coachee towards the answer you prefer. Ask in a way that leaves every answer open.".into()),
        Kind::Why if a.fired("judging_why") => return (Fit::Off, "A \"why did you…\" can sound like blame and make people defend themselves. Try \"what led to…\" or \"what was going on for you when…\".".into()),
        Kind::Why => return (Fit::Off, "Your curiosity is right, but \"why\" asks for reasons and can still feel like being asked to justify. Try \"what makes this matter to you?\" or \"what's behind that?\".".into()),
        Kind::Reflection | Kind::Summary => return (Fit::Good, "Reflecting back shows you are listening and lets the coachee hear their own thinking. It fits at any stage.".into()),
        Kind::Other if current != Stage::Rapport => return (Fit::Off, "This isn't a question or a reflection, so it doesn't move the coachee's thinking on. Keep it brief and follow it with a question.".into()),
        Kind::Other => return (Fit::Good, "Setting the scene and building rapport is right for the start of a session.".into()),
        _ => {}
    }
    let (a_i, c_i) = (asked.index(), current.index());
    if a_i == c_i {
        (Fit::Good, format!("This is {} question, which is where the conversation is now.", a_or_an(asked)))
    } else if a_i == c_i + 1 {
        (
            Fit::Good,
            format!(
                "This moves the conversation on from {} to {} — a natural next step.",
                current.label(),
                asked.label()
            ),
        )
    } else if a_i > c_i {
        (Fit::Early, early_reason(asked, current))
    } else if a_i + 1 == c_i && asked != Stage::Rapport {
        (
            Fit::Good,
            format!(
                "Looping back to {} is fine: GROW is not a straight line, and checking earlier ground often helps.",
                asked.label()
            ),
        )
    } else {
        (Fit::Late, format!("This is {} question, but the conversation has moved on to {}. Go back only if something there is unclear.", a_or_an(asked), current.label()))
    }
}

/// The stage's label with its article: "a Goal", "an Options".
fn a_or_an(stage: Stage) -> String {
    let label = stage.label();
    let article = if label.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
    format!("{article} {label}")
}

fn early_reason(asked: Stage, current: Stage) -> String {
    match (current, asked) {
        (Stage::Rapport, _) => "The working relationship isn't set up yet. Agree what this conversation is for before going into detail.".into(),
        (Stage::Goal, Stage::Options) | (Stage::Goal, Stage::Will) => {
            "The goal isn't clear yet. Jumping to solutions now risks solving the wrong problem; first agree what the coachee wants.".into()
        }
        (Stage::Reality, Stage::Will) => {
            "Asking for commitment before exploring options can lock the coachee into their first idea. Widen the choices first.".into()
        }
        _ => format!("This is {} question, but the conversation is still in {}.", a_or_an(asked), current.label()),
    }
}

/// Learner-facing advice about the form of a question, with its purpose if it is a closed
/// question that does a job the stage needs.
pub fn form_note_for(kind: Kind, purpose: Option<Purpose>) -> String {
    match (kind, purpose) {
        (Kind::Closed, Some(p)) => format!(
            "Closed, with a purpose ({}): a short answer is what this job needs. Closed is a form, not a fault.",
            crate::vocab::Named::name(p)
        ),
        _ => form_note(kind).to_string(),
    }
}

/// Learner-facing advice about the form of a question, whatever its stage.
pub fn form_note(kind: Kind) -> &'static str {
    match kind {
        Kind::Open => "Open: it invites the coachee to think and talk in their own words.",
        Kind::Closed => {
            "Closed: it can be answered in a word. Useful to check a fact, but it won't open the coachee up."
        }
        Kind::Leading => "Leading: the answer you want is built into the question.",
        Kind::Advice => "Advice in disguise: a suggestion phrased as a question.",
        Kind::Why => "A \"why\" question: it asks for reasons, which can feel like being asked to justify. \"What\" asks the same more gently.",
        Kind::Stacked => {
            "Stacked: several questions at once leave the coachee choosing which to answer. Ask one, then wait."
        }
        Kind::Reflection => "Reflection: you mirror what you heard, which builds trust and deepens thinking.",
        Kind::Summary => "Summary: pulling threads together helps the coachee see the whole picture.",
        Kind::Other => "Not a question: it doesn't ask the coachee to think.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::analyse;

    fn fit_of(text: &str, current: Stage) -> Fit {
        fit(&analyse(text), current).fit
    }

    #[test]
    fn same_or_next_stage_is_good() {
        assert_eq!(fit_of("What's happening at the moment?", Stage::Reality), Fit::Good);
        assert_eq!(fit_of("What's happening at the moment?", Stage::Goal), Fit::Good);
    }

    #[test]
    fn options_before_the_goal_is_early() {
        let report = fit(&analyse("What options do you have?"), Stage::Goal);
        assert_eq!(report.fit, Fit::Early);
        assert!(report.explanation.contains("goal"));
    }

    #[test]
    fn going_far_back_is_late() {
        assert_eq!(fit_of("What would you like to achieve in this session?", Stage::Will), Fit::Late);
    }

    #[test]
    fn advice_leading_and_third_party_are_off() {
        assert_eq!(fit_of("Have you considered delegating?", Stage::Options), Fit::Off);
        assert_eq!(fit_of("Don't you think that's unfair?", Stage::Reality), Fit::Off);
        assert_eq!(fit_of("How can you get him to delegate?", Stage::Options), Fit::Off);
    }

    #[test]
    fn reflections_fit_anywhere() {
        assert_eq!(fit_of("It sounds like you're worn out.", Stage::Will), Fit::Good);
    }

    #[test]
    fn generic_verdicts_follow_fit_and_form() {
        let v = |text: &str, stage| {
            let a = analyse(text);
            generic_verdict(a.kind, fit(&a, stage).fit, a.purpose)
        };
        assert_eq!(v("What do you want from today?", Stage::Goal), Verdict::Strong);
        assert_eq!(v("When will you send it?", Stage::Will), Verdict::Strong);
        assert_eq!(v("Do you like your job?", Stage::Reality), Verdict::Fair);
        assert_eq!(v("Have you considered delegating?", Stage::Options), Verdict::Weak);
        // A safety check is strong wherever it comes, whatever stage its preamble suggests.
        let check = "When you say you want it all to stop, are you having thoughts of ending your life?";
        for stage in Stage::ALL {
            assert_eq!(v(check, *stage), Verdict::Strong, "{stage:?}");
        }
    }
}
