//! The turn and clause reader: splits an utterance into sentences, finds which ones are
//! questions and, in each, the head clause that carries the question.

use super::lexicon;
use super::text::{sentences, Sentence};
use super::words::{is_aux, is_wh, CHECKS, PERSONAL_PRONOUNS, SUBJECTS};

/// A parsed utterance with its questions located.
pub struct Turn<'a> {
    pub text: &'a str,
    pub sentences: Vec<Sentence>,
    /// Indices of sentences that work as questions.
    pub questions: Vec<usize>,
    /// For each sentence, the word index where its main clause starts.
    pub heads: Vec<usize>,
    /// The deciding question from its head clause on (see [`Turn::deciding`]).
    clause: Option<Sentence>,
}

impl<'a> Turn<'a> {
    /// Parses `text` into sentences and finds the questions.
    pub fn new(text: &'a str) -> Turn<'a> {
        let sentences = sentences(text);
        let heads: Vec<usize> = sentences.iter().map(head_clause).collect();
        let questions = (0..sentences.len()).filter(|&i| is_question(&sentences[i], heads[i])).collect();
        let mut turn = Turn { text, sentences, questions, heads, clause: None };
        turn.clause = turn.deciding().map(|i| tail(&turn.sentences[i], turn.heads[i]));
        turn
    }

    /// The last question, which decides openness.
    pub fn last_question(&self) -> Option<&Sentence> {
        self.deciding().map(|i| &self.sentences[i])
    }

    /// The question that decides openness: the last one that is more than a check
    /// ("What happened? Is that right?" is decided by "What happened?").
    pub fn deciding(&self) -> Option<usize> {
        let real = self.questions.iter().rev().find(|&&i| !is_check(&self.sentences[i], self.heads[i]));
        real.or(self.questions.last()).copied()
    }

    /// The deciding question from its head clause on.
    pub fn deciding_clause(&self) -> Option<&Sentence> {
        self.clause.as_ref()
    }

    pub fn question_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.questions.iter().map(|&i| &self.sentences[i])
    }

    pub fn statements(&self) -> impl Iterator<Item = &Sentence> {
        (0..self.sentences.len()).filter(|i| !self.questions.contains(i)).map(|i| &self.sentences[i])
    }

