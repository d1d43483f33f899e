//! Turns raw coach text into sentences of normalised words, keeping byte spans into the original.
//!
//! Normalisation: lower case, curly apostrophes made straight, markup tags and fillers
//! ("um", "you know") dropped, stuttered repeats ("what what") collapsed. Sentences end at
//! `?`, `!` or `.`; clauses inside a sentence break at commas, dashes, colons and semicolons.

use std::ops::Range;

/// A normalised word and where it sits in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Range<usize>,
    /// True when a comma, dash, colon or semicolon came right before this word.
    pub clause_start: bool,
}

/// One sentence: its words and how it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub words: Vec<Word>,
    pub span: Range<usize>,
    pub question_mark: bool,
    /// Word indices where clauses start (0 first).
    pub starts: Vec<usize>,
    /// The same clauses' first words after discourse markers such as "so" or "and".
    pub heads: Vec<usize>,
}

/// Words skipped at the start of a clause before looking at how it opens.
pub const DISCOURSE_MARKERS: &[&str] = &[
    "so", "and", "but", "okay", "ok", "right", "well", "now", "then", "alright", "yeah", "yes", "oh", "also", "or",
    "just", "hey",
];

impl Sentence {
    /// Builds a sentence, working out where its clauses start.
    pub fn new(words: Vec<Word>, span: Range<usize>, question_mark: bool) -> Sentence {
        let mut starts: Vec<usize> = (0..words.len()).filter(|&i| i == 0 || words[i].clause_start).collect();
        merge_marker_clauses(&words, &mut starts);
        let mut sentence = Sentence { words, span, question_mark, starts, heads: vec![] };
        sentence.heads = sentence.starts.iter().map(|&i| sentence.skip_markers(i)).collect();
        sentence
    }

    /// Index of the first word from `i` that is not a discourse marker (never the last word).
    pub fn skip_markers(&self, mut i: usize) -> usize {
        while i + 1 < self.words.len() && DISCOURSE_MARKERS.contains(&self.words[i].text.as_str()) {
            i += 1;
        }
        i
    }

    /// The words as plain strings.
    pub fn texts(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.text.as_str()).collect()
    }

    /// Indices where clauses start (always includes 0 when the sentence has words).
    pub fn clause_starts(&self) -> &[usize] {
        &self.starts
    }
}

