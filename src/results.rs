//! Class results: the compact record a learner hands to a facilitator, and the class summary
//! built from many of them. Everything happens on the facilitator's device; nothing is uploaded.
//!
//! A result travels as a JSON file or as a result code (`GS1.` + base64url of the same JSON) that
//! can be pasted into a chat. Typed questions and the reflection are free text, so they are left
//! out unless the learner opts in.

use crate::decimal::fixed;
use crate::dispute::{self, Dispute};
use crate::engine::listening::{Counts, Listening};
use crate::engine::{Debrief, Source, Status};
use crate::json::{FromJson, Object};
use crate::progress::{Attempt, Reflection};
use crate::scenario::{Outcome, Scenario};
use crate::scoring::{Fit, Kind, Stage, Verdict};
use crate::short_sort;
use crate::vocab::{Level, Quality};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The `format` field of every result file.
pub const FORMAT: &str = "growsim-result";
/// The newest result format this build reads and writes.
pub const VERSION: u32 = 1;
/// Result codes start with this.
pub const CODE_PREFIX: &str = "GS1.";
/// Larger inputs are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 2_000_000;

/// One learner's result for one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultFile {
    pub format: String,
    pub version: u32,
    /// The learner's name or initials, if they gave one.
    pub learner: String,
    pub scenario: String,
    pub seed: u64,
    pub outcome: Option<Outcome>,
    /// How good the ending was (`None` before it ended, or in files written before qualities).
    pub quality: Option<Quality>,
    /// The level played at (`None` in files written before levels).
    pub level: Option<Level>,
    pub score: u32,
    pub open_ratio: f32,
    pub fit_ratio: f32,
    /// Reflections and questions, for the listening figures (derived from the turns' kinds in
    /// files written before they were recorded).
    pub listening: Counts,
    pub turns: Vec<TurnResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reflection: Option<Reflection>,
    /// Verdicts the learner disputed, if they chose to include them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
}

/// One question of a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnResult {
    /// The node the question was asked at: the same for every learner at the same point.
    pub node: String,
    /// The question, for menu choices always; for typed questions only if the learner opted in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub typed: bool,
    pub kind: Kind,
    pub stage: Stage,
    pub fit: Fit,
    /// The verdict the learner saw (results written before verdicts read with the generic one).
    pub verdict: Verdict,
}

impl FromJson for ResultFile {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        o.only(&[
            "format",
            "version",
            "learner",
            "scenario",
            "seed",
            "outcome",
            "quality",
            "level",
            "score",
            "open_ratio",
            "fit_ratio",
            "listening",
            "turns",
            "reflection",
            "disputes",
        ])?;
        let turns: Vec<TurnResult> = o.field("turns")?;
        let listening: Option<Counts> = o.field("listening")?;
        Ok(ResultFile {
            listening: listening.unwrap_or_else(|| counts_from_kinds(&turns)),
            format: o.field("format")?,
            version: o.field("version")?,
            learner: o.field_or_default("learner")?,
            scenario: o.field("scenario")?,
            seed: o.field("seed")?,
            outcome: o.field("outcome")?,
            quality: o.field("quality")?,
            level: o.field("level")?,
            score: o.field("score")?,
            open_ratio: o.field("open_ratio")?,
            fit_ratio: o.field("fit_ratio")?,
            turns,
            reflection: o.field("reflection")?,
            disputes: o.field_or_default("disputes")?,
        })
    }
}

impl FromJson for TurnResult {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        let o = Object::of(value)?;
        o.only(&["node", "question", "typed", "kind", "stage", "fit", "verdict"])?;
        let (kind, fit) = (o.field("kind")?, o.field("fit")?);
        let verdict: Option<Verdict> = o.field("verdict")?;
        Ok(TurnResult {
            node: o.field("node")?,
            question: o.field("question")?,
            typed: o.field("typed")?,
            kind,
            stage: o.field("stage")?,
            fit,
            verdict: verdict.unwrap_or_else(|| crate::scoring::fit::generic_verdict(kind, fit, None)),
        })
    }
}

/// Listening counts for files written before they were recorded: from the turns' kinds alone.
fn counts_from_kinds(turns: &[TurnResult]) -> Counts {
    let mut counts = Counts::default();
    for t in turns {
        counts.add(t.kind, matches!(t.kind, Kind::Open | Kind::Why), false);
    }
    counts
}

