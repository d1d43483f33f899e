//! Subcommands of the `growsim` binary, parsed with clap. Each returns an exit code; messages go to stderr.

use clap::{Args, Parser, Subcommand};
use growsim::drill;
use growsim::engine::{self, Answered, Conversation, Input, Prompt};
use growsim::measure::corpus::{self, Part};
use growsim::measure::report::{report, Prediction};
use growsim::measure::{self, train};
use growsim::scenario::{self, Severity};
use growsim::scoring::{analyse, Analysis};
use growsim::vocab::{Verdict, VerdictSource};
use serde_json::json;
use std::ffi::OsString;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// growsim — coaching-practice simulator tools
///
/// Tools for scenario authors, facilitators and measurement: validate scenario files, classify
/// questions, measure the classifier against labelled data, or play a scenario in the terminal.
///
/// Exit status: 0 on success, 1 when `check` finds errors, 2 on a usage error or when a file
/// cannot be read or used.
#[derive(Debug, Parser)]
#[command(name = "growsim", version, arg_required_else_help = true, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Score(ScoreArgs),
    Check(CheckArgs),
    Eval(EvalArgs),
    Play(PlayArgs),
    Coverage(CoverageArgs),
    Replay(ReplayArgs),
    Train(TrainArgs),
    Accuracy(AccuracyArgs),
}

/// Print the accuracy report (docs/accuracy.md) as Markdown
///
/// Measures this build on the corpus: the locked test part, each style and domain,
/// 5-fold cross-validation of the stage model, and the rule-only scorer's figures from
/// docs/accuracy-baseline.json beside them. `scripts/accuracy-report` writes the file.
///
/// Exit status: 0 on success, 2 when the corpus cannot be read.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct AccuracyArgs {
    /// The date to print in the report [default: today, UTC]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

/// Classify questions, one per line, printing one JSON object per line
///
/// Each non-blank line of input is classified; the JSON object gives its kind, openness,
/// flags, ranked GROW stages, the rules that fired and a plain-language reason.
///
/// Exit status: 0 on success, 2 when the input cannot be read.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct ScoreArgs {
    /// The file of questions, one per line [default: standard input]
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

/// Validate scenario and drill files, listing every problem with its code, line and node or item
///
/// Prints each error and warning, then a one-line summary. A file in a `drills` folder, or one
/// with `[[item]]` tables and no `[[node]]`, is checked as a drill file. With --deep, each
/// scenario is also played: 25 random sessions, searching at every state for a way to an ending
/// by menu; a state with none is reported as an error (`trap`).
///
/// Exit status: 0 when no file has errors (warnings are allowed), 1 when any file has errors,
/// 2 when a file cannot be read.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct CheckArgs {
    /// Scenario or drill files to check [default: scenarios/*.toml and drills/*.toml]
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,
    /// Also play random sessions and report states from which no ending can be reached
    #[arg(long)]
    deep: bool,
}

/// Measure the classifier against labelled data
///
/// Prints accuracy, per-class precision, recall and F1, a confusion matrix and the worst
/// mistakes for each label column.
///
/// With FILE.tsv: the file has a header row with a `text` column and any of `openness`, `kind`
/// and `stage`; other columns are ignored, as are labels that are `-` or empty.
/// Without it: the labelled corpus in tests/data/corpus, one part (--part, default test, the
/// locked part), or cross-validated (--cv K, on the train and dev parts only).
///
/// Exit status: 0 on success, 2 when the file cannot be read or lacks a `text` column or any
/// label column.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct EvalArgs {
    /// Tab-separated file of labelled questions [default: the corpus]
    #[arg(value_name = "FILE.tsv", conflicts_with_all = ["cv", "part"])]
    file: Option<PathBuf>,
    /// Which part of the corpus to measure: train, dev or test (the locked part)
    #[arg(long, value_name = "PART", value_parser = ["train", "dev", "test"])]
    part: Option<String>,
    /// Cross-validate the stage model with K folds over the train and dev parts
    #[arg(long, value_name = "K", conflicts_with = "part")]
    cv: Option<u64>,
    /// With --cv, list every row whose stage the held-out model gets wrong
    #[arg(long, requires = "cv")]
    mistakes: bool,
    /// Also print a JSON summary (accuracy, macro_f1 and n for each label column)
    #[arg(long)]
    json: bool,
}

