//! Everything the app reads back from outside: saved progress, result files and codes, URL
//! hashes and a saved session. Bad input must come back as an error or a sensible default,
//! never a panic or a hang; a saved session that resumes must play on.
#![no_main]

use growsim::engine::{export, Conversation, Debrief, Input, Prompt, State};
use growsim::{library, link, progress::Progress, results};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(progress) = Progress::parse(text) {
        let _ = progress.to_json();
        for attempt in &progress.attempts {
            play(&attempt.session);
        }
        if let Some(current) = &progress.current {
            play(current);
        }
        let mut merged = Progress::default();
        merged.merge(progress);
    }

    if let Ok(read) = results::read(text) {
        let summary = results::summarise(&read);
        let _ = results::to_csv(&summary);
        for r in &read {
            assert_eq!(results::read(&r.to_code()).as_ref(), Ok(&vec![r.clone()]), "a code round-trips");
        }
    }

    let (link, _) = link::parse(text);
    let hash = link::format(&link);
    if hash.len() < 1000 {
        assert_eq!(link::parse(&hash), (link, None), "a formatted link reads back");
    }

    if let Ok(state) = growsim::json::read::<State>(text) {
        play(&state);
    }
});

/// What the app does with a saved session: show its debrief and, if it resumes, play on.
fn play(state: &State) {
    let _ = Debrief::of(state);
    let _ = export::json(state);
    let Some(scenario) = library::get(&state.scenario) else { return };
    let _ = export::markdown(scenario, state);
    let Ok(c) = Conversation::resume(scenario, state.clone()) else { return };
    let Prompt::Ask { choices, .. } = c.prompt() else { return };
    for i in 0..=choices.len() {
        let _ = c.clone().step(Input::Choice(i));
    }
    let _ = c.clone().step(Input::Typed("What would you like from today?".into()));
}
