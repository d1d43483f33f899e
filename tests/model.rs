#![cfg(not(target_arch = "wasm32"))]
//! The stage model never drifts from its data, and the scorer never quietly falls below its
//! floors on the locked test part of the corpus.

use growsim::measure::corpus::{self, Part};
use growsim::measure::{self, train};
use growsim::scoring::model::{self, Model};

/// The least the locked test part may score: the targets (see docs/accuracy.md), so no rule, data
/// or model change can quietly undo the work.
const STAGE_MACRO_F1: f64 = 0.90;
const KIND_ACCURACY: f64 = 0.93;
const OPENNESS_ACCURACY: f64 = 0.95;

#[test]
fn the_committed_model_is_what_the_corpus_trains() {
    let rows = corpus::shipped().unwrap();
    let trained = train::train(&train::shipping_rows(&rows), &train::Settings::default()).unwrap();
    let committed = model::shipped().unwrap();
    assert!(
        &trained == committed,
        "{} is out of date with tests/data/corpus: run `cargo run --release --bin growsim -- train`",
        model::FILE
    );
    assert_eq!(Model::parse(&trained.to_text()).unwrap(), trained);
}

#[test]
fn the_locked_test_part_meets_its_floors() {
    let rows = corpus::shipped().unwrap();
    let test = measure::part(&rows, Part::Test);
    let f = measure::figures(&test, None);
    let report = format!(
        "locked test part, {} rows: stage macro-F1 {:.3}, kind accuracy {:.3}, openness accuracy {:.3}",
        f.n, f.stage.macro_f1, f.kind.accuracy, f.openness.accuracy
    );
    println!("{report}");
    assert!(f.stage.macro_f1 >= STAGE_MACRO_F1, "{report}");
    assert!(f.kind.accuracy >= KIND_ACCURACY, "{report}");
    assert!(f.openness.accuracy >= OPENNESS_ACCURACY, "{report}");
}

#[test]
fn training_is_deterministic() {
    let rows = corpus::shipped().unwrap();
    let some: Vec<_> = measure::part(&rows, Part::Dev);
    let settings = train::Settings::default();
    assert_eq!(train::train(&some, &settings).unwrap().to_text(), train::train(&some, &settings).unwrap().to_text());
}