/// What a learner chooses to put in a result beyond the figures and menu questions.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sharing<'a> {
    /// Typed questions and the reflection.
    pub text: bool,
    /// Disputed verdicts (their reasons are free text).
    pub disputes: bool,
    pub reflection: Option<&'a Reflection>,
}

impl ResultFile {
    /// The result of a session: the attempt's figures, with what `sharing` allows.
    pub fn of(scenario: &Scenario, attempt: &Attempt, learner: &str, sharing: Sharing) -> Self {
        let state = &attempt.session;
        let share_text = sharing.text;
        let debrief = Debrief::of(state);
        let mut at = scenario.start.clone();
        let turns = state
            .transcript
            .iter()
            .map(|e| {
                let typed = e.source == Source::Typed;
                TurnResult {
                    node: std::mem::replace(&mut at, e.node.clone()),
                    question: (!typed || share_text).then(|| e.question.clone()),
                    typed,
                    kind: e.score.kind,
                    stage: e.score.stage,
                    fit: e.score.fit,
                    verdict: e.score.verdict,
                }
            })
            .collect();
        ResultFile {
            format: FORMAT.into(),
            version: VERSION,
            learner: learner.trim().chars().take(60).collect(),
            scenario: state.scenario.clone(),
            seed: state.seed,
            outcome: match state.status {
                Status::Ended { outcome, .. } => Some(outcome),
                Status::Active => None,
            },
            quality: debrief.quality,
            level: attempt.level,
            score: debrief.score,
            open_ratio: debrief.open_ratio,
            fit_ratio: debrief.fit_ratio,
            listening: Listening::of(&state.transcript).counts(),
            turns,
            reflection: if share_text { sharing.reflection.cloned() } else { None },
            disputes: if sharing.disputes { attempt.disputes.clone() } else { Vec::new() },
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a result always serialises")
    }

    /// The result as a code to paste: `GS1.` and base64url.
    pub fn to_code(&self) -> String {
        format!("{CODE_PREFIX}{}", base64url::encode(self.to_json().as_bytes()))
    }

    /// Checks what the types can't: the format, the version and sane numbers.
    fn check(self) -> Result<Self, String> {
        if self.format != FORMAT {
            return Err(format!("it is not a growsim result (format \"{}\")", clip(&self.format)));
        }
        if self.version > VERSION {
            return Err(format!(
                "it was made by a newer growsim (result version {}; this one reads up to {VERSION})",
                self.version
            ));
        }
        for d in &self.disputes {
            d.check()?;
        }
        if self.disputes.len() > self.turns.len() {
            return Err("it has more disputes than questions, so it may have been edited".into());
        }
        let ratios_ok = (0.0..=1.0).contains(&self.open_ratio) && (0.0..=1.0).contains(&self.fit_ratio);
        if !ratios_ok || self.score > 100 || self.turns.len() > crate::scenario::MAX_TURNS as usize {
            return Err("its figures are out of range, so it may have been edited".into());
        }
        Ok(self)
    }
}

/// Reads results from pasted or dropped text: a result file (one JSON object or an array of them),
/// or result codes separated by whitespace. Each problem names the item it came from.
///
/// ```
/// use growsim::results::read;
/// assert!(read("hello").unwrap_err().contains("neither a result file nor a result code"));
/// ```
pub fn read(text: &str) -> Result<Vec<ResultFile>, String> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!("it is too large ({} KB; the limit is {} KB)", text.len() / 1024, MAX_INPUT_BYTES / 1024));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with('{') || text.starts_with('[') {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("it is not valid JSON ({e})"))?;
        let items = match value {
            serde_json::Value::Array(items) => items,
            one => vec![one],
        };
        return items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                ResultFile::from_json(&v)
                    .map_err(|e| format!("result {}: {}", i + 1, clip(&e.to_string())))
                    .and_then(|r| r.check().map_err(|why| format!("result {}: {why}", i + 1)))
            })
            .collect();
    }
    let codes: Vec<&str> = text.split_whitespace().collect();
    if codes.is_empty() || !codes.iter().all(|c| c.starts_with(CODE_PREFIX)) {
        return Err("it is neither a result file nor a result code (codes start with GS1.)".into());
    }
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let bytes = base64url::decode(&code[CODE_PREFIX.len()..])
                .ok_or_else(|| format!("code {} is damaged (check it was copied whole)", i + 1))?;
            let json = String::from_utf8(bytes).map_err(|_| format!("code {} is damaged", i + 1))?;
            crate::json::read::<ResultFile>(&json)
                .map_err(|e| format!("code {}: {}", i + 1, clip(&e.to_string())))
                .and_then(|r| r.check().map_err(|why| format!("code {}: {why}", i + 1)))
        })
        .collect()
}

