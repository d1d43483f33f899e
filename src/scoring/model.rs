//! The learned stage model: a multinomial logistic regression over word n-grams, stored as a
//! small text file (`stage_model.txt`) and bundled into the build. Inference is a sparse dot
//! product; training lives in the native-only `measure::train` (`growsim train`). The file
//! format is in [`model_file`](super::model_file).

use super::turn::Turn;
use super::{Kind, Stage};
use std::sync::OnceLock;

pub use super::model_file::{Model, FILE, HEADER};

/// One n-gram's pull towards each stage, as the learner sees it: "'could' → Options +1.4".
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StageCue {
    /// The feature as the model knows it, without its prefix: `what could`.
    pub ngram: String,
    /// Where it came from: the question that decides, or anywhere in the turn.
    pub in_question: bool,
    pub stage: Stage,
    /// Its weight towards `stage` (positive pulls towards it).
    pub weight: f32,
}

impl StageCue {
    /// The cue as a learner reads it: `"could" → Options +1.4`.
    ///
    /// ```
    /// use growsim::scoring::{StageCue, Stage};
    /// let cue = StageCue { ngram: "could".into(), in_question: true, stage: Stage::Options, weight: 1.42 };
    /// assert_eq!(cue.describe(), "\u{201c}could\u{201d} → Options +1.4");
    /// ```
    pub fn describe(&self) -> String {
        let sign = if self.weight < 0.0 { "−" } else { "+" };
        let size = crate::decimal::fixed(self.weight.abs(), 1);
        format!("\u{201c}{}\u{201d} → {} {sign}{size}", self.ngram, self.stage.label())
    }

    /// Stands in for the evidence when the model could not be read: the stages are then
    /// unranked, and this says why.
    pub fn unavailable(why: &str) -> StageCue {
        StageCue { ngram: format!("no stage model ({why})"), in_question: false, stage: Stage::Reality, weight: 0.0 }
    }
}

/// Prefix of features from the question that decides the turn.
const IN_QUESTION: &str = "q:";
/// Prefix of the feature made of the deciding question's first three words ("how will you"),
/// which tell stages apart that their words alone do not ("how will you know" is Goal).
const HEAD: &str = "h:";
/// How many words the head feature holds.
const HEAD_WORDS: usize = 3;
/// Prefix of features from anywhere in the turn.
const ANYWHERE: &str = "w:";
/// Marks the start of a sentence or clause in n-grams.
const START: &str = "^";

/// The features of a turn: word uni- and bi-grams of the whole turn (`w:`) and of the deciding
/// question from its head clause on (`q:`), each once, the question's first three words (`h:`),
/// and the form the rules found (`k:`).
///
/// ```
/// use growsim::scoring::{model::features, turn::Turn, Kind};
/// let f = features(&Turn::new("You sound stuck. What could you try?"), Kind::Open);
/// assert!(f.contains(&"q:what could".to_string()));
/// assert!(f.contains(&"h:what could you".to_string()));
/// assert!(f.contains(&"w:sound stuck".to_string()));
/// assert!(!f.contains(&"q:sound stuck".to_string()));
/// ```
pub fn features(turn: &Turn, kind: Kind) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |f: String| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    for sentence in &turn.sentences {
        ngrams(sentence.texts(), ANYWHERE, &mut push);
    }
    if let Some(clause) = turn.deciding_clause() {
        let words = clause.texts();
        push(format!("{HEAD}{}", words[..words.len().min(HEAD_WORDS)].join(" ")));
        ngrams(words, IN_QUESTION, &mut push);
    }
    push(format!("k:{}", kind.name()));
    out
}

fn ngrams(words: Vec<&str>, prefix: &str, push: &mut impl FnMut(String)) {
    let mut previous = START;
    for word in words {
        push(format!("{prefix}{word}"));
        push(format!("{prefix}{previous} {word}"));
        previous = word;
    }
}

impl Model {
    /// Stage probabilities (in `Stage::ALL` order) for a turn's features, and the known
    /// features with their weights.
    pub fn score<'f>(&self, features: &'f [String]) -> ([f32; 5], Vec<(&'f str, [f32; 5])>) {
        let scale = self.scale as f32;
        let mut logits = self.bias.map(|b| b as f32 / scale);
        let mut known = Vec::new();
        for f in features {
            if let Some(w) = self.weights_of(f) {
                let w = w.map(|x| f32::from(x) / scale);
                for (l, x) in logits.iter_mut().zip(w) {
                    *l += x;
                }
                known.push((f.as_str(), w));
            }
        }
        (softmax(logits), known)
    }

    /// Ranks the stages for a turn, best first, with the cues that pulled most towards the
    /// winner (up to `cues`, strongest first).
    pub fn rank(&self, turn: &Turn, kind: Kind, cues: usize) -> (Vec<(Stage, f32)>, Vec<StageCue>) {
        let features = features(turn, kind);
        let (probabilities, known) = self.score(&features);
        let mut ranked: Vec<(Stage, f32)> = Stage::ALL.iter().map(|&s| (s, probabilities[s.index()])).collect();
        crate::short_sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = ranked[0].0;
        let mut pulls: Vec<StageCue> = known
            .iter()
            .filter(|(f, _)| !f.starts_with("k:"))
            .map(|(f, w)| StageCue {
                ngram: f[2..].trim_start_matches("^ ").to_string(),
                in_question: f.starts_with(IN_QUESTION) || f.starts_with(HEAD),
                stage: top,
                weight: w[top.index()] - mean_of_others(w, top.index()),
            })
            .filter(|c| c.weight > 0.0)
            .collect();
        crate::short_sort::sort_by(&mut pulls, |a, b| b.weight.total_cmp(&a.weight));
        let mut seen: Vec<String> = Vec::new();
        pulls.retain(|c| {
            let fresh = !seen.contains(&c.ngram);
            seen.push(c.ngram.clone());
            fresh
        });
        pulls.truncate(cues);
        (ranked, pulls)
    }
}

fn mean_of_others(w: &[f32; 5], except: usize) -> f32 {
    w.iter().enumerate().filter(|(i, _)| *i != except).map(|(_, x)| x).sum::<f32>() / 4.0
}

fn softmax(logits: [f32; 5]) -> [f32; 5] {
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let exp = logits.map(|l| (l - max).exp());
    let sum: f32 = exp.iter().sum();
    exp.map(|e| e / sum)
}

/// The model bundled with this build, or why it can't be read. The build script checks the
/// same file, so a broken model stops the build before it can reach a learner.
pub fn shipped() -> Result<&'static Model, &'static str> {
    static CELL: OnceLock<Result<Model, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        let bytes = include_bytes!("stage_model.txt");
        let text = std::str::from_utf8(bytes).map_err(|_| format!("{FILE} is not UTF-8 text"))?;
        Model::parse(text).map_err(|e| format!("{FILE}: {e}"))
    })
    .as_ref()
    .map_err(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::model_file::tiny;

    #[test]
    fn ranks_by_the_features_and_explains_the_winner() {
        let m = tiny();
        let (ranked, cues) = m.rank(&Turn::new("What could you do?"), Kind::Open, 3);
        assert_eq!(ranked[0].0, Stage::Options);
        assert_eq!(cues[0].ngram, "could");
        assert!(cues[0].in_question && cues[0].weight > 1.0);
        let sum: f32 = ranked.iter().map(|r| r.1).sum();
        assert!((sum - 1.0).abs() < 1e-5);
    }

    #[test]
    fn the_shipped_model_loads() {
        let model = shipped().unwrap();
        assert!(model.weights.len() > 100);
    }
}
