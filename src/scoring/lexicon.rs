//! Phrase lexicons loaded from the data files beside this module.
//!
//! A lexicon file holds one phrase per line; `#` starts a comment. A phrase starting with `^`
//! only matches at the start of a clause (after discourse markers such as "so" or "and").
//! A word ending in `*` matches any word with that prefix ("commit*" matches "committed").
//! The stage lexicon adds two leading tab-separated columns: the stage and a weight.

use super::text::Sentence;
use super::Stage;
use std::ops::Range;
use std::sync::OnceLock;

/// Words skipped at the start of a clause before anchored phrases are tried.
pub const DISCOURSE_MARKERS: &[&str] = &[
    "so", "and", "but", "okay", "ok", "right", "well", "now", "then", "alright", "yeah", "yes",
    "oh", "also", "or", "just", "hey",
];

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    anchored: bool,
    words: Vec<(String, bool)>,
}

impl Phrase {
    /// Parses one lexicon line (without comments).
    pub fn parse(line: &str) -> Phrase {
        let line = line.trim();
        let (anchored, body) = match line.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let words = body
            .split_whitespace()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => (stem.to_string(), true),
                None => (w.to_string(), false),
            })
            .collect();
        Phrase {
            text: body.to_string(),
            anchored,
            words,
        }
    }

    /// Where this phrase first matches in `sentence`, as a byte span of the original text.
    pub fn find(&self, sentence: &Sentence) -> Option<Range<usize>> {
        let words = &sentence.words;
        let n = self.words.len();
        if n == 0 || words.len() < n {
            return None;
        }
        let starts: Vec<usize> = if self.anchored {
            sentence
                .clause_starts()
                .into_iter()
                .map(|i| skip_markers(sentence, i))
                .collect()
        } else {
            (0..=words.len() - n).collect()
        };
        starts
            .into_iter()
            .find_map(|i| self.matches_at(sentence, i))
    }

    /// The span matched when this phrase starts exactly at word `i`, ignoring the anchor.
    pub fn matches_at(&self, sentence: &Sentence, i: usize) -> Option<Range<usize>> {
        let words = sentence.words.get(i..i + self.words.len())?;
        let hit = self.words.iter().zip(words).all(|((p, prefix), w)| {
            if *prefix {
                w.text.starts_with(p.as_str())
            } else {
                w.text == *p
            }
        });
        hit.then(|| words[0].span.start..words[words.len() - 1].span.end)
    }

    /// The first word of the phrase, and whether it is a prefix.
    pub fn first_word(&self) -> (&str, bool) {
        self.words
            .first()
            .map(|(w, p)| (w.as_str(), *p))
            .unwrap_or(("", false))
    }
}

/// Index of the first word of the clause starting at `i` that is not a discourse marker.
pub fn skip_markers(sentence: &Sentence, mut i: usize) -> usize {
    let words = &sentence.words;
    while i + 1 < words.len() && DISCOURSE_MARKERS.contains(&words[i].text.as_str()) {
        i += 1;
    }
    i
}

fn lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim_end())
        .filter(|l| !l.trim().is_empty())
}

fn load(source: &str) -> Vec<Phrase> {
    lines(source).map(Phrase::parse).collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static [Phrase] {
            static CELL: OnceLock<Vec<Phrase>> = OnceLock::new();
            CELL.get_or_init(|| load(include_str!($file)))
        }
    };
}

lexicon!(
    /// Requests to elaborate that are open in function ("could you say more").
    elaboration,
    "lexicon/elaboration.txt"
);
lexicon!(
    /// Wh-openings that ask for a single fact ("how often", "what time").
    fact_seeking,
    "lexicon/fact_seeking.txt"
);
lexicon!(
    /// Suggestions dressed as questions ("have you considered").
    advice,
    "lexicon/advice.txt"
);
lexicon!(
    /// Phrasings that push the coach's preferred answer ("don't you think").
    leading,
    "lexicon/leading.txt"
);
lexicon!(
    /// Blaming "why" openings ("why did you").
    judging_why,
    "lexicon/judging_why.txt"
);
lexicon!(
    /// Stems of reflective listening statements ("it sounds like").
    reflection,
    "lexicon/reflection.txt"
);
lexicon!(
    /// Markers of a summary ("let me check I've got this").
    summary,
    "lexicon/summary.txt"
);
lexicon!(
    /// Short tags that turn a statement into a leading question ("…, right?").
    tags,
    "lexicon/tags.txt"
);
lexicon!(
    /// Statement openers that are neither reflections nor summaries: greetings, affirmations, structure.
    statements,
    "lexicon/statements.txt"
);
lexicon!(
    /// Phrasings that aim at changing someone who is not in the room.
    third_party,
    "lexicon/third_party.txt"
);
lexicon!(
    /// Scaling-question markers ("on a scale of").
    scaling,
    "lexicon/scaling.txt"
);

/// A stage cue: a phrase that suggests a GROW stage, with a weight.
#[derive(Debug, Clone)]
pub struct StageCue {
    pub stage: Stage,
    pub weight: f32,
    pub phrase: Phrase,
}

/// Stage cues from `lexicon/stages.tsv`.
pub fn stage_cues() -> &'static [StageCue] {
    static CELL: OnceLock<Vec<StageCue>> = OnceLock::new();
    CELL.get_or_init(|| {
        lines(include_str!("lexicon/stages.tsv"))
            .map(|line| {
                let mut cols = line.splitn(3, '\t');
                let (stage, weight, phrase) = (cols.next(), cols.next(), cols.next());
                let stage = stage
                    .and_then(Stage::parse)
                    .unwrap_or_else(|| panic!("bad stage in stages.tsv: {line}"));
                let weight = weight
                    .and_then(|w| w.trim().parse().ok())
                    .unwrap_or_else(|| panic!("bad weight: {line}"));
                let phrase =
                    Phrase::parse(phrase.unwrap_or_else(|| panic!("missing phrase: {line}")));
                StageCue {
                    stage,
                    weight,
                    phrase,
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::text::sentences;

    fn first(text: &str) -> Sentence {
        sentences(text).remove(0)
    }

    #[test]
    fn anchored_phrases_skip_discourse_markers() {
        let p = Phrase::parse("^have you considered");
        assert!(p.find(&first("So, have you considered asking?")).is_some());
        assert!(p.find(&first("What have you considered?")).is_none());
    }

    #[test]
    fn star_matches_word_prefix() {
        let p = Phrase::parse("commit*");
        let text = "How committed are you?";
        let span = p.find(&first(text)).unwrap();
        assert_eq!(&text[span], "committed");
    }

    #[test]
    fn every_lexicon_loads_and_is_not_empty() {
        for lexicon in [
            elaboration(),
            fact_seeking(),
            advice(),
            leading(),
            judging_why(),
            reflection(),
            summary(),
            scaling(),
            tags(),
            statements(),
            third_party(),
        ] {
            assert!(!lexicon.is_empty());
        }
        assert!(stage_cues().len() > 100);
    }
}
