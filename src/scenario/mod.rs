//! Scenario files: reading (a TOML subset), decoding into the model (unknown fields rejected) and
//! validation that reports every problem at once, each with a code, the file, the node and a line
//! where one is known.
//!
//! ```
//! let diagnostics = growsim::scenario::check("broken.toml", "id = ");
//! assert_eq!(diagnostics[0].code, growsim::scenario::Code::Syntax);
//! ```

mod decode;
mod head;
pub mod model;
pub mod reader;
pub mod validate;

pub use head::head;
pub use model::{Card, Choice, Difficulty, Node, Outcome, Purpose, Route, Scenario};
pub use validate::{best_path, menu_balance, validate, MenuBalance};

use serde::Serialize;
use std::fmt;

/// Every diagnostic the validator can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Syntax,
    UnknownField,
    DuplicateId,
    UndefinedTarget,
    Unreachable,
    DeadEnd,
    MissingFallback,
    NoReachableEnding,
    UndeclaredVariable,
    MissingStage,
    MenuSize,
    MissingLine,
    EndingWithExits,
    LabelKind,
    LabelStage,
    TooLarge,
    MissingQuality,
    HarmfulRaisesTrust,
    StrongToPoor,
    VariantUnknownNode,
    VariantUnknownVariable,
    MenuOnlyOpen,
    MenuLongest,
    MissingThought,
    FallbackMoves,
    BetterMisfit,
    SetZero,
}

impl Code {
    pub const ALL: [Code; 27] = [
        Code::Syntax,
        Code::UnknownField,
        Code::DuplicateId,
        Code::UndefinedTarget,
        Code::Unreachable,
        Code::DeadEnd,
        Code::MissingFallback,
        Code::NoReachableEnding,
        Code::UndeclaredVariable,
        Code::MissingStage,
        Code::MenuSize,
        Code::MissingLine,
        Code::EndingWithExits,
        Code::LabelKind,
        Code::LabelStage,
        Code::TooLarge,
        Code::MissingQuality,
        Code::HarmfulRaisesTrust,
        Code::StrongToPoor,
        Code::VariantUnknownNode,
        Code::VariantUnknownVariable,
        Code::MenuOnlyOpen,
        Code::MenuLongest,
        Code::MissingThought,
        Code::FallbackMoves,
        Code::BetterMisfit,
        Code::SetZero,
    ];

    /// The stable name printed in reports, e.g. `undefined-target`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownField => "unknown-field",
            Code::DuplicateId => "duplicate-id",
            Code::UndefinedTarget => "undefined-target",
            Code::Unreachable => "unreachable",
            Code::DeadEnd => "dead-end",
            Code::MissingFallback => "missing-fallback",
            Code::NoReachableEnding => "no-reachable-ending",
            Code::UndeclaredVariable => "undeclared-variable",
            Code::MissingStage => "missing-stage",
            Code::MenuSize => "menu-size",
            Code::MissingLine => "missing-line",
            Code::EndingWithExits => "ending-with-exits",
            Code::LabelKind => "label-kind",
            Code::LabelStage => "label-stage",
            Code::TooLarge => "too-large",
            Code::MissingQuality => "missing-quality",
            Code::HarmfulRaisesTrust => "harmful-raises-trust",
            Code::StrongToPoor => "strong-to-poor",
            Code::VariantUnknownNode => "variant-unknown-node",
            Code::VariantUnknownVariable => "variant-unknown-variable",
            Code::MenuOnlyOpen => "menu-only-open",
            Code::MenuLongest => "menu-longest",
            Code::MissingThought => "missing-thought",
            Code::FallbackMoves => "fallback-moves",
            Code::BetterMisfit => "better-misfit",
            Code::SetZero => "set-zero",
        }
    }

    /// Warnings don't stop a scenario from shipping; errors do.
    pub fn severity(self) -> Severity {
        match self {
            Code::LabelKind
            | Code::LabelStage
            | Code::MissingQuality
            | Code::HarmfulRaisesTrust
            | Code::StrongToPoor
            | Code::MenuOnlyOpen
            | Code::MenuLongest
            | Code::MissingThought
            | Code::BetterMisfit
            | Code::SetZero => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a scenario file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub file: String,
    pub node: Option<String>,
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
    /// `file:line: error[code] node 'id': message`, the shape editors can jump to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.node.as_deref().map(|id| ("node", id));
        write_diagnostic(f, &self.file, self.line, self.severity(), self.code.name(), place, &self.message)
    }
}

