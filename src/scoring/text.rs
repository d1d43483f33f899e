//! Turns raw coach text into sentences of normalised words, keeping byte spans into the original.
//!
//! Normalisation, so the rules read what the speaker meant: lower case, curly apostrophes made
//! straight, markup tags dropped; typed shorthand and contractions written out ("u" → "you",
//! "wud" → "would", "what'd" → "what would", "gonna" → "going to"); fillers ("um", "you know")
//! dropped; repeats ("what-what", "if I, uh, if I") said once; false starts ("is there— have
//! you thought…") dropped. Sentences end at `?`, `!` or `.`; clauses inside a sentence break at
//! commas, dashes, colons and semicolons, and after an unpunctuated opening ("if it went well
//! what…").

use super::lexicon::Fnv;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A normalised word and where it sits in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Range<usize>,
    /// True when a comma, dash, colon or semicolon came right before this word.
    pub clause_start: bool,
    /// True when that break was a dash or a trailing "…", where speakers restart
    /// ("is there— have you thought…").
    pub restart: bool,
    /// True when a repair ("I mean", "sorry") came right before this word.
    pub repair: bool,
    /// True when the break before this word only set off a dropped filler ("to be, uh, calmer").
    pub pause: bool,
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
    /// True when fillers, repeated words or a restart were dropped from it.
    pub disfluent: bool,
}

/// Words skipped at the start of a clause before looking at how it opens.
pub const DISCOURSE_MARKERS: &[&str] = &[
    "so", "and", "but", "okay", "ok", "right", "well", "now", "then", "alright", "yeah", "yes", "oh", "also", "or",
    "just", "hey",
];

impl Word {
    /// A word with no text, left behind when a word is moved out of a list.
    fn empty() -> Word {
        Word { text: String::new(), span: 0..0, clause_start: false, restart: false, repair: false, pause: false }
    }
}

