//! Checks a parsed scenario's graph and labels, collecting every problem.

use super::model::{Quality, Variant, Verdict};
use super::{Choice, Code, Diagnostic, Node, Route, Scenario};
use crate::scoring::{analyse, fit, fit::generic_verdict, Fit, Flag, Kind, Stage};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

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

    for node in &scenario.nodes {
        let id = Some(node.id.as_str());
        if node.is_ending() && node.quality.is_none() {
            let default = node.quality().map(Quality::name).unwrap_or("good");
            report(
                Code::MissingQuality,
                id,
                format!("an ending should declare `quality` (good, mixed or poor); read as {default} from its outcome"),
            );
        }
        let edges = node.choices.iter().enumerate().map(|(i, c)| (format!("choice {}", i + 1), c.verdict, &c.set));
        let routes = node.routes.iter().enumerate().map(|(i, r)| (format!("route {}", i + 1), r.verdict, &r.set));
        let arrival = std::iter::once(("the node".to_string(), None, &node.set));
        for (place, verdict, set) in arrival.chain(edges).chain(routes) {
            if verdict == Some(Verdict::Harmful) && set.get("trust").is_some_and(|t| *t > 0) {
                report(Code::HarmfulRaisesTrust, id, format!("{place} is marked harmful but its `set` raises trust"));
            }
            report_set_zero(&place, set, id, &mut report);
        }
        let betters = node
            .choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((format!("choice {}", i + 1), c.better.as_deref()?)));
        let route_betters = node
            .routes
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((format!("route {}", i + 1), r.better.as_deref()?)));
        let strong = node.choices.iter().enumerate().filter(|(_, c)| c.is_model_question());
        let suggested = betters
            .map(|(place, q)| (format!("{place}'s `better`"), q))
            .chain(route_betters.map(|(place, q)| (format!("{place}'s `better`"), q)))
            .chain(strong.map(|(i, c)| (format!("choice {}, marked strong,", i + 1), c.ask.as_str())));
        for (place, question) in suggested {
            if let Some(problem) = misfit(question, node.stage) {
                report(
                    Code::BetterMisfit,
                    id,
                    format!("{place} is offered as a better question but {problem}: \"{question}\""),
                );
            }
        }
        for (i, choice) in node.choices.iter().enumerate() {
            let telling = matches!(choice.verdict, Some(Verdict::Strong | Verdict::Weak | Verdict::Harmful));
            if telling && choice.thought.is_none() {
                report(
                    Code::MissingThought,
                    id,
                    format!(
                        "choice {} is marked {} but has no `thought`; the guided level shows what the coachee thinks of it",
                        i + 1,
                        choice.verdict.map(Verdict::name).unwrap_or_default()
                    ),
                );
            }
            if choice.verdict == Some(Verdict::Strong) && only_poor_endings(scenario, &choice.next) {
                report(
                    Code::StrongToPoor,
                    id,
                    format!("choice {} is marked strong but every path from it leads only to poor endings", i + 1),
                );
            }
        }
    }
    for (i, r) in scenario.shared_routes.iter().enumerate() {
        if r.verdict == Some(Verdict::Harmful) && r.set.get("trust").is_some_and(|t| *t > 0) {
            let message = format!("shared_route {} is marked harmful but its `set` raises trust", i + 1);
            report(Code::HarmfulRaisesTrust, None, message);
        }
        report_set_zero(&format!("shared_route {}", i + 1), &r.set, None, &mut report);
    }
    let balance = menu_balance(scenario);
    if balance.nodes > 0 {
        let past_a_third = |n: usize| n * 3 > balance.nodes;
        if past_a_third(balance.only_open) {
            report(
                Code::MenuOnlyOpen,
                None,
                format!(
                    "on the best path the strongest choice is the only open question in {} of {} menus; give the weaker choices open forms too",
                    balance.only_open, balance.nodes
                ),
            );
        }
        if past_a_third(balance.longest) {
            report(
                Code::MenuLongest,
                None,
                format!(
                    "on the best path the strongest choice is the longest option in {} of {} menus; vary the lengths",
                    balance.longest, balance.nodes
                ),
            );
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
    out.extend(variant_problems(file, scenario));
    super::sort_by_line(&mut out);
    out
}

/// Why `question` is not a model question at a node of `stage`, if it is not: a better question
/// scores open (or scaling) and fits the stage, or is a closed question with a job the stage needs.
fn misfit(question: &str, stage: Stage) -> Option<String> {
    let scored = analyse(question);
    let report = fit(&scored, stage);
    let scaling = scored.flags.contains(&Flag::Scaling) && report.fit == Fit::Good;
    if scaling || generic_verdict(scored.kind, report.fit, scored.purpose) == Verdict::Strong {
        return None;
    }
    Some(if report.fit == Fit::Good {
        format!("it scores as {}", scored.kind.name())
    } else {
        format!(
            "it scores as {} {} question, {} for this {} node",
            scored.kind.name(),
            scored.top_stage().name(),
            report.fit.name(),
            stage.name()
        )
    })
}

/// Conditions in `[[…variant]]` tables that name nodes or variables the scenario lacks.
fn variant_problems(file: &str, scenario: &Scenario) -> Vec<Diagnostic> {
    let ids: BTreeSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut out = Vec::new();
    let mut check = |node: Option<&str>, place: &str, variants: &[Variant]| {
        for v in variants {
            let mut problem = |code: Code, message: String| {
                let node = node.map(str::to_string);
                out.push(Diagnostic { code, file: file.to_string(), node, line: Some(v.line), message });
            };
            for id in v.visited.iter().chain(&v.not_visited) {
                if !ids.contains(id.as_str()) {
                    problem(
                        Code::VariantUnknownNode,
                        format!("a variant of {place} names '{id}', which is not a node"),
                    );
                }
            }
            for key in v.min.keys().chain(v.max.keys()) {
                if !scenario.vars.contains_key(key) {
                    problem(
                        Code::VariantUnknownVariable,
                        format!("a variant of {place} uses '{key}', which is not declared in [vars]"),
                    );
                }
            }
        }
    };
    for (i, r) in scenario.shared_routes.iter().enumerate() {
        check(None, &format!("shared_route {}", i + 1), &r.variants);
    }
    for node in &scenario.nodes {
        let id = Some(node.id.as_str());
        check(id, "the node", &node.variants);
        for (i, c) in node.choices.iter().enumerate() {
            check(id, &format!("choice {}", i + 1), &c.variants);
        }
        for (i, r) in node.routes.iter().enumerate() {
            check(id, &format!("route {}", i + 1), &r.variants);
        }
    }
    out
}

/// Whether every ending reachable from `from` (the timeout aside) is poor, and there is one.
fn only_poor_endings(scenario: &Scenario, from: &str) -> bool {
    let endings: Vec<&Node> = reachable_from(scenario, from)
        .into_iter()
        .filter_map(|id| scenario.node(id))
        .filter(|n| n.is_ending() && n.id != scenario.timeout)
        .collect();
    !endings.is_empty() && endings.iter().all(|n| n.quality() == Some(Quality::Poor))
}

/// The best path: from the start, at each node the strongest choice that moves on to a node not
/// yet on the path (a strong one if any, else the first in file order), until an ending or no
/// choice moves on. Returns the nodes with a menu on it, with the index of the choice followed.
pub fn best_path(scenario: &Scenario) -> Vec<(&Node, usize)> {
    let mut path: Vec<(&Node, usize)> = Vec::new();
    let mut at = scenario.node(&scenario.start);
    while let Some(node) = at {
        if node.is_ending() {
            break;
        }
        let fresh = |c: &Choice| c.next != node.id && !path.iter().any(|(n, _)| n.id == c.next);
        let strong = node.choices.iter().position(|c| c.verdict == Some(Verdict::Strong) && fresh(c));
        let Some(index) = strong.or_else(|| node.choices.iter().position(fresh)) else { break };
        path.push((node, index));
        at = scenario.node(&node.choices[index].next);
    }
    path
}

/// How the best path's menus give their strongest choice away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MenuBalance {
    /// Menus on the best path.
    pub nodes: usize,
    /// Menus where the strongest choice is the only open question.
    pub only_open: usize,
    /// Menus where the strongest choice is longer than every other option.
    pub longest: usize,
}

