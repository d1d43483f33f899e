//! Golden playthroughs: replays every `tests/golden/*.plan` against its scenario.
//! The plan format is described in the README, under "Golden playthroughs".

use growsim::engine::{Conversation, Input, Status};
use growsim::library;
use growsim::scenario::{self, Scenario};
use std::fs;

fn scenarios() -> Vec<Scenario> {
    library::files()
        .iter()
        .map(|(name, source)| scenario::parse(name, source).unwrap_or_else(|d| panic!("{}", d[0])))
        .collect()
}

/// Runs one plan; returns the first failure as "plan:line: message".
fn replay(plan_name: &str, plan: &str, scenario: &Scenario) -> Result<(), String> {
    let mut seed = 1;
    let mut conversation: Option<Conversation> = None;
    for (number, raw) in plan.lines().enumerate() {
        let fail = |message: String| format!("{plan_name}:{}: {message}", number + 1);
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        if verb == "seed" {
            seed = rest.trim().parse().map_err(|_| fail(format!("bad seed '{rest}'")))?;
            conversation = None;
            continue;
        }
        let c = conversation.get_or_insert_with(|| Conversation::new(scenario, seed));
        match verb {
            "choose" => {
                let n: usize = rest.trim().parse().map_err(|_| fail(format!("bad choice '{rest}'")))?;
                c.step(Input::Choice(n.wrapping_sub(1))).map_err(|e| fail(e.to_string()))?;
            }
            "ask" => {
                c.step(Input::Typed(rest.to_string())).map_err(|e| fail(e.to_string()))?;
            }
            "expect" => expect(c, rest).map_err(fail)?,
            other => return Err(fail(format!("unknown step '{other}'"))),
        }
    }
    Ok(())
}

fn expect(c: &Conversation, what: &str) -> Result<(), String> {
    let (kind, rest) = what.split_once(' ').unwrap_or((what, ""));
    let state = c.state();
    let last = state.transcript.last();
    match kind {
        "coachee" => {
            let want = rest.trim().trim_matches('"').to_lowercase();
            let got = last.map(|e| e.reply.clone()).unwrap_or_else(|| state.opening.clone());
            got.to_lowercase()
                .contains(&want)
                .then_some(())
                .ok_or(format!("coachee said \"{got}\", which lacks \"{want}\""))
        }
        "node" => (state.node == rest.trim()).then_some(()).ok_or(format!(
            "at node '{}', expected '{}'",
            state.node,
            rest.trim()
        )),
        "ending" => match &state.status {
            Status::Ended { outcome, .. } => {
                let got = serde_json::to_value(outcome).unwrap();
                (got == rest.trim()).then_some(()).ok_or(format!("ended with {got}, expected {}", rest.trim()))
            }
            Status::Active => Err(format!("still active at '{}', expected ending {}", state.node, rest.trim())),
        },
        "active" => matches!(state.status, Status::Active).then_some(()).ok_or("the session has ended".to_string()),
        "score" => {
            let e = last.ok_or("no question asked yet")?;
            let json = serde_json::to_value(&e.score).unwrap();
            for pair in rest.split_whitespace() {
                let (key, want) = pair.split_once('=').ok_or(format!("expected key=value, got '{pair}'"))?;
                let got = json.get(key).ok_or(format!("no score field '{key}'"))?;
                if got != want {
                    return Err(format!("score {key} is {got}, expected {want} for \"{}\"", e.question));
                }
            }
            Ok(())
        }
        "var" => {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            let [name, op, value] = parts[..] else {
                return Err(format!("expected 'var NAME OP N', got '{rest}'"));
            };
            let value: i64 = value.parse().map_err(|_| format!("bad number '{value}'"))?;
            let got = *state.vars.get(name).ok_or(format!("no variable '{name}'"))?;
            let ok = match op {
                ">=" => got >= value,
                "<=" => got <= value,
                "==" => got == value,
                _ => return Err(format!("unknown operator '{op}'")),
            };
            ok.then_some(()).ok_or(format!("{name} is {got}, expected {op} {value}"))
        }
        other => Err(format!("unknown expectation '{other}'")),
    }
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
