//! No input makes the scorer or the engine panic: property tests over arbitrary text, plus
//! the named nasty cases.
#![cfg(not(target_arch = "wasm32"))]

use growsim::engine::{Conversation, Input, Prompt};
use growsim::library;
use growsim::scenario;
use growsim::scoring::{analyse, fit, Kind, Stage};
use proptest::prelude::*;

fn check(text: &str) {
    let a = analyse(text);
    assert_eq!(a.stages.len(), 5);
    for hit in &a.rules {
        assert!(text.get(hit.span.clone()).is_some(), "span {:?} is not a slice of {text:?}", hit.span);
    }
    for stage in Stage::ALL {
        let _ = fit(&a, stage);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_unicode_text_is_scored_without_panic(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn any_mix_of_words_and_punctuation_is_scored(text in "([a-zA-Z']{1,8}|[ ,.?!—–\\-:;()<>/\"’…]){0,60}") {
        check(&text);
    }

    #[test]
    fn scenario_parser_never_panics(source in "\\PC{0,400}") {
        let _ = scenario::check("fuzz.toml", &source);
    }
}

#[test]
fn nasty_inputs_give_defined_results() {
    let huge = "What do you want? ".repeat(6000);
    let cases = [
        "",
        " \t\n ",
        "?",
        "???!!!...",
        "🙂🙂🙂",
        "What 🙂 do you want?",
        "Что вы хотите?",
        "ما الذي تريده؟",
        "<script>alert('x')</script>",
        "<b>What</b> would <i>help</i>?",
        "\u{0}\u{1}\u{7f} what \u{200b}now?",
        "é",
        huge.as_str(),
    ];
    for text in cases {
        check(text);
    }
    assert_eq!(analyse(&huge).kind, Kind::Other);
    assert!(analyse(&huge).reason.is_some());
    assert!(analyse("🙂🙂🙂").reason.is_some());
}

#[test]
fn engine_survives_strange_typed_questions_in_every_scenario() {
    for (name, source) in library::FILES {
        let s = scenario::parse(name, source).unwrap();
        let mut c = Conversation::new(&s, 42);
        for text in ["", "🙂", "<b>hi</b>", "\u{0}", "What do you want?", &"x".repeat(10_000)] {
            if matches!(c.prompt(), Prompt::Ended { .. }) {
                break;
            }
            let _ = c.step(Input::Typed(text.to_string()));
        }
    }
}