/// A clause made only of discourse markers ("and, like, by when") is a hesitation, not a
/// clause of its own: it joins the clause after it.
fn merge_marker_clauses(words: &[Word], starts: &mut Vec<usize>) {
    let only_markers =
        |from: usize, to: usize| words[from..to].iter().all(|w| DISCOURSE_MARKERS.contains(&w.text.as_str()));
    let mut k = 1;
    while k < starts.len() {
        if only_markers(starts[k - 1], starts[k]) {
            starts.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Single-word fillers dropped everywhere.
const FILLERS: &[&str] = &["um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "ah", "mm"];
/// Two-word fillers dropped everywhere.
const FILLER_PAIRS: &[[&str; 2]] =
    &[["you", "know"], ["i", "mean"], ["kind", "of"], ["sort", "of"], ["i", "guess"], ["i", "suppose"]];
/// Words that are fillers only when set off on both sides: "how sure are you, like, out of ten".
const BRACKETED_FILLERS: &[&str] = &["like", "basically", "actually", "literally"];

/// Splits `text` into sentences of normalised words.
///
/// ```
/// let s = growsim::scoring::text::sentences("So, um, what — what would help?");
/// assert_eq!(s.len(), 1);
/// assert_eq!(s[0].texts(), ["so", "what", "would", "help"]);
/// assert!(s[0].question_mark);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut pending_break = false;
    let mut sentence_start = None;
    let mut chars = text.char_indices().peekable();
    let mut in_tag = false;
    while let Some((i, c)) = chars.next() {
        if in_tag {
            in_tag = c != '>';
            continue;
        }
        if c == '<' && chars.peek().is_some_and(|(_, n)| n.is_ascii_alphabetic() || *n == '/') {
            in_tag = true;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut word = String::new();
            push_lower(&mut word, c);
            while let Some(&(j, d)) = chars.peek() {
                let joins = (d == '\'' || d == '’' || d == '-')
                    && text[j + d.len_utf8()..].chars().next().is_some_and(is_word_char);
                if is_word_char(d) || joins {
                    push_lower(&mut word, if d == '’' { '\'' } else { d });
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            sentence_start.get_or_insert(start);
            words.push(Word { text: word, span: start..end, clause_start: pending_break });
            pending_break = false;
        } else if matches!(c, '?' | '!' | '.' | '…') {
            // "e.g." and decimals stay inside the sentence.
            let next_is_word = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c == '.' && next_is_word {
                continue;
            }
            let question = c == '?';
            finish(&mut out, &mut words, &mut sentence_start, i + c.len_utf8(), question);
            pending_break = false;
        } else if matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '(' | ')' | '"' | '“' | '”') {
            pending_break = true;
        }
    }
    finish(&mut out, &mut words, &mut sentence_start, text.len(), false);
    out
}

fn finish(out: &mut Vec<Sentence>, words: &mut Vec<Word>, start: &mut Option<usize>, end: usize, question: bool) {
    let cleaned = clean(std::mem::take(words));
    if let Some(s) = start.take() {
        if cleaned.is_empty() {
            // A lone "?" after fillers still marks the previous sentence as a question.
            if question {
                if let Some(last) = out.last_mut() {
                    last.question_mark = true;
                }
            }
            return;
        }
        out.push(Sentence::new(cleaned, s..end, question));
    } else if question {
        if let Some(last) = out.last_mut() {
            last.question_mark = true;
        }
    }
}

/// Drops fillers and collapses stuttered repeats, keeping clause breaks on the next word.
fn clean(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut carry_break = false;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let pair = words.get(i + 1).map(|n| [w.text.as_str(), n.text.as_str()]);
        let filler_pair = pair.is_some_and(|p| FILLER_PAIRS.iter().any(|f| f[0] == p[0] && f[1] == p[1]))
            && is_filler_context(&words, i);
        if filler_pair {
            carry_break |= w.clause_start;
            i += 2;
            continue;
        }
        let bracketed = BRACKETED_FILLERS.contains(&w.text.as_str())
            && w.clause_start
            && words.get(i + 1).is_some_and(|n| n.clause_start);
        if FILLERS.contains(&w.text.as_str()) || bracketed {
            carry_break |= w.clause_start;
            i += 1;
            continue;
        }
        let mut word = w.clone();
        word.clause_start |= carry_break;
        carry_break = false;
        if out.last().is_some_and(|prev| prev.text == word.text && !is_number(&word.text)) {
            // "what what would" → "what would"; a restart keeps the clause break.
            let prev = out.last_mut().unwrap();
            prev.span = prev.span.start..word.span.end;
        } else {
            out.push(word);
        }
        i += 1;
    }
    out
}

/// "you know" and "i mean" are fillers only when they stand apart from the clause:
/// at a clause break, or followed by one. "Do you know…" keeps its words.
fn is_filler_context(words: &[Word], i: usize) -> bool {
    let first = &words[i];
    if matches!(first.text.as_str(), "kind" | "sort") {
        return i > 0
            && !matches!(
                words[i - 1].text.as_str(),
                "what" | "which" | "a" | "the" | "this" | "that" | "any" | "some"
            );
    }
    let at_break = i == 0 || first.clause_start;
    let break_after = words.get(i + 2).is_none_or(|n| n.clause_start);
    // "you know you should…", "i mean that…": the verb with its own object, not a filler.
    let hedge = matches!(words.get(i + 1).map(|w| w.text.as_str()), Some("guess" | "suppose"));
    let takes_object = !hedge
        && words.get(i + 2).is_some_and(|n| {
            !n.clause_start
                && matches!(n.text.as_str(), "you" | "you're" | "you've" | "it" | "it's" | "that" | "i" | "i'm")
        });
    break_after || (at_break && !takes_object)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

fn push_lower(word: &mut String, c: char) {
    word.push(lower(c));
}

/// `c` in lower case, for the letters of English and the other western European languages
/// (ASCII and Latin-1: `A` to `a`, `É` to `é`); any other character is returned as it is.
///
/// The text is matched against English word lists and scenario keywords, so this is enough, and
/// it keeps out the full Unicode case tables that `char::to_lowercase` needs (about 7 KB of the
/// gzipped wasm download).
///
/// ```
/// use growsim::scoring::text::lower;
/// assert_eq!("Ça Marche, ÉMILIE?".chars().map(lower).collect::<String>(), "ça marche, émilie?");
/// assert_eq!(lower('×'), '×');
/// ```
pub fn lower(c: char) -> char {
    match c {
        // Latin-1 puts each capital 32 places before its small letter, as ASCII does.
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => (c as u8 + 32) as char,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        sentences(text).iter().map(|s| s.texts().iter().map(|w| w.to_string()).collect()).collect()
    }

    #[test]
    fn lower_agrees_with_unicode_for_ascii_and_latin_1() {
        for c in '\0'..='ÿ' {
            assert_eq!(lower(c).to_string(), c.to_lowercase().to_string(), "{c:?}");
        }
    }

    #[test]
    fn splits_sentences_and_marks_questions() {
        let s = sentences("You sound tired. What's going on?");
        assert_eq!(s.len(), 2);
        assert!(!s[0].question_mark);
        assert!(s[1].question_mark);
        assert_eq!(s[1].texts(), ["what's", "going", "on"]);
    }

    #[test]
    fn drops_fillers_and_stutters() {
        assert_eq!(words("um so uh what what would — you know — help")[0], ["so", "what", "would", "help"]);
        assert_eq!(words("Do you know what you want?")[0], ["do", "you", "know", "what", "you", "want"]);
        assert_eq!(words("so, you know you should")[0], ["so", "you", "know", "you", "should"]);
        assert_eq!(words("so, you know, you should")[0], ["so", "you", "should"]);
    }

    #[test]
    fn drops_bracketed_fillers_and_hedges() {
        assert_eq!(words("how sure are you, like, out of ten")[0], ["how", "sure", "are", "you", "out", "of", "ten"]);
        assert_eq!(words("Like what?")[0], ["like", "what"]);
        assert_eq!(words("it feels like a lot")[0], ["it", "feels", "like", "a", "lot"]);
        assert_eq!(words("i guess i'm wondering why")[0], ["i'm", "wondering", "why"]);
    }

    #[test]
    fn a_clause_of_markers_joins_the_next() {
        let s = &sentences("what will you do — and, like, by when?")[0];
        assert_eq!(s.texts(), ["what", "will", "you", "do", "and", "by", "when"]);
        assert_eq!(s.clause_starts(), [0, 4]);
        assert_eq!(sentences("So, what happened?")[0].clause_starts(), [0]);
    }

    #[test]
    fn marks_clause_starts() {
        let s = &sentences("When you say stuck, what do you mean?")[0];
        assert_eq!(s.clause_starts(), [0, 4]);
    }

    #[test]
    fn strips_markup_and_keeps_spans() {
        let text = "<b>What</b> matters?";
        let s = &sentences(text)[0];
        assert_eq!(s.texts(), ["what", "matters"]);
        assert_eq!(&text[s.words[0].span.clone()], "What");
    }

    #[test]
    fn curly_apostrophes_are_normalised() {
        assert_eq!(words("What’s next?")[0], ["what's", "next"]);
    }

    #[test]
    fn punctuation_only_has_no_sentences() {
        assert!(sentences("?!...").is_empty());
        assert!(sentences("").is_empty());
    }
}
