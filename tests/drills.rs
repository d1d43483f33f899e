//! Skill drills: one invalid fixture per diagnostic code, the bundled drills are clean, every
//! model answer passes its own drill and every weak question fails it.

use growsim::drill::{self, check, check_file, Code, Move, Run};
use std::fs;

fn fixture(name: &str) -> String {
    let path = format!("tests/fixtures/drills/{name}.toml");
    fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} is missing: every drill code needs a fixture"))
}

#[test]
fn the_valid_fixture_has_no_diagnostics() {
    assert_eq!(check_file("valid.toml", &fixture("valid")), vec![]);
}

#[test]
fn every_code_has_a_fixture_that_triggers_it() {
    for code in Code::ALL {
        let name = code.name();
        let found = check_file(&format!("{name}.toml"), &fixture(name));
        assert!(found.iter().any(|d| d.code == code), "{name}.toml does not report {name}: {found:#?}");
        assert!(found.iter().all(|d| d.file == format!("{name}.toml")));
    }
}

#[test]
fn diagnostics_carry_item_and_line() {
    let found = check_file("model-fails.toml", &fixture("model-fails"));
    let d = found.iter().find(|d| d.code == Code::ModelFails).unwrap();
    assert_eq!((d.item.as_deref(), d.line), (Some("a"), Some(3)));
    assert!(d.to_string().starts_with("model-fails.toml:3: error[model-fails] item 'a': "), "{d}");
    let found = check_file("duplicate-id.toml", &fixture("duplicate-id"));
    assert!(found.iter().any(|d| d.code == Code::DuplicateId && d.message.contains("line 3")), "{found:#?}");
}

#[test]
fn malformed_files_get_clear_messages_and_never_panic() {
    let valid = fixture("valid");
    let cases = [
        ("", "missing field `move`"),
        ("move = 3\n[[item]]\nid = \"a\"", "`move` should be one of closed-to-open"),
        ("move = \"closed-to-open\"", "add at least one [[item]]"),
        ("move = \"closed-to-open\"\nitem = 5", "`item` should be a table"),
        ("move = \"closed-to-open\"\n[[item]]\nid = \"a\"", "missing field `coachee`"),
        ("move = \"closed-to-open\"\n[[item]]\nkind = [\"opne\"]", "`kind` should list names from open, closed"),
        ("move = \"closed-to-open\"\n[[item]]\nstage = []", "`stage` needs at least one of"),
        ("move = \"closed-to-open\"\n[[item]]\nid = \"unterminated", "line"),
        ("move = \"closed-to-open\"\nscore = 1.5", "decimal"),
    ];
    for (source, wanted) in cases {
        let found = check_file("bad.toml", source);
        assert!(!found.is_empty(), "{source:?} passed");
        let text: Vec<String> = found.iter().map(|d| d.to_string()).collect();
        assert!(text.iter().any(|t| t.contains(wanted)), "{source:?}: wanted {wanted:?} in {text:#?}");
    }
    for cut in 0..valid.len() {
        if valid.is_char_boundary(cut) {
            let _ = check_file("cut.toml", &valid[..cut]);
        }
    }
    let huge = "x".repeat(drill::MAX_FILE_BYTES + 1);
    assert_eq!(check_file("huge.toml", &huge)[0].code, Code::TooLarge);
}

#[test]
fn the_bundled_drills_are_clean_with_ten_items_per_move() {
    let mut errors = Vec::new();
    for (name, source) in drill::files() {
        errors.extend(check_file(name, source).iter().map(|d| d.to_string()));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(drill::all().len(), drill::files().len());
    for &m in Move::ALL {
        let file = drill::files().iter().find(|(name, _)| *name == format!("{}.toml", m.name()));
        assert!(file.is_some(), "drills/{}.toml is missing", m.name());
        assert!(drill::items_of(m).count() >= 10, "{} has fewer than 10 items", m.name());
    }
    let mut ids: Vec<&str> = drill::all().iter().flat_map(|f| f.items.iter().map(|i| i.id.as_str())).collect();
    let total = ids.len();
    assert!(total >= 80, "only {total} items");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), total, "item ids repeat across files");
}

#[test]
fn every_model_answer_passes_its_own_drill_and_every_weak_question_fails_it() {
    for file in drill::all() {
        for item in &file.items {
            let model = check(item, &item.model);
            assert!(model.passed, "{}: model {:?}: {}", item.id, item.model, model.sentence);
            assert_eq!(model.model, item.model);
            let weak = check(item, &item.weak);
            assert!(!weak.passed && !weak.refused, "{}: weak {:?}: {}", item.id, item.weak, weak.sentence);
        }
    }
}

#[test]
fn the_result_is_one_plain_sentence_that_names_the_problem() {
    let item = &drill::parse("valid.toml", &fixture("valid")).unwrap().items[0];
    let said = |text: &str| check(item, text).sentence;
    assert_eq!(said("What happened in the review?"), "That's open and stays in Reality: it invites Sam to say more.");
    assert!(said("Did the review go well?").starts_with("Still closed: it can be answered with a yes"));
    assert!(said("Have you thought about asking for a second opinion?").starts_with("That's advice in disguise"));
    assert!(said("Why did it go badly?").starts_with("That still asks why"));
    assert!(said("").contains("Type your better question"));
    let huge = check(item, &"What happened? ".repeat(7000));
    assert!(huge.refused && huge.sentence.contains("too long"), "{}", huge.sentence);
}

#[test]
fn a_run_takes_five_items_then_finishes() {
    let mut run = Run::new(Move::ClosedToOpen, 42);
    assert_eq!(run.items, Run::new(Move::ClosedToOpen, 42).items, "a seed gives the same drill");
    assert_eq!(run.items.len(), drill::ITEMS_PER_RUN);
    run.submit("   ");
    assert!(run.refused.is_some() && run.answers.is_empty());
    assert!(!run.advance(), "an unanswered item can't be skipped");
    for i in 0..drill::ITEMS_PER_RUN {
        let model = run.current().unwrap().model.clone();
        run.submit(&model);
        assert!(run.answered().unwrap().result.passed);
        assert_eq!(run.advance(), i + 1 == drill::ITEMS_PER_RUN);
    }
    assert!(run.finished() && run.current().is_none());
    assert_eq!(run.passed(), drill::ITEMS_PER_RUN);
}
