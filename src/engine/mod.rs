//! The conversation state machine: plays a [`Scenario`] turn by turn.
//!
//! [`Conversation::prompt`] says what the learner can do now; [`Conversation::step`] takes a
//! menu choice or a typed question, scores it, picks the coachee's reply and moves on.
//! Everything the debrief needs is recorded in the transcript, and [`State`] serialises so a
//! session can be saved and resumed.

pub mod debrief;
pub mod export;
pub mod listening;
mod persist;
mod rng;

use crate::scenario::{Choice, Node, Outcome, Route, Scenario};
use crate::scoring::{self, analyse, fit, Analysis, Fit, Flag, Kind, Openness, RuleHit, Stage};
use rand::Rng;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

pub use debrief::Debrief;
pub use rng::SplitMix64;

/// What the learner does on a turn.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// The index of a menu question in the node's `choice` list (as authored, not as shown).
    Choice(usize),
    /// A question the learner wrote.
    Typed(String),
}

/// Where a question came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum Source {
    Menu { index: usize },
    Typed,
}

/// The score of one question, with the reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnScore {
    pub kind: Kind,
    pub openness: Openness,
    pub flags: Vec<Flag>,
    /// The question's stage (the top of the ranking).
    pub stage: Stage,
    pub stages: Vec<(Stage, f32)>,
    pub fit: Fit,
    pub explanation: String,
    pub form_note: String,
    pub better: Option<String>,
    /// The scenario author's note, if the route or choice has one.
    pub note: Option<String>,
    pub rules: Vec<RuleHit>,
}

/// One question and answer in the transcript.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exchange {
    /// 1-based.
    pub turn: u32,
    /// The conversation's stage when the question was asked.
    pub stage: Stage,
    pub question: String,
    pub source: Source,
    pub score: TurnScore,
    pub reply: String,
    /// The node the conversation moved to.
    pub node: String,
    pub vars: BTreeMap<String, i64>,
}

/// Whether the session goes on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase", tag = "status")]
pub enum Status {
    Active,
    Ended { outcome: Outcome, node: String },
}

/// Everything about a session in progress; serialise it to save, pass it to [`Conversation::resume`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct State {
    pub scenario: String,
    pub seed: u64,
    pub node: String,
    pub vars: BTreeMap<String, i64>,
    /// The coachee's first line.
    pub opening: String,
    pub transcript: Vec<Exchange>,
    pub status: Status,
}

/// What the learner can do now.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt<'s> {
    /// Ask a question: pick from `choices` or type one.
    Ask { node: &'s Node, choices: &'s [Choice] },
    /// The session is over.
    Ended { node: &'s Node, outcome: Outcome },
}

/// Why a step or resume was refused. The state is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineError {
    Ended,
    NoSuchChoice { index: usize, available: usize },
    EmptyQuestion,
    TooLong { chars: usize, limit: usize },
    WrongScenario { expected: String, found: String },
    UnknownNode(String),
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Ended => write!(f, "the session has ended; start again to practise more"),
            EngineError::NoSuchChoice { index, available } => {
                write!(f, "there is no menu question {} here (there are {available})", index + 1)
            }
            EngineError::EmptyQuestion => write!(f, "type a question first"),
            EngineError::TooLong { chars, limit } => {
                write!(f, "that is {chars} characters; keep a question under {limit}")
            }
            EngineError::WrongScenario { expected, found } => {
                write!(f, "this saved session belongs to '{found}', not '{expected}'")
            }
            EngineError::UnknownNode(id) => {
                write!(f, "the saved session points to '{id}', which this scenario no longer has")
            }
        }
    }
}

impl std::error::Error for EngineError {}

/// A scenario being played.
#[derive(Debug, Clone)]
pub struct Conversation<'s> {
    scenario: &'s Scenario,
    state: State,
}

