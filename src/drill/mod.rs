//! Skill drills: two minutes of practice on one coaching move. The learner reads a coachee's
//! line and a weak question and types a better one; [`check`] scores it with the question
//! scorer and explains the result in plain words.
//!
//! Items are data files, `drills/<move>.toml`, in the TOML subset the scenario
//! [`reader`](crate::scenario::reader) reads. [`check_file`] validates one, reporting every
//! problem with a code, the file, the line and the item.
//!
//! ```
//! let found = growsim::drill::check_file("d.toml", "move = \"closed-to-open\"\n[[item]]\nid = 3\n");
//! assert!(found.iter().all(|d| d.code == growsim::drill::Code::Syntax));
//! ```

mod bundle;
mod decode;
mod model;
mod recommend;
mod run;
mod score;

pub use bundle::{all, files, items_of};
pub use model::{DrillFile, Item, Move};
pub use recommend::recommend;
pub use run::{Answer, Run, ITEMS_PER_RUN};
pub use score::{check, DrillResult, MAX_REWRITE};

use crate::scenario::Severity;
use std::collections::HashMap;
use std::fmt;

/// Every diagnostic a drill file can get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Syntax,
    UnknownField,
    UnknownMove,
    DuplicateId,
    MissingText,
    TooLong,
    AcceptsAdvice,
    ModelFails,
    WeakPasses,
    TooLarge,
}

impl Code {
    pub const ALL: [Code; 10] = [
        Code::Syntax,
        Code::UnknownField,
        Code::UnknownMove,
        Code::DuplicateId,
        Code::MissingText,
        Code::TooLong,
        Code::AcceptsAdvice,
        Code::ModelFails,
        Code::WeakPasses,
        Code::TooLarge,
    ];

    /// The stable name printed in reports, e.g. `model-fails`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownField => "unknown-field",
            Code::UnknownMove => "unknown-move",
            Code::DuplicateId => "duplicate-id",
            Code::MissingText => "missing-text",
            Code::TooLong => "too-long",
            Code::AcceptsAdvice => "accepts-advice",
            Code::ModelFails => "model-fails",
            Code::WeakPasses => "weak-passes",
            Code::TooLarge => "too-large",
        }
    }

    /// Every drill problem is an error: a drill that can't be passed, or passes its own weak
    /// question, would teach the wrong thing.
    pub fn severity(self) -> Severity {
        Severity::Error
    }
}

/// One problem found in a drill file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub file: String,
    /// The item's id, where the problem is in one.
    pub item: Option<String>,
    /// 1-based line, where known.
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line: error[code] item 'id': message`, as scenario diagnostics are shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.item.as_deref().map(|id| ("item", id));
        crate::scenario::write_diagnostic(
            f,
            &self.file,
            self.line,
            self.severity(),
            self.code.name(),
            place,
            &self.message,
        )
    }
}

/// Largest drill file read, in bytes: far past any real one (the shipped files are ~4 KB).
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// Most items a file may hold.
pub const MAX_ITEMS: usize = 200;
/// Longest coachee line, weak question or model answer, in characters: drill lines are short.
pub const MAX_TEXT: usize = 300;

/// Reads a drill file into its model: syntax errors, unknown fields and wrong types come back as
/// diagnostics (the content checks are [`check_file`]'s).
pub fn parse(file: &str, source: &str) -> Result<DrillFile, Vec<Diagnostic>> {
    let table = crate::scenario::reader::read(source).map_err(|error| {
        vec![Diagnostic {
            code: Code::Syntax,
            file: file.to_string(),
            item: None,
            line: Some(error.line),
            message: error.message,
        }]
    })?;
    decode::file(file, &table)
}

/// Parses and validates a drill file, returning every problem found (none for a good file).
pub fn check_file(file: &str, source: &str) -> Vec<Diagnostic> {
    let too_large = |message: String| {
        vec![Diagnostic { code: Code::TooLarge, file: file.to_string(), item: None, line: None, message }]
    };
    if source.len() > MAX_FILE_BYTES {
        return too_large(format!(
            "the file is {} KB; a drill file may be at most {} KB",
            source.len() / 1024,
            MAX_FILE_BYTES / 1024
        ));
    }
    let headers = source.lines().filter(|l| l.trim_start().starts_with("[[item]]")).count();
    if headers > MAX_ITEMS {
        return too_large(format!("the file has {headers} items; a drill file may have at most {MAX_ITEMS}"));
    }
    let parsed = match parse(file, source) {
        Ok(parsed) if parsed.items.len() > MAX_ITEMS => {
            return too_large(format!(
                "the file has {} items; a drill file may have at most {MAX_ITEMS}",
                parsed.items.len()
            ))
        }
        Ok(parsed) => parsed,
        Err(found) => return found,
    };
    let mut found = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for item in &parsed.items {
        let mut report = |code: Code, message: String| {
            found.push(Diagnostic {
                code,
                file: file.to_string(),
                item: Some(item.id.chars().take(40).collect()),
                line: Some(item.line),
                message,
            })
        };
        if let Some(first) = seen.insert(item.id.as_str(), item.line) {
            report(Code::DuplicateId, format!("the id \"{}\" is already used on line {first}", item.id));
        }
        let texts = [
            ("id", &item.id),
            ("coachee", &item.coachee),
            ("says", &item.says),
            ("weak", &item.weak),
            ("model", &item.model),
        ];
        let mut readable = true;
        for (field, text) in texts {
            if text.trim().is_empty() {
                report(Code::MissingText, format!("`{field}` is empty"));
                readable = false;
            } else if text.chars().count() > MAX_TEXT {
                let n = text.chars().count();
                report(Code::TooLong, format!("`{field}` is {n} characters; keep drill lines under {MAX_TEXT}"));
                readable = false;
            }
        }
        if let Some(kind) =
            item.kind.iter().find(|k| matches!(k, crate::vocab::Kind::Advice | crate::vocab::Kind::Leading))
        {
            report(Code::AcceptsAdvice, format!("`kind` accepts {}, which a drill never passes", kind.name()));
            readable = false;
        }
        if !readable {
            continue;
        }
        let model = check(item, &item.model);
        if !model.passed {
            report(Code::ModelFails, format!("the model answer does not pass its own drill: {}", model.sentence));
        }
        let weak = check(item, &item.weak);
        if weak.passed {
            report(Code::WeakPasses, format!("the weak question passes the drill: {}", weak.sentence));
        }
    }
    found
}
