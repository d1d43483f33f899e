//! The labelled corpus: original coach utterances in `tests/data/corpus/*.tsv`, labelled by the
//! conventions in `docs/labels.md`, and their fixed split into train, dev and a locked test part.
//!
//! Columns: `text`, `openness` (`open`, `closed` or `-` for statements), `kind`, `stage`,
//! `style` (`plain`, `typed`, `spoken`, `long`) and `domain`.

use crate::vocab::{Kind, Named, Openness, Stage};
use std::path::Path;

/// The folder the corpus lives in, relative to the repository.
pub const DIR: &str = "tests/data/corpus";

/// The styles a row may have.
pub const STYLES: [&str; 4] = ["plain", "typed", "spoken", "long"];
/// The conversations a row may come from.
pub const DOMAINS: [&str; 6] = ["coaching", "manager", "health", "counselling", "teaching", "sport"];

/// One labelled utterance.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub text: String,
    /// `None` for statements (reflections, summaries, other).
    pub openness: Option<Openness>,
    pub kind: Kind,
    pub stage: Stage,
    pub style: String,
    pub domain: String,
    /// Where it was read: `01-plain.tsv:12`.
    pub origin: String,
}

/// Which part of the corpus a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// For fitting.
    Train,
    /// For tuning: choosing features, regularisation and rules.
    Dev,
    /// Locked: reported, never tuned on.
    Test,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Train => "train",
            Part::Dev => "dev",
            Part::Test => "test",
        }
    }
}

/// FNV-1a over the text's bytes: fixed by its definition, so the split never moves.
pub fn hash(text: &str) -> u64 {
    text.trim().bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The part a text falls in: 55% train, 20% dev, 25% locked test, by its hash.
///
/// ```
/// use growsim::measure::corpus::{part_of, Part};
/// assert_eq!(part_of("What would you like to get from today?"), part_of("What would you like to get from today?"));
/// ```
pub fn part_of(text: &str) -> Part {
    match hash(text) % 100 {
        0..=54 => Part::Train,
        55..=74 => Part::Dev,
        _ => Part::Test,
    }
}

/// The fold (0..k) a text falls in for k-fold cross-validation, by its hash.
pub fn fold_of(text: &str, k: u64) -> u64 {
    (hash(text) / 100) % k
}

impl Row {
    pub fn part(&self) -> Part {
        part_of(&self.text)
    }
}

/// Reads one corpus file, listing every problem with its line.
pub fn parse(name: &str, source: &str) -> Result<Vec<Row>, Vec<String>> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut lines = source.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim_end() == "text\topenness\tkind\tstage\tstyle\tdomain" => {}
        _ => return Err(vec![format!("{name}:1: the header must be text, openness, kind, stage, style, domain")]),
    }
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{name}:{}", i + 1);
        match row(line, &at) {
            Ok(r) => rows.push(r),
            Err(e) => problems.push(format!("{at}: {e}")),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn row(line: &str, at: &str) -> Result<Row, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    let [text, openness, kind, stage, style, domain] = cols[..] else {
        return Err(format!("expected 6 tab-separated columns, found {}", cols.len()));
    };
    let named = |what: &str, value: &str| format!("{what} \"{value}\" is not one of the allowed names");
    let kind = Kind::find(kind).ok_or_else(|| named("kind", kind))?;
    let stage = Stage::find(stage).ok_or_else(|| named("stage", stage))?;
    let openness = match openness {
        "-" => None,
        o => Some(Openness::find(o).ok_or_else(|| named("openness", o))?),
    };
    let statement = matches!(kind, Kind::Reflection | Kind::Summary | Kind::Other);
    if statement != openness.is_none() {
        return Err("openness is \"-\" exactly for reflection, summary and other".into());
    }
    let expected = match kind {
        Kind::Advice | Kind::Leading => Some(Openness::Closed),
        Kind::Why => Some(Openness::Open),
        _ => openness,
    };
    if openness != expected {
        return Err(format!("a {} question has openness {}", kind.name(), expected.map_or("-", |o| o.name())));
    }
    if !STYLES.contains(&style) || !DOMAINS.contains(&domain) {
        return Err(format!("style \"{style}\" or domain \"{domain}\" is not one of the allowed names"));
    }
    if text.is_empty() {
        return Err("the text is empty".into());
    }
    Ok(Row {
        text: text.to_string(),
        openness,
        kind,
        stage,
        style: style.to_string(),
        domain: domain.to_string(),
        origin: at.to_string(),
    })
}

/// Reads every `*.tsv` in `dir`, in file-name order, and refuses duplicate texts.
pub fn read(dir: &Path) -> Result<Vec<Row>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        match parse(&name, &source) {
            Ok(mut r) => rows.append(&mut r),
            Err(mut p) => problems.append(&mut p),
        }
    }
    let mut seen = std::collections::HashMap::new();
    for r in &rows {
        let key = r.text.to_lowercase();
        if let Some(first) = seen.insert(key, r.origin.clone()) {
            problems.push(format!("{}: the same text as {first}", r.origin));
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(format!("{} holds no labelled rows", dir.display()));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems.join("\n"))
    }
}

/// The corpus shipped in this repository.
pub fn shipped() -> Result<Vec<Row>, String> {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "text\topenness\tkind\tstage\tstyle\tdomain\n";

    #[test]
    fn rows_are_checked_against_the_conventions() {
        let ok = format!("{HEADER}What do you want?\topen\topen\tgoal\tplain\tcoaching\n");
        assert_eq!(parse("a.tsv", &ok).unwrap()[0].stage, Stage::Goal);
        let bad = format!(
            "{HEADER}Why now?\tclosed\twhy\tgoal\tplain\tcoaching\nSo you're tired.\topen\treflection\treality\tplain\tcoaching\nHi\t-\tother\trapport\tshouted\tcoaching\nx\t-\n"
        );
        let problems = parse("a.tsv", &bad).unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("a.tsv:2: a why question has openness open"));
        assert!(problems[3].contains("6 tab-separated columns"));
        assert!(parse("a.tsv", "text\n").is_err());
    }

    #[test]
    fn the_split_is_fixed_and_the_locked_part_is_at_least_a_fifth() {
        let rows = shipped().unwrap();
        assert!(rows.len() >= 3000, "{} rows", rows.len());
        let test = rows.iter().filter(|r| r.part() == Part::Test).count();
        assert!(test * 5 >= rows.len(), "{test} of {} rows are in the locked part", rows.len());
        assert_eq!(part_of("What do you want?"), part_of(" What do you want? "));
    }
}
