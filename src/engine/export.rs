//! Transcript exports for the learner and facilitator: Markdown to read, JSON to keep.

use super::{Debrief, Source, State};
use crate::decimal::percent;
use crate::scenario::Scenario;
use std::fmt::Write;

/// The session as a Markdown document: scores first, then every turn with its feedback.
pub fn markdown(scenario: &Scenario, state: &State) -> String {
    let d = Debrief::of(state);
    let mut out = String::new();
    let _ = writeln!(out, "# {} — growsim session\n", scenario.title);
    let _ = writeln!(out, "- Scenario: `{}`, seed {}", scenario.id, state.seed);
    let _ = writeln!(out, "- Outcome: {}", header(scenario, state));
    let _ = writeln!(out, "- Score: {} / 100", d.score);
    let _ = writeln!(out, "- Open questions and reflections: {}", percent(d.open_ratio));
    let _ = writeln!(out, "- Good stage fit: {}", percent(d.fit_ratio));
    let per_stage: Vec<String> = d.per_stage.iter().map(|(s, n)| format!("{} {n}", s.label())).collect();
    let _ = writeln!(out, "- Questions per stage: {}\n", per_stage.join(", "));
    let _ = writeln!(out, "## Transcript\n\n**{}:** {}\n", scenario.coachee, state.opening);
    for e in &state.transcript {
        let how = match e.source {
            Source::Menu { .. } => "chosen",
            Source::Typed => "typed",
        };
        let _ = writeln!(out, "**You ({how}):** {}\n", e.question);
        let source = match e.score.verdict_source {
            crate::vocab::VerdictSource::Authored => "",
            crate::vocab::VerdictSource::Generic => " (generic rule)",
        };
        let _ = writeln!(out, "> **{}**{source}", e.score.verdict.label());
        if let Some(note) = &e.score.note {
            let _ = writeln!(out, "> {note}");
        }
        let _ = writeln!(
            out,
            "> {} · {} · fit: {} — {}",
            e.score.kind.label(),
            e.score.stage.label(),
            e.score.fit.name(),
            e.score.explanation
        );
        if let Some(better) = &e.score.better {
            let _ = writeln!(out, "> Try: \"{better}\"");
        }
        let _ = writeln!(out, "\n**{}:** {}\n", scenario.coachee, e.reply);
    }
    out
}

/// The debrief header: the ending's label (or its outcome's), or "in progress".
pub fn header(scenario: &Scenario, state: &State) -> String {
    super::ending_header(scenario, state).unwrap_or_else(|| "In progress".to_string())
}

/// The session as pretty JSON, including every score and rule that fired.
pub fn json(state: &State) -> String {
    serde_json::to_string_pretty(state).expect("a session always serialises")
}