/// One row of the class table.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerRow {
    pub learner: String,
    pub scenario: String,
    pub seed: u64,
    pub outcome: Option<Outcome>,
    pub quality: Option<Quality>,
    pub level: Option<Level>,
    pub score: u32,
    pub open_ratio: f32,
    pub fit_ratio: f32,
    pub questions: usize,
    /// The reflection-to-question ratio and the share of open questions, with their bands.
    pub listening: Listening,
    pub disputes: usize,
}

/// A verdict that learners disputed: the same question at the same point of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputedVerdict {
    pub scenario: String,
    pub question: String,
    /// The verdict the learners saw.
    pub verdict: Verdict,
    /// How many learners disputed it.
    pub learners: usize,
    /// What they proposed, and why, one line each.
    pub proposals: Vec<String>,
}

/// A point in a scenario where many learners asked a weak question.
#[derive(Debug, Clone, PartialEq)]
pub struct WeakTurn {
    pub scenario: String,
    pub node: String,
    /// Learners whose question here was weak, and learners who asked anything here.
    pub weak: usize,
    pub reached: usize,
    /// The weak form seen most often here.
    pub common_kind: Kind,
    /// A weak question asked here, if one was shared.
    pub example: Option<String>,
}

/// What the class page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassSummary {
    pub rows: Vec<LearnerRow>,
    /// Questions by fit: good, early, late, off.
    pub fit_counts: [usize; 4],
    /// The weakest points, most common first.
    pub weak_turns: Vec<WeakTurn>,
    /// The most disputed verdicts, most learners first.
    pub disputed: Vec<DisputedVerdict>,
}

/// Whether a question is one to discuss: its verdict, the same one the learner saw, was weak
/// or harmful.
fn is_weak(t: &TurnResult) -> bool {
    t.verdict.is_weak()
}

/// What the class did at one point (scenario, node) of a scenario.
#[derive(Default)]
struct Spot {
    /// Learners who asked anything here, and learners whose question here was weak.
    reached: usize,
    weak: usize,
    /// The last learner (index into the results) counted in `reached`, and in `weak`, so a learner
    /// who comes back to the same point counts once.
    reached_by: Option<usize>,
    weak_by: Option<usize>,
    /// Weak questions here by kind, in the order of `Kind::ALL`.
    kinds: [usize; Kind::ALL.len()],
    /// A weak question asked here, if one was shared.
    example: Option<String>,
}

