//! Phrase lexicons loaded from the data files beside this module.
//!
//! A lexicon file holds one phrase per line; `#` starts a comment. A phrase starting with `^`
//! only matches at the start of a clause (after discourse markers such as "so" or "and").
//! A word ending in `*` matches any word with that prefix ("commit*" matches "committed").

use super::text::Sentence;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

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
        Phrase { text: body.to_string(), anchored, words }
    }

    /// Whether the phrase only matches at the start of a clause (written with a leading `^`).
    pub fn is_anchored(&self) -> bool {
        self.anchored
    }

    /// Number of words in the phrase.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The span matched when this phrase starts exactly at word `i`, ignoring the anchor.
    pub fn matches_at(&self, sentence: &Sentence, i: usize) -> Option<Range<usize>> {
        let words = sentence.words.get(i..i + self.words.len())?;
        let hit = self.words.iter().zip(words).all(
            |((p, prefix), w)| {
                if *prefix {
                    w.text.starts_with(p.as_str())
                } else {
                    w.text == *p
                }
            },
        );
        hit.then(|| words[0].span.start..words[words.len() - 1].span.end)
    }
}

/// A list of phrases indexed by first word, so matching costs one lookup per word.
#[derive(Debug)]
pub struct Lexicon {
    phrases: Vec<Phrase>,
    by_first_word: HashMap<String, Vec<usize>, Fnv>,
    /// Stem phrases ("commit*") keyed by up to the first three letters of the stem.
    by_prefix: HashMap<String, Vec<usize>, Fnv>,
}

/// Longest stem prefix used as an index key.
const PREFIX_KEY: usize = 3;

fn prefix_key(word: &str, chars: usize) -> Option<&str> {
    let end = word.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(word.len());
    (word[..end].chars().count() == chars).then(|| &word[..end])
}

/// FNV-1a: a fast hash for the short word keys of the lexicon index.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Lexicon {
    /// Builds a lexicon from file text: one phrase per line, `#` comments.
    pub fn parse(source: &str) -> Lexicon {
        Lexicon::from_phrases(lines(source).map(Phrase::parse).collect())
    }

    fn from_phrases(phrases: Vec<Phrase>) -> Lexicon {
        let mut by_first_word: HashMap<String, Vec<usize>, Fnv> = HashMap::default();
        let mut by_prefix: HashMap<String, Vec<usize>, Fnv> = HashMap::default();
        for (i, p) in phrases.iter().enumerate() {
            match p.words.first() {
                Some((w, false)) => by_first_word.entry(w.clone()).or_default().push(i),
                Some((stem, true)) => {
                    let key = prefix_key(stem, PREFIX_KEY.min(stem.chars().count())).unwrap_or(stem);
                    by_prefix.entry(key.to_string()).or_default().push(i)
                }
                None => {}
            }
        }
        Lexicon { phrases, by_first_word, by_prefix }
    }

    pub fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// Every phrase matching from word `i` (anchors ignored), as (phrase index, span).
    pub fn all_at<'a>(&'a self, s: &'a Sentence, i: usize) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        let word = s.words.get(i).map(|w| w.text.as_str()).unwrap_or("");
        let exact = self.by_first_word.get(word).into_iter().flatten();
        let prefixed =
            (1..=PREFIX_KEY).filter_map(move |n| prefix_key(word, n).and_then(|key| self.by_prefix.get(key))).flatten();
        exact.chain(prefixed).filter_map(move |&p| self.phrases[p].matches_at(s, i).map(|span| (p, span)))
    }

    /// The first phrase matching from word `i`, anchors ignored.
    pub fn at(&self, s: &Sentence, i: usize) -> Option<Range<usize>> {
        self.all_at(s, i).next().map(|(_, span)| span)
    }

    /// Whether a phrase covers exactly the words from `i` to the end of the sentence.
    pub fn is_whole_rest(&self, s: &Sentence, i: usize) -> bool {
        self.all_at(s, i).any(|(p, _)| i + self.phrases[p].word_count() == s.words.len())
    }

    /// Whether a one-word phrase matches word `i` exactly.
    pub fn is_whole_word(&self, s: &Sentence, i: usize) -> bool {
        self.all_at(s, i).any(|(p, _)| self.phrases[p].word_count() == 1)
    }

    /// The first match in the sentence: anchored phrases at clause heads, others anywhere.
    pub fn find(&self, s: &Sentence) -> Option<Range<usize>> {
        (0..s.words.len()).find_map(|i| {
            let at_head = s.heads.contains(&i);
            self.all_at(s, i).find(|(p, _)| at_head || !self.phrases[*p].anchored).map(|(_, span)| span)
        })
    }
}

fn lines(source: &str) -> impl Iterator<Item = &str> {
    source.lines().map(|l| l.split('#').next().unwrap_or("").trim_end()).filter(|l| !l.trim().is_empty())
}

