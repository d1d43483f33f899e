//! The `growsim` binary end to end: argument parsing, exit codes and the subcommands' output.
#![cfg(not(target_arch = "wasm32"))]

use growsim::engine::Conversation;
use growsim::scenario;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const VALID: &str = "tests/fixtures/valid.toml";

/// Runs `growsim args…` with `stdin` as its whole standard input.
fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_growsim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("growsim starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs `growsim args…` with standard input closed.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_growsim")).args(args).stdin(Stdio::null()).output().expect("growsim runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_misspelt_flag_is_a_usage_error() {
    let o = run(&["eval", "tests/data/corpus/01-plain.tsv", "--jsno"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--jsno"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing runs on a usage error: {}", stdout(&o));
}

#[test]
fn eval_json_prints_a_summary_line() {
    let o = run(&["eval", "--json", "tests/data/corpus/01-plain.tsv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let last = stdout(&o).lines().last().unwrap_or("").to_string();
    let summary: serde_json::Value = serde_json::from_str(&last).expect("the last line is JSON");
    assert!(summary["kind"]["accuracy"].is_number(), "{last}");
}

#[test]
fn play_takes_the_seed_before_the_file() {
    let o = run(&["play", "--seed", "3", VALID]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("A small scenario for validator tests.\n"), "{}", stdout(&o));
    let after = run(&["play", VALID, "--seed", "3"]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    assert_eq!(stdout(&o), stdout(&after), "the option works in either position");
}

#[test]
fn play_uses_the_seed_it_is_given() {
    // valid.toml with several openings, so the seed shows in the first line the coachee says.
    let openings: Vec<String> = (1..=8).map(|i| format!("\"Opening {i}.\"")).collect();
    let source = std::fs::read_to_string(VALID)
        .unwrap()
        .replace("say = [\"I'd like to talk about work.\"]", &format!("say = [{}]", openings.join(", ")));
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-seeded.toml");
    std::fs::write(&path, &source).unwrap();
    let s = scenario::parse("seeded", &source).unwrap_or_else(|d| panic!("{}", d[0]));
    let opening = |seed| Conversation::new(&s, seed).state().opening.clone();
    assert_ne!(opening(3), opening(1), "seeds 1 and 3 should open differently for this test to mean anything");

    let o = run(&["play", "--seed", "3", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("Sam: {}\n", opening(3))), "{}", stdout(&o));
    let default = run(&["play", path.to_str().unwrap()]);
    assert!(
        stdout(&default).contains(&format!("Sam: {}\n", opening(1))),
        "the default seed is 1: {}",
        stdout(&default)
    );
}

#[test]
fn a_bad_seed_is_a_usage_error() {
    let o = run(&["play", VALID, "--seed", "three"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--seed"), "{}", stderr(&o));
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["score", "--help"],
        &["check", "--help"],
        &["eval", "--help"],
        &["play", "--help"],
        &["play", "-h"],
        &["help", "eval"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("Usage: growsim"), "{args:?}: {}", stdout(&o));
    }
    let play = stdout(&run(&["play", "--help"]));
    assert!(play.contains("--seed <N>") && play.contains("[default: 1]"), "{play}");
    assert!(stdout(&run(&["check", "--help"])).contains("Exit status"));
}

#[test]
fn version_prints_the_package_version() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("growsim {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("frobnicate"), "{}", stderr(&o));
}

#[test]
fn no_subcommand_prints_help_and_fails() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage: growsim"), "{}", stderr(&o));
}

#[test]
fn unknown_flags_and_extra_arguments_are_errors() {
    for args in [&["score", "--verbose"][..], &["check", "--strict", VALID], &["play", VALID, "extra.toml"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn check_exits_by_whether_files_have_errors() {
    let ok = run(&["check", VALID]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("checked 1 file(s): 0 error(s)"), "{}", stdout(&ok));
    let bad = run(&["check", "tests/fixtures/dead-end.toml"]);
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    assert!(stdout(&bad).contains("error[dead-end]"), "{}", stdout(&bad));
}

#[test]
fn check_reads_drill_files_and_checks_both_folders_by_default() {
    let ok = run(&["check", "tests/fixtures/drills/valid.toml"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let bad = run(&["check", "tests/fixtures/drills/model-fails.toml", "tests/fixtures/drills/unknown-move.toml"]);
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    let out = stdout(&bad);
    assert!(out.contains("model-fails.toml:3: error[model-fails] item 'a':"), "{out}");
    assert!(out.contains("error[unknown-move]"), "{out}");
    let all = run(&["check"]);
    assert_eq!(all.status.code(), Some(0), "{}", stdout(&all));
    let files = std::fs::read_dir("scenarios").unwrap().count() + std::fs::read_dir("drills").unwrap().count();
    assert!(stdout(&all).contains(&format!("checked {files} file(s): 0 error(s)")), "{}", stdout(&all));
}

#[test]
fn runtime_errors_keep_the_growsim_prefix() {
    let o = run(&["check", "tests/fixtures/no-such-file.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("growsim: cannot read 'tests/fixtures/no-such-file.toml'"), "{}", stderr(&o));
}

#[test]
fn score_reads_stdin() {
    let o = run_with_stdin(&["score"], "What would you like to achieve today?\n\nHave you considered delegating?\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(lines.len(), 2, "blank lines are skipped");
    assert_eq!(lines[0]["text"], "What would you like to achieve today?");
    assert_eq!(lines[1]["kind"], "advice");
}

#[test]
fn play_json_prints_one_object_per_turn_with_verdict_and_route() {
    let o = run_with_stdin(&["play", "--json", "--file-order", VALID], "1\nWhen will you do it?\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let turns: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(turns.len(), 2, "{}", stdout(&o));
    assert_eq!(turns[0]["verdict"], "strong");
    assert_eq!(turns[0]["verdict_source"], "authored");
    assert_eq!(turns[0]["route"], serde_json::json!({"type": "choice", "index": 0}));
    assert_eq!(turns[0]["node"], "reality");
    assert_eq!(turns[1]["route"]["type"], "fallback");
    assert!(turns[1]["reply"].is_string() && turns[1]["score"]["kind"].is_string());
}

#[test]
fn play_shuffles_the_menu_by_seed_unless_told_the_file_order() {
    let menu = |args: &[&str]| {
        let o = run_with_stdin(args, "");
        stdout(&o).lines().filter(|l| l.starts_with("  1. ")).map(str::to_string).next().unwrap()
    };
    let firsts: std::collections::BTreeSet<String> =
        (0..12).map(|seed| menu(&["play", "--seed", &seed.to_string(), VALID])).collect();
    assert!(firsts.len() > 1, "the first menu item never changes: {firsts:?}");
    assert_eq!(menu(&["play", "--file-order", VALID]), "  1. What would you like to achieve today?");
}

#[test]
fn replay_passes_a_good_plan_and_names_the_failing_line_of_a_bad_one() {
    let dir = std::env::temp_dir().join(format!("growsim-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("fixture.plan");
    std::fs::write(&good, "seed 1\nchoose 1\nexpect node reality\n").unwrap();
    let bad = dir.join("fixture.wrong.plan");
    std::fs::write(&bad, "seed 1\nchoose 1\nexpect node goal\n").unwrap();
    let o = run(&["replay", good.to_str().unwrap(), "--scenario", VALID]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("ok      fixture.plan"), "{}", stdout(&o));
    let o = run(&["replay", good.to_str().unwrap(), bad.to_str().unwrap(), "--scenario", VALID]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("FAILED  fixture.wrong.plan:3: at node 'reality', expected 'goal'"), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 of 2 plan(s) replayed"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn coverage_prints_a_line_per_scenario_and_a_total() {
    let o = run(&["coverage", VALID]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("fixture: ") && out.contains(" flat ("), "{out}");
    assert!(out.lines().last().unwrap().starts_with("total: "), "{out}");
    assert!(out.contains("  thoughts: 5 of 5 strong, weak or harmful choices; 5 of 9 choices; 0 of 4 routes"), "{out}");
}

#[test]
fn the_coverage_questions_cover_every_stage_fifteen_times() {
    let table = std::fs::read_to_string("tests/data/coverage.tsv").unwrap();
    let mut per_stage = std::collections::BTreeMap::new();
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (stage, text) = line.split_once('\t').expect("stage<TAB>text");
        assert!(
            <growsim::vocab::Stage as growsim::vocab::Named>::find(stage).is_some() && !text.trim().is_empty(),
            "{line}"
        );
        *per_stage.entry(stage.to_string()).or_insert(0) += 1;
    }
    assert_eq!(per_stage.len(), 5, "{per_stage:?}");
    assert!(per_stage.values().all(|n| *n >= 15), "{per_stage:?}");
}
