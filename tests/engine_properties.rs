//! Properties of the engine over every shipped scenario: no state reached in play is a trap,
//! a saved and restored session has the same future, and scoring depends on nothing but the text.
#![cfg(not(target_arch = "wasm32"))]

use growsim::engine::{Conversation, Input, Status};
use growsim::library;
use growsim::measure::traps::{find_trap, TYPED};
use growsim::progress::Progress;
use growsim::scenario::Scenario;
use growsim::scoring::{analyse, fit, Stage};
use proptest::prelude::*;

/// A turn as proptest generates it: a menu index (possibly out of range) or a typed question.
fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        3 => (0usize..6).prop_map(Input::Choice),
        2 => (0..TYPED.len()).prop_map(|i| Input::Typed(TYPED[i].to_string())),
        1 => "\\PC{0,60}".prop_map(Input::Typed),
    ]
}

fn scenario() -> impl Strategy<Value = &'static Scenario> {
    (0..library::all().len()).prop_map(|i| &library::all()[i])
}

#[test]
fn from_every_state_reached_in_play_an_ending_is_still_reachable() {
    for scenario in library::all() {
        if let Some(trap) = find_trap(scenario, 25) {
            panic!("{}: {trap}", scenario.id);
        }
    }
}

#[test]
fn the_search_finds_a_trap() {
    let source = r#"
id = "trap"
title = "Trap"
coachee = "Ana"
role = "Tester"
difficulty = "foundation"
brief = "A node with no way out."
objectives = ["Test"]
start = "a"
timeout = "done"
max_turns = 4

[[node]]
id = "a"
stage = "goal"
say = ["Hello."]
choice = [
  { ask = "What do you want?", kind = "open", stage = "goal", next = "done" },
  { ask = "What else?", kind = "open", stage = "goal", next = "loop" },
]

[[node]]
id = "loop"
stage = "reality"
say = ["Round we go."]
choice = [{ ask = "And then?", kind = "open", stage = "reality", next = "loop" }]

[[node]]
id = "done"
stage = "will"
say = ["Bye."]
ending = "stalled"
"#;
    let trap = growsim::scenario::parse("trap.toml", source).unwrap();
    let found = find_trap(&trap, 10).expect("the loop is a trap");
    assert_eq!(found.node, "loop");
    assert!(found.path.contains(&"menu 2".to_string()), "{found}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn a_saved_and_restored_session_has_the_same_future(
        scenario in scenario(),
        seed in any::<u64>(),
        before in prop::collection::vec(input(), 0..25),
        after in prop::collection::vec(input(), 1..25),
    ) {
        let mut played = Conversation::new(scenario, seed);
        for i in before {
            let _ = played.step(i);
        }
        // Saved as the app saves it: inside Progress, as JSON.
        let saved = Progress { current: Some(played.state().clone()), ..Progress::default() }.to_json();
        let state = Progress::parse(&saved).unwrap().current.unwrap();
        let mut restored = Conversation::resume(scenario, state).unwrap();
        prop_assert_eq!(restored.state(), played.state());
        for i in after {
            let expected = played.step(i.clone()).cloned();
            prop_assert_eq!(restored.step(i).cloned(), expected);
            prop_assert_eq!(restored.prompt(), played.prompt());
        }
        prop_assert_eq!(restored.state(), played.state());
    }

    #[test]
    fn scores_depend_on_the_text_alone(
        questions in prop::collection::vec(
            prop_oneof![(0..TYPED.len()).prop_map(|i| TYPED[i].to_string()), "\\PC{0,80}"],
            1..12,
        ),
    ) {
        // Every field, rules fired included, plus the fit against each stage.
        let score = |q: &String| {
            let a = analyse(q);
            let fits: Vec<_> = Stage::ALL.iter().map(|&s| fit(&a, s)).collect();
            (a, fits)
        };
        let in_order: Vec<_> = questions.iter().map(score).collect();
        let mut reversed: Vec<_> = questions.iter().rev().map(score).collect();
        reversed.reverse();
        let elsewhere = std::thread::scope(|s| s.spawn(|| questions.iter().map(score).collect::<Vec<_>>()).join())
            .unwrap();
        prop_assert_eq!(&reversed, &in_order);
        prop_assert_eq!(&elsewhere, &in_order);
    }
}

/// Typed text that matches nothing gets a request to rephrase: it never moves the conversation,
/// changes a variable or ends the session. Tried at every reachable node of every scenario.
#[test]
fn a_fallback_never_moves_the_conversation() {
    let odd = ["Blorp zanzibar quux?", "asdf jkl", "...", "🙂🙂", "Mmm hmm hmm.", "The the the?"];
    let mut fallbacks = 0;
    for scenario in library::all() {
        let reachable = growsim::scenario::validate::reachable(scenario);
        for node in scenario.nodes.iter().filter(|n| !n.is_ending() && reachable.contains(n.id.as_str())) {
            for text in odd.iter().chain(TYPED).filter(|t| !t.is_empty()) {
                let mut c = Conversation::at_node(scenario, 3, &node.id).unwrap();
                let before = c.state().vars.clone();
                let e = c.step(Input::Typed(text.to_string())).unwrap().clone();
                if e.route != growsim::engine::Answered::Fallback {
                    continue;
                }
                fallbacks += 1;
                let at = format!("{} node '{}', \"{text}\"", scenario.id, node.id);
                assert_eq!(c.state().node, node.id, "{at}: the fallback moved the conversation");
                assert_eq!(c.state().vars, before, "{at}: the fallback changed a variable");
                assert_eq!(c.state().status, Status::Active, "{at}: the fallback ended the session");
                assert!(!e.reply.trim().is_empty(), "{at}: the fallback said nothing");
            }
        }
    }
    assert!(fallbacks > 50, "only {fallbacks} questions reached a fallback: the test is not testing");
}

/// "What will you do, and by when?" is one question with a coordinated object (LABELS.md): it is
/// not stacked, and the coachee answers both parts in one reply instead of asking for one at a time.
#[test]
fn a_coordinated_question_gets_one_answer_covering_both_parts() {
    use growsim::scoring::Kind;
    for q in ["What will you do, and by when?", "What will you do first, and when?", "Who will you tell, and how?"] {
        assert_ne!(analyse(q).kind, Kind::Stacked, "\"{q}\" is one question");
    }
    let scenario = library::all().iter().find(|s| s.id == "multiple-goals").unwrap();
    let mut c = Conversation::at_node(scenario, 1, "options-chosen").unwrap();
    let e = c.step(Input::Typed("What will you do first, and by when?".into())).unwrap().clone();
    let reply = e.reply.to_lowercase();
    assert!(reply.contains("rota") && reply.contains("tonight"), "what and when, in one answer: {reply}");
    assert!(!reply.contains("one at a time"), "{reply}");
    assert_eq!(c.state().node, "late-news", "the answer moves the session on");
}
