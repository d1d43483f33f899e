//! Measuring the classifier against labelled data: accuracy, per-class precision, recall and
//! F1, macro-F1 and a confusion matrix. Pure functions, used by `growsim eval`.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One labelled example and the classifier's prediction.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub text: String,
    pub gold: String,
    pub predicted: String,
    /// How confident the classifier was (used to rank the worst mistakes).
    pub confidence: f32,
}

/// Precision, recall and F1 for one class.
#[derive(Debug, Clone, Serialize)]
pub struct ClassScore {
    pub class: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// The report for one label column.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub n: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub classes: Vec<ClassScore>,
    /// `confusion[gold][predicted]` counts.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    #[serde(skip)]
    pub worst: Vec<Prediction>,
}

/// Scores `predictions`. Classes are those seen in gold labels or predictions.
///
/// ```
/// use growsim::measure::report::{report, Prediction};
/// let o = |g: &str, p: &str| Prediction { text: String::new(), gold: g.into(), predicted: p.into(), confidence: 1.0 };
/// let r = report(&[o("open", "open"), o("closed", "open")]);
/// assert_eq!(r.accuracy, 0.5);
/// ```
pub fn report(predictions: &[Prediction]) -> Report {
    let mut classes: Vec<String> = predictions.iter().flat_map(|o| [o.gold.clone(), o.predicted.clone()]).collect();
    classes.sort();
    classes.dedup();
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for gold in &classes {
        confusion.insert(gold.clone(), classes.iter().map(|p| (p.clone(), 0)).collect());
    }
    for o in predictions {
        *confusion.get_mut(&o.gold).unwrap().get_mut(&o.predicted).unwrap() += 1;
    }
    let correct = predictions.iter().filter(|o| o.gold == o.predicted).count();
    let gold_classes: Vec<&String> = classes.iter().filter(|c| predictions.iter().any(|o| &o.gold == *c)).collect();
    let scores: Vec<ClassScore> = gold_classes
        .iter()
        .map(|class| {
            let tp = confusion[*class][*class] as f64;
            let predicted: usize = confusion.values().map(|row| row[*class]).sum();
            let support: usize = confusion[*class].values().sum();
            let precision = if predicted == 0 { 0.0 } else { tp / predicted as f64 };
            let recall = if support == 0 { 0.0 } else { tp / support as f64 };
            let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
            ClassScore { class: (*class).clone(), precision, recall, f1, support }
        })
        .collect();
    let macro_f1 = if scores.is_empty() { 0.0 } else { scores.iter().map(|s| s.f1).sum::<f64>() / scores.len() as f64 };
    let mut worst: Vec<Prediction> = predictions.iter().filter(|o| o.gold != o.predicted).cloned().collect();
    worst.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    worst.truncate(10);
    let n = predictions.len();
    Report {
        n,
        accuracy: if n == 0 { 0.0 } else { correct as f64 / n as f64 },
        macro_f1,
        classes: scores,
        confusion,
        worst,
    }
}

impl Report {
    /// A plain-text rendering with a title, as printed by `growsim eval`.
    pub fn render(&self, title: &str) -> String {
        let mut out = String::new();
        let _ =
            writeln!(out, "## {title}: accuracy {:.3}, macro-F1 {:.3}, n = {}\n", self.accuracy, self.macro_f1, self.n);
        let _ = writeln!(out, "| class | precision | recall | F1 | support |\n|---|---|---|---|---|");
        for c in &self.classes {
            let _ =
                writeln!(out, "| {} | {:.3} | {:.3} | {:.3} | {} |", c.class, c.precision, c.recall, c.f1, c.support);
        }
        let labels: Vec<&String> = self.confusion.keys().collect();
        let _ = writeln!(out, "\nConfusion (rows = gold, columns = predicted):\n");
        let _ = writeln!(
            out,
            "| gold \\ predicted | {} |",
            labels.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(out, "|---|{}", "---|".repeat(labels.len()));
        for gold in &labels {
            let row = &self.confusion[*gold];
            let cells: Vec<String> = labels.iter().map(|p| row[*p].to_string()).collect();
            let _ = writeln!(out, "| {} | {} |", gold, cells.join(" | "));
        }
        if !self.worst.is_empty() {
            let _ = writeln!(out, "\nWorst misclassified (most confident first):\n");
            for o in &self.worst {
                let _ = writeln!(out, "- gold {}, predicted {}: {}", o.gold, o.predicted, o.text);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(g: &str, p: &str) -> Prediction {
        Prediction { text: format!("{g}->{p}"), gold: g.into(), predicted: p.into(), confidence: 0.5 }
    }

    #[test]
    fn perfect_predictions_score_one() {
        let r = report(&[o("a", "a"), o("b", "b")]);
        assert_eq!((r.accuracy, r.macro_f1), (1.0, 1.0));
        assert!(r.worst.is_empty());
    }

    #[test]
    fn per_class_precision_and_recall() {
        let r = report(&[o("a", "a"), o("a", "b"), o("b", "b"), o("b", "b")]);
        let a = &r.classes[0];
        assert_eq!((a.precision, a.recall), (1.0, 0.5));
        let b = &r.classes[1];
        assert!((b.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.confusion["a"]["b"], 1);
        assert_eq!(r.worst.len(), 1);
    }

    #[test]
    fn empty_input_does_not_divide_by_zero() {
        let r = report(&[]);
        assert_eq!((r.n, r.accuracy, r.macro_f1), (0, 0.0, 0.0));
    }
}