impl Sentence {
    /// Builds a sentence, working out where its clauses start.
    pub fn new(words: Vec<Word>, span: Range<usize>, question_mark: bool) -> Sentence {
        let mut starts: Vec<usize> = (0..words.len()).filter(|&i| i == 0 || words[i].clause_start).collect();
        merge_marker_clauses(&words, &mut starts);
        let mut sentence = Sentence { words, span, question_mark, starts, heads: vec![], disfluent: false };
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

/// The words of `text` as the rules read them, lower-case, with typed shorthand and curly
/// apostrophes standardised and fillers and stammers dropped, separated by single spaces and
/// padded so that whole words and phrases match with `contains`.
///
/// ```
/// use growsim::scoring::text::plain_words;
/// assert_eq!(plain_words("So, um, how wud u rate it?"), " so how would you rate it ");
/// assert!(plain_words("I can’t promise THAT.").contains(" can't promise "));
/// ```
pub fn plain_words(text: &str) -> String {
    let mut out = String::from(" ");
    for sentence in sentences(text) {
        for word in &sentence.words {
            out.push_str(&word.text);
            out.push(' ');
        }
    }
    out
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
const FILLERS: &[&str] = &["um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "ah", "mm", "uhm", "ehm"];
/// Two-word fillers dropped everywhere.
const FILLER_PAIRS: &[[&str; 2]] =
    &[["you", "know"], ["i", "mean"], ["kind", "of"], ["sort", "of"], ["i", "guess"], ["i", "suppose"]];
/// Words that are fillers only when set off on both sides: "how sure are you, like, out of ten".
const BRACKETED_FILLERS: &[&str] = &["like", "basically", "actually", "literally"];
/// Longest run of words a speaker repeats when restarting ("the way I usually — the way I usually work").
const MAX_REPEAT: usize = 5;
/// Longest clause read as a false start when the speaker begins again with the same word
/// ("why is, um, why's the promotion…").
const MAX_FALSE_START: usize = 6;

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
    let mut pending_dash = false;
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
            words.push(Word {
                text: word,
                span: start..end,
                clause_start: pending_break,
                restart: pending_dash,
                repair: false,
                pause: false,
            });
            pending_break = false;
            pending_dash = false;
        } else if matches!(c, '?' | '!' | '.' | '…') {
            // "e.g." and decimals stay inside the sentence.
            let next_is_word = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c == '.' && next_is_word {
                continue;
            }
            // A trailing "…" or "..." before more lower-case words is a pause, not an ending.
            let mut end = i + c.len_utf8();
            if c == '…' || (c == '.' && chars.peek().is_some_and(|(_, n)| *n == '.')) {
                while let Some(&(j, d)) = chars.peek() {
                    if d != '.' && d != '…' {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                let after = text[end..].trim_start();
                if after.starts_with(|n: char| n.is_lowercase()) && !words.is_empty() {
                    pending_break = true;
                    pending_dash = true;
                    continue;
                }
            }
            let question = c == '?';
            finish(&mut out, &mut words, &mut sentence_start, end, question);
            pending_break = false;
            pending_dash = false;
        } else if matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '(' | ')' | '"' | '“' | '”') {
            pending_break = true;
            pending_dash |= matches!(c, '—' | '–' | '-');
        }
    }
    finish(&mut out, &mut words, &mut sentence_start, text.len(), false);
    out
}

fn finish(out: &mut Vec<Sentence>, words: &mut Vec<Word>, start: &mut Option<usize>, end: usize, question: bool) {
    let mut disfluent = false;
    let cleaned = clean(std::mem::take(words), &mut disfluent);
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
        let mut cleaned = cleaned;
        mark_unpunctuated_clause(&mut cleaned);
        let mut sentence = Sentence::new(cleaned, s..end, question);
        sentence.disfluent = disfluent;
        out.push(sentence);
    } else if question {
        if let Some(last) = out.last_mut() {
            last.question_mark = true;
        }
    }
}

/// Words that open a subordinate clause set before the question: "if it went well, what…".
const SUBORDINATORS: &[&str] =
    &["if", "when", "once", "whenever", "suppose", "supposing", "say", "given", "since", "after", "before"];

/// "if it all went well what would be different", "on a scale of 0 to 10 how stressed are
/// you": speakers and typists often leave out the comma after an opening phrase. A wh-word with
/// its auxiliary later in the sentence starts the question's clause there: after an opening
/// "if…" or "when…", any auxiliary will do; otherwise it must come before its subject
/// ("what would you", "how sure are you"), which a statement does not do.
fn mark_unpunctuated_clause(words: &mut [Word]) {
    let Some(first) = words.iter().position(|w| !DISCOURSE_MARKERS.contains(&w.text.as_str())) else {
        return;
    };
    if opens_like_question(&words[first].text) {
        return;
    }
    let conditional = SUBORDINATORS.contains(&words[first].text.as_str());
    const AUX_AFTER_WH: &[&str] =
        &["would", "will", "could", "might", "should", "can", "do", "does", "did", "is", "are", "was", "were", "have"];
    const SUBJECTS_AFTER_AUX: &[&str] =
        &["you", "i", "we", "they", "he", "she", "it", "that", "this", "there", "your", "people"];
    const BEFORE_REPORTED: &[&str] = &[
        "about",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "know",
        "knew",
        "see",
        "ask",
        "asked",
        "wonder",
        "wondered",
        "wondering",
        "tell",
        "told",
        "sure",
        "understand",
        "is",
        "was",
        "that's",
        "it's",
        "say",
        "said",
    ];
    let text = |j: usize| words.get(j).map(|w| w.text.as_str()).unwrap_or("");
    // A scale's end: "10", "ten", or a range typed as "1-10".
    let ends_scale = |w: &str| w.rsplit('-').next().is_some_and(is_number) || matches!(w, "ten" | "hundred");
    // "0-10 how likely are you…": a typed scale can open the sentence on its own.
    let from = if ends_scale(text(first)) { first + 1 } else { first + 2 };
    for j in from..words.len().saturating_sub(1) {
        if words[j].clause_start {
            return;
        }
        let wh = matches!(
            text(j),
            "what" | "how" | "who" | "where" | "which" | "why" | "what's" | "how's" | "who's" | "where's"
        );
        if !wh || BEFORE_REPORTED.contains(&text(j - 1)) {
            continue;
        }
        let contracted = text(j).ends_with("'s");
        let inverted = |a: usize| AUX_AFTER_WH.contains(&text(a)) && SUBJECTS_AFTER_AUX.contains(&text(a + 1));
        // "…but what's going on at home": a new clause after a conjunction.
        let after_conjunction = matches!(text(j - 1), "but" | "and" | "so");
        // "…on a scale of 0 to 10 how useful was the session": the scale's last number ends the phrase.
        let after_scale = ends_scale(text(j - 1));
        let asks = if after_scale {
            contracted
                || AUX_AFTER_WH.contains(&text(j + 1))
                || (text(j) == "how" && AUX_AFTER_WH.contains(&text(j + 2)))
        } else if conditional || after_conjunction {
            contracted || AUX_AFTER_WH.contains(&text(j + 1))
        } else {
            inverted(j + 1) || (text(j) == "how" && inverted(j + 2))
        };
        if asks {
            words[j].clause_start = true;
            return;
        }
    }
}

/// Reads what the speaker meant to say: stutters joined by hyphens split ("what-what"),
/// shorthand and contractions written out ([`standard`]), fillers dropped, repeated words
/// collapsed and false starts dropped ([`drop_false_starts`]). Clause breaks stay on the
/// next word kept. Sets `disfluent` when anything the speaker said was dropped.
fn clean(words: Vec<Word>, disfluent: &mut bool) -> Vec<Word> {
    let words = standard(split_stutters(words, disfluent));
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut carry_break = false;
    let mut carry_restart = false;
    let mut carry_repair = false;
    let mut after_filler = false;
    let mut i = 0;
    let mut words = words;
    while i < words.len() {
        let w = &words[i];
        let pair = words.get(i + 1).map(|n| [w.text.as_str(), n.text.as_str()]);
        let previous = out.last().map(|p| p.text.as_str());
        let filler_pair = pair.is_some_and(|p| FILLER_PAIRS.iter().any(|f| f[0] == p[0] && f[1] == p[1]))
            && is_filler_context(&words, i, previous);
        if filler_pair {
            carry_break |= w.clause_start;
            carry_restart |= w.restart;
            // "…just— I mean, would it…": "I mean" at a break repairs what came before.
            carry_repair |= w.clause_start && pair.is_some_and(|p| p == ["i", "mean"]);
            after_filler = true;
            *disfluent = true;
            i += 2;
            continue;
        }
        let bracketed = BRACKETED_FILLERS.contains(&w.text.as_str())
            && w.clause_start
            && words.get(i + 1).is_some_and(|n| n.clause_start);
        if FILLERS.contains(&w.text.as_str()) || bracketed {
            carry_break |= w.clause_start;
            carry_restart |= w.restart;
            after_filler = true;
            *disfluent = true;
            i += 1;
            continue;
        }
        // The word is kept: move it out, since the loop only looks ahead from here.
        let mut word = std::mem::replace(&mut words[i], Word::empty());
        word.pause = after_filler && (word.clause_start || carry_break) && !(word.restart || carry_restart);
        word.clause_start |= carry_break;
        word.restart |= carry_restart;
        word.repair |= carry_repair;
        carry_break = false;
        carry_restart = false;
        carry_repair = false;
        after_filler = false;
        out.push(word);
        i += 1;
    }
    let out = collapse_repeats(out, disfluent);
    let mut out = drop_false_starts(out, disfluent);
    close_pauses(&mut out);
    out
}

/// A break that only set off a filler ("what would happen if you, um, did nothing") does not
/// split the clause, unless a new question or a listed item starts there ("how are you, um,
/// what's on your mind", "…, uh, and the money").
fn close_pauses(words: &mut [Word]) {
    for w in words.iter_mut().filter(|w| w.pause && w.clause_start) {
        let keeps = matches!(w.text.as_str(), "and" | "or" | "but" | "so")
            || matches!(
                w.text.as_str(),
                "what"
                    | "what's"
                    | "how"
                    | "how's"
                    | "why"
                    | "why's"
                    | "where"
                    | "where's"
                    | "who"
                    | "who's"
                    | "which"
                    | "when"
            );
        w.clause_start = keeps;
    }
}

/// "what-what", "how'd-how'd", "wh-what": a word repeated or begun again across a hyphen is
/// said once.
fn split_stutters(words: Vec<Word>, disfluent: &mut bool) -> Vec<Word> {
    words
        .into_iter()
        .map(|mut w| {
            if let Some((_, last)) = w.text.rsplit_once('-') {
                let parts: Vec<&str> = w.text.split('-').collect();
                let stutter = !last.is_empty()
                    && !is_number(last)
                    && parts[..parts.len() - 1].iter().all(|p| !p.is_empty() && last.starts_with(p));
                if stutter {
                    let from = w.text.len() - last.len();
                    w.span.start += from.min(w.span.len());
                    w.text = last.to_string();
                    *disfluent = true;
                }
            }
            w
        })
        .collect()
}

/// "what what would", "if I, uh, if I notice", "the way I usually — the way I usually work":
/// a run of up to [`MAX_REPEAT`] words said twice in a row is said once. The second saying is
/// kept, with any clause break before the first.
fn collapse_repeats(mut words: Vec<Word>, disfluent: &mut bool) -> Vec<Word> {
    let mut i = 0;
    while i < words.len() {
        let repeat = (1..=MAX_REPEAT).rev().find(|&k| {
            i + 2 * k <= words.len()
                && (0..k).all(|j| words[i + j].text == words[i + k + j].text)
                && !(k == 1 && is_number(&words[i].text))
        });
        let Some(k) = repeat else {
            i += 1;
            continue;
        };
        let first: Vec<Word> = words.drain(i..i + k).collect();
        let kept = &mut words[i];
        kept.clause_start = first[0].clause_start;
        kept.restart = first[0].restart;
        kept.repair = first[0].repair;
        kept.pause = first[0].pause;
        kept.span.start = first[0].span.start;
        *disfluent = true;
    }
    words
}

/// A clause the speaker abandons and begins again: "is there— have you thought about…",
/// "what do you — what would help?", "why is, um, why's the promotion…", "what'd you like to
/// get— sorry, how'd you…". The false start is dropped and the sentence reads from the clause
/// that replaced it.
///
/// A clause is a false start when it breaks off unfinished (on a function word, an auxiliary
/// or a wh-word) at a dash or a repair ("I mean") before a new question; when a question is
/// followed by "sorry" and another question; or when the next clause begins again with the
/// same words.
fn drop_false_starts(words: Vec<Word>, disfluent: &mut bool) -> Vec<Word> {
    if !words.iter().skip(1).any(|w| w.clause_start) {
        return words;
    }
    let starts: Vec<usize> = (0..words.len()).filter(|&i| i == 0 || words[i].clause_start).collect();
    let mut keep = vec![true; words.len()];
    let texts = |from: usize, to: usize| -> Vec<&str> {
        words[from..to].iter().map(|w| w.text.as_str()).skip_while(|w| DISCOURSE_MARKERS.contains(w)).collect()
    };
    for (k, &s) in starts.iter().enumerate() {
        let Some(&e) = starts.get(k + 1) else {
            break;
        };
        let body = texts(s, e);
        let mut next_start = e;
        let mut sorry = false;
        if texts(e, starts.get(k + 2).copied().unwrap_or(words.len())) == ["sorry"] {
            next_start = starts.get(k + 2).copied().unwrap_or(words.len());
            sorry = true;
        } else if words[e].text == "sorry" {
            next_start = e + 1;
            sorry = true;
        }
        let next_end = starts.iter().copied().find(|&c| c > next_start).unwrap_or(words.len());
        let next = texts(next_start, next_end);
        let (Some(&first), Some(&next_first)) = (body.first(), next.first()) else {
            continue;
        };
        let repaired = words[e].restart || words[e].repair;
        if !(sorry || repaired || stem(first) == stem(next_first)) {
            continue;
        }
        let last = body[body.len() - 1];
        let unfinished =
            breaks_off_on(last, body.len()) && !(body.len() >= 2 && is_main_verb_do(&body[body.len() - 2..]));
        let same_opening = stem(first) == stem(next_first)
            && body.len() <= next.len()
            && body.iter().zip(&next).take(body.len() - 1).all(|(a, b)| stem(a) == stem(b));
        let new_question = opens_like_question(first) && opens_like_question(next_first);
        // "what's not working, I mean, what's the hardest bit?": a repair before a new question.
        let rephrased = words[e].repair && new_question;
        // "which day, um, which day's the first session": the last word begun again.
        let begun_again = next.get(body.len() - 1).is_some_and(|n| stem(n) == stem(last));
        let false_start = body.len() <= MAX_FALSE_START
            && ((sorry && new_question)
                || rephrased
                || (repaired && unfinished && (new_question || same_opening))
                || (same_opening && (unfinished || begun_again)));
        if false_start && keep[s] {
            keep[s..next_start].iter_mut().for_each(|k| *k = false);
        }
    }
    if keep.iter().all(|&k| k) {
        return words;
    }
    *disfluent = true;
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut carry_break = false;
    for (mut w, k) in words.into_iter().zip(keep) {
        if !k {
            carry_break |= w.clause_start;
            continue;
        }
        w.clause_start = (w.clause_start || carry_break) && !out.is_empty();
        carry_break = false;
        out.push(w);
    }
    out
}

/// Words a clause cannot end on when finished: the speaker broke off.
fn breaks_off_on(word: &str, len: usize) -> bool {
    const OPEN_ENDS: &[&str] = &[
        "you", "i", "we", "they", "he", "she", "it", "the", "a", "an", "your", "my", "to", "of", "for", "with",
        "about", "and", "or", "but", "that", "this", "if", "in", "on", "at", "me", "there", "just", "like", "any",
        "some", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could", "would", "will",
        "should", "might", "may", "you're", "you've", "it's", "there's", "what's", "how's",
    ];
    OPEN_ENDS.contains(&word) || opens_like_question(word) && len <= 2
}

/// "what do you do": the auxiliary after a subject is the main verb, so the clause is finished.
fn is_main_verb_do(pair: &[&str]) -> bool {
    matches!(pair, [s, "do" | "did" | "have" | "had"] if matches!(*s, "you" | "i" | "we" | "they" | "he" | "she"))
}

/// Auxiliaries among [`opens_like_question`]'s words.
fn is_aux(word: &str) -> bool {
    opens_like_question(word) && !word.starts_with("wh") && !word.starts_with("how") && !word.starts_with("any")
}

/// Words that open a question: wh-words and auxiliaries.
fn opens_like_question(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "what",
        "what's",
        "how",
        "how's",
        "why",
        "why's",
        "where",
        "where's",
        "who",
        "who's",
        "which",
        "when",
        "when's",
        "whose",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "may",
        "might",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "haven't",
        "can't",
        "couldn't",
        "wouldn't",
        "won't",
        "shouldn't",
        "any",
        "anything",
    ];
    OPENERS.contains(&word)
}

