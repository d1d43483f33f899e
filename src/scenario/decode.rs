//! Turns the table [`reader`](super::reader) read into a [`Scenario`], reporting every missing
//! field, unknown field and wrong type at once, each with its line and node.

use super::model::Card;
use super::model::Variant;
use super::reader::{Item, Table, Value};
use super::{Choice, Code, Diagnostic, Node, Route, Scenario};
use crate::vocab::Named;
use std::collections::BTreeMap;

/// Builds the scenario, or returns every problem found on the way.
pub fn scenario(file: &str, root: &Table) -> Result<Scenario, Vec<Diagnostic>> {
    let mut problems = Problems { file, node: None, found: Vec::new() };
    let mut fields = Fields::new(root, 1, &mut problems);
    let Card { id, title, coachee, role, difficulty, skills, brief, objectives } = card_fields(&mut fields);
    let mut scenario = Scenario {
        id,
        title,
        coachee,
        role,
        difficulty,
        skills,
        brief,
        objectives,
        start: fields.string("start"),
        timeout: fields.string("timeout"),
        max_turns: fields.number("max_turns", 1..=i64::from(super::MAX_TURNS)).unwrap_or(30),
        vars: fields.variables("vars"),
        shared_routes: Vec::new(),
        nodes: Vec::new(),
        repeat: fields.strings("repeat"),
    };
    let shared = fields.tables("shared_route");
    let nodes = fields.tables("node");
    if !fields.has("node") {
        fields.missing("node");
    }
    fields.finish();
    scenario.shared_routes = shared.into_iter().map(|(t, line)| route(t, line, &mut problems)).collect();
    scenario.nodes = nodes.into_iter().map(|(t, line)| node(t, line, &mut problems)).collect();
    if problems.found.is_empty() {
        Ok(scenario)
    } else {
        super::sort_by_line(&mut problems.found);
        Err(problems.found)
    }
}

/// Builds a scenario's card from its top-level fields, ignoring the rest (the head of a file,
/// see [`head`](super::head)).
pub fn card(file: &str, root: &Table) -> Result<Card, Vec<Diagnostic>> {
    let mut problems = Problems { file, node: None, found: Vec::new() };
    let card = card_fields(&mut Fields::new(root, 1, &mut problems));
    if problems.found.is_empty() {
        Ok(card)
    } else {
        Err(problems.found)
    }
}

fn card_fields(fields: &mut Fields) -> Card {
    Card {
        id: fields.string("id"),
        title: fields.string("title"),
        coachee: fields.string("coachee"),
        role: fields.string("role"),
        difficulty: fields.named("difficulty"),
        skills: fields.strings("skills"),
        brief: fields.string("brief"),
        objectives: fields.strings("objectives"),
    }
}

fn node(table: &Table, line: usize, problems: &mut Problems) -> Node {
    let mut fields = Fields::new(table, line, problems);
    let id = fields.string("id");
    fields.problems.node = Some(id.clone());
    let mut node = Node {
        id,
        stage: fields.named("stage"),
        say: fields.strings("say"),
        set: fields.variables("set"),
        choices: Vec::new(),
        routes: Vec::new(),
        ending: fields.optional("ending"),
        summary: fields.optional_string("summary"),
        commitment: fields.number("commitment", 0..=10),
        quality: fields.optional("quality"),
        label: fields.optional_string("label"),
        variants: Vec::new(),
    };
    let choices = fields.tables("choice");
    let routes = fields.tables("route");
    let variants = fields.tables("variant");
    fields.finish();
    node.variants = variants.into_iter().map(|(t, line)| variant(t, line, problems, Text::Say)).collect();
    node.choices = choices.into_iter().map(|(t, line)| choice(t, line, problems)).collect();
    node.routes = routes.into_iter().map(|(t, line)| route(t, line, problems)).collect();
    problems.node = None;
    node
}

fn choice(table: &Table, line: usize, problems: &mut Problems) -> Choice {
    let mut fields = Fields::new(table, line, problems);
    let choice = Choice {
        ask: fields.string("ask"),
        kind: fields.named("kind"),
        stage: fields.named("stage"),
        next: fields.string("next"),
        reply: fields.strings("reply"),
        set: fields.variables("set"),
        note: fields.optional_string("note"),
        verdict: fields.optional("verdict"),
        better: fields.optional_string("better"),
        thought: fields.optional_string("thought"),
        variants: Vec::new(),
    };
    let variants = fields.tables("variant");
    fields.finish();
    let variants = variants.into_iter().map(|(t, line)| variant(t, line, problems, Text::Reply)).collect();
    Choice { variants, ..choice }
}

/// Which text a variant may replace.
#[derive(Clone, Copy, PartialEq)]
enum Text {
    /// A node's `say` and `summary`.
    Say,
    /// A choice's or route's `reply`.
    Reply,
}

