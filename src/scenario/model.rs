//! The scenario data model: what a `scenarios/*.toml` file contains.
//!
//! Files are read by [`reader`](super::reader) and turned into this model by `decode`; unknown
//! fields are errors, so a typo never silently changes a scenario.

pub use crate::vocab::{Difficulty, Outcome};
use crate::vocab::{Fit, Flag, Kind, Stage};
pub use crate::vocab::{Purpose, Quality, Verdict};
use std::collections::BTreeMap;

/// A whole practice scenario: the coachee, the brief and the conversation graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Stable id used in URLs and saved progress, e.g. `too-big-goal`.
    pub id: String,
    pub title: String,
    /// The coachee's name.
    pub coachee: String,
    /// One line about who the coachee is.
    pub role: String,
    pub difficulty: Difficulty,
    /// Skills practised, used to filter the library and group progress.
    pub skills: Vec<String>,
    /// What the learner reads before starting.
    pub brief: String,
    pub objectives: Vec<String>,
    /// Id of the first node.
    pub start: String,
    /// Ending reached when the session runs out of turns.
    pub timeout: String,
    /// Most questions a session may take before it times out.
    pub max_turns: u32,
    /// Variables with their starting values (trust, clarity, …).
    pub vars: BTreeMap<String, i64>,
    /// Routes tried at every node after the node's own conditional routes.
    pub shared_routes: Vec<Route>,
    pub nodes: Vec<Node>,
    /// The coachee's lines when a question is asked again at the same node; empty means the
    /// built-in ones.
    pub repeat: Vec<String>,
}

/// What the library shows of a scenario: everything but the conversation itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub coachee: String,
    pub role: String,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub brief: String,
    pub objectives: Vec<String>,
}

impl Scenario {
    /// The scenario's card, as the library shows it.
    pub fn card(&self) -> Card {
        Card {
            id: self.id.clone(),
            title: self.title.clone(),
            coachee: self.coachee.clone(),
            role: self.role.clone(),
            difficulty: self.difficulty,
            skills: self.skills.clone(),
            brief: self.brief.clone(),
            objectives: self.objectives.clone(),
        }
    }
}

/// One point in the conversation: what the coachee says and what the learner may ask next.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    /// The GROW stage the conversation is in at this node.
    pub stage: Stage,
    /// Phrasings of the coachee's line on arriving here; one is picked at random.
    pub say: Vec<String>,
    /// Variable changes applied on arriving here (added to the current value).
    pub set: BTreeMap<String, i64>,
    /// The learner's menu of questions (3–5).
    pub choices: Vec<Choice>,
    /// Where typed questions go, tried in order; the last must be an unconditional fallback.
    pub routes: Vec<Route>,
    /// Present on endings only.
    pub ending: Option<Outcome>,
    /// For endings: what happened, shown in the debrief.
    pub summary: Option<String>,
    /// For action-plan endings: the coachee's commitment out of 10.
    pub commitment: Option<u8>,
    /// For endings: how good this ending is (missing: the outcome's usual quality).
    pub quality: Option<Quality>,
    /// For endings: the debrief header (missing: the outcome's label).
    pub label: Option<String>,
    /// Replacement `say` and `summary` lines, with conditions on the path; the first that holds wins.
    pub variants: Vec<Variant>,
}

/// A menu question, with the labels its author intends.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub ask: String,
    pub kind: Kind,
    pub stage: Stage,
    pub next: String,
    /// The coachee's answer to this question; without it the next node's `say` is used.
    pub reply: Vec<String>,
    pub set: BTreeMap<String, i64>,
    /// The author's coaching note, shown in feedback.
    pub note: Option<String>,
    /// The author's judgement of this question at this moment.
    pub verdict: Option<Verdict>,
    /// A better question to suggest after this one.
    pub better: Option<String>,
    /// What the coachee thinks but doesn't say on hearing this question (shown at the guided level).
    pub thought: Option<String>,
    /// Replacement replies, with conditions on the path.
    pub variants: Vec<Variant>,
}

impl Choice {
    /// Whether this choice is its node's default better question: marked strong, and a question.
    /// A strong move that asks nothing ("Of course, go ahead.") is never suggested as one.
    pub fn is_model_question(&self) -> bool {
        self.verdict == Some(Verdict::Strong) && self.kind != Kind::Other
    }
}

/// A route for typed questions: conditions on the scoring result and variables.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Route {
    /// Any of these kinds.
    pub kind: Vec<Kind>,
    /// Any of these stages (the question's top stage).
    pub stage: Vec<Stage>,
    /// Any of these fits against the node's stage.
    pub fit: Vec<Fit>,
    /// Any of these flags.
    pub flags: Vec<Flag>,
    /// Any of these words or phrases (case-insensitive, whole words), read once as the rules
    /// read a question ([`plain_words`](crate::scoring::text::plain_words)) so that matching a
    /// question is a plain substring test.
    pub keywords: Vec<String>,
    /// Variables that must be at least these values.
    pub min: BTreeMap<String, i64>,
    /// Variables that must be at most these values.
    pub max: BTreeMap<String, i64>,
    /// Any of these purposes of a closed question; such a route is tried before the others.
    pub purpose: Vec<Purpose>,
    /// Where to go; omitted means stay at the current node.
    pub next: Option<String>,
    pub reply: Vec<String>,
    pub set: BTreeMap<String, i64>,
    pub note: Option<String>,
    /// The author's judgement of questions that take this route.
    pub verdict: Option<Verdict>,
    /// A better question to suggest after one that takes this route.
    pub better: Option<String>,
    /// What the coachee thinks but doesn't say on hearing a question that takes this route.
    pub thought: Option<String>,
    /// Replacement replies, with conditions on the path.
    pub variants: Vec<Variant>,
}

