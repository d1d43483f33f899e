//! Training the stage model with `linfa-logistic`: a multinomial logistic regression over the
//! features of [`scoring::model::features`](crate::scoring::model::features), then pruned and
//! quantised to whole numbers so the shipped file stays small. Deterministic: the same rows and
//! settings give the same model bytes.

use super::corpus::Row;
use crate::scoring::analyse::form;
use crate::scoring::model::{features, Model};
use crate::scoring::turn::Turn;
use crate::vocab::Stage;
use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};
use std::collections::BTreeMap;

/// The settings of a training run. [`Settings::default`] is what `growsim train` ships; it was
/// chosen on the dev part (see `docs/accuracy.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// L2 regularisation strength (the loss is summed over rows).
    pub alpha: f64,
    /// A feature is kept only if at least this many training rows have it.
    pub min_rows: usize,
    /// After training, a feature is dropped if no stage weight differs from its mean by this much.
    pub prune: f64,
    /// Whether the rules' verdict on form (`k:advice`…) is a feature.
    pub form_feature: bool,
    /// The largest stored whole number: weights are quantised to `-levels..=levels`. Fewer
    /// levels compress better and, down to about 31, cost no accuracy on dev.
    pub levels: u8,
    pub max_iterations: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { alpha: 0.5, min_rows: 2, prune: 0.15, form_feature: true, levels: 31, max_iterations: 300 }
    }
}

/// The features of a row, as the shipped inference computes them.
pub fn row_features(text: &str, settings: &Settings) -> Vec<String> {
    let turn = Turn::new(text);
    let kind = form(&turn).kind;
    let mut f = features(&turn, kind);
    if !settings.form_feature {
        f.retain(|x| !x.starts_with("k:"));
    }
    f
}

/// The rows the shipped model is fitted on: the train and dev parts, never the locked test part.
pub fn shipping_rows(rows: &[Row]) -> Vec<&Row> {
    rows.iter().filter(|r| r.part() != super::corpus::Part::Test).collect()
}

/// Trains a model on `rows`.
pub fn train(rows: &[&Row], settings: &Settings) -> Result<Model, String> {
    if rows.is_empty() {
        return Err("no rows to train on".into());
    }
    let featured: Vec<Vec<String>> = rows.iter().map(|r| row_features(&r.text, settings)).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in featured.iter().flatten() {
        *counts.entry(f.as_str()).or_default() += 1;
    }
    let vocabulary: Vec<&str> = counts.iter().filter(|(_, &n)| n >= settings.min_rows).map(|(f, _)| *f).collect();
    let column: BTreeMap<&str, usize> = vocabulary.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let mut x = Array2::<f64>::zeros((rows.len(), vocabulary.len()));
    for (i, fs) in featured.iter().enumerate() {
        for f in fs {
            if let Some(&j) = column.get(f.as_str()) {
                x[[i, j]] = 1.0;
            }
        }
    }
    let y: Array1<usize> = rows.iter().map(|r| r.stage.index()).collect();
    let present: Vec<usize> = {
        let mut seen: Vec<usize> = y.to_vec();
        seen.sort();
        seen.dedup();
        seen
    };
    if present.len() != Stage::ALL.len() {
        return Err(format!("the training rows cover {} of the 5 stages; every stage needs examples", present.len()));
    }
    let fitted = MultiLogisticRegression::default()
        .alpha(settings.alpha)
        .max_iterations(settings.max_iterations)
        .fit(&Dataset::new(x, y))
        .map_err(|e| format!("training failed: {e}"))?;
    let params = fitted.params();
    let intercept = fitted.intercept();
    // Softmax ignores a constant added to all of one feature's weights, so centre each feature
    // (and the bias): smaller numbers, the same predictions.
    let centred = |values: [f64; 5]| {
        let mean = values.iter().sum::<f64>() / 5.0;
        values.map(|v| v - mean)
    };
    let mut kept: Vec<(&str, [f64; 5])> = Vec::new();
    for (j, f) in vocabulary.iter().enumerate() {
        let w = centred(std::array::from_fn(|c| params[[j, c]]));
        if w.iter().any(|v| v.abs() >= settings.prune) {
            kept.push((f, w));
        }
    }
    let bias = centred(std::array::from_fn(|c| intercept[c]));
    let largest = kept.iter().flat_map(|(_, w)| w.iter()).fold(0f64, |m, v| m.max(v.abs()));
    let top = f64::from(settings.levels.min(127));
    let scale = if largest > 0.0 { (top / largest).floor().max(1.0) } else { 1.0 };
    let quantise = |v: f64| (v * scale).round().clamp(-top, top) as i8;
    let weights: Vec<(String, [i8; 5])> = kept
        .into_iter()
        .map(|(f, w)| (f.to_string(), w.map(quantise)))
        .filter(|(_, q)| q.iter().any(|&v| v != 0))
        .collect();
    Ok(Model::new(scale as i32, bias.map(|b| (b * scale).round() as i32), weights))
}

/// The stage the model gives a text.
pub fn predict(model: &Model, text: &str) -> Stage {
    let turn = Turn::new(text);
    let kind = form(&turn).kind;
    model.rank(&turn, kind, 0).0[0].0
}
