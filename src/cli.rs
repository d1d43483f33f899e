//! Subcommands of the `growsim` binary. Each returns an exit code; messages go to stderr.

use growsim::engine::{Conversation, Input, Prompt};
use growsim::scenario::{self, Severity};
use growsim::scoring::eval::{report, Outcome};
use growsim::scoring::{analyse, Analysis};
use serde_json::json;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
growsim — coaching-practice simulator tools

USAGE:
    growsim score [FILE]          Classify questions, one per line (stdin when no FILE),
                                  printing one JSON object per line.
    growsim check [FILES...]      Validate scenario files (default: scenarios/*.toml).
                                  Exits 1 when any file has errors.
    growsim eval FILE.tsv [--json]
                                  Measure the classifier against labelled data. The TSV has a
                                  header row with a `text` column and any of `openness`, `kind`,
                                  `stage`; other columns are ignored, as are labels `-` or empty.
    growsim play SCENARIO.toml [--seed N]
                                  Play a scenario in the terminal: type a number to pick a
                                  question or type your own.
    growsim --help | --version
";

pub fn run(args: Vec<String>) -> ExitCode {
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("growsim {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        "score" => score(rest),
        "check" => check(rest),
        "eval" => eval(rest),
        "play" => play(rest),
        other => Err(format!("unknown command '{other}'. Run `growsim --help` to see the commands.")),
    };
    result.unwrap_or_else(|message| {
        eprintln!("growsim: {message}");
        ExitCode::from(2)
    })
}

fn read_input(path: Option<&String>) -> Result<String, String> {
    match path {
        Some(p) => std::fs::read(p)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| format!("cannot read '{p}': {e}")),
        None => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// The JSON shape printed by `growsim score`.
pub fn analysis_json(text: &str, a: &Analysis) -> serde_json::Value {
    json!({
        "text": text,
        "kind": a.kind,
        "openness": a.openness,
        "flags": a.flags,
        "stages": a.stages.iter().map(|(s, p)| json!({"stage": s, "score": (p * 1000.0).round() / 1000.0})).collect::<Vec<_>>(),
        "rules": a.rules,
        "reason": a.reason,
    })
}

fn score(args: &[String]) -> Result<ExitCode, String> {
    let input = read_input(args.first())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let value = analysis_json(line, &analyse(line));
        writeln!(out, "{value}").map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let files: Vec<String> = if args.is_empty() {
        let mut found: Vec<String> = std::fs::read_dir("scenarios")
            .map_err(|e| format!("no files given and cannot read scenarios/: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| p.display().to_string())
            .collect();
        found.sort();
        found
    } else {
        args.to_vec()
    };
    let (mut errors, mut warnings) = (0, 0);
    for file in &files {
        let source = read_input(Some(file))?;
        for d in scenario::check(file, &source) {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            println!("{d}");
        }
    }
    println!("checked {} file(s): {errors} error(s), {warnings} warning(s)", files.len());
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn eval(args: &[String]) -> Result<ExitCode, String> {
    let as_json = args.iter().any(|a| a == "--json");
    let path =
        args.iter().find(|a| !a.starts_with("--")).ok_or("eval needs a TSV file: growsim eval FILE.tsv [--json]")?;
    let source = read_input(Some(path))?;
    let mut lines = source.lines();
    let header: Vec<&str> = lines.next().ok_or(format!("'{path}' is empty"))?.split('\t').map(str::trim).collect();
    let text_col =
        header.iter().position(|h| *h == "text").ok_or(format!("'{path}' has no `text` column in its header"))?;
    let labels: Vec<(&str, usize)> = ["openness", "kind", "stage"]
        .iter()
        .filter_map(|name| header.iter().position(|h| h == name).map(|i| (*name, i)))
        .collect();
    if labels.is_empty() {
        return Err(format!("'{path}' has none of the label columns openness, kind, stage"));
    }
    let rows: Vec<Vec<&str>> = lines.filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').collect()).collect();
    let analysed: Vec<(String, Analysis)> = rows
        .iter()
        .map(|r| {
            let text = r.get(text_col).copied().unwrap_or("").to_string();
            let a = analyse(&text);
            (text, a)
        })
        .collect();
    let mut summary = serde_json::Map::new();
    for (name, col) in labels {
        let outcomes: Vec<Outcome> = rows
            .iter()
            .zip(&analysed)
            .filter_map(|(row, (text, a))| {
                let gold = row.get(col).map(|g| g.trim()).filter(|g| !g.is_empty() && *g != "-")?;
                let predicted = match name {
                    "openness" => a.openness.name(),
                    "kind" => a.kind.name(),
                    _ => a.top_stage().name(),
                };
                let confidence = a.stages.first().map(|s| s.1).unwrap_or(0.0);
                Some(Outcome {
                    text: text.clone(),
                    gold: gold.to_string(),
                    predicted: predicted.to_string(),
                    confidence,
                })
            })
            .collect();
        let r = report(&outcomes);
        println!("{}", r.render(name));
        summary.insert(name.to_string(), json!({"accuracy": r.accuracy, "macro_f1": r.macro_f1, "n": r.n}));
    }
    if as_json {
        println!("{}", serde_json::Value::Object(summary));
    }
    Ok(ExitCode::SUCCESS)
}

fn play(args: &[String]) -> Result<ExitCode, String> {
    let path = args.first().ok_or("play needs a scenario file: growsim play SCENARIO.toml [--seed N]")?;
    let seed = match args.iter().position(|a| a == "--seed") {
        Some(i) => args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--seed needs a whole number")?,
        None => 1,
    };
    let source = read_input(Some(path))?;
    let list = |d: Vec<scenario::Diagnostic>| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
    let scenario = scenario::parse(path, &source).map_err(list)?;
    // The engine plays valid scenarios only (a missing start node would leave it nowhere).
    let errors: Vec<_> =
        scenario::validate(path, &source, &scenario).into_iter().filter(|d| d.severity() == Severity::Error).collect();
    if !errors.is_empty() {
        return Err(list(errors));
    }
    let mut conversation = Conversation::new(&scenario, seed);
    println!("{}\n\n{}: {}", scenario.brief, scenario.coachee, conversation.state().opening);
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let choices = match conversation.prompt() {
            Prompt::Ended { node, outcome } => {
                println!("\n== {} ==\n{}", outcome.label(), node.summary.as_deref().unwrap_or(""));
                return Ok(ExitCode::SUCCESS);
            }
            Prompt::Ask { choices, .. } => choices,
        };
        println!();
        for (i, c) in choices.iter().enumerate() {
            println!("  {}. {}", i + 1, c.ask);
        }
        print!("> ");
        io::stdout().flush().map_err(|e| e.to_string())?;
        let Some(Ok(line)) = lines.next() else {
            return Ok(ExitCode::SUCCESS);
        };
        let input = match line.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Input::Choice(n - 1),
            _ => Input::Typed(line),
        };
        match conversation.step(input) {
            Ok(e) => println!(
                "[{} · {} · fit {}] {}\n{}: {}",
                e.score.kind.label(),
                e.score.stage.label(),
                e.score.fit.name(),
                e.score.explanation,
                scenario.coachee,
                e.reply
            ),
            Err(e) => println!("({e})"),
        }
    }
}
