//! A reader for the part of TOML that scenario files use: comments, `key = value` lines,
//! `[table]` and `[[array of tables]]` headers (dotted, as in `[[node.choice]]`), strings in all
//! four quotings, whole numbers, booleans, arrays and inline tables. Floats, dates and dotted keys
//! are refused with a message saying so. Every value keeps the line it starts on, so later checks
//! can point authors to it.
//!
//! It replaces a general TOML crate in the web build, where it is a fraction of the size. The
//! tests compare it with the `toml` crate on every shipped scenario and on tricky snippets.
//!
//! ```
//! use growsim::scenario::reader::{read, Value};
//! let table = read("[vars]\ntrust = 5 # starts mid-way\n").unwrap();
//! let vars = table.get("vars").unwrap();
//! assert_eq!(vars.line, 1);
//! let Value::Table(vars) = &vars.value else { panic!() };
//! let trust = vars.get("trust").unwrap();
//! assert_eq!((trust.line, &trust.value), (2, &Value::Integer(5)));
//! ```

/// A value and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub value: Value,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Boolean(bool),
    Array(Vec<Item>),
    Table(Table),
}

/// A table's keys and values in file order, with an index so that looking a key up takes the
/// same time however many keys a (possibly hostile) file puts in one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    entries: Vec<(String, Item)>,
    index: HashMap<String, usize>,
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    pub fn get(&self, key: &str) -> Option<&Item> {
        self.index.get(key).map(|&i| &self.entries[i].1)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Item> {
        self.index.get(key).map(|&i| &mut self.entries[i].1)
    }

    /// The keys and values in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Item)> {
        self.entries.iter().map(|(k, item)| (k.as_str(), item))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds `key`, refusing a key given twice.
    fn insert(&mut self, key: String, item: Item) -> Result<(), String> {
        if let Some(first) = self.get(&key) {
            return Err(format!("the key `{key}` is already set on line {}", first.line));
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push((key, item));
        Ok(())
    }
}

/// Why a file could not be read, and the line where reading stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

use std::collections::{HashMap, HashSet};

/// Deepest nesting of arrays and inline tables, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Reads a whole file into its top-level table.
pub fn read(source: &str) -> Result<Table, Error> {
    let mut reader = Reader { source, pos: 0, line: 1 };
    reader.eat('\u{feff}');
    let mut root = Table::new();
    let mut header: Vec<String> = Vec::new();
    let mut defined: HashSet<Vec<String>> = HashSet::new();
    loop {
        reader.skip_blank_lines();
        let Some(c) = reader.peek() else { return Ok(root) };
        let line = reader.line;
        if c == '[' {
            let array = reader.source[reader.pos..].starts_with("[[");
            reader.pos += if array { 2 } else { 1 };
            let path = reader.header_path()?;
            reader.expect(if array { "]]" } else { "]" }, "to close the header")?;
            reader.end_of_line()?;
            open(&mut root, &path, array, line, &mut defined).map_err(|message| Error { line, message })?;
            header = path;
        } else {
            let key = reader.key()?;
            reader.skip_spaces();
            if reader.peek() == Some('.') {
                return Err(reader.error(format!("dotted keys such as `{key}.…` are not supported; use a [table]")));
            }
            reader.expect("=", &format!("after the key `{key}`"))?;
            reader.skip_spaces();
            let value = reader.value(0)?;
            reader.end_of_line()?;
            let table = table_at(&mut root, &header);
            table.insert(key, Item { value, line }).map_err(|message| Error { line, message })?;
        }
    }
}

/// The table a key under `key` names: the table itself, or the newest table in an array of
/// tables (as TOML reads `[[node.choice]]`: a choice of the latest node).
fn child<'t>(table: &'t mut Table, key: &str) -> Option<&'t mut Table> {
    match &mut table.get_mut(key)?.value {
        Value::Table(t) => Some(t),
        Value::Array(items) => match items.last_mut() {
            Some(Item { value: Value::Table(t), .. }) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// The table the header `path` opened. Only called for headers that [`open`] accepted.
fn table_at<'t>(root: &'t mut Table, path: &[String]) -> &'t mut Table {
    path.iter().fold(root, |table, key| child(table, key).expect("an opened header names a table"))
}