/// A word without its contraction: "why's" → "why", "day's" → "day".
fn stem(word: &str) -> &str {
    word.split('\'').next().unwrap_or(word)
}

/// Typed shorthand and common slips with their standard words: "u" → "you", "cud" → "could",
/// "whats" → "what's", "b4" → "before". Words whose reading depends on their neighbours ("ur",
/// "its", "r") are settled in [`standard`]. Sorted, with no word twice.
const SHORTHAND: &[(&str, &str)] = &[
    ("2day", "today"),
    ("2moro", "tomorrow"),
    ("2morrow", "tomorrow"),
    ("2nite", "tonight"),
    ("abt", "about"),
    ("adn", "and"),
    ("aint", "ain't"),
    ("altho", "although"),
    ("any1", "anyone"),
    ("arent", "aren't"),
    ("b4", "before"),
    ("bc", "because"),
    ("bcos", "because"),
    ("bcoz", "because"),
    ("bcuz", "because"),
    ("becos", "because"),
    ("bfore", "before"),
    ("cant", "can't"),
    ("cld", "could"),
    ("convo", "conversation"),
    ("cos", "because"),
    ("couldnt", "couldn't"),
    ("couldve", "could've"),
    ("coz", "because"),
    ("cud", "could"),
    ("cudn't", "couldn't"),
    ("cudnt", "couldn't"),
    ("cuz", "because"),
    ("didnt", "didn't"),
    ("diff", "different"),
    ("dnt", "don't"),
    ("doesnt", "doesn't"),
    ("don", "don't"),
    ("dont", "don't"),
    ("every1", "everyone"),
    ("gr8", "great"),
    ("hadnt", "hadn't"),
    ("hasnt", "hasn't"),
    ("havent", "haven't"),
    ("heres", "here's"),
    ("hes", "he's"),
    ("hows", "how's"),
    ("hrs", "hours"),
    ("hte", "the"),
    ("hw", "how"),
    ("hw's", "how's"),
    ("hwo", "how"),
    ("im", "i'm"),
    ("isnt", "isn't"),
    ("ive", "i've"),
    ("jus", "just"),
    ("mins", "minutes"),
    ("ne1", "anyone"),
    ("oyu", "you"),
    ("pls", "please"),
    ("plz", "please"),
    ("ppl", "people"),
    ("r", "are"),
    ("realy", "really"),
    ("rly", "really"),
    ("shd", "should"),
    ("shes", "she's"),
    ("shld", "should"),
    ("shouldnt", "shouldn't"),
    ("shouldve", "should've"),
    ("shud", "should"),
    ("shudn't", "shouldn't"),
    ("shudnt", "shouldn't"),
    ("smth", "something"),
    ("some1", "someone"),
    ("somethin", "something"),
    ("sth", "something"),
    ("sum1", "someone"),
    ("taht", "that"),
    ("taht's", "that's"),
    ("teh", "the"),
    ("thanx", "thanks"),
    ("thats", "that's"),
    ("theres", "there's"),
    ("theyre", "they're"),
    ("theyve", "they've"),
    ("thikn", "think"),
    ("thnk", "think"),
    ("thnx", "thanks"),
    ("tho", "though"),
    ("thru", "through"),
    ("thx", "thanks"),
    ("til", "until"),
    ("till", "until"),
    ("tmr", "tomorrow"),
    ("tmrow", "tomorrow"),
    ("tmrw", "tomorrow"),
    ("tomorow", "tomorrow"),
    ("tomoz", "tomorrow"),
    ("tonite", "tonight"),
    ("u", "you"),
    ("u'd", "you'd"),
    ("u'll", "you'll"),
    ("u're", "you're"),
    ("u've", "you've"),
    ("urself", "yourself"),
    ("urselves", "yourselves"),
    ("waht", "what"),
    ("waht's", "what's"),
    ("wasnt", "wasn't"),
    ("wat", "what"),
    ("wat's", "what's"),
    ("wats", "what's"),
    ("wen", "when"),
    ("wer", "where"),
    ("werent", "weren't"),
    ("weve", "we've"),
    ("whats", "what's"),
    ("whens", "when's"),
    ("wher", "where"),
    ("wheres", "where's"),
    ("whos", "who's"),
    ("wht", "what"),
    ("whta", "what"),
    ("whts", "what's"),
    ("whys", "why's"),
    ("wiht", "with"),
    ("wk", "week"),
    ("wks", "weeks"),
    ("wld", "would"),
    ("wnat", "want"),
    ("wont", "won't"),
    ("wot", "what"),
    ("wot's", "what's"),
    ("wots", "what's"),
    ("wouldnt", "wouldn't"),
    ("wouldve", "would've"),
    ("wud", "would"),
    ("wudn't", "wouldn't"),
    ("wudnt", "wouldn't"),
    ("wut", "what"),
    ("y", "why"),
    ("youd", "you'd"),
    ("youll", "you'll"),
    ("youre", "you're"),
    ("yourslef", "yourself"),
    ("youve", "you've"),
    ("yrs", "years"),
    ("yu", "you"),
    ("yuo", "you"),
];

