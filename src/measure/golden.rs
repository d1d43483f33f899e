//! Golden playthroughs: a plan is a script of menu choices, typed questions and expectations
//! (node, ending, coachee line, score fields, variables) replayed against a scenario. The format
//! is described in the README, under "Golden playthroughs". `growsim replay` and
//! `tests/golden.rs` both use it.

use crate::engine::{Conversation, Input, Status};
use crate::scenario::Scenario;

/// Runs one plan; returns the first failure as "plan:line: message".
pub fn replay(plan_name: &str, plan: &str, scenario: &Scenario) -> Result<(), String> {
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