/// Opens a `[path]` or `[[path]]` header, creating the tables it names.
fn open(
    root: &mut Table,
    path: &[String],
    array: bool,
    line: usize,
    defined: &mut HashSet<Vec<String>>,
) -> Result<(), String> {
    let name = path.join(".");
    let (last, parents) = path.split_last().expect("a header has at least one key");
    let mut table = root;
    for key in parents {
        if table.get(key).is_none() {
            table.insert(key.clone(), Item { value: Value::Table(Table::new()), line })?;
        }
        table = child(table, key)
            .ok_or_else(|| format!("`{key}` is a value, not a table, so [{name}] cannot add to it"))?;
    }
    let new_table = Item { value: Value::Table(Table::new()), line };
    match table.get_mut(last) {
        None if array => table.insert(last.clone(), Item { value: Value::Array(vec![new_table]), line })?,
        None => table.insert(last.clone(), new_table)?,
        Some(Item { value: Value::Array(items), .. }) if array => items.push(new_table),
        Some(Item { value: Value::Table(_), .. }) if !array && !defined.contains(path) => {}
        Some(existing) => {
            return Err(format!("[{name}] is already defined on line {}", existing.line));
        }
    }
    if !array {
        defined.insert(path.to_vec());
    }
    Ok(())
}

struct Reader<'s> {
    source: &'s str,
    pos: usize,
    line: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.source[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.bump();
        }
        found
    }

    fn error(&self, message: String) -> Error {
        Error { line: self.line, message }
    }

    /// What is next, quoted for a message: `x`, "the end of the line" or "the end of the file".
    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the file".into(),
            Some('\n' | '\r') => "the end of the line".into(),
            Some(c) => format!("`{c}`"),
        }
    }

    fn expect(&mut self, text: &str, context: &str) -> Result<(), Error> {
        if self.source[self.pos..].starts_with(text) {
            self.pos += text.len();
            Ok(())
        } else {
            Err(self.error(format!("expected `{text}` {context}, found {}", self.found())))
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some('#') {
            while !matches!(self.peek(), None | Some('\n')) {
                self.bump();
            }
        }
    }

    /// Consumes one line break (`\n` or `\r\n`), if there is one.
    fn newline(&mut self) -> bool {
        let rest = &self.source[self.pos..];
        if rest.starts_with("\r\n") {
            self.pos += 1;
        }
        self.eat('\n')
    }

    /// Spaces, comments and line breaks, as between entries and inside arrays.
    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_spaces();
            self.skip_comment();
            if !self.newline() {
                return;
            }
        }
    }

    /// After a value or header: optional spaces and a comment, then the line must end.
    fn end_of_line(&mut self) -> Result<(), Error> {
        self.skip_spaces();
        self.skip_comment();
        if self.peek().is_none() || self.newline() {
            Ok(())
        } else {
            Err(self
                .error(format!("expected the end of the line, found {}; put each value on its own line", self.found())))
        }
    }

    fn header_path(&mut self) -> Result<Vec<String>, Error> {
        let mut path = Vec::new();
        loop {
            self.skip_spaces();
            path.push(self.key()?);
            self.skip_spaces();
            if !self.eat('.') {
                return Ok(path);
            }
        }
    }

    /// A bare key (`max_turns`, `node-2`) or a quoted one.
    fn key(&mut self) -> Result<String, Error> {
        match self.peek() {
            Some('"') => self.basic_string(),
            Some('\'') => self.literal_string(),
            _ => {
                let start = self.pos;
                while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-') {
                    self.bump();
                }
                if self.pos == start {
                    return Err(self.error(format!("expected a key such as `title`, found {}", self.found())));
                }
                Ok(self.source[start..self.pos].to_string())
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!("values are nested more than {MAX_DEPTH} deep")));
        }
        let rest = &self.source[self.pos..];
        match self.peek() {
            Some('"') if rest.starts_with("\"\"\"") => self.multiline_string('"').map(Value::String),
            Some('\'') if rest.starts_with("'''") => self.multiline_string('\'').map(Value::String),
            Some('"') => self.basic_string().map(Value::String),
            Some('\'') => self.literal_string().map(Value::String),
            Some('[') => self.array(depth),
            Some('{') => self.inline_table(depth),
            Some(c) if c.is_ascii_alphanumeric() || c == '+' || c == '-' => self.word(),
            _ => Err(self.error(format!(
                "expected a value (\"text in quotes\", a whole number, true, false, [an array] or {{ an inline table }}), found {}",
                self.found()
            ))),
        }
    }

    /// `true`, `false` or a whole number such as `-2` or `1_000`.
    fn word(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || "+-_.:".contains(c)) {
            self.bump();
        }
        let word = &self.source[start..self.pos];
        match word {
            "true" => return Ok(Value::Boolean(true)),
            "false" => return Ok(Value::Boolean(false)),
            _ => {}
        }
        let digits = word.strip_prefix(['+', '-']).unwrap_or(word);
        let well_formed = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            && !digits.starts_with('_')
            && !digits.ends_with('_')
            && !digits.contains("__");
        if !well_formed {
            let hint = if digits.starts_with(|c: char| c.is_ascii_digit()) {
                "decimals and dates are not used in scenario files; write a whole number such as 3"
            } else {
                "text needs quotes, as in \"like this\""
            };
            return Err(self.error(format!("`{word}` is not a value: {hint}")));
        }
        word.replace('_', "")
            .parse()
            .map(Value::Integer)
            .map_err(|_| self.error(format!("the number {word} is too large")))
    }

    /// A `"basic string"` with backslash escapes, on one line.
    fn basic_string(&mut self) -> Result<String, Error> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.string_char()? {
                '"' => return Ok(text),
                '\\' => text.push(self.escape()?),
                c => text.push(c),
            }
        }
    }

    /// A `'literal string'`: no escapes, on one line.
    fn literal_string(&mut self) -> Result<String, Error> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.string_char()? {
                '\'' => return Ok(text),
                c => text.push(c),
            }
        }
    }

    /// The next character of a one-line string, refusing a line break or a control character.
    fn string_char(&mut self) -> Result<char, Error> {
        match self.peek() {
            Some('\n' | '\r') | None => Err(self.error(
                "this string has no closing quote; text over several lines goes in \"\"\"triple quotes\"\"\"".into(),
            )),
            Some(c) if is_control(c) => Err(self.control_error(c)),
            Some(c) => {
                self.bump();
                Ok(c)
            }
        }
    }

    /// A `"""multi-line"""` or `'''multi-line'''` string. A line break straight after the
    /// opening quotes is dropped; in the basic form a `\` at the end of a line joins it to the next.
    fn multiline_string(&mut self, quote: char) -> Result<String, Error> {
        let delimiter = if quote == '"' { "\"\"\"" } else { "'''" };
        let start_line = self.line;
        self.pos += 3;
        self.newline();
        let mut text = String::new();
        loop {
            if self.source[self.pos..].starts_with(delimiter) {
                // Up to two quotes straight before the closing three belong to the text.
                self.pos += 3;
                for _ in 0..2 {
                    if self.eat(quote) {
                        text.push(quote);
                    }
                }
                return Ok(text);
            }
            match self.bump() {
                None => {
                    return Err(Error { line: start_line, message: format!("this string has no closing {delimiter}") })
                }
                Some('\\') if quote == '"' => {
                    let rest = self.source[self.pos..].trim_start_matches([' ', '\t']);
                    if rest.starts_with('\n') || rest.starts_with("\r\n") {
                        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
                            self.bump();
                        }
                    } else {
                        text.push(self.escape()?);
                    }
                }
                Some('\r') if self.peek() == Some('\n') => {}
                Some(c) if c != '\n' && is_control(c) => return Err(self.control_error(c)),
                Some(c) => text.push(c),
            }
        }
    }

    /// The character a backslash escape stands for; the backslash is already read.
    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.bump() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('n') => '\n',
            Some('t') => '\t',
            Some('r') => '\r',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('e') => '\u{1b}',
            Some(u @ ('u' | 'U')) => {
                let len = if u == 'u' { 4 } else { 8 };
                let hex = self.source.get(self.pos..self.pos + len).unwrap_or("");
                let code = u32::from_str_radix(hex, 16).ok().filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()));
                let c = code.and_then(char::from_u32).ok_or_else(|| {
                    self.error(format!("`\\{u}` needs {len} hex digits naming a character, as in \\u00e9"))
                })?;
                self.pos += len;
                c
            }
            other => {
                let shown = other.map_or("the end".to_string(), |c| c.escape_debug().to_string());
                return Err(self.error(format!(
                    "`\\{shown}` is not an escape; write \\\\ for a backslash, \\\" for a quote, \\n for a new line"
                )));
            }
        };
        Ok(c)
    }

    fn control_error(&self, c: char) -> Error {
        self.error(format!("strings cannot contain the control character U+{:04X}", c as u32))
    }

    /// `[a, b, c]`, over several lines if need be, with comments and a trailing comma allowed.
    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_blank_lines();
            if self.eat(']') {
                return Ok(Value::Array(items));
            }
            let line = self.line;
            items.push(Item { value: self.value(depth + 1)?, line });
            self.skip_blank_lines();
            if !self.eat(',') {
                self.skip_blank_lines();
                return self
                    .expect("]", "to close the array (or `,` before the next item)")
                    .map(|()| Value::Array(items));
            }
        }
    }

    /// `{ key = value, … }` on one line.
    fn inline_table(&mut self, depth: usize) -> Result<Value, Error> {
        self.bump();
        let mut table = Table::new();
        self.skip_spaces();
        if self.eat('}') {
            return Ok(Value::Table(table));
        }
        loop {
            self.skip_spaces();
            let line = self.line;
            let key = self.key()?;
            self.skip_spaces();
            self.expect("=", &format!("after the key `{key}`"))?;
            self.skip_spaces();
            let value = self.value(depth + 1)?;
            table.insert(key, Item { value, line }).map_err(|message| self.error(message))?;
            self.skip_spaces();
            if self.eat('}') {
                return Ok(Value::Table(table));
            }
            self.expect(",", "between the entries of an inline table { … }")?;
            self.skip_spaces();
            if matches!(self.peek(), Some('\n' | '\r') | None) {
                return Err(self.error("an inline table { … } must end on the line it starts".into()));
            }
        }
    }
}

