//! Reading saved sessions back: the JSON readers for the engine's state and the scores it keeps.
//! Writing is serde's derive on the types themselves.

use super::{Answered, Exchange, Source, State, Status, TurnScore};
use crate::json::{Error, FromJson, Object};
use crate::scenario::model::Quality;
use crate::scoring::{RuleHit, StageCue};
use serde_json::Value;

impl FromJson for RuleHit {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(RuleHit {
            rule: o.field("rule")?,
            says: o.field("says")?,
            span: o.field("span")?,
            matched: o.field("matched")?,
        })
    }
}

impl FromJson for Source {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        match o.field::<String>("type")?.as_str() {
            "menu" => Ok(Source::Menu { index: o.field("index")? }),
            "typed" => Ok(Source::Typed),
            other => Err(Error::new(format!("unknown question source \"{other}\""))),
        }
    }
}

impl FromJson for Answered {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        match o.field::<String>("type")?.as_str() {
            "choice" => Ok(Answered::Choice { index: o.field("index")? }),
            "node" => Ok(Answered::Node { index: o.field("index")? }),
            "shared" => Ok(Answered::Shared { index: o.field("index")? }),
            "fallback" => Ok(Answered::Fallback),
            other => Err(Error::new(format!("unknown route \"{other}\""))),
        }
    }
}

impl FromJson for TurnScore {
    /// Scores saved before verdicts read with the generic verdict of their kind and fit.
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        let kind = o.field("kind")?;
        let fit = o.field("fit")?;
        let purpose = o.field("purpose")?;
        let verdict: Option<_> = o.field("verdict")?;
        Ok(TurnScore {
            kind,
            openness: o.field("openness")?,
            flags: o.field("flags")?,
            stage: o.field("stage")?,
            stages: o.field("stages")?,
            fit,
            verdict: verdict.unwrap_or_else(|| crate::scoring::fit::generic_verdict(kind, fit, purpose)),
            verdict_source: o.field::<Option<_>>("verdict_source")?.unwrap_or(crate::vocab::VerdictSource::Generic),
            purpose,
            explanation: o.field("explanation")?,
            form_note: o.field("form_note")?,
            better: o.field("better")?,
            note: o.field("note")?,
            rules: o.field("rules")?,
            evidence: o.field_or_default("evidence")?,
        })
    }
}

impl FromJson for StageCue {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(StageCue {
            ngram: o.field("ngram")?,
            in_question: o.field("in_question")?,
            stage: o.field("stage")?,
            weight: o.field("weight")?,
        })
    }
}

impl FromJson for Exchange {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        let source: Source = o.field("source")?;
        Ok(Exchange {
            turn: o.field("turn")?,
            stage: o.field("stage")?,
            question: o.field("question")?,
            source: source.clone(),
            score: o.field("score")?,
            route: match o.field::<Option<Answered>>("route")? {
                Some(route) => route,
                // Saved before routes were recorded: a menu question was its choice.
                None => match source {
                    Source::Menu { index } => Answered::Choice { index },
                    Source::Typed => Answered::Fallback,
                },
            },
            repeated: o.field_or_default("repeated")?,
            reply: o.field("reply")?,
            thought: o.field_or_default("thought")?,
            node: o.field("node")?,
            vars: o.field("vars")?,
        })
    }
}

impl FromJson for Status {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        match o.field::<String>("status")?.as_str() {
            "active" => Ok(Status::Active),
            "ended" => {
                let outcome = o.field("outcome")?;
                let quality: Option<Quality> = o.field("quality")?;
                let quality = quality.unwrap_or(Quality::of_outcome(outcome));
                Ok(Status::Ended { outcome, node: o.field("node")?, quality })
            }
            other => Err(Error::new(format!("unknown session status \"{other}\""))),
        }
    }
}

impl FromJson for State {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(State {
            scenario: o.field("scenario")?,
            seed: o.field("seed")?,
            node: o.field("node")?,
            vars: o.field("vars")?,
            opening: o.field("opening")?,
            transcript: o.field("transcript")?,
            status: o.field("status")?,
        })
    }
}
