//! No input makes the scorer or the engine panic: property tests over arbitrary text, the named
//! nasty cases, and regressions for what the fuzzing work turned up (docs/robustness.md).
#![cfg(not(target_arch = "wasm32"))]

use growsim::engine::{Conversation, Input, Prompt};
use growsim::library;
use growsim::progress::Progress;
use growsim::scenario::{self, Code};
use growsim::scoring::{analyse, fit, Kind, Stage};
use proptest::prelude::*;
use std::fs;
use std::process::{Command, Stdio};

fn check(text: &str) {
    let a = analyse(text);
    assert_eq!(a.stages.len(), 5);
    for hit in &a.rules {
        assert!(text.get(hit.span.clone()).is_some(), "span {:?} is not a slice of {text:?}", hit.span);
    }
    for &stage in Stage::ALL {
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
    for (name, source) in library::files() {
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

/// Found while writing the fuzz targets (docs/robustness.md): a variable at the edge of `i64`, in
/// a scenario file or an edited saved session, overflowed when a turn changed it.
#[test]
fn variables_at_the_edge_of_i64_stay_there() {
    let valid = fs::read_to_string("tests/fixtures/valid.toml").unwrap();
    let edge = valid.replace("trust = 5", "trust = -9223372036854775808");
    assert_eq!(scenario::check("edge.toml", &edge), vec![]);
    let s = scenario::parse("edge.toml", &edge).unwrap();
    let mut c = Conversation::new(&s, 1);
    c.step(Input::Choice(2)).unwrap(); // "Do you like your job?" lowers trust by 1
    assert_eq!(c.state().vars["trust"], i64::MIN);

    let s = scenario::parse("valid.toml", &valid).unwrap();
    let saved = Progress { current: Some(Conversation::new(&s, 1).state().clone()), ..Progress::default() }.to_json();
    let edited = saved.replace("\"trust\": 5", "\"trust\": -9223372036854775808");
    let state = Progress::parse(&edited).unwrap().current.unwrap();
    let mut c = Conversation::resume(&s, state).unwrap();
    c.step(Input::Choice(2)).unwrap();
    assert_eq!(c.state().vars["trust"], i64::MIN);
}

/// Found with the above: `growsim play` started a scenario whose `start` is not a node, and the
/// engine panicked on the first prompt. It now refuses a scenario with errors, listing them.
#[test]
fn play_refuses_a_scenario_with_errors() {
    let broken =
        fs::read_to_string("tests/fixtures/valid.toml").unwrap().replace("start = \"goal\"", "start = \"nowhere\"");
    let path = std::env::temp_dir().join(format!("growsim-no-start-{}.toml", std::process::id()));
    fs::write(&path, broken).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_growsim"))
        .arg("play")
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdin.take()); // no input: a panic would come on the first prompt
    let out = child.wait_with_output().unwrap();
    let _ = fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("error[undefined-target]") && !stderr.contains("panicked"), "{stderr}");
}

/// Found while writing the fuzz targets: the node limit counted `[[node]]` lines only, so the same
/// tables spelt `[[ node ]]` slipped past it.
#[test]
fn the_node_limit_holds_however_the_tables_are_spelt() {
    let spaced = fs::read_to_string("tests/fixtures/too-large.toml").unwrap().replace("[[node]]", "[[ node ]]");
    let found = scenario::check("spaced.toml", &spaced);
    assert!(found.len() == 1 && found[0].code == Code::TooLarge, "{} diagnostics: {:?}", found.len(), found.first());
}

/// Found when the scenario reader replaced the toml crate: with a linear key lookup, a 1.7 MB
/// file of 150,000 variables took over a minute to read, and 100,000 `[table]` headers 40 s.
/// Both read in well under a second now. The test makes sure they still read, and that such a
/// file is refused with a reason.
#[test]
fn huge_flat_tables_read_quickly_and_are_refused() {
    let mut vars = String::from("id = \"x\"\n[vars]\n");
    for i in 0..150_000 {
        vars += &format!("v{i} = 1\n");
    }
    let table = scenario::reader::read(&vars).unwrap();
    assert!(table.get("vars").is_some());
    let mut headers = String::new();
    for i in 0..100_000 {
        headers += &format!("[t{i}]\n");
    }
    assert_eq!(scenario::reader::read(&headers).unwrap().len(), 100_000);

    let mut declared = String::from("[vars]\n");
    for i in 0..101 {
        declared += &format!("extra{i} = 0\n");
    }
    let source = library::files()[0].1.replacen("[vars]\n", &declared, 1);
    let found = scenario::check("vars.toml", &source);
    assert!(found.len() == 1 && found[0].code == Code::TooLarge, "{found:?}");
    assert!(found[0].message.contains("variables"), "{}", found[0].message);
}
