//! GROW-stage scoring: cues from `lexicon/stages.tsv` are summed per stage, with the last
//! question counting most, plus a few priors from the question's kind.

use super::lexicon::{self, stage_cues};
use super::turn::Turn;
use super::{Kind, RuleHit, Stage};
use crate::short_sort;
use std::borrow::Cow;

/// Weight of cues in a statement (a reflection before the question, say).
pub const IN_STATEMENT: f32 = 0.6;
/// Weight of cues in an earlier question of the turn.
pub const IN_QUESTION: f32 = 1.0;
/// Weight of cues in the last question, which is what the coachee will answer.
pub const IN_LAST_QUESTION: f32 = 1.6;
/// Reality is where most coaching questions live, so it wins when nothing else speaks.
pub const REALITY_PRIOR: f32 = 0.4;
/// An advice question proposes an option.
pub const ADVICE_TO_OPTIONS: f32 = 2.0;
/// A non-question statement is usually relationship work.
pub const STATEMENT_TO_RAPPORT: f32 = 0.8;
/// A reflection or summary reflects the coachee's current reality.
pub const LISTENING_TO_REALITY: f32 = 0.6;
/// Leading questions usually push the coach's preferred option.
pub const LEADING_TO_OPTIONS: f32 = 1.0;

/// Ranks the stages for a turn. Returns the ranking (scores sum to 1) and the cues that fired.
pub fn score(turn: &Turn, kind: Kind) -> (Vec<(Stage, f32)>, Vec<RuleHit>) {
    let mut totals = [0f32; 5];
    let mut hits = Vec::new();
    totals[Stage::Reality.index()] += REALITY_PRIOR;
    let last_question = turn.deciding();
    let cues = stage_cues();
    for (i, sentence) in turn.sentences.iter().enumerate() {
        let weight = if Some(i) == last_question {
            IN_LAST_QUESTION
        } else if turn.questions.contains(&i) {
            IN_QUESTION
        } else {
            IN_STATEMENT
        };
        let mut seen: Vec<usize> = Vec::new();
        let frame = lexicon::elaboration().at(sentence, turn.heads[i]);
        for w in 0..sentence.words.len() {
            for (p, span) in cues.lexicon.all_at(sentence, w) {
                // A request to elaborate ("could you say more") asks for talk: its own words
                // ("could", "want") say nothing about the stage.
                let in_frame = frame.as_ref().is_some_and(|f| f.start <= span.start && span.end <= f.end);
                if seen.contains(&p) || in_frame {
                    continue;
                }
                seen.push(p);
                let (stage, cue_weight) = cues.cues[p];
                totals[stage.index()] += cue_weight * weight;
                hits.push(RuleHit {
                    rule: "stage_cue".into(),
                    says: stage.name().into(),
                    matched: turn.text[span.clone()].into(),
                    span,
                });
            }
        }
    }
    let mut prior = |stage: Stage, amount: f32, why: &'static str| {
        totals[stage.index()] += amount;
        hits.push(RuleHit {
            rule: Cow::Borrowed(why),
            says: Cow::Borrowed(stage.name()),
            span: 0..0,
            matched: String::new(),
        });
    };
    match kind {
        Kind::Advice => prior(Stage::Options, ADVICE_TO_OPTIONS, "advice_proposes_an_option"),
        Kind::Other => prior(Stage::Rapport, STATEMENT_TO_RAPPORT, "statement_builds_rapport"),
        Kind::Reflection | Kind::Summary => prior(Stage::Reality, LISTENING_TO_REALITY, "listening_reflects_reality"),
        _ => {}
    }
    let sum: f32 = totals.iter().sum();
    let mut ranked: Vec<(Stage, f32)> = Stage::ALL.iter().map(|&s| (s, totals[s.index()] / sum)).collect();
    short_sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    (ranked, hits)
}

#[cfg(test)]
mod tests {
    use crate::scoring::{analyse, Stage};

    fn top(text: &str) -> Stage {
        analyse(text).top_stage()
    }

    #[test]
    fn each_stage_has_clear_cues() {
        assert_eq!(top("How are you doing today?"), Stage::Rapport);
        assert_eq!(top("How would we keep what you say confidential?"), Stage::Rapport);
        assert_eq!(top("What would you like to achieve by the end of this session?"), Stage::Goal);
        assert_eq!(top("What's happening at the moment?"), Stage::Reality);
        assert_eq!(top("What options do you have?"), Stage::Options);
        assert_eq!(top("What will you do first, and by when?"), Stage::Will);
    }

    #[test]
    fn the_last_question_outweighs_the_reflection_before_it() {
        assert_eq!(top("It sounds like things have been hard lately. What could you do about it?"), Stage::Options);
    }

    #[test]
    fn a_request_to_elaborate_carries_no_stage_of_its_own() {
        assert_eq!(top("Could you say more?"), Stage::Reality);
        assert_eq!(top("Do you want to say a bit more about that?"), Stage::Reality);
        assert_eq!(top("Could you say more about what you'd try?"), Stage::Options);
    }

    #[test]
    fn kind_priors() {
        assert_eq!(top("Have you thought about asking him?"), Stage::Options);
        assert_eq!(top("On a scale of 1 to 10, how committed are you?"), Stage::Will);
        assert_eq!(top("Tell me something"), Stage::Reality);
    }

    #[test]
    fn scores_are_ranked_and_sum_to_one() {
        let a = analyse("What else could you try?");
        let sum: f32 = a.stages.iter().map(|s| s.1).sum();
        assert!((sum - 1.0).abs() < 1e-4);
        assert!(a.stages.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(a.fired("stage_cue"));
    }
}