fn variant(table: &Table, line: usize, problems: &mut Problems, text: Text) -> Variant {
    let mut fields = Fields::new(table, line, problems);
    let mut variant = Variant {
        visited: fields.strings("visited"),
        not_visited: fields.strings("not_visited"),
        min: fields.variables("min"),
        max: fields.variables("max"),
        line,
        ..Variant::default()
    };
    match text {
        Text::Say => {
            variant.say = fields.strings("say");
            variant.summary = fields.optional_string("summary");
        }
        Text::Reply => variant.reply = fields.strings("reply"),
    }
    fields.finish();
    variant
}

fn route(table: &Table, line: usize, problems: &mut Problems) -> Route {
    let mut fields = Fields::new(table, line, problems);
    let route = Route {
        kind: fields.list("kind"),
        stage: fields.list("stage"),
        fit: fields.list("fit"),
        flags: fields.list("flags"),
        keywords: fields.strings("keywords").iter().map(|k| crate::scoring::text::plain_words(k)).collect(),
        min: fields.variables("min"),
        max: fields.variables("max"),
        purpose: fields.list("purpose"),
        next: fields.optional_string("next"),
        reply: fields.strings("reply"),
        set: fields.variables("set"),
        note: fields.optional_string("note"),
        verdict: fields.optional("verdict"),
        better: fields.optional_string("better"),
        thought: fields.optional_string("thought"),
        variants: Vec::new(),
    };
    let variants = fields.tables("variant");
    fields.finish();
    let variants = variants.into_iter().map(|(t, line)| variant(t, line, problems, Text::Reply)).collect();
    Route { variants, ..route }
}

/// The problems found so far, and the node being read.
struct Problems<'f> {
    file: &'f str,
    node: Option<String>,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn report(&mut self, code: Code, line: usize, message: String) {
        let node = self.node.clone();
        self.found.push(Diagnostic { code, file: self.file.to_string(), node, line: Some(line), message });
    }
}

/// One table's fields, read by name. Reading a field marks it known; [`Fields::finish`] reports
/// the rest as unknown. A missing or mistyped field is reported and read as a placeholder, which
/// is harmless because any problem makes the whole parse fail.
struct Fields<'t, 'p, 'f> {
    table: &'t Table,
    line: usize,
    known: Vec<&'static str>,
    problems: &'p mut Problems<'f>,
}

