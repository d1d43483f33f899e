//! The validator: one invalid fixture per diagnostic code, and the shipped library is clean.

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
