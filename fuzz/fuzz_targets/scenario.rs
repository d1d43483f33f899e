//! Scenario files from anywhere (a facilitator's upload, `growsim check`): the parser and
//! validator must report problems, never panic or hang. A file that passes is played for a
//! few turns, as the app would play a custom scenario.
#![no_main]

use growsim::engine::{export, Conversation, Input, Prompt};
use growsim::scenario::{self, Severity};
use libfuzzer_sys::fuzz_target;

const TYPED: [&str; 3] = ["What would you like from today?", "Have you considered quitting?", "🙂"];

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let diagnostics = scenario::check("fuzz.toml", &source);
    for d in &diagnostics {
        let _ = d.to_string();
    }
    if diagnostics.iter().any(|d| d.severity() == Severity::Error) {
        return;
    }
    let scenario = scenario::parse("fuzz.toml", &source).expect("a file without errors parses");
    // Two bounded walks: menu choices in turn, then typed questions.
    for typed in [false, true] {
        let mut c = Conversation::new(&scenario, data.len() as u64);
        for turn in 0..64usize {
            let Prompt::Ask { choices, .. } = c.prompt() else { break };
            let input = if typed || choices.is_empty() {
                Input::Typed(TYPED[turn % TYPED.len()].into())
            } else {
                Input::Choice(turn % choices.len())
            };
            c.step(input).expect("a valid input on an active session is taken");
        }
        let _ = export::markdown(&scenario, c.state());
    }
});