impl<'t, 'p, 'f> Fields<'t, 'p, 'f> {
    fn new(table: &'t Table, line: usize, problems: &'p mut Problems<'f>) -> Self {
        Fields { table, line, known: Vec::new(), problems }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Item> {
        self.known.push(key);
        self.table.get(key)
    }

    fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    fn missing(&mut self, key: &str) {
        self.problems.report(Code::Syntax, self.line, format!("missing field `{key}`"));
    }

    fn wrong(&mut self, key: &str, item: &Item, expected: &str) {
        let found = match &item.value {
            Value::String(s) => format!("the text \"{}\"", s.chars().take(40).collect::<String>()),
            Value::Integer(n) => format!("the number {n}"),
            Value::Boolean(b) => format!("{b}"),
            Value::Array(_) => "a list".into(),
            Value::Table(_) => "a table".into(),
        };
        self.problems.report(Code::Syntax, item.line, format!("`{key}` should be {expected}, not {found}"));
    }

    fn optional_string(&mut self, key: &'static str) -> Option<String> {
        let item = self.get(key)?;
        match &item.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong(key, item, "text in quotes");
                None
            }
        }
    }

    fn string(&mut self, key: &'static str) -> String {
        if !self.has(key) {
            self.missing(key);
        }
        self.optional_string(key).unwrap_or_default()
    }

    /// A list of text; absent means empty. A single string is accepted as a list of one.
    fn strings(&mut self, key: &'static str) -> Vec<String> {
        let Some(item) = self.get(key) else { return Vec::new() };
        let texts = match &item.value {
            Value::Array(items) => items.iter().map(|i| (i, &i.value)).collect(),
            value => vec![(item, value)],
        };
        let mut out = Vec::new();
        for (item, value) in texts {
            match value {
                Value::String(s) => out.push(s.clone()),
                _ => self.wrong(key, item, "a list of text in quotes, as in [\"one\", \"two\"]"),
            }
        }
        out
    }

    fn number<T: TryFrom<i64>>(&mut self, key: &'static str, range: std::ops::RangeInclusive<i64>) -> Option<T> {
        let item = self.get(key)?;
        let expected = format!("a whole number from {} to {}", range.start(), range.end());
        match item.value {
            Value::Integer(n) if range.contains(&n) => T::try_from(n).ok(),
            _ => {
                self.wrong(key, item, &expected);
                None
            }
        }
    }

    /// Variables and amounts, as in `set = { trust = -1 }` or a `[vars]` table.
    fn variables(&mut self, key: &'static str) -> BTreeMap<String, i64> {
        let Some(item) = self.get(key) else { return BTreeMap::new() };
        let Value::Table(table) = &item.value else {
            self.wrong(key, item, "a table of whole numbers, as in { trust = 1 }");
            return BTreeMap::new();
        };
        let mut out = BTreeMap::new();
        for (name, item) in table.iter() {
            match item.value {
                Value::Integer(n) => {
                    out.insert(name.to_string(), n);
                }
                _ => self.wrong(&format!("{key}.{name}"), item, "a whole number"),
            }
        }
        out
    }

    fn name_of<T: Named>(&mut self, key: &str, item: &Item) -> Option<T> {
        let found = match &item.value {
            Value::String(s) => T::find(s),
            _ => None,
        };
        if found.is_none() {
            self.wrong(key, item, &format!("one of {}", T::names()));
        }
        found
    }

    fn optional<T: Named>(&mut self, key: &'static str) -> Option<T> {
        let item = self.get(key)?;
        self.name_of(key, item)
    }

    fn named<T: Named>(&mut self, key: &'static str) -> T {
        if !self.has(key) {
            self.missing(key);
        }
        self.optional(key).unwrap_or(T::ALL[0])
    }

    /// A list of names, as in `kind = ["open", "reflection"]`; absent means empty.
    fn list<T: Named>(&mut self, key: &'static str) -> Vec<T> {
        let Some(item) = self.get(key) else { return Vec::new() };
        let Value::Array(items) = &item.value else {
            let found: Option<T> = self.name_of(key, item);
            return found.into_iter().collect();
        };
        items.iter().filter_map(|item| self.name_of(key, item)).collect()
    }

    /// The tables under `key` (from `[[key]]` headers or an inline list), with their lines.
    fn tables(&mut self, key: &'static str) -> Vec<(&'t Table, usize)> {
        let Some(item) = self.get(key) else { return Vec::new() };
        let items = match &item.value {
            Value::Array(items) => items.as_slice(),
            _ => std::slice::from_ref(item),
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Value::Table(table) => out.push((table, item.line)),
                _ => self.wrong(key, item, &format!("a table, written [[{key}]]")),
            }
        }
        out
    }

    /// Reports every field that was never read as unknown.
    fn finish(self) {
        for (key, item) in self.table.iter() {
            if !self.known.contains(&key) {
                let message = format!("unknown field `{key}`, expected one of {}", self.known.join(", "));
                self.problems.report(Code::UnknownField, item.line, message);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::scenario::{parse, Code, MAX_TURNS};

    /// A shipped scenario, to change one thing in.
    const SHIPPED: &str = include_str!("../../scenarios/01-too-big-goal.toml");

    #[test]
    fn max_turns_may_go_up_to_the_one_limit_and_no_further() {
        let with = |n: u32| SHIPPED.replacen("max_turns = ", &format!("max_turns = {n} # was "), 1);
        assert_eq!(parse("f.toml", &with(MAX_TURNS)).unwrap().max_turns, MAX_TURNS);
        let refused = parse("f.toml", &with(MAX_TURNS + 1)).unwrap_err();
        assert!(refused[0].message.contains(&format!("from 1 to {MAX_TURNS}")), "{}", refused[0].message);
        assert!(parse("f.toml", &with(0)).is_err());
    }

    #[test]
    fn every_field_problem_is_reported_with_its_line_and_node() {
        let source = r#"id = "x"
title = "T"
coachee = "C"
role = "R"
difficulty = "expert"
brief = "B"
objectives = ["O"]
start = "a"
mood = "grumpy"

[[node]]
id = "a"
stage = "goal"
commitment = 11
  [[node.choice]]
  ask = "Q?"
  kind = "open"
  stage = "goal"
  next = 3
  colour = "red"
"#;
        let found = parse("f.toml", source).unwrap_err();
        let seen: Vec<(Code, Option<usize>, Option<&str>)> =
            found.iter().map(|d| (d.code, d.line, d.node.as_deref())).collect();
        assert_eq!(
            seen,
            [
                (Code::Syntax, Some(1), None),
                (Code::Syntax, Some(5), None),
                (Code::UnknownField, Some(9), None),
                (Code::Syntax, Some(14), Some("a")),
                (Code::Syntax, Some(19), Some("a")),
                (Code::UnknownField, Some(20), Some("a")),
            ],
            "{found:#?}"
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages[0], "missing field `timeout`");
        assert!(messages[1].contains("one of foundation, intermediate, advanced"), "{}", messages[1]);
        assert!(messages[2].starts_with("unknown field `mood`, expected one of id, title"), "{}", messages[2]);
        assert!(messages[3].contains("from 0 to 10"), "{}", messages[3]);
        assert_eq!(messages[4], "`next` should be text in quotes, not the number 3");
    }

    #[test]
    fn lists_accept_a_single_name_and_absent_lists_are_empty() {
        let source = SHIPPED.replacen("kind = [\"advice\"]", "kind = \"advice\"", 1);
        let scenario = parse("f.toml", &source).unwrap();
        assert_eq!(scenario.shared_routes[1].kind, [crate::scoring::Kind::Advice]);
        assert!(scenario.shared_routes[1].keywords.is_empty());
    }
}
