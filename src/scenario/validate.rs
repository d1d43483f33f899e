//! Checks a parsed scenario's graph and labels, collecting every problem.

use super::{Code, Diagnostic, Node, Route, Scenario};
use crate::scoring::{analyse, Stage};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Fewest and most menu questions a node may offer.
pub const MENU_SIZE: std::ops::RangeInclusive<usize> = 3..=5;

/// Every problem in `scenario`; `source` is used only to find line numbers.
pub fn validate(file: &str, source: &str, scenario: &Scenario) -> Vec<Diagnostic> {
    let lines = node_lines(source);
    let mut out = Vec::new();
    let mut report = |code: Code, node: Option<&str>, message: String| {
        let line = node.and_then(|id| lines.get(id).copied());
        out.push(Diagnostic { code, file: file.to_string(), node: node.map(str::to_string), line, message });
    };

    let mut seen = BTreeSet::new();
    for node in &scenario.nodes {
        if !seen.insert(node.id.as_str()) {
            report(Code::DuplicateId, Some(&node.id), format!("the id '{}' is used by more than one node", node.id));
        }
    }
    let ids: BTreeSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
    let by_id = nodes_by_id(scenario);
    for (what, target) in [("start", &scenario.start), ("timeout", &scenario.timeout)] {
        if !ids.contains(target.as_str()) {
            report(Code::UndefinedTarget, None, format!("`{what}` points to '{target}', which is not a node"));
        }
    }
    if by_id.get(scenario.timeout.as_str()).is_some_and(|n| !n.is_ending()) {
        report(Code::UndefinedTarget, Some(&scenario.timeout), "`timeout` must point to an ending node".into());
    }

    for (i, route) in scenario.shared_routes.iter().enumerate() {
        check_route(route, &format!("shared_route {}", i + 1), None, &ids, scenario, &mut report);
    }
    for node in &scenario.nodes {
        let id = Some(node.id.as_str());
        for key in node.set.keys() {
            if !scenario.vars.contains_key(key) {
                report(Code::UndeclaredVariable, id, format!("`set` uses '{key}', which is not declared in [vars]"));
            }
        }
        if node.say.is_empty() && node.id == scenario.start {
            report(Code::MissingLine, id, "the start node needs at least one `say` line".into());
        }
        if node.is_ending() {
            if !node.choices.is_empty() || !node.routes.is_empty() {
                report(Code::EndingWithExits, id, "an ending node cannot offer choices or routes".into());
            }
            if node.summary.is_none() {
                report(Code::MissingLine, id, "an ending needs a `summary` for the debrief".into());
            }
            continue;
        }
        if node.choices.is_empty() && node.routes.is_empty() {
            report(Code::DeadEnd, id, "this node is not an ending but has no choices or routes".into());
        } else if !MENU_SIZE.contains(&node.choices.len()) {
            report(Code::MenuSize, id, format!("the menu has {} questions; offer 3 to 5", node.choices.len()));
        }
        if !node.routes.iter().any(Route::is_fallback) && !scenario.shared_routes.iter().any(Route::is_fallback) {
            report(Code::MissingFallback, id, "typed questions need a route with no conditions, tried last".into());
        }
        for (i, choice) in node.choices.iter().enumerate() {
            let place = format!("choice {}", i + 1);
            if !ids.contains(choice.next.as_str()) {
                report(Code::UndefinedTarget, id, format!("{place} goes to '{}', which is not a node", choice.next));
            }
            for key in choice.set.keys() {
                if !scenario.vars.contains_key(key) {
                    report(
                        Code::UndeclaredVariable,
                        id,
                        format!("{place} sets '{key}', which is not declared in [vars]"),
                    );
                }
            }
            let scored = analyse(&choice.ask);
            if choice.kind != scored.kind {
                report(
                    Code::LabelKind,
                    id,
                    format!(
                        "{place} is labelled {} but scores as {}: \"{}\"",
                        choice.kind.name(),
                        scored.kind.name(),
                        choice.ask
                    ),
                );
            }
            if scored.top_stage() != choice.stage && !choice.kind.is_listening() {
                report(
                    Code::LabelStage,
                    id,
                    format!(
                        "{place} is labelled {} but scores as {}: \"{}\"",
                        choice.stage.name(),
                        scored.top_stage().name(),
                        choice.ask
                    ),
                );
            }
            if choice.reply.is_empty() && by_id.get(choice.next.as_str()).is_some_and(|n| n.say.is_empty()) {
                report(Code::MissingLine, id, format!("{place} has no `reply` and '{}' has no `say`", choice.next));
            }
        }
        for (i, route) in node.routes.iter().enumerate() {
            check_route(route, &format!("route {}", i + 1), id, &ids, scenario, &mut report);
        }
    }

    let reachable = reachable(scenario);
    for node in &scenario.nodes {
        if !reachable.contains(node.id.as_str()) && node.id != scenario.timeout {
            report(Code::Unreachable, Some(&node.id), "no path from the start leads here".into());
        }
    }
    let ending_reachable =
        scenario.nodes.iter().any(|n| n.is_ending() && reachable.contains(n.id.as_str()) && n.id != scenario.timeout);
    if ids.contains(scenario.start.as_str()) && !ending_reachable {
        report(Code::NoReachableEnding, None, "no ending other than the timeout can be reached from the start".into());
    }
    let stages: BTreeSet<Stage> =
        scenario.nodes.iter().filter(|n| reachable.contains(n.id.as_str())).map(|n| n.stage).collect();
    for stage in [Stage::Goal, Stage::Reality, Stage::Options, Stage::Will] {
        if !stages.contains(&stage) {
            report(
                Code::MissingStage,
                None,
                format!("no reachable node is in the {} stage; a scenario covers the whole GROW arc", stage.label()),
            );
        }
    }
    super::sort_by_line(&mut out);
    out
}