impl<'s> Conversation<'s> {
    /// Starts a session. The same `seed` replays the same coachee phrasings. The scenario must
    /// have passed [`validate`](crate::scenario::validate) without errors.
    pub fn new(scenario: &'s Scenario, seed: u64) -> Conversation<'s> {
        let start = scenario.node(&scenario.start);
        let mut vars = scenario.vars.clone();
        if let Some(node) = start {
            apply(&mut vars, &node.set);
        }
        let opening = start.map(|n| pick(&n.say, seed, 0)).unwrap_or_default();
        let status = match start.and_then(|n| n.ending) {
            Some(outcome) => Status::Ended { outcome, node: scenario.start.clone() },
            None => Status::Active,
        };
        let state = State {
            scenario: scenario.id.clone(),
            seed,
            node: scenario.start.clone(),
            vars,
            opening,
            transcript: vec![],
            status,
        };
        Conversation { scenario, state }
    }

    /// Picks up a saved session, checking it still matches the scenario.
    pub fn resume(scenario: &'s Scenario, state: State) -> Result<Conversation<'s>, EngineError> {
        if state.scenario != scenario.id {
            return Err(EngineError::WrongScenario { expected: scenario.id.clone(), found: state.scenario });
        }
        if scenario.node(&state.node).is_none() {
            return Err(EngineError::UnknownNode(state.node));
        }
        Ok(Conversation { scenario, state })
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// The session's state, ending the conversation (to keep it without copying it).
    pub fn into_state(self) -> State {
        self.state
    }

    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The node the conversation is at.
    pub fn node(&self) -> &'s Node {
        self.scenario.node(&self.state.node).expect("the state always points at a node of its scenario")
    }

    /// The stage the conversation is in now.
    pub fn stage(&self) -> Stage {
        self.node().stage
    }

    /// What the learner can do now.
    pub fn prompt(&self) -> Prompt<'s> {
        let node = self.node();
        match &self.state.status {
            Status::Ended { outcome, .. } => Prompt::Ended { node, outcome: *outcome },
            Status::Active => Prompt::Ask { node, choices: &node.choices },
        }
    }

    /// Takes the learner's question, records the scored exchange and moves on.
    pub fn step(&mut self, input: Input) -> Result<&Exchange, EngineError> {
        if matches!(self.state.status, Status::Ended { .. }) {
            return Err(EngineError::Ended);
        }
        let node = self.node();
        let turn = self.state.transcript.len() as u32 + 1;
        let (question, source, analysis, edge) = match input {
            Input::Choice(index) => {
                let choice = node
                    .choices
                    .get(index)
                    .ok_or(EngineError::NoSuchChoice { index, available: node.choices.len() })?;
                let mut analysis = analyse(&choice.ask);
                adopt_authored_labels(&mut analysis, choice);
                let edge = Edge {
                    next: Some(choice.next.as_str()),
                    reply: &choice.reply,
                    set: &choice.set,
                    note: choice.note.as_deref(),
                };
                (choice.ask.clone(), Source::Menu { index }, analysis, edge)
            }
            Input::Typed(text) => {
                let chars = text.chars().count();
                if text.trim().is_empty() {
                    return Err(EngineError::EmptyQuestion);
                }
                if chars > scoring::analyse::MAX_CHARS {
                    return Err(EngineError::TooLong { chars, limit: scoring::analyse::MAX_CHARS });
                }
                let analysis = analyse(&text);
                let report = fit(&analysis, node.stage);
                let route = self.route(node, &analysis, report.fit, &text);
                let edge = Edge {
                    next: route.next.as_deref(),
                    reply: &route.reply,
                    set: &route.set,
                    note: route.note.as_deref(),
                };
                (text.trim().to_string(), Source::Typed, analysis, edge)
            }
        };
        let target = edge.next.and_then(|id| self.scenario.node(id)).unwrap_or(node);
        apply(&mut self.state.vars, edge.set);
        if target.id != node.id {
            apply(&mut self.state.vars, &target.set);
        }
        let mut reply = if edge.reply.is_empty() {
            pick(&target.say, self.state.seed, turn)
        } else {
            pick(edge.reply, self.state.seed, turn)
        };
        let mut arrived = target;
        let mut note = edge.note;
        // Guards: a shared route on variables alone (trust ran out, say) overrides where the turn led.
        let guard = self.scenario.shared_routes.iter().find(|r| r.is_guard() && r.vars_allow(&self.state.vars));
        if let Some((guard, guarded)) = guard.and_then(|g| Some((g, self.scenario.node(g.next.as_deref()?)?))) {
            if !arrived.is_ending() && guarded.id != arrived.id {
                apply(&mut self.state.vars, &guard.set);
                apply(&mut self.state.vars, &guarded.set);
                let lines = if guard.reply.is_empty() { &guarded.say } else { &guard.reply };
                reply = format!("{reply} {}", pick(lines, self.state.seed, turn + 1)).trim().to_string();
                note = guard.note.as_deref().or(note);
                arrived = guarded;
            }
        }
        if !arrived.is_ending() && turn >= self.scenario.max_turns {
            if let Some(timeout) = self.scenario.node(&self.scenario.timeout) {
                arrived = timeout;
                let closing = pick(&timeout.say, self.state.seed, turn + 1);
                if !closing.is_empty() {
                    reply = format!("{reply} {closing}").trim().to_string();
                }
            }
        }
        let report = fit(&analysis, node.stage);
        let score = TurnScore {
            kind: analysis.kind,
            openness: analysis.openness,
            flags: analysis.flags.clone(),
            stage: analysis.top_stage(),
            stages: analysis.stages.clone(),
            fit: report.fit,
            explanation: report.explanation,
            form_note: scoring::fit::form_note(analysis.kind).to_string(),
            better: report.better,
            note: note.map(str::to_string),
            rules: analysis.rules,
        };

        self.state.node = arrived.id.clone();
        if let Some(outcome) = arrived.ending {
            self.state.status = Status::Ended { outcome, node: arrived.id.clone() };
        }
        self.state.transcript.push(Exchange {
            turn,
            stage: node.stage,
            question,
            source,
            score,
            reply,
            node: arrived.id.clone(),
            vars: self.state.vars.clone(),
        });
        Ok(self.state.transcript.last().expect("just pushed"))
    }

    /// The route a typed question takes: the node's conditional routes, then the shared
    /// ones, then the node's fallback, then the shared fallback.
    fn route(&self, node: &'s Node, analysis: &Analysis, fit: Fit, text: &str) -> &'s Route {
        let words = normalise(text);
        let matches = |r: &&Route| !r.is_fallback() && route_matches(r, analysis, fit, &words, &self.state.vars);
        node.routes
            .iter()
            .find(matches)
            .or_else(|| self.scenario.shared_routes.iter().find(matches))
            .or_else(|| node.routes.iter().find(|r| r.is_fallback()))
            .or_else(|| self.scenario.shared_routes.iter().find(|r| r.is_fallback()))
            .unwrap_or(&STAY)
    }
}

static STAY: Route = Route {
    kind: vec![],
    stage: vec![],
    fit: vec![],
    flags: vec![],
    keywords: vec![],
    min: BTreeMap::new(),
    max: BTreeMap::new(),
    next: None,
    reply: vec![],
    set: BTreeMap::new(),
    note: None,
};

/// What a choice or route contributes to a step.
struct Edge<'a> {
    next: Option<&'a str>,
    reply: &'a [String],
    set: &'a BTreeMap<String, i64>,
    note: Option<&'a str>,
}

/// Menu questions carry their author's labels; they win over the classifier's guess.
fn adopt_authored_labels(analysis: &mut Analysis, choice: &Choice) {
    analysis.kind = choice.kind;
    analysis.openness = match choice.kind {
        Kind::Open | Kind::Why => Openness::Open,
        Kind::Stacked | Kind::Reflection | Kind::Summary | Kind::Other => analysis.openness,
        _ => Openness::Closed,
    };
    if analysis.top_stage() != choice.stage {
        let others = analysis.stages.iter().filter(|s| s.0 != choice.stage).copied();
        analysis.stages = std::iter::once((choice.stage, 1.0)).chain(others.map(|(s, _)| (s, 0.0))).collect();
    }
}

/// Whether a conditional route accepts this question.
pub fn route_matches(route: &Route, analysis: &Analysis, fit: Fit, words: &str, vars: &BTreeMap<String, i64>) -> bool {
    let any = |empty: bool, hit: bool| empty || hit;
    any(route.kind.is_empty(), route.kind.contains(&analysis.kind))
        && any(route.stage.is_empty(), route.stage.contains(&analysis.top_stage()))
        && any(route.fit.is_empty(), route.fit.contains(&fit))
        && any(route.flags.is_empty(), route.flags.iter().any(|f| analysis.flags.contains(f)))
        && any(route.keywords.is_empty(), route.keywords.iter().any(|k| words.contains(&normalise(k))))
        && route.vars_allow(vars)
}

/// Lower-case words separated by single spaces, padded so whole words match with `contains`.
fn normalise(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
        out.extend(word.chars().map(scoring::text::lower));
        out.push(' ');
    }
    out
}