/// Counts, on the [`best_path`], the menus whose strongest choice is the only open question
/// and those where it is the longest option.
pub fn menu_balance(scenario: &Scenario) -> MenuBalance {
    let mut balance = MenuBalance::default();
    for (node, index) in best_path(scenario) {
        let best = &node.choices[index];
        if node.choices.len() < 2 {
            continue;
        }
        balance.nodes += 1;
        let others = || node.choices.iter().enumerate().filter(move |(i, _)| *i != index).map(|(_, c)| c);
        if best.kind == Kind::Open && !others().any(|c| c.kind == Kind::Open) {
            balance.only_open += 1;
        }
        let length = |c: &Choice| c.ask.chars().count();
        if others().all(|c| length(c) < length(best)) {
            balance.longest += 1;
        }
    }
    balance
}

/// A `set` adds to a variable, so `{ pressed = 0 }` does nothing: an author who meant to reset a
/// counter would otherwise never find out.
fn report_set_zero(
    place: &str,
    set: &BTreeMap<String, i64>,
    node: Option<&str>,
    report: &mut impl FnMut(Code, Option<&str>, String),
) {
    for key in set.iter().filter(|(_, change)| **change == 0).map(|(key, _)| key) {
        report(
            Code::SetZero,
            node,
            format!("{place} has `{key} = 0` in its `set`, which does nothing: `set` adds to a variable, it does not assign it"),
        );
    }
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
    if route.is_fallback() {
        let moves = route.next.as_deref().is_some_and(|next| Some(next) != node);
        if moves || !route.set.is_empty() || route.reply.is_empty() {
            report(
                Code::FallbackMoves,
                node,
                format!("{place} has no conditions, so it answers typed text that matches nothing: give it a `reply` asking to rephrase, and no `next` or `set`"),
            );
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
    reachable_from(scenario, &scenario.start)
}

/// Node ids reachable from `from` by any choice or route.
pub fn reachable_from<'s>(scenario: &'s Scenario, from: &str) -> BTreeSet<&'s str> {
    let by_id = nodes_by_id(scenario);
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<&str> = match by_id.get(from) {
        Some(node) => VecDeque::from([node.id.as_str()]),
        None => VecDeque::new(),
    };
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