fn check_route(
    route: &Route,
    place: &str,
    node: Option<&str>,
    ids: &BTreeSet<&str>,
    scenario: &Scenario,
    report: &mut impl FnMut(Code, Option<&str>, String),
) {
    if let Some(next) = &route.next {
        if !ids.contains(next.as_str()) {
            report(Code::UndefinedTarget, node, format!("{place} goes to '{next}', which is not a node"));
        }
    }
    for key in route.set.keys().chain(route.min.keys()).chain(route.max.keys()) {
        if !scenario.vars.contains_key(key) {
            report(Code::UndeclaredVariable, node, format!("{place} uses '{key}', which is not declared in [vars]"));
        }
    }
}

/// Node ids reachable from the start by any choice or route.
pub fn reachable(scenario: &Scenario) -> BTreeSet<&str> {
    let by_id = nodes_by_id(scenario);
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([scenario.start.as_str()]);
    let shared: Vec<&str> = scenario.shared_routes.iter().filter_map(|r| r.next.as_deref()).collect();
    while let Some(id) = queue.pop_front() {
        let Some(node) = by_id.get(id) else {
            continue;
        };
        if !seen.insert(node.id.as_str()) {
            continue;
        }
        if node.is_ending() {
            continue;
        }
        let nexts = node
            .choices
            .iter()
            .map(|c| c.next.as_str())
            .chain(node.routes.iter().filter_map(|r| r.next.as_deref()))
            .chain(shared.iter().copied());
        queue.extend(nexts);
    }
    seen
}

/// Each node by id (the first, if an id is duplicated), so large scenarios are checked in linear time.
fn nodes_by_id(scenario: &Scenario) -> HashMap<&str, &Node> {
    let mut by_id = HashMap::new();
    for node in &scenario.nodes {
        by_id.entry(node.id.as_str()).or_insert(node);
    }
    by_id
}

/// The line of each `id = "…"` inside a `[[node]]` table, found in the source text.
fn node_lines(source: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    let mut in_node = false;
    for (number, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_node = trimmed == "[[node]]";
            continue;
        }
        if !in_node {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("id") {
            if let Some(value) = rest.trim_start().strip_prefix('=') {
                let id = value.trim().trim_matches(|c| c == '"' || c == '\'');
                lines.entry(id.to_string()).or_insert(number + 1);
            }
        }
    }
    lines
}
