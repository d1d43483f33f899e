//! Disputed verdicts: a learner who disagrees with how a question was scored says so, with the
//! labels they would give and a short reason. Disputes stay on the device; with the learner's
//! opt-in they travel in the result file, and a facilitator can export a class's disputes as
//! rows in the labelled-corpus format, for review before any of them joins the corpus.

use crate::engine::Exchange;
use crate::json::{FromJson, Object};
use crate::vocab::{Kind, Openness, Stage, Verdict};
use serde::Serialize;
use serde_json::Value;

/// The longest reason kept, in characters.
pub const MAX_REASON: usize = 500;

/// The length of a reason past [`MAX_REASON`], in characters.
fn too_long(reason: &str) -> Option<usize> {
    let chars = reason.chars().count();
    (chars > MAX_REASON).then_some(chars)
}

/// One disputed verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dispute {
    /// The question's turn in its session, from 1.
    pub turn: u32,
    pub question: String,
    /// What the learner saw.
    pub kind: Kind,
    pub openness: Openness,
    pub stage: Stage,
    pub verdict: Verdict,
    /// What the learner would say instead, where they said.
    pub proposed_kind: Option<Kind>,
    pub proposed_stage: Option<Stage>,
    pub proposed_verdict: Option<Verdict>,
    pub reason: String,
}

/// What the learner says when disputing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposal {
    pub kind: Option<Kind>,
    pub stage: Option<Stage>,
    pub verdict: Option<Verdict>,
    pub reason: String,
}

impl Dispute {
    /// A dispute of one exchange, or why it can't be made: a reason that is too long, or a
    /// proposal that changes nothing and gives no reason.
    ///
    /// ```
    /// use growsim::dispute::{Dispute, Proposal, MAX_REASON};
    /// # let state: growsim::engine::State = growsim::json::read(r#"{"scenario":"x","seed":1,"node":"a",
    /// #   "vars":{},"opening":"Hi","transcript":[],"status":{"status":"active"}}"#).unwrap();
    /// # let scenario = growsim::library::all().first().unwrap();
    /// # let mut c = growsim::engine::Conversation::new(scenario, 1);
    /// let e = c.step(growsim::engine::Input::Choice(0)).unwrap();
    /// let long = Proposal { reason: "x".repeat(MAX_REASON + 1), ..Proposal::default() };
    /// assert!(Dispute::of(e, long).unwrap_err().contains("at most 500"));
    /// ```
    pub fn of(exchange: &Exchange, proposal: Proposal) -> Result<Dispute, String> {
        let reason = proposal.reason.trim().to_string();
        if let Some(chars) = too_long(&reason) {
            return Err(format!(
                "A reason can be at most {MAX_REASON} characters; this one has {chars}. Shorten it and send it again."
            ));
        }
        let s = &exchange.score;
        let changes = proposal.kind.is_some_and(|k| k != s.kind)
            || proposal.stage.is_some_and(|st| st != s.stage)
            || proposal.verdict.is_some_and(|v| v != s.verdict);
        if !changes && reason.is_empty() {
            return Err("Say what you would call it instead, or why you disagree.".into());
        }
        Ok(Dispute {
            turn: exchange.turn,
            question: exchange.question.clone(),
            kind: s.kind,
            openness: s.openness,
            stage: s.stage,
            verdict: s.verdict,
            proposed_kind: proposal.kind.filter(|&k| k != s.kind),
            proposed_stage: proposal.stage.filter(|&st| st != s.stage),
            proposed_verdict: proposal.verdict.filter(|&v| v != s.verdict),
            reason,
        })
    }

    /// What the learner proposed, in words: "Open question, Goal, strong".
    pub fn proposal_text(&self) -> String {
        let parts: Vec<&str> = [
            self.proposed_kind.map(Kind::label),
            self.proposed_stage.map(Stage::label),
            self.proposed_verdict.map(Verdict::label),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "the same labels".into()
        } else {
            parts.join(", ")
        }
    }

    /// Checks what the types can't: a reason within the limit.
    pub fn check(&self) -> Result<(), String> {
        match too_long(&self.reason) {
            Some(chars) => Err(format!("a dispute's reason has {chars} characters; the most is {MAX_REASON}")),
            None => Ok(()),
        }
    }
}

impl FromJson for Dispute {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        Ok(Dispute {
            turn: o.field("turn")?,
            question: o.field("question")?,
            kind: o.field("kind")?,
            openness: o.field("openness")?,
            stage: o.field("stage")?,
            verdict: o.field("verdict")?,
            proposed_kind: o.field("proposed_kind")?,
            proposed_stage: o.field("proposed_stage")?,
            proposed_verdict: o.field("proposed_verdict")?,
            reason: o.field_or_default("reason")?,
        })
    }
}

/// The header of a dispute export: the labelled corpus's columns (`tests/data/corpus/*.tsv`),
/// then the learner's verdict, their reason, and where the question was asked.
pub const TSV_HEADER: &str = "text\topenness\tkind\tstage\tstyle\tdomain\tverdict\treason\tlearner\tscenario";

/// One row of a dispute export: the learner's proposed labels where they gave them, the
/// scorer's otherwise. Tabs and line breaks in free text become spaces.
pub fn tsv_row(d: &Dispute, learner: &str, scenario: &str) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let kind = d.proposed_kind.unwrap_or(d.kind);
    // As the corpus writes it: statements have no openness, and a stacked question is open or
    // closed by its parts, which the learner did not say, so the scorer's reading stands.
    let openness = match kind {
        Kind::Open | Kind::Why => Openness::Open.name(),
        Kind::Reflection | Kind::Summary | Kind::Other => "-",
        Kind::Stacked => d.openness.name(),
        Kind::Closed | Kind::Leading | Kind::Advice => Openness::Closed.name(),
    };
    [
        clean(&d.question),
        openness.to_string(),
        kind.name().to_string(),
        d.proposed_stage.unwrap_or(d.stage).name().to_string(),
        "typed".to_string(),
        "learner".to_string(),
        d.proposed_verdict.unwrap_or(d.verdict).name().to_string(),
        clean(&d.reason),
        clean(learner),
        clean(scenario),
    ]
    .join("\t")
}