/// Train the stage model from the labelled corpus
///
/// Fits a logistic regression on the corpus's train and dev parts (never the locked test
/// part), prunes and quantises it, and writes src/scoring/stage_model.txt. Training is
/// deterministic: the same corpus and settings give the same file. `cargo test` retrains and
/// fails if the committed model differs.
///
/// With --tune, fits on the train part only and prints the dev figures, writing nothing: the
/// way to compare settings.
///
/// Exit status: 0 on success, 1 when --check finds the committed model out of date, 2 when the
/// corpus cannot be read or training fails.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct TrainArgs {
    /// Fit on train only and report on dev, without writing
    #[arg(long)]
    tune: bool,
    /// Only check that the committed model is what training gives
    #[arg(long, conflicts_with = "tune")]
    check: bool,
    /// L2 regularisation strength
    #[arg(long, value_name = "A")]
    alpha: Option<f64>,
    /// Keep features that at least this many rows have
    #[arg(long, value_name = "N")]
    min_rows: Option<usize>,
    /// Drop features whose weights all stay within this of their mean
    #[arg(long, value_name = "W")]
    prune: Option<f64>,
    /// Leave out the rules' verdict on form as a feature
    #[arg(long)]
    no_form_feature: bool,
    /// With --tune, list every dev row the model gets wrong
    #[arg(long, requires = "tune")]
    mistakes: bool,
}

/// Play a scenario in the terminal
///
/// Type a number to pick one of the listed questions, or type your own question. The session
/// ends at an ending of the scenario or at the end of input.
///
/// Exit status: 0 when the session ends, 2 when the file cannot be read or the scenario has
/// errors (run `growsim check` to see them).
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct PlayArgs {
    /// The scenario file to play
    #[arg(value_name = "SCENARIO.toml")]
    file: PathBuf,
    /// Seed that picks among the coachee's alternative lines and the menu order; the same seed
    /// replays the same session
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,
    /// Show the menu in the order written in the file instead of shuffled by the seed
    #[arg(long)]
    file_order: bool,
    /// Print one JSON object per turn (score, verdict and its source, node, route, reply) on
    /// standard output; the brief and menus go to standard error
    #[arg(long)]
    json: bool,
}

/// Replay golden plans against scenarios
///
/// A plan (`<scenario id>[.<name>].plan`) scripts menu choices, typed questions and expectations;
/// the README describes the format. Each plan is replayed against the scenario whose id starts
/// its file name, and the first failing line of each is printed.
///
/// Exit status: 0 when every plan replays, 1 when one fails, 2 when a file cannot be read.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct ReplayArgs {
    /// Plan files [default: tests/golden/*.plan]
    #[arg(value_name = "PLANS")]
    plans: Vec<PathBuf>,
    /// Scenario files to replay against [default: scenarios/*.toml]
    #[arg(long = "scenario", value_name = "SCENARIO.toml")]
    scenarios: Vec<PathBuf>,
}

/// Play competent questions at every reachable node and count the flat answers
///
/// Plays every question in tests/data/coverage.tsv (columns stage, text) at every reachable
/// node that is not an ending, each in a fresh conversation positioned at that node, and
/// prints per scenario the share answered by a fallback route or by a deflection keyed on form
/// alone (a route whose only conditions are non-open kinds or a fit other than good, without a
/// stage), then a total line.
///
/// Exit status: 0 on success, 2 when a file cannot be read or a scenario has errors.
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
struct CoverageArgs {
    /// Scenario files [default: scenarios/*.toml]
    #[arg(value_name = "SCENARIOS")]
    files: Vec<PathBuf>,
    /// The questions, tab-separated with a header row: stage, text
    #[arg(long, value_name = "FILE.tsv", default_value = "tests/data/coverage.tsv")]
    questions: PathBuf,
    /// Also list every flat answer: the node, the question and the reply
    #[arg(long)]
    list: bool,
}

