//! Thousands of seeded random walks over every scenario, mixing menu choices and typed
//! questions. Every walk must end within the scenario's turn limit and never panic.
#![cfg(not(target_arch = "wasm32"))]

use growsim::engine::{Conversation, Input, Prompt, SplitMix64};
use growsim::library;
use growsim::scenario::{self, Scenario};
use rand::Rng;

/// A varied pool of typed questions: good, poor, odd and hostile.
const TYPED: &[&str] = &[
    "What would you like to get from our time today?",
    "What would success look like for you?",
    "What's happening at the moment?",
    "Tell me more about that.",
    "It sounds like this has been weighing on you.",
    "What options can you see?",
    "What else could you do?",
    "What will you do first, and by when?",
    "On a scale of 0 to 10, how committed are you?",
    "Have you considered just quitting?",
    "Don't you think you should talk to them?",
    "Why did you let that happen?",
    "Do you like your job?",
    "What do you want? How will you get it? Who can help?",
    "How can you get him to change?",
    "You were sent here, weren't you? What would you want from this time?",
    "Everything you say stays between us, within the limits we agreed.",
    "",
    "🙂",
    "<b>what</b>",
    "asdf qwer zxcv",
];

fn walk(scenario: &Scenario, seed: u64) -> usize {
    let mut rng = SplitMix64::new(seed);
    let mut c = Conversation::new(scenario, seed);
    let limit = scenario.max_turns as usize;
    // Invalid inputs (empty text, a missing menu number) are refused without using a turn,
    // so allow extra attempts, but the transcript itself must stay within the limit.
    for _ in 0..limit * 4 {
        let turns = c.state().transcript.len();
        assert!(turns <= limit, "{} (seed {seed}) ran {turns} turns, over its limit {limit}", scenario.id);
        let choices = match c.prompt() {
            Prompt::Ended { .. } => return turns,
            Prompt::Ask { choices, .. } => choices.len(),
        };
        let input = if choices > 0 && rng.random_bool(0.6) {
            Input::Choice(rng.random_range(0..choices + 1)) // sometimes out of range, on purpose
        } else {
            Input::Typed(TYPED[rng.random_range(0..TYPED.len())].to_string())
        };
        let _ = c.step(input);
    }
    panic!("{} (seed {seed}) did not end within {limit} turns", scenario.id);
}

#[test]
fn random_walks_always_end() {
    let scenarios: Vec<Scenario> = library::files().iter().map(|(n, s)| scenario::parse(n, s).unwrap()).collect();
    let mut walks = 0;
    for s in &scenarios {
        for seed in 0..500 {
            walk(s, seed);
            walks += 1;
        }
    }
    assert!(walks >= scenarios.len() * 500);
}
