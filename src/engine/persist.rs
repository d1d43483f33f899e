//! Reading saved sessions back: the JSON readers for the engine's state and the scores it keeps.
//! Writing is serde's derive on the types themselves.

use super::{Exchange, Source, State, Status, TurnScore};
use crate::json::{Error, FromJson, Object};
use crate::scoring::RuleHit;
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

impl FromJson for TurnScore {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(TurnScore {
            kind: o.field("kind")?,
            openness: o.field("openness")?,
            flags: o.field("flags")?,
            stage: o.field("stage")?,
            stages: o.field("stages")?,
            fit: o.field("fit")?,
            explanation: o.field("explanation")?,
            form_note: o.field("form_note")?,
            better: o.field("better")?,
            note: o.field("note")?,
            rules: o.field("rules")?,
        })
    }
}

impl FromJson for Exchange {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(Exchange {
            turn: o.field("turn")?,
            stage: o.field("stage")?,
            question: o.field("question")?,
            source: o.field("source")?,
            score: o.field("score")?,
            reply: o.field("reply")?,
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
            "ended" => Ok(Status::Ended { outcome: o.field("outcome")?, node: o.field("node")? }),
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