/// Parses `args` (the program name first) and runs the subcommand.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors go to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        Command::Score(args) => score(&args),
        Command::Check(args) => check(&args),
        Command::Eval(args) => eval(&args),
        Command::Play(args) => play(&args),
        Command::Coverage(args) => coverage(&args),
        Command::Replay(args) => replay(&args),
        Command::Train(args) => train(&args),
        Command::Accuracy(args) => accuracy(&args),
    };
    result.unwrap_or_else(|message| {
        eprintln!("growsim: {message}");
        ExitCode::from(2)
    })
}

fn read_input(path: Option<&Path>) -> Result<String, String> {
    match path {
        Some(p) => std::fs::read(p)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| format!("cannot read '{}': {e}", p.display())),
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

fn score(args: &ScoreArgs) -> Result<ExitCode, String> {
    let input = read_input(args.file.as_deref())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let value = analysis_json(line, &analyse(line));
        writeln!(out, "{value}").map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The files given, or every `scenarios/*.toml`.
fn scenario_files(given: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    toml_files("scenarios")
}

/// Reads and parses a scenario, refusing one with errors (the engine plays valid ones only).
fn load(file: &Path) -> Result<scenario::Scenario, String> {
    let source = read_input(Some(file))?;
    let path = &file.display().to_string();
    let list = |d: Vec<scenario::Diagnostic>| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
    let scenario = scenario::parse(path, &source).map_err(list)?;
    let errors: Vec<_> =
        scenario::validate(path, &source, &scenario).into_iter().filter(|d| d.severity() == Severity::Error).collect();
    if !errors.is_empty() {
        return Err(list(errors));
    }
    Ok(scenario)
}

fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    let files: Vec<PathBuf> = if args.files.is_empty() {
        let mut found = toml_files("scenarios")?;
        found.extend(toml_files("drills")?);
        found
    } else {
        args.files.clone()
    };
    let (mut errors, mut warnings) = (0, 0);
    let mut count = |severity: Severity| match severity {
        Severity::Error => errors += 1,
        Severity::Warning => warnings += 1,
    };
    for file in &files {
        let source = read_input(Some(file))?;
        let name = file.display().to_string();
        if is_drill_file(file, &source) {
            for d in drill::check_file(&name, &source) {
                count(d.severity());
                println!("{d}");
            }
        } else {
            for d in scenario::check(&name, &source) {
                count(d.severity());
                println!("{d}");
            }
        }
        if let Ok(parsed) = scenario::parse(&file.display().to_string(), &source) {
            if args.deep {
                if let Some(trap) = measure::traps::find_trap(&parsed, 25) {
                    count(Severity::Error);
                    println!("{}: error[trap] {trap}", file.display());
                }
            }
            let b = scenario::menu_balance(&parsed);
            println!(
                "{}: best path {} menu(s): strongest choice the only open question in {}, the longest option in {}",
                file.display(),
                b.nodes,
                b.only_open,
                b.longest
            );
        }
    }
    println!("checked {} file(s): {errors} error(s), {warnings} warning(s)", files.len());
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The `.toml` files in a folder, sorted.
fn toml_files(dir: &str) -> Result<Vec<PathBuf>, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("no files given and cannot read {dir}/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    found.sort();
    Ok(found)
}

/// A drill file sits in a `drills` folder, or has `[[item]]` tables and no `[[node]]`.
fn is_drill_file(path: &Path, source: &str) -> bool {
    let header = |name: &str| source.lines().any(|l| l.trim_start().starts_with(name));
    path.components().any(|c| c.as_os_str() == "drills") || (header("[[item]]") && !header("[[node]]"))
}

fn eval(args: &EvalArgs) -> Result<ExitCode, String> {
    let Some(file) = &args.file else { return eval_corpus(args) };
    let source = read_input(Some(file))?;
    let path = file.display();
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
        let predictions: Vec<Prediction> = rows
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
                Some(Prediction {
                    text: text.clone(),
                    gold: gold.to_string(),
                    predicted: predicted.to_string(),
                    confidence,
                })
            })
            .collect();
        let r = report(&predictions);
        println!("{}", r.render(name));
        summary.insert(name.to_string(), json!({"accuracy": r.accuracy, "macro_f1": r.macro_f1, "n": r.n}));
    }
    if args.json {
        println!("{}", serde_json::Value::Object(summary));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_corpus(args: &EvalArgs) -> Result<ExitCode, String> {
    let rows = corpus::shipped()?;
    let mut summary = serde_json::Map::new();
    if let Some(k) = args.cv {
        let predictions = measure::cross_predictions(&rows, k, &train::Settings::default())?;
        if args.mistakes {
            let origin: std::collections::HashMap<&str, &str> =
                rows.iter().map(|r| (r.text.as_str(), r.origin.as_str())).collect();
            for p in predictions.iter().filter(|p| p.gold != p.predicted) {
                println!("{}\tgold {}\tgot {}\t{}", origin[p.text.as_str()], p.gold, p.predicted, p.text);
            }
        }
        let r = report(&predictions);
        println!("{}", r.render(&format!("stage, {k}-fold cross-validation on train + dev")));
        summary.insert("stage".into(), json!({"accuracy": r.accuracy, "macro_f1": r.macro_f1, "n": r.n}));
    } else {
        let part = match args.part.as_deref() {
            Some("train") => Part::Train,
            Some("dev") => Part::Dev,
            _ => Part::Test,
        };
        let figures = measure::figures(&measure::part(&rows, part), None);
        for name in measure::COLUMNS {
            let r = figures.column(name);
            println!("{}", r.render(&format!("{name} ({} part)", part.name())));
            summary.insert(name.to_string(), json!({"accuracy": r.accuracy, "macro_f1": r.macro_f1, "n": r.n}));
        }
    }
    if args.json {
        println!("{}", serde_json::Value::Object(summary));
    }
    Ok(ExitCode::SUCCESS)
}

fn train(args: &TrainArgs) -> Result<ExitCode, String> {
    let defaults = train::Settings::default();
    let settings = train::Settings {
        alpha: args.alpha.unwrap_or(defaults.alpha),
        min_rows: args.min_rows.unwrap_or(defaults.min_rows),
        prune: args.prune.unwrap_or(defaults.prune),
        form_feature: !args.no_form_feature,
        ..defaults
    };
    let rows = corpus::shipped()?;
    if args.tune {
        let model = train::train(&measure::part(&rows, Part::Train), &settings)?;
        let dev = measure::part(&rows, Part::Dev);
        let figures = measure::figures(&dev, Some(&|text| train::predict(&model, text)));
        let text = model.to_text();
        println!("{}", figures.stage.render("stage (dev part, model fitted on train)"));
        if args.mistakes {
            for r in dev.iter().filter(|r| train::predict(&model, &r.text) != r.stage) {
                println!(
                    "{}\tgold {}\tgot {}\t{}",
                    r.origin,
                    r.stage.name(),
                    train::predict(&model, &r.text).name(),
                    r.text
                );
            }
        }
        println!(
            "{settings:?}\ndev stage: accuracy {:.3}, macro-F1 {:.3} (n = {}); model: {} features, {} bytes",
            figures.stage.accuracy,
            figures.stage.macro_f1,
            figures.stage.n,
            model.weights.len(),
            text.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let model = train::train(&train::shipping_rows(&rows), &settings)?;
    let text = model.to_text();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(growsim::scoring::model::FILE);
    if args.check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == text {
            println!("{} is what the corpus trains", path.display());
            return Ok(ExitCode::SUCCESS);
        }
        println!("{} differs from what the corpus trains: run `growsim train`", path.display());
        return Ok(ExitCode::FAILURE);
    }
    std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {} ({} features, {} bytes)", path.display(), model.weights.len(), text.len());
    Ok(ExitCode::SUCCESS)
}

fn accuracy(args: &AccuracyArgs) -> Result<ExitCode, String> {
    let rows = corpus::shipped()?;
    let baseline_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/accuracy-baseline.json");
    let baseline = std::fs::read_to_string(&baseline_path).ok().and_then(|t| serde_json::from_str(&t).ok());
    let date = args.date.clone().unwrap_or_else(|| {
        std::process::Command::new("date")
            .args(["-u", "+%Y-%m-%d"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    });
    print!("{}", measure::accuracy::markdown(&rows, baseline.as_ref(), &date)?);
    Ok(ExitCode::SUCCESS)
}

fn play(args: &PlayArgs) -> Result<ExitCode, String> {
    let scenario = load(&args.file)?;
    let mut conversation = Conversation::new(&scenario, args.seed);
    let mut info: Box<dyn Write> = if args.json { Box::new(io::stderr()) } else { Box::new(io::stdout()) };
    let say = |w: &mut Box<dyn Write>, text: String| writeln!(w, "{text}").map_err(|e| e.to_string());
    say(&mut info, format!("{}\n\n{}: {}", scenario.brief, scenario.coachee, conversation.state().opening))?;
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let (choices, order) = match conversation.prompt() {
            Prompt::Ended { .. } => {
                let state = conversation.state();
                let header = engine::ending_header(&scenario, state).unwrap_or_default();
                let summary = engine::ending_summary(&scenario, state).unwrap_or_default();
                say(&mut info, format!("\n== {header} ==\n{summary}"))?;
                return Ok(ExitCode::SUCCESS);
            }
            Prompt::Ask { choices, .. } => {
                let order = if args.file_order { (0..choices.len()).collect() } else { conversation.menu() };
                (choices, order)
            }
        };
        say(&mut info, String::new())?;
        for (shown, &i) in order.iter().enumerate() {
            say(&mut info, format!("  {}. {}", shown + 1, choices[i].ask))?;
        }
        write!(info, "> ").and_then(|_| info.flush()).map_err(|e| e.to_string())?;
        let Some(Ok(line)) = lines.next() else {
            return Ok(ExitCode::SUCCESS);
        };
        let input = match line.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Input::Choice(order.get(n - 1).copied().unwrap_or(n - 1)),
            _ => Input::Typed(line),
        };
        match conversation.step(input) {
            Ok(e) if args.json => {
                let value = json!({
                    "turn": e.turn,
                    "question": e.question,
                    "score": {"kind": e.score.kind, "openness": e.score.openness, "stage": e.score.stage,
                              "fit": e.score.fit, "purpose": e.score.purpose, "flags": e.score.flags},
                    "verdict": e.score.verdict,
                    "verdict_source": e.score.verdict_source,
                    "better": e.score.better,
                    "node": e.node,
                    "route": e.route,
                    "repeated": e.repeated,
                    "reply": e.reply,
                });
                println!("{value}");
            }
            Ok(e) => {
                let source = match e.score.verdict_source {
                    VerdictSource::Authored => "author",
                    VerdictSource::Generic => "generic rule",
                };
                let mut text = format!(
                    "[{} ({source}) · {} · {} · fit {}] {}",
                    e.score.verdict.label(),
                    e.score.kind.label(),
                    e.score.stage.label(),
                    e.score.fit.name(),
                    e.score.explanation
                );
                if let Some(note) = &e.score.note {
                    text.push_str(&format!("\n  note: {note}"));
                }
                if let Some(better) = &e.score.better {
                    text.push_str(&format!("\n  try: {better}"));
                }
                say(&mut info, format!("{text}\n{}: {}", scenario.coachee, e.reply))?;
            }
            Err(e) => say(&mut info, format!("({e})"))?,
        }
    }
}

/// Whether an exchange was answered flatly: by a fallback, or by a deflection keyed on form alone.
fn flat(scenario: &scenario::Scenario, node: &scenario::Node, route: Answered) -> bool {
    match route {
        Answered::Fallback => true,
        Answered::Node { index } => node.routes.get(index).is_some_and(|r| r.is_form_only()),
        Answered::Shared { index } => scenario.shared_routes.get(index).is_some_and(|r| r.is_form_only()),
        Answered::Choice { .. } => false,
    }
}

fn coverage(args: &CoverageArgs) -> Result<ExitCode, String> {
    let table = read_input(Some(&args.questions))?;
    let questions: Vec<(String, String)> = table
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(stage, text)| (stage.trim().to_string(), text.trim().to_string()))
        .collect();
    if questions.is_empty() {
        return Err(format!("'{}' has no questions", args.questions.display()));
    }
    let (mut all_flat, mut all_asked) = (0usize, 0usize);
    for file in scenario_files(&args.files)? {
        let scenario = load(&file)?;
        let reachable = scenario::validate::reachable(&scenario);
        let (mut flat_here, mut asked) = (0usize, 0usize);
        let mut by_stage: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for node in scenario.nodes.iter().filter(|n| !n.is_ending() && reachable.contains(n.id.as_str())) {
            for (stage, text) in &questions {
                let mut c = Conversation::at_node(&scenario, 1, &node.id).map_err(|e| e.to_string())?;
                let Ok(e) = c.step(Input::Typed(text.clone())) else { continue };
                let is_flat = flat(&scenario, node, e.route);
                if is_flat && args.list {
                    println!("  flat at {} ({stage}): {text}  ->  {}", node.id, e.reply);
                }
                asked += 1;
                flat_here += usize::from(is_flat);
                let cell = by_stage.entry(stage.as_str()).or_default();
                cell.0 += usize::from(is_flat);
                cell.1 += 1;
            }
        }
        let stages: Vec<String> = by_stage.iter().map(|(s, (f, n))| format!("{s} {}", percent(*f, *n))).collect();
        println!(
            "{}: {} of {asked} flat ({}); {}",
            scenario.id,
            flat_here,
            percent(flat_here, asked),
            stages.join(", ")
        );
        let choices: Vec<&scenario::Choice> = scenario.nodes.iter().flat_map(|n| &n.choices).collect();
        let telling: Vec<_> = choices
            .iter()
            .filter(|c| matches!(c.verdict, Some(Verdict::Strong | Verdict::Weak | Verdict::Harmful)))
            .collect();
        let routes = scenario.nodes.iter().flat_map(|n| &n.routes).chain(&scenario.shared_routes);
        let (routes_with, routes_all) = routes.fold((0, 0), |(w, n), r| (w + usize::from(r.thought.is_some()), n + 1));
        println!(
            "  thoughts: {} of {} strong, weak or harmful choices; {} of {} choices; {routes_with} of {routes_all} routes",
            telling.iter().filter(|c| c.thought.is_some()).count(),
            telling.len(),
            choices.iter().filter(|c| c.thought.is_some()).count(),
            choices.len(),
        );
        all_flat += flat_here;
        all_asked += asked;
    }
    println!("total: {all_flat} of {all_asked} flat ({})", percent(all_flat, all_asked));
    Ok(ExitCode::SUCCESS)
}

fn replay(args: &ReplayArgs) -> Result<ExitCode, String> {
    let scenarios = scenario_files(&args.scenarios)?.iter().map(|f| load(f)).collect::<Result<Vec<_>, _>>()?;
    let plans = if args.plans.is_empty() {
        let mut found: Vec<PathBuf> = std::fs::read_dir("tests/golden")
            .map_err(|e| format!("cannot read tests/golden: {e}"))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "plan"))
            .collect();
        found.sort();
        found
    } else {
        args.plans.clone()
    };
    let mut failed = 0;
    for path in &plans {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let id = name.split('.').next().unwrap_or_default();
        let plan = read_input(Some(path))?;
        let result = match scenarios.iter().find(|s| s.id == id) {
            Some(scenario) => growsim::measure::golden::replay(&name, &plan, scenario),
            None => Err(format!("{name}: no scenario with id '{id}'")),
        };
        match result {
            Ok(()) => println!("ok      {name}"),
            Err(e) => {
                failed += 1;
                println!("FAILED  {e}");
            }
        }
    }
    println!("{} of {} plan(s) replayed", plans.len() - failed, plans.len());
    Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `n` of `of` as a whole percentage.
fn percent(n: usize, of: usize) -> String {
    (n * 100 + of / 2).checked_div(of).map_or_else(|| "-".into(), |p| format!("{p}%"))
}
