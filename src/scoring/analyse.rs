//! `analyse`: runs the rule table over a parsed turn, settles kind and openness, and ranks
//! the stages.

use super::model::{self, StageCue};
use super::rules::{Says, RULES};
use super::turn::Turn;
use super::{Analysis, Flag, Kind, Openness, Purpose, RuleHit, Stage};
use std::borrow::Cow;
use std::ops::Range;

/// Longer input is not read as one coaching turn.
pub const MAX_CHARS: usize = 3000;

/// Why an input cannot be scored as a coaching turn, if it cannot.
pub fn unreadable(text: &str) -> Option<String> {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        return Some("Nothing to score: the text is empty.".into());
    }
    if chars > MAX_CHARS {
        return Some(format!("Too long to score as one turn: {chars} characters (the limit is {MAX_CHARS})."));
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return Some("No words to score: the text has no letters.".into());
    }
    let latin = letters.iter().filter(|c| (**c as u32) < 0x0250).count();
    if latin * 2 < letters.len() {
        return Some("This doesn't look like English, so it can't be scored.".into());
    }
    None
}

/// What the rule table concludes about a turn's form.
pub struct Form {
    pub kind: Kind,
    pub openness: Openness,
    pub flags: Vec<Flag>,
    pub hits: Vec<RuleHit>,
}

/// Runs the rule table and the stage model.
pub fn analyse(text: &str) -> Analysis {
    if let Some(reason) = unreadable(text) {
        return Analysis {
            kind: Kind::Other,
            openness: Openness::Closed,
            flags: vec![],
            stages: Stage::ALL.iter().map(|&s| (s, 0.2)).collect(),
            rules: vec![],
            evidence: vec![],
            reason: Some(reason),
            purpose: None,
        };
    }
    let turn = Turn::new(text);
    if turn.sentences.is_empty() {
        return analyse("");
    }
    let Form { kind, openness, flags, hits } = form(&turn);
    let (stages, evidence) = match model::shipped() {
        Ok(model) => model.rank(&turn, kind, EVIDENCE),
        Err(why) => (Stage::ALL.iter().map(|&s| (s, 0.2)).collect(), vec![StageCue::unavailable(why)]),
    };
    let mut analysis = Analysis { kind, openness, flags, stages, rules: hits, evidence, reason: None, purpose: None };
    if kind == Kind::Advice && super::purpose::purpose_in(kind, &turn.sentences) == Some(Purpose::Safety) {
        // "Have you thought about hurting yourself?" borrows advice's frame but offers no
        // solution: it is a direct safety check, and must never be marked as advice.
        analysis.kind = Kind::Closed;
        analysis.openness = Openness::Closed;
    }
    analysis.purpose = super::purpose::purpose_in(analysis.kind, &turn.sentences);
    analysis
}

/// How many n-grams a stage verdict cites.
pub const EVIDENCE: usize = 4;

/// Runs the rule table over a parsed turn. A turn with no words left once fillers are dropped
/// ("Mm.") is not a question.
pub fn form(turn: &Turn) -> Form {
    let text = turn.text;
    if turn.sentences.is_empty() {
        return Form { kind: Kind::Other, openness: Openness::Closed, flags: vec![], hits: vec![] };
    }
    let mut hits = Vec::new();
    let mut best_kind: Option<(Kind, f32)> = None;
    let mut best_open: Option<(Openness, f32)> = None;
    let mut flags = Vec::new();
    for rule in RULES {
        let Some(span) = (rule.test)(turn) else {
            continue;
        };
        let mut says = "flag";
        for &conclusion in rule.says {
            match conclusion {
                Says::Kind(k) => {
                    if best_kind.is_none_or(|(_, w)| rule.weight > w) {
                        best_kind = Some((k, rule.weight));
                    }
                    says = k.name();
                }
                Says::Openness(o) => {
                    if best_open.is_none_or(|(_, w)| rule.weight > w) {
                        best_open = Some((o, rule.weight));
                    }
                    says = o.name();
                }
                Says::Flag(f) => flags.push(f),
            }
        }
        let span = clamp(text, span);
        hits.push(RuleHit {
            rule: Cow::Borrowed(rule.name),
            says: Cow::Borrowed(says),
            matched: text[span.clone()].into(),
            span,
        });
    }
    let openness_from_form = best_open.map(|(o, _)| o).unwrap_or(Openness::Closed);
    let kind = best_kind.map(|(k, _)| k).unwrap_or(match openness_from_form {
        Openness::Open => Kind::Open,
        Openness::Closed => Kind::Closed,
    });
    let openness = match kind {
        Kind::Advice | Kind::Leading => Openness::Closed,
        Kind::Why => Openness::Open,
        _ => openness_from_form,
    };
    Form { kind, openness, flags, hits }
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
