//! The trap search behind `growsim check --deep`: plays random sessions (menu and typed) and, at
//! every state reached, searches the menu for a way to an ending. A state with none is a trap: the
//! learner can only wait for the timeout.

use crate::engine::{Conversation, Input, Prompt, SplitMix64, Status};
use crate::scenario::Scenario;
use rand::Rng;
use std::collections::{BTreeMap, HashSet, VecDeque};

/// Typed questions of every sort, including ones the scenarios route specially.
pub const TYPED: &[&str] = &[
    "What would you like to get from our time today?",
    "What's happening at the moment?",
    "It sounds like this has been weighing on you.",
    "What options can you see?",
    "What will you do first, and by when?",
    "Have you considered just quitting?",
    "Don't you think you should talk to them?",
    "Why did you let that happen?",
    "Do you like your job?",
    "What do you want? How will you get it? Who can help?",
    "How can you get him to change?",
    "Everything you say stays between us, within the limits we agreed.",
    "On a scale of 0 to 10, how committed are you?",
    "Which of those matters most to you?",
    "🙂",
];

/// A state from which no ending can be reached by menu questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trap {
    pub seed: u64,
    pub node: String,
    pub vars: BTreeMap<String, i64>,
    /// The inputs that led there from the start, in words (`menu 2`, `typed "…"`).
    pub path: Vec<String>,
}

impl std::fmt::Display for Trap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let vars: Vec<String> = self.vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        write!(
            f,
            "seed {}: no ending can be reached by menu from node '{}' with {} (after {})",
            self.seed,
            self.node,
            vars.join(" "),
            self.path.join(", ")
        )
    }
}

/// What decides where a session can go next: the node and the variables.
type Key = (String, BTreeMap<String, i64>);

fn key(c: &Conversation) -> Key {
    (c.state().node.clone(), c.state().vars.clone())
}

/// The first trap met in random sessions with seeds `0..seeds`, each turn a menu question (60%)
/// or a typed one from [`TYPED`]. The menu search runs with the turn limit lifted, so the timeout
/// never counts as a way out.
pub fn find_trap(scenario: &Scenario, seeds: u64) -> Option<Trap> {
    let unlimited = Scenario { max_turns: u32::MAX, ..scenario.clone() };
    let mut good = HashSet::new();
    for seed in 0..seeds {
        let mut rng = SplitMix64::new(seed);
        let mut c = Conversation::new(scenario, seed);
        let mut path = Vec::new();
        while let Prompt::Ask { choices, .. } = c.prompt() {
            let here = Conversation::resume(&unlimited, c.state().clone()).expect("a state of this scenario");
            if !can_still_end(&here, &mut good) {
                let (node, vars) = key(&c);
                return Some(Trap { seed, node, vars, path });
            }
            let input = if rng.random_bool(0.6) {
                let i = rng.random_range(0..choices.len());
                path.push(format!("menu {}", i + 1));
                Input::Choice(i)
            } else {
                let text = TYPED[rng.random_range(0..TYPED.len())];
                path.push(format!("typed \"{text}\""));
                Input::Typed(text.to_string())
            };
            c.step(input).expect("every input is playable");
        }
    }
    None
}

/// Whether menu choices alone can still lead from `start` to an ending, found by a breadth-first
/// search over (node, variables). `good` holds states already shown to lead to an ending; the
/// states on every path found are added to it.
fn can_still_end(start: &Conversation, good: &mut HashSet<Key>) -> bool {
    const MAX_STATES: usize = 20_000;
    let mut states = vec![(key(start), None::<usize>)];
    let mut seen = HashSet::from([key(start)]);
    let mut queue = VecDeque::from([(start.clone(), 0)]);
    while let Some((c, at)) = queue.pop_front() {
        if matches!(c.state().status, Status::Ended { .. }) || good.contains(&states[at].0) {
            let mut next = Some(at);
            while let Some(i) = next {
                good.insert(states[i].0.clone());
                next = states[i].1;
            }
            return true;
        }
        let Prompt::Ask { choices, .. } = c.prompt() else { unreachable!("an active session asks") };
        for i in 0..choices.len() {
            let mut after = c.clone();
            after.step(Input::Choice(i)).expect("every menu question is playable");
            if seen.insert(key(&after)) && states.len() < MAX_STATES {
                states.push((key(&after), Some(at)));
                queue.push_back((after, states.len() - 1));
            }
        }
    }
    false
}