/// Spoken and typed contractions that stand for two words: "gonna" → "going to". Sorted, with no
/// word twice.
const TWO_WORDS: &[(&str, [&str; 2])] = &[
    ("d'ya", ["do", "you"]),
    ("d'yer", ["do", "you"]),
    ("d'you", ["do", "you"]),
    ("didja", ["did", "you"]),
    ("dunno", ["don't", "know"]),
    ("dya", ["do", "you"]),
    ("dyou", ["do", "you"]),
    ("gimme", ["give", "me"]),
    ("gonna", ["going", "to"]),
    ("gotta", ["got", "to"]),
    ("hafta", ["have", "to"]),
    ("it'd", ["it", "would"]),
    ("kinda", ["kind", "of"]),
    ("lemme", ["let", "me"]),
    ("lotta", ["lot", "of"]),
    ("np", ["no", "problem"]),
    ("outta", ["out", "of"]),
    ("sorta", ["sort", "of"]),
    ("that'd", ["that", "would"]),
    ("there'd", ["there", "would"]),
    ("wanna", ["want", "to"]),
    ("watcha", ["what", "are"]),
    ("whadda", ["what", "do"]),
    ("whaddya", ["what", "do"]),
    ("whatcha", ["what", "are"]),
    ("y'know", ["you", "know"]),
    ("ya'know", ["you", "know"]),
    ("yknow", ["you", "know"]),
];

