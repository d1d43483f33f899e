//! Measurement, native only: the labelled corpus and its split, training the stage model, and
//! accuracy reports. None of it reaches the wasm build.

pub mod accuracy;
pub mod corpus;
pub mod golden;
pub mod report;
pub mod train;
pub mod traps;

use crate::scoring::{analyse, Analysis};
use corpus::{Part, Row};
use report::{report, Prediction, Report};
use train::Settings;

/// The three label columns measured.
pub const COLUMNS: [&str; 3] = ["openness", "kind", "stage"];

/// Reports for the three label columns over some rows.
#[derive(Debug, Clone)]
pub struct Figures {
    pub n: usize,
    pub openness: Report,
    pub kind: Report,
    pub stage: Report,
}

impl Figures {
    /// The report for a column named in [`COLUMNS`].
    pub fn column(&self, name: &str) -> &Report {
        match name {
            "openness" => &self.openness,
            "kind" => &self.kind,
            _ => &self.stage,
        }
    }
}

fn prediction(text: &str, gold: &str, predicted: &str, confidence: f32) -> Prediction {
    Prediction { text: text.to_string(), gold: gold.to_string(), predicted: predicted.to_string(), confidence }
}

/// Measures the shipped scorer (rules for form, the model for stage) on `rows`. `stage`
/// overrides the stage prediction, for models being trained.
pub fn figures(rows: &[&Row], stage: Option<&dyn Fn(&str) -> crate::vocab::Stage>) -> Figures {
    let analysed: Vec<Analysis> = rows.iter().map(|r| analyse(&r.text)).collect();
    let confidence = |a: &Analysis| a.stages.first().map_or(0.0, |s| s.1);
    let openness = rows
        .iter()
        .zip(&analysed)
        .filter_map(|(r, a)| Some(prediction(&r.text, r.openness?.name(), a.openness.name(), confidence(a))))
        .collect::<Vec<_>>();
    let kind = rows
        .iter()
        .zip(&analysed)
        .map(|(r, a)| prediction(&r.text, r.kind.name(), a.kind.name(), confidence(a)))
        .collect::<Vec<_>>();
    let stages = rows
        .iter()
        .zip(&analysed)
        .map(|(r, a)| {
            let predicted = stage.map_or(a.top_stage(), |f| f(&r.text));
            prediction(&r.text, r.stage.name(), predicted.name(), confidence(a))
        })
        .collect::<Vec<_>>();
    Figures { n: rows.len(), openness: report(&openness), kind: report(&kind), stage: report(&stages) }
}

/// The rows of one part of the corpus.
pub fn part(rows: &[Row], part: Part) -> Vec<&Row> {
    rows.iter().filter(|r| r.part() == part).collect()
}

/// Stage figures from k-fold cross-validation over the train and dev parts (never the locked
/// test part): each fold is predicted by a model trained on the others.
pub fn cross_validate(rows: &[Row], k: u64, settings: &Settings) -> Result<Report, String> {
    Ok(report(&cross_predictions(rows, k, settings)?))
}

/// Each train and dev row's stage as predicted by a model that did not see it (k folds).
pub fn cross_predictions(rows: &[Row], k: u64, settings: &Settings) -> Result<Vec<Prediction>, String> {
    if k < 2 {
        return Err("cross-validation needs at least 2 folds".into());
    }
    let open: Vec<&Row> = rows.iter().filter(|r| r.part() != Part::Test).collect();
    let mut predictions = Vec::new();
    for fold in 0..k {
        let (held, fit): (Vec<&Row>, Vec<&Row>) = open.iter().partition(|r| corpus::fold_of(&r.text, k) == fold);
        let model = train::train(&fit, settings)?;
        for r in held {
            predictions.push(prediction(&r.text, r.stage.name(), train::predict(&model, &r.text).name(), 1.0));
        }
    }
    Ok(predictions)
}