/// Control characters TOML does not allow in strings (tab is allowed).
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(source: &str) -> Value {
        let table = read(&format!("v = {source}")).unwrap_or_else(|e| panic!("{source}: {e:?}"));
        table.get("v").unwrap().value.clone()
    }

    fn error(source: &str) -> Error {
        read(source).expect_err(source)
    }

    fn string(s: &str) -> Value {
        Value::String(s.into())
    }

    #[test]
    fn strings_in_every_quoting() {
        assert_eq!(value(r#""tab\there \"q\" \u00e9 \U0001F600""#), string("tab\there \"q\" é 😀"));
        assert_eq!(value(r"'C:\no\escapes'"), string(r"C:\no\escapes"));
        assert_eq!(value("\"\"\"\nfirst\nsecond\"\"\""), string("first\nsecond"));
        assert_eq!(value("\"\"\"joined \\\n    up\"\"\""), string("joined up"));
        assert_eq!(value("'''\nraw \\n '' quotes'''"), string("raw \\n '' quotes"));
        assert_eq!(value("\"\"\"ends with a quote\"\"\"\""), string("ends with a quote\""));
        assert_eq!(value("\"\"\"crlf\r\nline\"\"\""), string("crlf\nline"));
    }

    #[test]
    fn numbers_booleans_arrays_and_inline_tables() {
        assert_eq!(value("-12"), Value::Integer(-12));
        assert_eq!(value("+1_000"), Value::Integer(1000));
        assert_eq!(value("true"), Value::Boolean(true));
        let Value::Array(items) = value("[\n  \"a\", # first\n\n  \"b\",\n]") else { panic!() };
        assert_eq!(items.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 4]);
        let Value::Table(t) = value("{ trust = -1, mood = 2 }") else { panic!() };
        assert_eq!(t.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["trust", "mood"]);
        assert_eq!(value("{}"), Value::Table(Table::new()));
    }

    #[test]
    fn headers_build_arrays_of_tables_under_the_latest_element() {
        let source = "[[node]]\nid = 1\n  [[node.choice]]\n  a = 1\n[[node]]\nid = 2\n  [[node.choice]]\n  a = 2\n  [[node.choice]]\n  a = 3\n";
        let root = read(source).unwrap();
        let Value::Array(nodes) = &root.get("node").unwrap().value else { panic!() };
        let choices = |n: &Item| match &n.value {
            Value::Table(t) => match &t.get("choice").unwrap().value {
                Value::Array(c) => c.len(),
                _ => 0,
            },
            _ => 0,
        };
        assert_eq!(nodes.iter().map(choices).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(nodes[1].line, 5);
    }

    #[test]
    fn errors_name_the_line_and_the_fix() {
        let cases: &[(&str, usize, &str)] = &[
            ("a = \"open\nb = 1", 1, "no closing quote"),
            ("a = 'open\nb = 1", 1, "no closing quote"),
            ("a = 1\nb = 1.5", 2, "whole number"),
            ("a = 1\na = 2", 2, "already set on line 1"),
            ("a = hello", 1, "needs quotes"),
            ("a.b = 1", 1, "dotted keys"),
            ("a = 1 b = 2", 1, "own line"),
            ("a = [1, 2", 1, "close the array"),
            ("a = { b = 1,\nc = 2 }", 1, "end on the line it starts"),
            ("[t]\n[t]", 2, "already defined on line 1"),
            ("x = 1\n[x.y]", 2, "not a table"),
            ("a = \"\\q\"", 1, "not an escape"),
            ("a = 99999999999999999999", 1, "too large"),
            ("a = \"\"\"\nnever closed", 1, "no closing \"\"\""),
            ("= 1", 1, "expected a key"),
            ("a =", 1, "expected a value"),
        ];
        for &(source, line, words) in cases {
            let e = error(source);
            assert_eq!(e.line, line, "{source:?}: {e:?}");
            assert!(e.message.contains(words), "{source:?}: {}", e.message);
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("a = {}", "[".repeat(100_000));
        assert!(error(&deep).message.contains("nested"));
    }
}
