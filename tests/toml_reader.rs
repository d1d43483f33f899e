//! The scenario reader against the `toml` crate: the same tables for every shipped scenario, every
//! fixture and a set of tricky snippets; the same refusals for broken input; and where it refuses
//! valid TOML, only features scenario files have no use for (decimals, dates, dotted keys).
#![cfg(not(target_arch = "wasm32"))]

use growsim::library;
use growsim::scenario::reader::{read, Table, Value};
use std::fs;

/// Our table as a `toml::Table`, dropping line numbers.
fn to_toml(table: &Table) -> toml::Table {
    table.iter().map(|(key, item)| (key.to_string(), convert(&item.value))).collect()
}

fn convert(value: &Value) -> toml::Value {
    match value {
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Integer(n) => toml::Value::Integer(*n),
        Value::Boolean(b) => toml::Value::Boolean(*b),
        Value::Array(items) => toml::Value::Array(items.iter().map(|i| convert(&i.value)).collect()),
        Value::Table(t) => toml::Value::Table(to_toml(t)),
    }
}

fn assert_agrees(name: &str, source: &str) {
    let ours = read(source).unwrap_or_else(|e| panic!("{name}: line {}: {}", e.line, e.message));
    let reference: toml::Table = toml::from_str(source).unwrap_or_else(|e| panic!("{name}: toml refuses it: {e}"));
    assert_eq!(to_toml(&ours), reference, "{name}");
}

#[test]
fn shipped_scenarios_read_the_same() {
    for (name, source) in library::files() {
        assert_agrees(name, source);
        assert_agrees(&format!("{name} with CRLF line ends"), &source.replace('\n', "\r\n"));
    }
}

#[test]
fn fixtures_read_the_same() {
    let mut paths: Vec<_> = fs::read_dir("tests/fixtures").unwrap().map(|e| e.unwrap().path()).collect();
    paths.extend(fs::read_dir("tests/fixtures/drills").unwrap().map(|e| e.unwrap().path()));
    for path in paths.into_iter().filter(|p| p.is_file()) {
        let source = fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        match (read(&source), toml::from_str::<toml::Table>(&source)) {
            (Ok(ours), Ok(reference)) => assert_eq!(to_toml(&ours), reference, "{name}"),
            (Err(_), Err(_)) => {}
            (ours, reference) => panic!("{name}: ours {:?}, toml {:?}", ours.err(), reference.err()),
        }
    }
}

#[test]
fn tricky_snippets_read_the_same() {
    let snippets = [
        "a = \"tab\\t quote\\\" backslash\\\\ \\u00e9 \\U0001F600\"",
        "a = 'literal \\n stays'",
        "a = \"\"\"\nfirst line\nsecond \"quoted\" line\n\"\"\"",
        "a = \"\"\"\\\n    joined \\\n    up\"\"\"",
        "a = '''\n  raw ''text'' \\n\n'''",
        "a = \"\"\"ends with two quotes\"\"\"\"\"",
        "\u{feff}a = 1",
        "a = [\n  1, # one\n  2,\n\n  # the end\n]\nb = []\nc = [[1, 2], [\"x\"]]",
        "\"quoted key\" = 1\n'literal key' = 2\nbare-key_2 = 3",
        "a = { x = 1, y = { z = \"deep\" } }\nb = {}",
        "[t]\nx = 1\n[u]\ny = -2\n",
        "[a.b]\nx = 1\n[a]\ny = 2",
        "[[n]]\nid = 1\n[[n.c]]\nq = 1\n[[n.c]]\nq = 2\n[[n]]\nid = 2\n[[n.c]]\nq = 3",
        "  [[ n ]]  # spaced header\n  x = +1_000\n",
        "a = true\nb = false\nc = -0",
        "# only a comment",
        "",
    ];
    for snippet in snippets {
        assert_agrees(snippet, snippet);
    }
}

#[test]
fn broken_input_is_refused_by_both() {
    let broken = [
        "a = \"unclosed",
        "a = 'unclosed",
        "a = \"\"\"never closed",
        "a = 1\na = 2",
        "[t]\n[t]",
        "a = [1, 2",
        "a = { b = 1,\n c = 2 }",
        "a = hello",
        "a = 1 b = 2",
        "a = \"\\q\"",
        "a = \"\\u12\"",
        "a = \"\\uD800\"",
        "a = 1__0",
        "a = _1",
        "a = 99999999999999999999",
        "= 1",
        "a =",
        "[a\nb = 1",
        "x = 1\n[x.y]",
        "a = \"bell \u{7}\"",
        "a = \"a\rb\"",
    ];
    for source in broken {
        assert!(toml::from_str::<toml::Table>(source).is_err(), "toml accepts {source:?}");
        assert!(read(source).is_err(), "ours accepts {source:?}");
    }
}

#[test]
fn valid_toml_it_refuses_is_only_what_scenarios_never_use() {
    let unused = [
        ("a = 1.5", "whole number"),
        ("a = 1e3", "whole number"),
        ("a = 1979-05-27", "whole number"),
        ("a.b = 1", "dotted keys"),
    ];
    for (source, words) in unused {
        assert!(toml::from_str::<toml::Table>(source).is_ok(), "{source:?} is valid TOML");
        let error = read(source).expect_err(source);
        assert!(error.message.contains(words), "{source:?}: {}", error.message);
    }
}
