//! Golden playthroughs: replays every `tests/golden/*.plan` against its scenario.
//! The plan format is described in the README, under "Golden playthroughs".
#![cfg(not(target_arch = "wasm32"))]

use growsim::library;
use growsim::measure::golden::replay;
use growsim::scenario::{self, Scenario};
use std::fs;

fn scenarios() -> Vec<Scenario> {
    library::files()
        .iter()
        .map(|(name, source)| scenario::parse(name, source).unwrap_or_else(|d| panic!("{}", d[0])))
        .collect()
}

#[test]
fn every_golden_plan_replays() {
    let scenarios = scenarios();
    let mut failures = Vec::new();
    let mut plans = 0;
    for entry in fs::read_dir("tests/golden").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "plan") {
            continue;
        }
        plans += 1;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let id = name.split('.').next().unwrap();
        let Some(scenario) = scenarios.iter().find(|s| s.id == id) else {
            failures.push(format!("{name}: no scenario with id '{id}'"));
            continue;
        };
        if let Err(e) = replay(&name, &fs::read_to_string(&path).unwrap(), scenario) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} of {plans} golden plans failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_scenario_has_a_golden_plan() {
    for s in scenarios() {
        let plan = format!("tests/golden/{}.plan", s.id);
        assert!(fs::metadata(&plan).is_ok(), "{plan} is missing");
    }
}