/// Aggregates results into the class summary.
pub fn summarise(results: &[ResultFile]) -> ClassSummary {
    let rows = results
        .iter()
        .map(|r| LearnerRow {
            learner: if r.learner.is_empty() { "(no name)".into() } else { r.learner.clone() },
            scenario: r.scenario.clone(),
            seed: r.seed,
            outcome: r.outcome,
            quality: r.quality,
            level: r.level,
            score: r.score,
            open_ratio: r.open_ratio,
            fit_ratio: r.fit_ratio,
            questions: r.turns.len(),
            listening: Listening::from_counts(r.listening),
            disputes: r.disputes.len(),
        })
        .collect();
    let mut fit_counts = [0; 4];
    let mut spots: BTreeMap<(String, String), Spot> = BTreeMap::new();
    for (learner, r) in results.iter().enumerate() {
        for t in &r.turns {
            fit_counts[[Fit::Good, Fit::Early, Fit::Late, Fit::Off].iter().position(|f| *f == t.fit).unwrap_or(3)] += 1;
            let spot = spots.entry((r.scenario.clone(), t.node.clone())).or_default();
            if spot.reached_by != Some(learner) {
                spot.reached_by = Some(learner);
                spot.reached += 1;
            }
            if is_weak(t) {
                if spot.weak_by != Some(learner) {
                    spot.weak_by = Some(learner);
                    spot.weak += 1;
                }
                spot.kinds[Kind::ALL.iter().position(|k| *k == t.kind).unwrap_or(0)] += 1;
                if spot.example.is_none() {
                    spot.example = t.question.clone();
                }
            }
        }
    }
    let mut weak_turns: Vec<WeakTurn> = spots
        .into_iter()
        .filter(|(_, s)| s.weak > 0)
        .map(|((scenario, node), spot)| {
            // The most frequent weak kind; on a tie, the first in `Kind::ALL`.
            let mut common_kind = Kind::Closed;
            let mut most = 0;
            for (&kind, &n) in Kind::ALL.iter().zip(&spot.kinds) {
                if n > most {
                    (common_kind, most) = (kind, n);
                }
            }
            WeakTurn { scenario, node, weak: spot.weak, reached: spot.reached, common_kind, example: spot.example }
        })
        .collect();
    short_sort::sort_by(&mut weak_turns, |a, b| {
        b.weak.cmp(&a.weak).then(a.scenario.cmp(&b.scenario)).then(a.node.cmp(&b.node))
    });
    weak_turns.truncate(10);
    ClassSummary { rows, fit_counts, weak_turns, disputed: disputed(results) }
}

/// The most disputed verdicts: grouped by scenario and question text, each learner once.
fn disputed(results: &[ResultFile]) -> Vec<DisputedVerdict> {
    let mut groups: BTreeMap<(String, String), (DisputedVerdict, Vec<usize>)> = BTreeMap::new();
    for (learner, r) in results.iter().enumerate() {
        for d in &r.disputes {
            let key = (r.scenario.clone(), d.question.trim().to_lowercase());
            let (group, by) = groups.entry(key).or_insert_with(|| {
                let v = DisputedVerdict {
                    scenario: r.scenario.clone(),
                    question: d.question.clone(),
                    verdict: d.verdict,
                    learners: 0,
                    proposals: vec![],
                };
                (v, vec![])
            });
            if !by.contains(&learner) {
                by.push(learner);
                group.learners += 1;
            }
            let reason = if d.reason.is_empty() { String::new() } else { format!(": {}", d.reason) };
            group.proposals.push(format!("{}{reason}", d.proposal_text()));
        }
    }
    let mut out: Vec<DisputedVerdict> = groups.into_values().map(|(g, _)| g).collect();
    short_sort::sort_by(&mut out, |a, b| b.learners.cmp(&a.learners).then(a.scenario.cmp(&b.scenario)));
    out.truncate(10);
    out
}

/// Every dispute in the results as TSV in the labelled corpus's columns, for review before
/// any of it joins the corpus (see [`dispute::TSV_HEADER`]).
pub fn disputes_tsv(results: &[ResultFile]) -> String {
    let mut out = format!("{}\n", dispute::TSV_HEADER);
    for r in results {
        for d in &r.disputes {
            out.push_str(&dispute::tsv_row(d, &r.learner, &r.scenario));
            out.push('\n');
        }
    }
    out
}