/// Writes a diagnostic as `file:line: severity[code] kind 'id': message`, the one shape every
/// checked file's problems are shown in (scenarios and drills alike).
pub fn write_diagnostic(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    line: Option<usize>,
    severity: Severity,
    code: &str,
    place: Option<(&str, &str)>,
    message: &str,
) -> fmt::Result {
    write!(f, "{file}")?;
    if let Some(line) = line {
        write!(f, ":{line}")?;
    }
    let severity = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    write!(f, ": {severity}[{code}]")?;
    if let Some((kind, id)) = place {
        write!(f, " {kind} '{id}'")?;
    }
    write!(f, ": {message}")
}

/// Parses a scenario file. Syntax errors, unknown fields and wrong types come back as diagnostics:
/// a syntax error stops the reading, the others are all reported.
pub fn parse(file: &str, source: &str) -> Result<Scenario, Vec<Diagnostic>> {
    decode::scenario(file, &read(file, source)?)
}

/// Reads a scenario's card from its file or just its [`head`]; the rest of the file is ignored.
pub fn parse_card(file: &str, source: &str) -> Result<Card, Vec<Diagnostic>> {
    decode::card(file, &read(file, source)?)
}

/// Reads the TOML, a syntax error as the one diagnostic.
fn read(file: &str, source: &str) -> Result<reader::Table, Vec<Diagnostic>> {
    reader::read(source).map_err(|error| {
        vec![Diagnostic {
            code: Code::Syntax,
            file: file.to_string(),
            node: None,
            line: Some(error.line),
            message: error.message,
        }]
    })
}

/// Most nodes a scenario may have: forty times the largest shipped one, and few enough that
/// checking and playing it never stalls the page.
pub const MAX_NODES: usize = 1000;

/// Most questions a session may take (a scenario's `max_turns`): far past any real session, and
/// the most a result file may hold, so every session that can be played can be handed in.
pub const MAX_TURNS: u32 = 500;

/// Most variables a scenario may declare; every turn of a session records them all.
pub const MAX_VARS: usize = 100;

/// Parses and validates a scenario file, returning every problem found. A file with more than
/// [`MAX_NODES`] nodes is refused before it is parsed, and one with more than [`MAX_VARS`]
/// variables before it is validated.
pub fn check(file: &str, source: &str) -> Vec<Diagnostic> {
    let too_large = |message: String| {
        vec![Diagnostic { code: Code::TooLarge, file: file.to_string(), node: None, line: None, message }]
    };
    let nodes_message = |nodes: usize| format!("the file has {nodes} nodes; a scenario may have at most {MAX_NODES}");
    let nodes = source.lines().filter(|l| l.trim_start().starts_with("[[node]]")).count();
    if nodes > MAX_NODES {
        return too_large(nodes_message(nodes));
    }
    match parse(file, source) {
        // TOML spells tables other ways too (`[[ node ]]`, inline arrays), so count again.
        Ok(scenario) if scenario.nodes.len() > MAX_NODES => too_large(nodes_message(scenario.nodes.len())),
        Ok(scenario) if scenario.vars.len() > MAX_VARS => too_large(format!(
            "the file declares {} variables; a scenario may have at most {MAX_VARS}",
            scenario.vars.len()
        )),
        Ok(scenario) => validate(file, source, &scenario),
        Err(diagnostics) => diagnostics,
    }
}

/// Puts diagnostics in file order, those without a line first and those on one line by code.
fn sort_by_line(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.code));
}
