//! Turns the table the scenario [`reader`](crate::scenario::reader) read into a
//! [`DrillFile`], reporting every missing, unknown or mistyped field with its line and item.

use super::{Code, Diagnostic, DrillFile, Item, Move};
use crate::scenario::reader::{Item as Value_, Table, Value};
use crate::vocab::Named;

pub fn file(name: &str, root: &Table) -> Result<DrillFile, Vec<Diagnostic>> {
    let mut problems = Problems { file: name, item: None, found: Vec::new() };
    let drill = match root.get("move") {
        None => {
            problems.report(Code::Syntax, 1, "missing field `move`".into());
            None
        }
        Some(item) => match &item.value {
            Value::String(s) => {
                let found = Move::find(s);
                if found.is_none() {
                    let message = format!("unknown move \"{}\", expected one of {}", clip(s), Move::names());
                    problems.report(Code::UnknownMove, item.line, message);
                }
                found
            }
            _ => {
                problems.report(Code::Syntax, item.line, format!("`move` should be one of {}", Move::names()));
                None
            }
        },
    };
    let mut items = Vec::new();
    match root.get("item") {
        None => problems.report(Code::Syntax, 1, "missing items: add at least one [[item]]".into()),
        Some(list) => {
            let entries = match &list.value {
                Value::Array(entries) => entries.as_slice(),
                _ => std::slice::from_ref(list),
            };
            for entry in entries {
                match &entry.value {
                    Value::Table(table) => items.push(item(table, entry.line, &mut problems)),
                    _ => problems.report(Code::Syntax, entry.line, "`item` should be a table, written [[item]]".into()),
                }
            }
        }
    }
    for (key, value) in root.iter() {
        if !["move", "item"].contains(&key) {
            let message = format!("unknown field `{}`, expected one of move, item", clip(key));
            problems.report(Code::UnknownField, value.line, message);
        }
    }
    match drill {
        Some(drill) if problems.found.is_empty() => {
            items.iter_mut().for_each(|i| i.drill = drill);
            Ok(DrillFile { drill, items })
        }
        _ => {
            problems.found.sort_by_key(|d| (d.line.unwrap_or(0), d.code));
            Err(problems.found)
        }
    }
}

const ITEM_FIELDS: &[&str] = &["id", "coachee", "says", "weak", "model", "kind", "stage", "flags"];

fn item(table: &Table, line: usize, problems: &mut Problems) -> Item {
    problems.item = match table.get("id").map(|i| &i.value) {
        Some(Value::String(id)) => Some(clip(id)),
        _ => None,
    };
    let mut text = |key: &str| match table.get(key) {
        None => {
            problems.report(Code::Syntax, line, format!("missing field `{key}`"));
            String::new()
        }
        Some(Value_ { value: Value::String(s), .. }) => s.clone(),
        Some(other) => {
            problems.report(Code::Syntax, other.line, format!("`{key}` should be text in quotes"));
            String::new()
        }
    };
    let (id, coachee, says, weak, model) = (text("id"), text("coachee"), text("says"), text("weak"), text("model"));
    let item = Item {
        id,
        drill: Move::ClosedToOpen,
        coachee,
        says,
        weak,
        model,
        kind: names(table, "kind", line, true, problems),
        stage: names(table, "stage", line, true, problems),
        flags: names(table, "flags", line, false, problems),
        line,
    };
    for (key, value) in table.iter() {
        if !ITEM_FIELDS.contains(&key) {
            let message = format!("unknown field `{}`, expected one of {}", clip(key), ITEM_FIELDS.join(", "));
            problems.report(Code::UnknownField, value.line, message);
        }
    }
    problems.item = None;
    item
}

/// A list of names, as in `kind = ["open"]`; a single name counts as a list of one.
fn names<T: Named>(table: &Table, key: &str, line: usize, required: bool, problems: &mut Problems) -> Vec<T> {
    let Some(item) = table.get(key) else {
        if required {
            problems.report(Code::Syntax, line, format!("missing field `{key}`, a list of {}", T::names()));
        }
        return Vec::new();
    };
    let entries = match &item.value {
        Value::Array(entries) => entries.as_slice(),
        _ => std::slice::from_ref(item),
    };
    if required && entries.is_empty() {
        problems.report(Code::Syntax, item.line, format!("`{key}` needs at least one of {}", T::names()));
    }
    let mut out = Vec::new();
    for entry in entries {
        match &entry.value {
            Value::String(s) if T::find(s).is_some() => out.extend(T::find(s)),
            _ => problems.report(Code::Syntax, entry.line, format!("`{key}` should list names from {}", T::names())),
        }
    }
    out
}

struct Problems<'f> {
    file: &'f str,
    item: Option<String>,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn report(&mut self, code: Code, line: usize, message: String) {
        let item = self.item.clone();
        self.found.push(Diagnostic { code, file: self.file.to_string(), item, line: Some(line), message });
    }
}

/// Keeps echoed text short and printable.
fn clip(text: &str) -> String {
    crate::json::clip(text, 40)
}