/// Wh-words that take a contracted auxiliary ("what'll", "how'd", "who're").
const WH_STEMS: &[&str] = &["what", "how", "who", "where", "why", "when", "which"];
/// Personal pronouns: after "what'd", one of these means "did" unless a wish follows.
const PRONOUNS: &[&str] = &["you", "i", "we", "they", "he", "she", "it"];
/// Verbs after "what'd you…" that make it "what would you…".
const WOULD_VERBS: &[&str] = &[
    "like", "prefer", "rather", "love", "hate", "mind", "be", "say", "want", "need", "choose", "pick", "rate", "give",
];
/// Words after which a typed "ur" or "its" is possessive: prepositions and verbs that take an object.
const BEFORE_POSSESSIVE: &[&str] = &[
    "to", "for", "with", "about", "of", "in", "on", "at", "from", "by", "into", "through", "around", "after", "before",
    "over", "under", "without", "within", "like", "than", "is", "does", "did", "was", "has", "have", "had", "will",
    "can", "could", "would", "should", "are", "were", "what's", "how's", "where's", "who's", "when's", "what", "how",
    "tell", "ask", "call", "text", "email", "see", "change", "keep", "get", "take", "make", "do", "all", "lost",
    "find", "found", "use", "check", "want", "need", "love", "miss", "help", "put", "give", "let", "show", "where",
    "which", "when", "whose", "whether", "if", "bring", "meet", "visit", "join", "contact", "reach", "hit", "cut",
    "set", "write", "send", "read", "eat", "drink", "lose", "leave",
];
/// Words after a typed "ur" that show it means "you're": "ur not sure", "ur going to".
const AFTER_YOURE: &[&str] = &[
    "not",
    "going",
    "gonna",
    "so",
    "really",
    "still",
    "just",
    "always",
    "never",
    "a",
    "an",
    "very",
    "quite",
    "too",
    "being",
    "already",
    "clearly",
    "obviously",
    "probably",
    "definitely",
    "actually",
    "right",
    "ok",
    "okay",
    "fine",
    "good",
    "sure",
    "worried",
    "nervous",
    "stuck",
    "torn",
    "tired",
    "after",
    "in",
    "on",
    "at",
    "doing",
    "feeling",
    "welcome",
    "saying",
    "telling",
    "trying",
    "thinking",
    "worn",
    "happy",
    "keen",
    "ready",
    "able",
    "allowed",
    "supposed",
    "meant",
    "likely",
    "unlikely",
    "bound",
    "about",
    "more",
    "less",
    "the",
    "all",
    "both",
    "only",
    "also",
    "pretty",
    "exhausted",
    "anxious",
    "scared",
    "afraid",
    "angry",
    "frustrated",
    "upset",
    "excited",
    "proud",
    "sad",
    "busy",
    "done",
    "finished",
    "new",
    "back",
    "there",
    "here",
    "like",
    "up",
    "off",
    "out",
    "over",
];
/// Verbs that follow a noun subject: "ur mum is ill", "ur sister checks in".
const SUBJECT_VERBS: &[&str] = &[
    "is", "isn't", "was", "wasn't", "are", "aren't", "were", "has", "hasn't", "have", "will", "won't", "would", "can",
    "can't", "could", "does", "doesn't", "did", "didn't", "should", "might", "must", "seems", "looks", "sounds",
    "feels", "said", "says", "thinks", "wants", "needs", "knows", "keeps", "gets", "makes", "goes", "comes", "takes",
    "checks", "lets", "helps", "works", "starts", "stops", "do", "don't", "'s",
];