/// The class table as CSV, safe to open in a spreadsheet.
pub fn to_csv(summary: &ClassSummary) -> String {
    let mut out = String::from(
        "learner,scenario,seed,level,outcome,quality,score,open_ratio,fit_ratio,questions,reflections_per_question,open_question_share,disputes\n",
    );
    for r in &summary.rows {
        let outcome = r.outcome.map(|o| o.label()).unwrap_or("ended early");
        let cells = [
            csv_cell(&r.learner),
            csv_cell(&r.scenario),
            r.seed.to_string(),
            r.level.map(|l| l.name()).unwrap_or("").to_string(),
            csv_cell(outcome),
            r.quality.map(|q| q.name()).unwrap_or("").to_string(),
            r.score.to_string(),
            fixed(r.open_ratio, 2),
            fixed(r.fit_ratio, 2),
            r.questions.to_string(),
            r.listening.ratio.map(|v| fixed(v, 2)).unwrap_or_default(),
            r.listening.open_share.map(|v| fixed(v, 2)).unwrap_or_default(),
            r.disputes.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a CSV cell, and defuses text a spreadsheet would run as a formula.
fn csv_cell(text: &str) -> String {
    let defused =
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// Keeps echoed text short and printable.
fn clip(text: &str) -> String {
    crate::json::clip(text, 160)
}

/// Base64 with the URL-safe alphabet and no padding, so codes survive chat apps and URLs.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let values: Vec<u32> = text
            .trim_end_matches('=')
            .bytes()
            .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
            .collect::<Option<_>>()?;
        if values.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(values.len() * 3 / 4);
        for chunk in values.chunks(4) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }

    #[cfg(test)]
    #[test]
    fn round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "✓ ünïcode"] {
            assert_eq!(decode(&encode(s.as_bytes())).unwrap(), s.as_bytes());
        }
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(decode("a"), None);
        assert_eq!(decode("a*b"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispute::Proposal;
    use crate::engine::{Conversation, Input};
    use crate::library;

    fn attempt(typed: &str) -> Attempt {
        let scenario = library::get("vague-goal").unwrap();
        let mut c = Conversation::new(scenario, 3);
        c.step(Input::Choice(3)).unwrap(); // an open goal question: not weak
        c.step(Input::Typed(typed.into())).unwrap();
        let disputed = c.state().transcript[1].clone();
        let proposal =
            Proposal { verdict: Some(Verdict::Strong), reason: "It fits here.".into(), ..Proposal::default() };
        let disputes = vec![Dispute::of(&disputed, proposal).unwrap()];
        Attempt::new(c.into_state(), 1.0, Level::Typed, disputes)
    }

    fn played(learner: &str, typed: &str, share: bool) -> ResultFile {
        let scenario = library::get("vague-goal").unwrap();
        let reflection = Reflection { happened: "private".into(), ..Reflection::default() };
        let sharing = Sharing { text: share, disputes: share, reflection: Some(&reflection) };
        ResultFile::of(scenario, &attempt(typed), learner, sharing)
    }

    #[test]
    fn a_result_carries_level_quality_listening_and_opted_in_disputes() {
        let private = played("Ana", "Why did you let it get this bad?", false);
        assert_eq!((private.level, private.disputes.len()), (Some(Level::Typed), 0));
        assert_eq!(private.listening, Counts { reflections: 0, questions: 2, open_questions: 2 });
        let shared = played("Ana", "Why did you let it get this bad?", true);
        assert_eq!(shared.disputes.len(), 1);
        assert_eq!(read(&shared.to_json()).unwrap(), vec![shared.clone()]);
        // Files from before these fields still read, with listening counted from the kinds.
        let mut old: serde_json::Value = serde_json::from_str(&private.to_json()).unwrap();
        for key in ["quality", "level", "listening"] {
            old.as_object_mut().unwrap().remove(key);
        }
        let old = read(&old.to_string()).unwrap().remove(0);
        assert_eq!((old.level, old.listening.questions), (None, 2));
        // A dispute's reason past the limit is refused by name.
        let long = shared.to_json().replace("It fits here.", &"x".repeat(crate::dispute::MAX_REASON + 1));
        assert!(read(&long).unwrap_err().contains("reason has 501 characters"));
    }

    #[test]
    fn the_class_sees_the_most_disputed_verdicts_and_can_export_them() {
        let results = vec![
            played("Ana", "Why did you let it get this bad?", true),
            played("Ben", "Why did you let it get this bad?", true),
            played("Cy", "What would you like instead?", true),
        ];
        let s = summarise(&results);
        let top = &s.disputed[0];
        assert_eq!((top.learners, top.question.as_str()), (2, "Why did you let it get this bad?"));
        assert_eq!(top.proposals[0], "Strong: It fits here.");
        assert_eq!(s.rows[0].disputes, 1);
        let tsv = disputes_tsv(&results);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!((lines[0], lines.len()), (crate::dispute::TSV_HEADER, 4));
        assert!(lines[1].starts_with("Why did you let it get this bad?\topen\twhy\t"), "{}", lines[1]);
        assert!(lines[1].contains("\tstrong\tIt fits here.\tAna\tvague-goal"), "{}", lines[1]);
    }

    #[test]
    fn typed_text_and_reflection_stay_private_unless_shared() {
        let r = played("Sam", "Why did you let it get this bad?", false);
        assert_eq!(r.turns.len(), 2);
        assert!(r.turns[0].question.is_some() && !r.turns[0].typed);
        assert_eq!(r.turns[1].question, None);
        assert_eq!(r.reflection, None);
        assert_eq!(r.turns[0].node, library::get("vague-goal").unwrap().start);
        let shared = played("Sam", "Why did you let it get this bad?", true);
        assert_eq!(shared.turns[1].question.as_deref(), Some("Why did you let it get this bad?"));
        assert_eq!(shared.reflection.unwrap().happened, "private");
    }

    #[test]
    fn files_and_codes_round_trip() {
        let a = played("Ana", "What matters most?", false);
        let b = played("Ben", "Don't you think you should quit?", true);
        assert_eq!(read(&a.to_json()).unwrap(), vec![a.clone()]);
        let array = format!("[{},{}]", a.to_json(), b.to_json());
        assert_eq!(read(&array).unwrap().len(), 2);
        assert_eq!(read(&format!("{}\n  {}\n", a.to_code(), b.to_code())).unwrap(), vec![a, b]);
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        let good = played("Ana", "What matters most?", false);
        let complaint = |text: &str| read(text).unwrap_err();
        assert!(complaint("").contains("neither"));
        assert!(complaint("{not json").contains("not valid JSON"));
        assert!(complaint(r#"{"format":"something-else"}"#).contains("result 1"));
        let other = good.to_json().replace(FORMAT, "other-app");
        assert!(complaint(&other).contains("not a growsim result"));
        let newer = good.to_json().replace("\"version\":1", "\"version\":9");
        assert!(complaint(&newer).contains("newer growsim"));
        let extra = good.to_json().replacen('{', "{\"hacked\":true,", 1);
        assert!(complaint(&extra).contains("unknown field"));
        let edited = good.to_json().replace("\"score\":", "\"score\":1000");
        assert!(complaint(&edited).contains("out of range"));
        assert!(complaint("GS1.@@@").contains("damaged"));
        assert!(complaint(&"x".repeat(MAX_INPUT_BYTES + 1)).contains("too large"));
    }

    #[test]
    fn a_result_may_hold_as_many_turns_as_a_session_may_take() {
        let mut r = played("Ana", "What matters most?", false);
        let turn = r.turns[0].clone();
        r.turns = vec![turn.clone(); crate::scenario::MAX_TURNS as usize];
        assert!(read(&r.to_json()).is_ok());
        r.turns.push(turn);
        assert!(read(&r.to_json()).unwrap_err().contains("out of range"));
    }

    #[test]
    fn the_summary_finds_the_common_weak_turn() {
        let results = vec![
            played("Ana", "Why did you let it get this bad?", true),
            played("Ben", "Why did you let it get so bad?", false),
            played("Cy", "What would make today worthwhile for you?", false),
        ];
        let s = summarise(&results);
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.fit_counts.iter().sum::<usize>(), 6);
        let top = &s.weak_turns[0];
        assert_eq!((top.weak, top.reached, top.common_kind), (2, 3, Kind::Why));
        assert_eq!(top.example.as_deref(), Some("Why did you let it get this bad?"));
    }

    #[test]
    fn weak_turns_are_those_with_a_weak_or_harmful_verdict() {
        let turn = |verdict| TurnResult { verdict, ..played("Ana", "Is it?", false).turns[0].clone() };
        assert!(is_weak(&turn(Verdict::Weak)));
        assert!(is_weak(&turn(Verdict::Harmful)));
        assert!(!is_weak(&turn(Verdict::Fair)));
        assert!(!is_weak(&turn(Verdict::Strong)));
        let old = r#"{"node":"a","typed":true,"kind":"closed","stage":"reality","fit":"good"}"#;
        assert_eq!(crate::json::read::<TurnResult>(old).unwrap().verdict, Verdict::Fair);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut r = played("=HYPERLINK(\"x\")", "What matters?", false);
        r.learner = "=HYPERLINK(\"x\")".into();
        let csv = to_csv(&summarise(&[r]));
        assert!(csv.lines().nth(1).unwrap().starts_with("\"'=HYPERLINK(\"\"x\"\")\",\"vague-goal\""), "{csv}");
    }
}
