//! The validator: one invalid fixture per diagnostic code, and the shipped library is clean.
#![cfg(not(target_arch = "wasm32"))]

use growsim::library;
use growsim::scenario::{check, Code, Severity};
use std::fs;

fn fixture(name: &str) -> String {
    let path = format!("tests/fixtures/{name}.toml");
    fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} is missing: every diagnostic code needs a fixture"))
}

#[test]
fn the_valid_fixture_has_no_diagnostics() {
    assert_eq!(check("valid.toml", &fixture("valid")), vec![]);
}

#[test]
fn every_code_has_a_fixture_that_triggers_it() {
    for code in Code::ALL {
        let name = code.name();
        let found = check(&format!("{name}.toml"), &fixture(name));
        assert!(found.iter().any(|d| d.code == code), "{name}.toml does not report {name}: {found:#?}");
        assert!(found.iter().all(|d| d.file == format!("{name}.toml")));
    }
}

#[test]
fn diagnostics_carry_node_and_line_where_known() {
    let found = check("undefined-target.toml", &fixture("undefined-target"));
    let d = found.iter().find(|d| d.code == Code::UndefinedTarget).unwrap();
    assert_eq!(d.node.as_deref(), Some("reality"));
    assert!(d.line.is_some());
    assert!(d.to_string().starts_with("undefined-target.toml:"), "{d}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let broken = fixture("valid")
        .replace("next = \"options\"", "next = \"nowhere\"")
        .replace("set = { trust = -1 }", "set = { mood = 1 }");
    let codes: Vec<Code> = check("broken.toml", &broken).iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::UndefinedTarget) && codes.contains(&Code::UndeclaredVariable), "{codes:?}");
}

#[test]
fn shipped_scenarios_have_no_errors() {
    assert!(library::files().len() >= 9, "the library should hold at least nine scenarios");
    for (name, source) in library::files() {
        let errors: Vec<String> =
            check(name, source).iter().filter(|d| d.severity() == Severity::Error).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

/// Every better question an author offers (an explicit `better`, or a strong choice, which the
/// engine suggests after a weaker question) scores open or scaling and fits its node's stage, or is
/// a purposeful closed question (choosing, timing, commitment, contracting, safety) that fits.
#[test]
fn every_authored_better_question_is_open_and_fits() {
    let misfits: Vec<String> = library::files()
        .iter()
        .flat_map(|(name, source)| check(name, source))
        .filter(|d| d.code == Code::BetterMisfit)
        .map(|d| d.to_string())
        .collect();
    assert!(misfits.is_empty(), "{}", misfits.join("\n"));
}

#[test]
fn the_valid_fixture_reads_every_new_field() {
    use growsim::scenario::{model::Quality, model::Verdict, parse, Purpose};
    let s = parse("valid.toml", &fixture("valid")).unwrap();
    let goal = s.node("goal").unwrap();
    assert_eq!(goal.choices[0].verdict, Some(Verdict::Strong));
    assert_eq!(goal.choices[2].better.as_deref(), Some("What would make today worthwhile for you?"));
    assert_eq!(goal.choices[2].variants[0].visited, ["reality"]);
    let options = s.node("options").unwrap();
    assert_eq!(options.routes[0].purpose, [Purpose::Timing]);
    assert_eq!(options.routes[1].variants[0].min["trust"], 6);
    let will = s.node("will").unwrap();
    assert_eq!((will.quality, will.header()), (Some(Quality::Good), "Action plan: Sam's own".to_string()));
    assert_eq!(will.variants[0].not_visited, ["reality"]);
    assert_eq!(s.repeat.len(), 2);
    let balance = growsim::scenario::menu_balance(&s);
    assert_eq!((balance.nodes, balance.only_open, balance.longest), (3, 0, 1));
    let path: Vec<&str> = growsim::scenario::best_path(&s).iter().map(|(n, _)| n.id.as_str()).collect();
    assert_eq!(path, ["goal", "reality", "options"]);
}

#[test]
fn malformed_new_fields_are_coded_with_line_and_node() {
    let broken = fixture("valid").replace("verdict = \"strong\"", "verdict = \"great\"");
    let found = check("broken.toml", &broken);
    let d =
        found.iter().find(|d| d.message.contains("strong, fair, weak, harmful")).expect("a verdict outside the scale");
    assert_eq!((d.code, d.node.as_deref()), (Code::Syntax, Some("goal")));
    assert!(d.line.is_some());
    let broken = fixture("valid").replace("quality = \"good\"", "quality = 3");
    assert!(check("broken.toml", &broken).iter().any(|d| d.code == Code::Syntax && d.node.as_deref() == Some("will")));
}

/// A menu label the classifier disagrees with is either fixed or explained where it stands: a
/// `# check: <code> is expected here.` comment just above the choice, saying why the label is right.
/// An explanation with no warning left to explain is stale, and fails too.
#[test]
fn every_label_warning_on_a_shipped_scenario_is_explained_in_the_file() {
    let mut unexplained = Vec::new();
    for (name, source) in library::files() {
        let lines: Vec<&str> = source.lines().collect();
        let warnings: Vec<_> =
            check(name, source).into_iter().filter(|d| matches!(d.code, Code::LabelKind | Code::LabelStage)).collect();
        let explained = lines.iter().filter(|l| l.trim().starts_with("# check: label-")).count();
        if explained > warnings.len() {
            unexplained.push(format!("{name}: {explained} label explanations for {} warnings", warnings.len()));
        }
        for d in &warnings {
            let ask = d.message.split_once(": \"").map(|(_, q)| q.trim_end_matches('"')).unwrap_or_default();
            let ask_line = format!("ask = {}", toml_string(ask));
            let at = lines.iter().position(|l| l.trim() == ask_line);
            let choice = at.and_then(|at| lines[..at].iter().rposition(|l| l.trim() == "[[node.choice]]"));
            let comment = choice.and_then(|c| c.checked_sub(1)).map(|c| lines[c].trim());
            let expected = format!("# check: {} is expected here.", d.code.name());
            if !comment.is_some_and(|c| c.starts_with(&expected)) {
                unexplained.push(d.to_string());
            }
        }
    }
    assert!(unexplained.is_empty(), "explain or fix these labels:\n{}", unexplained.join("\n"));
}

fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