/// Text that replaces a node's `say`/`summary` or an edge's `reply` when its conditions hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Variant {
    /// Every one of these nodes has been visited.
    pub visited: Vec<String>,
    /// None of these nodes has been visited.
    pub not_visited: Vec<String>,
    pub min: BTreeMap<String, i64>,
    pub max: BTreeMap<String, i64>,
    pub say: Vec<String>,
    pub reply: Vec<String>,
    pub summary: Option<String>,
    /// The line of the variant's table in the file.
    pub line: usize,
}

impl Variant {
    /// Whether the path so far (nodes visited, variables now) satisfies the conditions.
    pub fn holds(&self, visited: &[&str], vars: &BTreeMap<String, i64>) -> bool {
        self.visited.iter().all(|v| visited.contains(&v.as_str()))
            && !self.not_visited.iter().any(|v| visited.contains(&v.as_str()))
            && self.min.iter().all(|(name, min)| vars.get(name).is_some_and(|v| v >= min))
            && self.max.iter().all(|(name, max)| vars.get(name).is_some_and(|v| v <= max))
    }
}

/// The first variant that holds, if any.
pub fn variant<'v>(variants: &'v [Variant], visited: &[&str], vars: &BTreeMap<String, i64>) -> Option<&'v Variant> {
    variants.iter().find(|v| v.holds(visited, vars))
}

impl Route {
    /// A route with no conditions: the fallback.
    pub fn is_fallback(&self) -> bool {
        self.kind.is_empty()
            && self.stage.is_empty()
            && self.fit.is_empty()
            && self.flags.is_empty()
            && self.keywords.is_empty()
            && self.min.is_empty()
            && self.max.is_empty()
            && self.purpose.is_empty()
    }

    /// A deflection keyed on form alone: its only conditions are kinds other than open, reflection
    /// and summary, or fits other than good, without a stage.
    pub fn is_form_only(&self) -> bool {
        let welcoming = self.kind.iter().any(|k| matches!(k, Kind::Open | Kind::Reflection | Kind::Summary))
            || self.fit.contains(&Fit::Good);
        let rest_empty = self.flags.is_empty()
            && self.keywords.is_empty()
            && self.min.is_empty()
            && self.max.is_empty()
            && self.purpose.is_empty()
            && self.stage.is_empty();
        rest_empty && !welcoming && (!self.kind.is_empty() || !self.fit.is_empty())
    }

    /// A shared route whose only conditions are on variables and which leads somewhere: a guard,
    /// checked after every turn (menu or typed), such as "trust at 0 or below ends the session".
    pub fn is_guard(&self) -> bool {
        self.next.is_some()
            && (!self.min.is_empty() || !self.max.is_empty())
            && self.kind.is_empty()
            && self.stage.is_empty()
            && self.fit.is_empty()
            && self.flags.is_empty()
            && self.keywords.is_empty()
            && self.purpose.is_empty()
    }

    /// Whether the variables satisfy this route's `min` and `max`.
    pub fn vars_allow(&self, vars: &BTreeMap<String, i64>) -> bool {
        self.min.iter().all(|(name, min)| vars.get(name).is_some_and(|v| v >= min))
            && self.max.iter().all(|(name, max)| vars.get(name).is_some_and(|v| v <= max))
    }
}

impl Scenario {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

impl Node {
    pub fn is_ending(&self) -> bool {
        self.ending.is_some()
    }

    /// The choices offered as this node's better question by default (see [`Choice::is_model_question`]).
    pub fn model_questions(&self) -> impl Iterator<Item = &Choice> {
        self.choices.iter().filter(|c| c.is_model_question())
    }

    /// For endings: the quality, as declared or from the outcome.
    pub fn quality(&self) -> Option<Quality> {
        self.quality.or(self.ending.map(Quality::of_outcome))
    }

    /// For endings: the debrief header. The declared `label`; else the outcome's label where the
    /// quality is the outcome's usual one, and otherwise one that says the quality ("Action plan:
    /// poor"), so a poor ending never wears a good one's header.
    pub fn header(&self) -> String {
        match (&self.label, self.ending) {
            (Some(label), _) => label.clone(),
            (None, Some(outcome)) => match self.quality {
                Some(q) if q != Quality::of_outcome(outcome) => {
                    let noun = match outcome {
                        Outcome::GoalAgreed => "Goal",
                        Outcome::ActionPlan => "Action plan",
                        Outcome::Stalled => "Stalled session",
                        Outcome::Disengaged => "Disengaged coachee",
                        Outcome::Referred => "Referral",
                    };
                    format!("{noun}: {}", q.name())
                }
                _ => outcome.label().to_string(),
            },
            (None, None) => String::new(),
        }
    }
}
