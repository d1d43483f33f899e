//! Scoring a learner's rewrite against a drill item, with one plain explanation.

use super::{Item, Move};
use crate::scoring::{analyse, Analysis, Flag, Kind, Stage};

/// Longest rewrite scored; longer ones are refused at once, before any scoring.
pub const MAX_REWRITE: usize = crate::scoring::analyse::MAX_CHARS;

/// How a rewrite did.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillResult {
    /// It has an accepted kind (or flag), an accepted stage, and is neither advice nor leading.
    pub passed: bool,
    /// It could not be scored at all (empty, far too long, unreadable); nothing was judged.
    pub refused: bool,
    /// The explanation, in plain words.
    pub sentence: String,
    /// What the scorer made of it.
    pub kind: Kind,
    pub stage: Stage,
    /// The item's model answer, to show beside the result.
    pub model: String,
}

/// Scores `rewrite` as an answer to `item`. Never panics; any input gives a sentence.
///
/// ```
/// let file = growsim::drill::parse("d.toml", r#"
/// move = "closed-to-open"
/// [[item]]
/// id = "a"
/// coachee = "Priya"
/// says = "I had my review yesterday."
/// weak = "Did it go well?"
/// model = "What happened in the review?"
/// kind = ["open"]
/// stage = ["reality"]
/// "#).unwrap();
/// let item = &file.items[0];
/// assert!(growsim::drill::check(item, "What happened in the review?").passed);
/// let weak = growsim::drill::check(item, "Did it go well?");
/// assert!(!weak.passed && weak.sentence.starts_with("Still closed"));
/// ```
pub fn check(item: &Item, rewrite: &str) -> DrillResult {
    let drill = item.drill;
    let refuse = |sentence: String| DrillResult {
        passed: false,
        refused: true,
        sentence,
        kind: Kind::Other,
        stage: Stage::Reality,
        model: item.model.clone(),
    };
    let text = rewrite.trim();
    if text.is_empty() {
        return refuse("Type your better question first.".into());
    }
    // Counting stops at the limit, so even a huge paste is refused at once.
    if text.chars().nth(MAX_REWRITE).is_some() {
        return refuse(format!(
            "That's too long to score: a rewrite is one short question, and this is over {MAX_REWRITE} characters."
        ));
    }
    let a = analyse(text);
    if let (Kind::Other, Some(reason)) = (a.kind, &a.reason) {
        return refuse(format!("That couldn't be scored: {}", reason.trim_end_matches('.')).to_string() + ".");
    }
    let kind = kind_of(text, &a);
    let stage = a.top_stage();
    let (passed, sentence) = explain(drill, item, &a, kind, stage);
    DrillResult { passed, refused: false, sentence, kind, stage, model: item.model.clone() }
}

/// The kind, taking any question that opens with "why" or "how come" as a why question, as the
/// labelling conventions do.
fn kind_of(text: &str, a: &Analysis) -> Kind {
    let lower = text.to_lowercase();
    let start = lower.trim_start_matches(|c: char| !c.is_alphabetic());
    let why = start.starts_with("why ") || start.starts_with("why?") || start == "why" || start.starts_with("how come");
    if why && matches!(a.kind, Kind::Open | Kind::Closed) {
        Kind::Why
    } else {
        a.kind
    }
}

/// Whether the analysis serves one of the item's stages: the top stage, or a close second.
fn stage_fits(a: &Analysis, wanted: &[Stage]) -> bool {
    let top = a.stages.first().map(|s| s.1).unwrap_or(0.0);
    a.stages.iter().take(2).enumerate().any(|(i, (s, score))| wanted.contains(s) && (i == 0 || *score >= top * 0.6))
}

fn explain(drill: Move, item: &Item, a: &Analysis, kind: Kind, stage: Stage) -> (bool, String) {
    let who = item.coachee.as_str();
    let fail = |s: String| (false, s);
    match kind {
        Kind::Advice => {
            return fail(format!(
            "That's advice in disguise: it offers your answer instead of asking for {who}'s. Ask what {who} could do."
        ))
        }
        Kind::Leading => {
            return fail(format!(
                "That's leading: it steers {who} towards one answer. Ask it without hinting at the answer."
            ))
        }
        _ => {}
    }
    let by_flag = item.flags.iter().find(|f| a.flags.contains(f)).copied();
    if !item.kind.contains(&kind) && by_flag.is_none() {
        return fail(wrong_kind(drill, item, kind));
    }
    if !stage_fits(a, &item.stage) {
        let wanted: Vec<&str> = item.stage.iter().map(|s| s.label()).collect();
        return fail(format!(
            "That's {}, but it asks about {} when this moment needs {}: {}",
            kind_phrase(kind, by_flag),
            stage.label(),
            or_list(&wanted),
            stage_tip(drill, who)
        ));
    }
    let place = if item.stage.first() == Some(&stage) { "stays in" } else { "works in" };
    let stage = stage.label();
    (
        true,
        match (by_flag, kind) {
            (Some(Flag::Scaling), _) => {
                format!("That's a scaling question that {place} {stage}: it lets {who} put a number on it and say what lies behind it.")
            }
            (Some(Flag::ReflectThenAsk), _) => {
                format!("That reflects first and then asks, and {place} {stage}: {who} feels heard before the next question.")
            }
            (_, Kind::Reflection | Kind::Summary) => {
                format!("That's a reflection that {place} {stage}: it shows {who} you heard before you ask more.")
            }
            _ => format!("That's open and {place} {stage}: it invites {who} to say more."),
        },
    )
}

fn wrong_kind(drill: Move, item: &Item, kind: Kind) -> String {
    let who = item.coachee.as_str();
    let wants_reflection = item.kind.iter().any(|k| k.is_listening());
    match kind {
        Kind::Closed => {
            "Still closed: it can be answered with a yes, a no or one word. Try starting with what or how.".into()
        }
        Kind::Stacked => {
            "Still stacked: it asks more than one thing at once. Keep just the question that matters most.".into()
        }
        Kind::Why => {
            "That still asks why, which can sound like a demand to justify. Try what instead, as in \"What led to…?\""
                .into()
        }
        Kind::Reflection | Kind::Summary => format!(
            "That's a reflection, which is good listening, but this drill wants a question: ask {who} {}.",
            match drill {
                Move::ScalingAndFollowUp => "to put a number on it",
                _ => "something open",
            }
        ),
        Kind::Open if wants_reflection => {
            format!("That's a question: first give back what {who} said or felt, as in \"It sounds like…\".")
        }
        Kind::Open if drill == Move::ScalingAndFollowUp => {
            "That's open, but not a scaling question: try \"On a scale of 0 to 10…\" or ask what the number means."
                .into()
        }
        _ => format!("That isn't a question {who} can answer yet. Try starting with what or how."),
    }
}

fn kind_phrase(kind: Kind, flag: Option<Flag>) -> &'static str {
    match (flag, kind) {
        (Some(Flag::Scaling), _) => "a scaling question",
        (_, Kind::Reflection) => "a reflection",
        (_, Kind::Summary) => "a summary",
        _ => "open",
    }
}

fn stage_tip(drill: Move, who: &str) -> String {
    match drill {
        Move::AdviceToOptions => format!("ask what {who} could do."),
        Move::ReframeNegativeGoal => format!("ask what {who} wants instead of the problem."),
        Move::ShrinkBigGoal => format!("ask about a smaller goal or a first step {who} could take."),
        _ => format!("ask about what {who} just said."),
    }
}

fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
