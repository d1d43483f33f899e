//! Keeps the architecture one-way: the `crate::` paths in `src/` (test modules excluded) must
//! form no cycle among top-level modules, and only `src/ui/` may name the browser crates.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Crates that touch the browser.
const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The library's top-level module a file belongs to (`src/scoring/rules.rs` → `scoring`), or
/// `None` for the crate root and the binaries.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?.to_string();
    match first.as_str() {
        "lib.rs" | "main.rs" | "cli.rs" | "bin" => None,
        _ => Some(first.trim_end_matches(".rs").to_string()),
    }
}

/// The source without its `#[cfg(test)]` modules and without comments.
fn code_without_tests(source: &str) -> String {
    let mut out = String::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            // Skip the item that follows, up to its closing brace at the same indent.
            let indent = line.len() - line.trim_start().len();
            for inner in lines.by_ref() {
                if inner.len() - inner.trim_start().len() == indent && inner.trim_start().starts_with('}') {
                    break;
                }
            }
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every `crate::name` a piece of code refers to, including `use crate::{a, b}` groups.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for name in names {
            let name: String = name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(&src, file) else { continue };
        let code = code_without_tests(&fs::read_to_string(file).unwrap());
        let targets = edges.entry(from.clone()).or_default();
        for to in crate_paths(&code) {
            if to != from && modules.contains(&to) {
                targets.insert(to);
            }
        }
    }
    edges
}

/// A cycle through `start`, as a path of module names, if there is one.
fn cycle_from(edges: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in edges.get(last).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_import_each_other_one_way() {
    let edges = graph();
    assert!(
        edges["engine"].contains("scoring") && edges["scoring"].contains("vocab"),
        "the walk missed edges: {edges:?}"
    );
    let cycles: Vec<String> = edges.keys().filter_map(|m| cycle_from(&edges, m)).map(|c| c.join(" → ")).collect();
    assert!(cycles.is_empty(), "import cycles among top-level modules:\n{}", cycles.join("\n"));
}

#[test]
fn the_vocabulary_and_json_sit_at_the_bottom() {
    let edges = graph();
    assert_eq!(edges["json"], BTreeSet::new(), "json must be a leaf");
    assert_eq!(edges["vocab"], BTreeSet::from(["json".to_string()]), "vocab may use only json");
}

#[test]
fn only_the_ui_names_the_browser_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !f.strip_prefix(&src).unwrap().starts_with("ui"))
        .filter(|f| {
            let code = code_without_tests(&fs::read_to_string(f).unwrap());
            BROWSER_CRATES.iter().any(|c| code.contains(&format!("{c}::")) || code.contains(&format!("use {c}")))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "outside src/ui these name a browser crate: {offenders:?}");
}

#[test]
fn the_walk_sees_a_cycle_when_there_is_one() {
    let edges = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(cycle_from(&edges, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(
        crate_paths("use crate::{json::X, vocab::Y};\nlet z = crate::scoring::analyse(t);"),
        BTreeSet::from(["json".into(), "vocab".into(), "scoring".into()])
    );
    assert!(!code_without_tests("fn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::ui;\n}\n").contains("crate::ui"));
}