/// Writes shorthand and contractions as standard words ([`SHORTHAND`], [`TWO_WORDS`]), reading
/// the ambiguous ones from their neighbours: a typed "ur" is "you're" where a subject goes
/// ("ur not sure", but "talk to ur GP", "ur mum is ill"); "its" likewise; "what'd" is "what
/// would" unless a pronoun and a past action follow ("what'd you do" is "what did you do");
/// "what'll", "how've", "who're" become two words.
fn standard(words: Vec<Word>) -> Vec<Word> {
    let standard: Vec<Option<Standard>> = words.iter().map(|w| lookup(&w.text)).collect();
    let text_at = |i: usize| {
        words.get(i).map(|w| match standard[i] {
            Some(Standard::One(t) | Standard::Two(t, _)) => t,
            None => w.text.as_str(),
        })
    };
    let mut choices: Vec<Option<(&'static str, Option<&'static str>)>> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let word = w.text.as_str();
        let prev = if i == 0 || w.clause_start { None } else { text_at(i - 1) };
        let next = text_at(i + 1);
        let subject_position = || prev.is_none_or(|p| !BEFORE_POSSESSIVE.contains(&p));
        let one = |t: &'static str| Some((t, None));
        let choice = match word {
            "ur" | "yr"
                if prev.is_some_and(|p| {
                    matches!(p, "a" | "the" | "this" | "next" | "last" | "per" | "every") || is_number(p)
                }) =>
            {
                one("year")
            }
            "ur" | "yr" => {
                let youre = subject_position()
                    && !text_at(i + 2).is_some_and(|n| SUBJECT_VERBS.contains(&n))
                    && (next.is_some_and(|n| AFTER_YOURE.contains(&n) || n.ends_with("ing") || n.ends_with("ed"))
                        || word == "ur");
                one(if youre { "you're" } else { "your" })
            }
            "its" if next != Some("own") && subject_position() => one("it's"),
            "lets" if prev.is_none() => one("let's"),
            // "ill send u the notes", "id like to": a typed "I'll" or "I'd" opening a clause.
            "ill" if prev.is_none() && next.is_some_and(|n| !SUBJECT_VERBS.contains(&n)) => one("i'll"),
            "id" if prev.is_none()
                && next.is_some_and(|n| matches!(n, "like" | "love" | "rather" | "say" | "want")) =>
            {
                one("i'd")
            }
            "y" if prev.is_none() && next.is_some_and(|n| n == "not" || n == "u" || is_wh_aux(n)) => one("why"),
            "n" if prev.is_some() && next.is_some() => one("and"),
            _ => match standard[i] {
                Some(Standard::One(t)) => one(t),
                Some(Standard::Two(a, b)) => Some((a, Some(b))),
                None if word.contains('\'') => {
                    wh_contraction(word, next, text_at(i + 2)).map(|(stem, aux)| (stem_of(stem), Some(aux)))
                }
                None => None,
            },
        };
        choices.push(choice);
    }
    if choices.iter().all(Option::is_none) {
        return words;
    }
    let mut out: Vec<Word> = Vec::with_capacity(words.len() + 2);
    for (mut w, choice) in words.into_iter().zip(choices) {
        let Some((first, second)) = choice else {
            out.push(w);
            continue;
        };
        w.text.clear();
        w.text.push_str(first);
        let second = second.map(|t| Word {
            text: t.to_string(),
            span: w.span.clone(),
            clause_start: false,
            restart: false,
            repair: false,
            pause: false,
        });
        out.push(w);
        out.extend(second);
    }
    out
}