    pub fn word_count(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// A copy of `s` from word `i` on, as its own sentence.
pub fn tail(s: &Sentence, i: usize) -> Sentence {
    let mut words = s.words[i.min(s.words.len())..].to_vec();
    let span = words.first().map(|w| w.span.start).unwrap_or(s.span.start)..s.span.end;
    if let Some(first) = words.first_mut() {
        first.clause_start = false;
    }
    Sentence::new(words, span, s.question_mark)
}

/// Whether the clause at `i` opens like a question: a wh-word, an auxiliary before its
/// subject, or a request to elaborate. Unless `lenient`, a bare wh-word before a pronoun is
/// refused, since in a statement it is a pseudo-cleft ("what you want is…").
pub fn opens_question(s: &Sentence, i: usize, lenient: bool) -> bool {
    let words = &s.words;
    let Some(first) = words.get(i) else {
        return false;
    };
    let next = words.get(i + 1).map(|w| w.text.as_str());
    let first = first.text.as_str();
    if lexicon::elaboration().at(s, i).is_some() {
        return true;
    }
    if is_wh(first) {
        // "what you said is…" is a statement unless marked as a question.
        let pseudo_cleft = next.is_some_and(|n| PERSONAL_PRONOUNS.contains(&n));
        return lenient || s.question_mark || !pseudo_cleft || words.len() <= 2;
    }
    if is_aux(first) {
        return next.is_some_and(|n| SUBJECTS.contains(&n) || n == "not");
    }
    // "By when?", "Since when?": a clipped question after a preposition.
    matches!(first, "by" | "until" | "since" | "from") && next.is_some_and(is_wh)
}

/// A sentence works as a question when it ends in "?", or opens like one. Without a "?", a
/// later clause counts only when it is unmistakable ("…, what would you do"), so relative
/// clauses ("…, which makes sense") stay statements.
pub fn is_question(s: &Sentence, head: usize) -> bool {
    if s.question_mark {
        return true;
    }
    let start = s.skip_markers(0);
    if opens_question(s, start, false) {
        return true;
    }
    if head == start {
        return false;
    }
    let first = s.words[head].text.as_str();
    let second = s.words.get(head + 1).map(|w| w.text.as_str()).unwrap_or("");
    let wh_then_aux = matches!(first, "what" | "how" | "why") && (is_aux(second) || second == "you");
    wh_then_aux || first.ends_with("'s") && is_wh(first) || lexicon::elaboration().at(s, head).is_some()
}

/// The words of the clause that starts at or contains word `i`, from `i` to the next clause break.
pub fn clause_from(s: &Sentence, i: usize) -> Vec<&str> {
    let end = clause_end(s, i);
    s.words[i.min(end)..end].iter().map(|w| w.text.as_str()).collect()
}

/// Index just past the clause that contains word `i`.
pub fn clause_end(s: &Sentence, i: usize) -> usize {
    s.clause_starts().iter().copied().find(|&c| c > i).unwrap_or(s.words.len())
}

/// Whether the clause at `i` only checks understanding ("do you think", "is that right"),
/// whatever follows it after a break ("…, do you think, for the mornings").
pub fn is_check(s: &Sentence, i: usize) -> bool {
    span_is_any(s, i, s.words.len(), CHECKS)
        || span_is_any(s, i, clause_end(s, i), CHECKS)
        || lexicon::tags().is_whole_rest(s, i)
}

/// Whether the words from `i` to `end` are exactly one of `list`.
pub fn span_is_any(s: &Sentence, i: usize, end: usize, list: &[&[&str]]) -> bool {
    let words = &s.words[i.min(end)..end];
    list.iter().any(|p| p.len() == words.len() && p.iter().zip(words).all(|(a, w)| *a == w.text))
}

/// "…, when she said that": a wh-word straight before its subject, with no inversion, opens a
/// subordinate clause rather than a new question.
pub fn is_subordinate(s: &Sentence, i: usize) -> bool {
    let next = s.words.get(i + 1).map(|w| w.text.as_str());
    is_wh(&s.words[i].text) && next.is_some_and(|n| PERSONAL_PRONOUNS.contains(&n) || n == "it")
}

/// "…, or keep going alongside it": a clause led by "or" that is not itself a question is one
/// more answer on offer, not a new question.
pub fn is_alternative(s: &Sentence, start: usize, head: usize) -> bool {
    let led_by_or = s.words[start..head].iter().any(|w| w.text == "or");
    led_by_or && !(is_wh(&s.words[head].text) || is_aux(&s.words[head].text))
}

/// "It's been, what, three years?": a lone "what" set off by breaks is an interjection.
pub fn is_interjection(s: &Sentence, i: usize) -> bool {
    let clause = clause_from(s, i);
    clause == ["what"] && i + 1 < s.words.len()
}

/// The clause that carries a sentence's question: the last clause that opens like one,
/// skipping trailing checks such as "do you think" or tags such as "right".
pub fn head_clause(s: &Sentence) -> usize {
    let starts = &s.heads;
    let mut head = starts.first().copied().unwrap_or(0);
    if starts.len() > 1 && is_interjection(s, head) {
        head = starts[1];
    }
    let mut asked = opens_question(s, head, false);
    for (&start, &i) in s.starts.iter().zip(starts).skip(1) {
        let framing_only = asked && is_subordinate(s, i);
        let alternative = is_alternative(s, start, i);
        if !is_check(s, i) && !is_interjection(s, i) && !framing_only && !alternative && opens_question(s, i, true) {
            head = i;
            asked = true;
        }
    }
    head
}