/// Declares the phrase lexicons: one function per data file, and [`all`] listing them with
/// their names and sources, so checks over the data cover every list.
macro_rules! lexicons {
    ($($(#[$doc:meta])* $name:ident => $file:literal,)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static Lexicon {
                static CELL: OnceLock<Lexicon> = OnceLock::new();
                CELL.get_or_init(|| Lexicon::parse(include_str!($file)))
            }
        )*

        /// Every lexicon, as (file, source text, parsed lexicon).
        pub fn all() -> Vec<(&'static str, &'static str, &'static Lexicon)> {
            vec![$(($file, include_str!($file), $name()),)*]
        }
    };
}

lexicons! {
    /// Requests to elaborate that are open in function ("could you say more").
    elaboration => "lexicon/elaboration.txt",
    /// Wh-openings that ask for a single fact ("how often", "what time").
    fact_seeking => "lexicon/fact_seeking.txt",
    /// Nouns that ask for one fact after "what's your…" ("name", "dose").
    fact_nouns => "lexicon/fact_nouns.txt",
    /// Suggestions dressed as questions ("have you considered").
    advice => "lexicon/advice.txt",
    /// Phrasings that push the coach's preferred answer ("don't you think").
    leading => "lexicon/leading.txt",
    /// Blaming "why" openings ("why did you").
    judging_why => "lexicon/judging_why.txt",
    /// Stems of reflective listening statements ("it sounds like").
    reflection => "lexicon/reflection.txt",
    /// Markers of a summary ("let me check I've got this").
    summary => "lexicon/summary.txt",
    /// Short tags that turn a statement into a leading question ("…, right?").
    tags => "lexicon/tags.txt",
    /// Statement openers that are neither reflections nor summaries: greetings, affirmations, structure.
    statements => "lexicon/statements.txt",
    /// Phrasings that aim at changing someone who is not in the room.
    third_party => "lexicon/third_party.txt",
    /// Scaling-question markers ("on a scale of").
    scaling => "lexicon/scaling.txt",
    /// Phrases that show what job a closed question does, in `#= purpose` sections (see `purpose`).
    purposes => "lexicon/purposes.txt",
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
        let lex = Lexicon::parse("^have you considered");
        assert!(lex.find(&first("So, have you considered asking?")).is_some());
        assert!(lex.find(&first("What have you considered?")).is_none());
    }

    #[test]
    fn star_matches_word_prefix() {
        let lex = Lexicon::parse("commit*");
        let text = "How committed are you?";
        let span = lex.find(&first(text)).unwrap();
        assert_eq!(&text[span], "committed");
    }

    #[test]
    fn every_lexicon_loads_and_is_not_empty() {
        assert_eq!(all().len(), 13);
        for (file, _, lexicon) in all() {
            assert!(!lexicon.phrases().is_empty(), "{file}");
        }
    }

    /// A phrase as plain text: anchors dropped, stems written as the stem itself.
    fn sentence_of(phrase: &str) -> String {
        phrase.trim_start_matches('^').split_whitespace().map(|w| w.trim_end_matches('*')).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_entry_matches_a_sentence_built_from_itself() {
        let mut broken = Vec::new();
        for (file, _, lexicon) in all() {
            for phrase in lexicon.phrases() {
                let text = sentence_of(&phrase.text);
                let parsed = sentences(&text);
                let whole = parsed.len() == 1
                    && parsed[0].words.len() == phrase.word_count()
                    && Lexicon::from_phrases(vec![phrase.clone()]).find(&parsed[0]).is_some();
                if !whole {
                    broken.push(format!("{file}: {}", phrase.text));
                }
            }
        }
        assert!(broken.is_empty(), "entries the reader can never match as written:\n{}", broken.join("\n"));
    }

    #[test]
    fn no_anchored_entry_starts_with_a_word_the_clause_reader_skips() {
        let mut broken = Vec::new();
        for (file, _, lexicon) in all() {
            for phrase in lexicon.phrases().iter().filter(|p| p.anchored) {
                let first = phrase.words[0].0.as_str();
                if crate::scoring::text::DISCOURSE_MARKERS.contains(&first) && phrase.word_count() > 1 {
                    broken.push(format!("{file}: {}", phrase.text));
                }
            }
        }
        assert!(broken.is_empty(), "anchored entries that start with a skipped marker:\n{}", broken.join("\n"));
    }

    #[test]
    fn no_entry_is_listed_twice() {
        for (file, source, _) in all() {
            let mut seen = std::collections::BTreeSet::new();
            for line in lines(source) {
                assert!(seen.insert(line.trim()), "{file} lists '{}' twice", line.trim());
            }
        }
    }

    #[test]
    fn the_checks_catch_rotten_entries() {
        let filler = Lexicon::parse("^you know what");
        let text = sentence_of("^you know what");
        assert!(filler.find(&sentences(&text)[0]).is_none(), "a filler pair is dropped before matching");
    }
}