/// What [`lookup`] finds for a word: one standard word or two.
#[derive(Clone, Copy)]
enum Standard {
    One(&'static str),
    Two(&'static str, &'static str),
}

/// The standard form of a shorthand word or a two-word contraction, from one hashed table.
fn lookup(word: &str) -> Option<Standard> {
    static TABLE: OnceLock<HashMap<&'static str, Standard, Fnv>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let one = SHORTHAND.iter().map(|&(k, v)| (k, Standard::One(v)));
        let two = TWO_WORDS.iter().map(|&(k, [a, b])| (k, Standard::Two(a, b)));
        one.chain(two).collect()
    });
    table.get(word).copied()
}

/// A wh-stem as a static string.
fn stem_of(stem: &str) -> &'static str {
    WH_STEMS.iter().find(|&&w| w == stem).copied().unwrap_or("what")
}

/// "what'll" → ("what", "will"); "how'd you find it" → ("how", "did"); "who'd notice" →
/// ("who", "would").
fn wh_contraction<'a>(word: &'a str, next: Option<&str>, after: Option<&str>) -> Option<(&'a str, &'static str)> {
    let (stem, tail) = word.split_once('\'')?;
    if !WH_STEMS.contains(&stem) {
        return None;
    }
    let aux = match tail {
        "ll" => "will",
        "ve" => "have",
        "re" => "are",
        "d" => {
            let past = next.is_some_and(|n| PRONOUNS.contains(&n) || n == "u")
                && !after.is_some_and(|a| WOULD_VERBS.contains(&a));
            if past {
                "did"
            } else {
                "would"
            }
        }
        _ => return None,
    };
    Some((stem, aux))
}

/// Wh-words and auxiliaries, as typed after a shorthand "y" ("y did u…").
fn is_wh_aux(word: &str) -> bool {
    opens_like_question(word) || matches!(word, "dont" | "didnt" | "r" | "wud" | "cud" | "shud")
}