/// Adds each change to its variable, stopping at the ends of `i64`: a scenario or saved session
/// may hold any value, and overflow must not panic.
fn apply(vars: &mut BTreeMap<String, i64>, changes: &BTreeMap<String, i64>) {
    for (key, delta) in changes {
        let value = vars.entry(key.clone()).or_insert(0);
        *value = value.saturating_add(*delta);
    }
}

/// One phrasing, chosen by the session seed and the turn so replays repeat exactly.
fn pick(options: &[String], seed: u64, turn: u32) -> String {
    if options.is_empty() {
        return String::new();
    }
    let mut rng = SplitMix64::new(seed ^ (u64::from(turn)).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    options[rng.random_range(0..options.len())].clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse;

    const TINY: &str = r#"
id = "tiny"
title = "Tiny"
coachee = "Ana"
role = "Tester"
difficulty = "foundation"
brief = "A test."
objectives = ["Test"]
start = "a"
timeout = "stalled"
max_turns = 4
[vars]
trust = 1

[[node]]
id = "a"
stage = "goal"
say = ["Hello.", "Hi there."]
[[node.choice]]
ask = "What would you like to achieve today?"
kind = "open"
stage = "goal"
next = "done"
[[node.choice]]
ask = "Do you like your job?"
kind = "closed"
stage = "reality"
next = "a"
reply = ["Yes."]
set = { trust = -1 }
[[node.route]]
kind = ["advice"]
reply = ["Maybe."]
[[node.route]]
keywords = ["achieve"]
next = "done"
[[node.route]]
reply = ["Hmm?"]

[[node]]
id = "done"
stage = "will"
say = ["Thanks, that helped."]
ending = "goal_agreed"
summary = "Done."

[[node]]
id = "stalled"
stage = "reality"
say = ["We seem stuck."]
ending = "stalled"
summary = "Ran out of time."
"#;

    fn tiny() -> Scenario {
        parse("tiny.toml", TINY).unwrap()
    }

    #[test]
    fn menu_choice_moves_and_ends() {
        let s = tiny();
        let mut c = Conversation::new(&s, 7);
        let e = c.step(Input::Choice(0)).unwrap();
        assert_eq!(e.node, "done");
        assert_eq!(e.score.kind, Kind::Open);
        assert!(matches!(c.prompt(), Prompt::Ended { outcome: Outcome::GoalAgreed, .. }));
        assert_eq!(c.step(Input::Choice(0)), Err(EngineError::Ended));
    }

    #[test]
    fn typed_routes_are_tried_in_order_with_fallback() {
        let s = tiny();
        let mut c = Conversation::new(&s, 1);
        assert_eq!(c.step(Input::Typed("Have you considered quitting?".into())).unwrap().reply, "Maybe.");
        assert_eq!(c.step(Input::Typed("What's for lunch?".into())).unwrap().reply, "Hmm?");
        assert_eq!(c.step(Input::Typed("What do you want to ACHIEVE?".into())).unwrap().node, "done");
    }

    #[test]
    fn sources_and_statuses_read_back_as_written() {
        use crate::json::read;
        let sources = [Source::Menu { index: 2 }, Source::Typed];
        let statuses = [Status::Active, Status::Ended { outcome: Outcome::Stalled, node: "done".into() }];
        for source in sources {
            assert_eq!(read::<Source>(&serde_json::to_string(&source).unwrap()), Ok(source));
        }
        for status in statuses {
            assert_eq!(read::<Status>(&serde_json::to_string(&status).unwrap()), Ok(status));
        }
        assert_eq!(read::<Source>(r#"{"type":"typed","extra":1}"#), Ok(Source::Typed));
        let error = |json: &str| read::<Status>(json).unwrap_err().to_string();
        assert_eq!(error(r#"{"status":"ended","node":"x"}"#), "missing field `outcome`");
        assert_eq!(error(r#"{"status":"paused"}"#), "unknown session status \"paused\"");
        assert_eq!(read::<Source>(r#"{"type":"menu"}"#).unwrap_err().to_string(), "missing field `index`");
    }

    #[test]
    fn invalid_input_is_an_error_and_changes_nothing() {
        let s = tiny();
        let mut c = Conversation::new(&s, 1);
        let before = c.state().clone();
        assert_eq!(c.step(Input::Choice(9)), Err(EngineError::NoSuchChoice { index: 9, available: 2 }));
        assert_eq!(c.step(Input::Typed("   ".into())), Err(EngineError::EmptyQuestion));
        assert!(matches!(c.step(Input::Typed("x".repeat(5000))), Err(EngineError::TooLong { .. })));
        assert_eq!(c.state(), &before);
    }

    #[test]
    fn variables_change_and_timeout_ends_the_session() {
        let s = tiny();
        let mut c = Conversation::new(&s, 1);
        for _ in 0..4 {
            c.step(Input::Choice(1)).unwrap();
        }
        assert_eq!(c.state().vars["trust"], -3);
        assert!(matches!(c.state().status, Status::Ended { outcome: Outcome::Stalled, .. }));
    }

    #[test]
    fn a_guard_ends_the_session_after_a_menu_choice_runs_trust_out() {
        let guarded = TINY.replace(
            "[[node]]\nid = \"a\"",
            "[[shared_route]]\nmax = { trust = 0 }\nnext = \"stalled\"\nnote = \"Trust ran out.\"\n\n[[node]]\nid = \"a\"",
        );
        let s = parse("guarded.toml", &guarded).unwrap();
        let mut c = Conversation::new(&s, 1);
        let e = c.step(Input::Choice(1)).unwrap();
        assert_eq!(e.node, "stalled");
        assert_eq!(e.reply, "Yes. We seem stuck.");
        assert_eq!(e.score.note.as_deref(), Some("Trust ran out."));
        assert!(matches!(c.state().status, Status::Ended { outcome: Outcome::Stalled, .. }));
    }

    #[test]
    fn same_seed_replays_the_same_phrasings() {
        let s = tiny();
        let openings: Vec<String> = (0..20).map(|seed| Conversation::new(&s, seed).state().opening.clone()).collect();
        assert!(openings.iter().any(|o| o == "Hello.") && openings.iter().any(|o| o == "Hi there."));
        assert_eq!(Conversation::new(&s, 5).state().opening, Conversation::new(&s, 5).state().opening);
    }

    #[test]
    fn state_round_trips_through_json_and_resumes() {
        let s = tiny();
        let mut c = Conversation::new(&s, 3);
        c.step(Input::Choice(1)).unwrap();
        let json = serde_json::to_string(c.state()).unwrap();
        let state: State = crate::json::read(&json).unwrap();
        let mut resumed = Conversation::resume(&s, state).unwrap();
        assert_eq!(resumed.state(), c.state());
        resumed.step(Input::Choice(0)).unwrap();
        let mut wrong = c.state().clone();
        wrong.scenario = "other".into();
        assert!(matches!(Conversation::resume(&s, wrong), Err(EngineError::WrongScenario { .. })));
    }
}