/// "you know" and "i mean" are fillers only when they stand apart from the clause:
/// at a clause break, or followed by one. "Do you know…" keeps its words.
fn is_filler_context(words: &[Word], i: usize, previous: Option<&str>) -> bool {
    let first = &words[i];
    if matches!(first.text.as_str(), "kind" | "sort") {
        return previous
            .is_some_and(|p| !matches!(p, "what" | "which" | "a" | "the" | "this" | "that" | "any" | "some"));
    }
    let at_break = i == 0 || first.clause_start;
    let break_after = words.get(i + 2).is_none_or(|n| n.clause_start);
    // "you know you should…", "i mean that…": the verb with its own object, not a filler.
    let hedge = matches!(words.get(i + 1).map(|w| w.text.as_str()), Some("guess" | "suppose"));
    // "You know what happened last time": "you know" with a wh-clause, not "you know what, …".
    let object_clause = words.get(i + 2).is_some_and(|n| opens_like_question(&n.text) && !is_aux(&n.text))
        && words.get(i + 3).is_some_and(|n| !n.clause_start);
    let takes_object = !hedge
        && words.get(i + 2).is_some_and(|n| {
            !n.clause_start
                && (matches!(n.text.as_str(), "you" | "you're" | "you've" | "it" | "it's" | "that" | "i" | "i'm")
                    || object_clause)
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
    fn the_shorthand_tables_are_sorted_without_repeats() {
        assert!(SHORTHAND.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(TWO_WORDS.windows(2).all(|p| p[0].0 < p[1].0));
    }

    #[test]
    fn typed_shorthand_is_written_out() {
        assert_eq!(words("hw r u")[0], ["how", "are", "you"]);
        assert_eq!(words("wat cud u try b4 fri")[0], ["what", "could", "you", "try", "before", "fri"]);
        assert_eq!(words("whats ur plan, dont u think")[0], ["what's", "your", "plan", "don't", "you", "think"]);
        assert_eq!(words("im not sure wud it help")[0], ["i'm", "not", "sure", "would", "it", "help"]);
        assert_eq!(words("shud i call u tmrw")[0], ["should", "i", "call", "you", "tomorrow"]);
    }

    #[test]
    fn a_typed_ur_and_its_are_read_from_their_neighbours() {
        assert_eq!(words("ur not sure about it")[0][0], "you're");
        assert_eq!(words("ur going to ask him")[0][0], "you're");
        assert_eq!(words("talk to ur manager")[0][2], "your");
        assert_eq!(words("so ur brother is helping")[0][1], "your");
        assert_eq!(words("hows ur knee")[0], ["how's", "your", "knee"]);
        assert_eq!(words("its been a long week")[0][0], "it's");
        assert_eq!(words("the team has lost its way")[0][4], "its");
        assert_eq!(words("in a yr from now")[0][2], "year");
    }

    #[test]
    fn contractions_are_written_out() {
        assert_eq!(words("what'll you say")[0], ["what", "will", "you", "say"]);
        assert_eq!(words("how've things been")[0], ["how", "have", "things", "been"]);
        assert_eq!(words("who're you seeing")[0], ["who", "are", "you", "seeing"]);
        assert_eq!(words("what'd be different")[0], ["what", "would", "be", "different"]);
        assert_eq!(words("how'd you find it")[0], ["how", "did", "you", "find", "it"]);
        assert_eq!(words("how'd you like to start")[0], ["how", "would", "you", "like", "to", "start"]);
        assert_eq!(words("d'you wanna stop")[0], ["do", "you", "want", "to", "stop"]);
        assert_eq!(words("who's gonna help")[0], ["who's", "going", "to", "help"]);
        assert_eq!(words("so y'know, what's next")[0], ["so", "what's", "next"]);
    }

    #[test]
    fn hyphenated_stutters_are_said_once() {
        assert_eq!(words("what-what's the hard part")[0], ["what's", "the", "hard", "part"]);
        assert_eq!(words("how'd-how'd it feel")[0], ["how", "did", "it", "feel"]);
        assert_eq!(words("and-and then")[0], ["and", "then"]);
        assert_eq!(words("wh-where next")[0], ["where", "next"]);
        assert_eq!(words("a long-term plan, a one-to-one")[0], ["a", "long-term", "plan", "a", "one-to-one"]);
        assert!(sentences("what-what now")[0].disfluent);
    }

    #[test]
    fn repeated_runs_are_said_once() {
        assert_eq!(words("if we, uh, if we moved it")[0], ["if", "we", "moved", "it"]);
        assert_eq!(words("the thing I — the thing I keep noticing")[0], ["the", "thing", "i", "keep", "noticing"]);
        assert_eq!(words("it went from 10 10 to 12")[0], ["it", "went", "from", "10", "10", "to", "12"]);
    }

    #[test]
    fn false_starts_are_dropped() {
        assert_eq!(words("is there— have you spoken to her")[0], ["have", "you", "spoken", "to", "her"]);
        assert_eq!(words("what do you — what would help")[0], ["what", "would", "help"]);
        assert_eq!(words("why is, um, why's the evening hard")[0], ["why's", "the", "evening", "hard"]);
        assert_eq!(words("so what's— where are you with it")[0], ["where", "are", "you", "with", "it"]);
        assert_eq!(words("what did you want— sorry, how did it go")[0], ["how", "did", "it", "go"]);
        assert_eq!(words("couldn't you just— I mean, would it work")[0], ["would", "it", "work"]);
        assert_eq!(words("what's not right, I mean, what's the worst bit")[0], ["what's", "the", "worst", "bit"]);
        // Finished clauses and lists stay.
        assert_eq!(words("What did you see — what did you feel")[0].len(), 8);
        assert_eq!(words("there's the rent, there's the car")[0].len(), 6);
        assert_eq!(words("what will you do — and by when")[0], ["what", "will", "you", "do", "and", "by", "when"]);
    }

    #[test]
    fn a_pause_for_a_filler_does_not_split_the_clause() {
        let s = &sentences("what might happen if you, um, waited?")[0];
        assert_eq!(s.clause_starts(), [0]);
        let s = &sentences("how was it, um, what happened next?")[0];
        assert_eq!(s.clause_starts(), [0, 3]);
    }

    #[test]
    fn a_trailing_ellipsis_before_more_words_is_a_pause() {
        let s = sentences("so what... what would you try?");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].texts(), ["so", "what", "would", "you", "try"]);
        assert_eq!(sentences("I see... Go on.").len(), 2);
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
