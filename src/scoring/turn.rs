//! The turn and clause reader: splits an utterance into sentences, finds which ones are
//! questions and, in each, the head clause that carries the question.

use super::lexicon;
use super::text::{sentences, Sentence, DISCOURSE_MARKERS};
use super::words::{is_aux, is_wh, CHECKS, INVITING_NOUNS, PERSONAL_PRONOUNS, PREPOSITIONS, SUBJECTS};

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
    /// The index of the deciding question, worked out once.
    decides: Option<usize>,
}

impl<'a> Turn<'a> {
    /// Parses `text` into sentences and finds the questions.
    pub fn new(text: &'a str) -> Turn<'a> {
        let sentences = sentences(text);
        let heads: Vec<usize> = sentences.iter().map(head_clause).collect();
        let questions = (0..sentences.len()).filter(|&i| is_question(&sentences[i], heads[i])).collect();
        let mut turn = Turn { text, sentences, questions, heads, clause: None, decides: None };
        turn.decides = turn.find_deciding();
        turn.clause = turn.decides.map(|i| tail(&turn.sentences[i], turn.heads[i]));
        turn
    }

    /// The last question, which decides openness.
    pub fn last_question(&self) -> Option<&Sentence> {
        self.deciding().map(|i| &self.sentences[i])
    }

    /// The question that decides openness: the last one that is more than a check
    /// ("What happened? Is that right?" is decided by "What happened?").
    pub fn deciding(&self) -> Option<usize> {
        self.decides
    }

    fn find_deciding(&self) -> Option<usize> {
        let real = self.questions.iter().rev().find(|&&i| {
            let s = &self.sentences[i];
            !is_check(s, self.heads[i]) && !is_fragment(s)
        });
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

/// "And to whom?", "Or something else?": a clipped follow-up or a further alternative that
/// leans on the question before it rather than asking one of its own.
pub fn is_fragment(s: &Sentence) -> bool {
    if s.words.len() > 5 {
        return false;
    }
    let words = s.texts();
    let led_by_or = words.first() == Some(&"or");
    let rest = words.iter().find(|w| !DISCOURSE_MARKERS.contains(w));
    let alternative = led_by_or && !rest.is_some_and(|w| is_wh(w) || is_aux(w));
    alternative || is_clipped_follow_up(&words) || is_follow_up_phrase(&words)
}

/// "And for the team?", "And your partner?": the question before, asked again of something
/// else; a phrase with no verb of its own, led by "and".
pub fn is_follow_up_phrase(words: &[&str]) -> bool {
    let no_verb = words.iter().all(|w| !is_wh(w) && !is_aux(w) && !w.contains('\''));
    words.first() == Some(&"and") && (2..=5).contains(&words.len()) && no_verb
}

/// "and by when", "and how", "to whom": a wh-word, perhaps after a preposition, that asks one
/// more detail of the same answer ("What will you do, and by when?" asks for one plan).
pub fn is_clipped_follow_up(words: &[&str]) -> bool {
    let from = words.iter().position(|w| !DISCOURSE_MARKERS.contains(w)).unwrap_or(words.len());
    match &words[from..] {
        [w] => is_wh(w),
        [p, w] => is_wh(w) && PREPOSITIONS.contains(p),
        _ => false,
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
        // "what you said is…", "what worries you is…" are statements unless marked as questions.
        let pseudo_cleft = next.is_some_and(|n| PERSONAL_PRONOUNS.contains(&n)) || is_pseudo_cleft(s, i);
        return lenient || s.question_mark || !pseudo_cleft || words.len() <= 2;
    }
    if is_aux(first) {
        // Typed without its "?", a sentence can only open on "is" or "does" as a question:
        // "is part time an option", "was today helpful".
        let unmistakable = i == s.skip_markers(0) && matches!(first, "is" | "are" | "was" | "were" | "does" | "did");
        // "Have a think about it", "Do a quick list": an imperative, not a question.
        let imperative =
            matches!(first, "have" | "do") && next.is_some_and(|n| matches!(n, "a" | "an" | "the" | "some"));
        return !imperative
            && next.is_some_and(|n| SUBJECTS.contains(&n) || n == "not" || (unmistakable && !is_aux(n)));
    }
    // "ok if I take notes?", "okay to carry on": permission asked with its verb left out.
    if i > 0 && matches!(first, "if" | "to") && i == s.skip_markers(0) {
        let asks = matches!(words[i - 1].text.as_str(), "ok" | "okay" | "alright") && i == 1;
        if asks {
            return true;
        }
    }
    // "Surely…?" pushes for agreement even when typed without its question mark.
    if first == "surely" && words.len() > 2 {
        return true;
    }
    // "Anything else?", "Any thoughts on what might help?": an invitation in a noun phrase.
    if invites_anything(s, i) {
        return true;
    }
    // "In what ways…?", "To what extent…?": a wh-word after its preposition.
    if LEADING_PREPOSITIONS.contains(&first) && next.is_some_and(|n| matches!(n, "what" | "which" | "how" | "whom")) {
        // …with its auxiliary before the subject: not "from what you've said, …".
        let text = |j: usize| words.get(j).map(|w| w.text.as_str()).unwrap_or("");
        let short = clause_end(s, i) - i <= 3;
        let inverted = (i + 2..i + 5).any(|j| is_aux(text(j))) && !PERSONAL_PRONOUNS.contains(&text(i + 2));
        if short || inverted {
            return true;
        }
    }
    // "By when?", "Since when?": a clipped question after a preposition.
    let clipped = clause_end(s, i) - i <= 3 || words.get(i + 2).is_some_and(|w| is_aux(&w.text));
    clipped && matches!(first, "by" | "until" | "since" | "from") && next.is_some_and(is_wh)
}

/// "what worries you is the match", "what helps is knowing": a wh-clause used as the subject of
/// "is", which makes a statement. The wh-word is followed by a verb ending in -s, and "is" or
/// "was" comes later with more after it.
fn is_pseudo_cleft(s: &Sentence, i: usize) -> bool {
    let w = s.texts();
    if w.get(i) != Some(&"what") {
        return false;
    }
    let verb = w.get(i + 1).is_some_and(|v| v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !is_aux(v));
    let copula = (i + 2..w.len().saturating_sub(1)).any(|j| matches!(w[j], "is" | "was"));
    verb && copula
}

/// Prepositions a question may open on before its wh-word: "in what ways", "to what extent".
pub const LEADING_PREPOSITIONS: &[&str] = &["in", "to", "at", "for", "from", "on", "with", "about", "of", "by"];

/// Verbs that make "anything you tell me…" the subject of a statement.
const STATEMENT_VERBS: &[&str] = &["stays", "stay", "is", "will", "remains", "goes", "can", "won't", "gets", "must"];

/// Whether the clause at `i` opens on an open-ended "anything" or "any" + a noun that asks for
/// ideas ("anything else you'd add", "any thoughts on…", "any questions before we start"),
/// rather than a statement ("anything you say here stays here").
pub fn invites_anything(s: &Sentence, i: usize) -> bool {
    let word = |j: usize| s.words.get(j).map(|w| w.text.as_str());
    let Some(first) = word(i) else {
        return false;
    };
    if lexicon::statements().at(s, i).is_some() {
        return false;
    }
    // "Anything you tell me stays here" goes on to its own verb: a statement.
    let w = s.texts();
    let main_verb = !s.question_mark
        && (i + 2..w.len()).any(|j| STATEMENT_VERBS.contains(&w[j]) && !PERSONAL_PRONOUNS.contains(&w[j - 1]));
    match first {
        "anything" | "anyone" | "anybody" => !main_verb,
        "any" => {
            let noun = if word(i + 1).is_some_and(|w| matches!(w, "other" | "more" | "further" | "new" | "final")) {
                word(i + 2).or(word(i + 1))
            } else {
                word(i + 1)
            };
            noun.is_some_and(|n| INVITING_NOUNS.contains(&n))
        }
        _ => false,
    }
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
    // "…, isn't it", "…, have I got that right": a tag or a check makes a statement a question.
    if tag_at_end(s).is_some() || s.clause_starts().iter().skip(1).any(|&c| span_is_any(s, c, s.words.len(), CHECKS)) {
        return true;
    }
    if head == start {
        return false;
    }
    let first = s.words[head].text.as_str();
    let second = s.words.get(head + 1).map(|w| w.text.as_str()).unwrap_or("");
    let third = s.words.get(head + 2).map(|w| w.text.as_str()).unwrap_or("");
    let wh_then_aux = matches!(first, "what" | "how" | "why" | "which" | "who" | "where" | "when") && is_aux(second)
        || first == "how" && is_aux(third);
    wh_then_aux || first.ends_with("'s") && is_wh(first) || lexicon::elaboration().at(s, head).is_some()
}

/// Where a tag that turns a statement into a question starts ("…, isn't it", "you'll do it
/// though, won't you", "…, right"): a whole trailing clause from the tag list, or, typed without
/// its comma, a negative auxiliary and its pronoun at the end ("ur gonna do it tho arent u"),
/// or any auxiliary and pronoun after a negative statement ("ur not lazy r u").
pub fn tag_at_end(s: &Sentence) -> Option<usize> {
    let last = *s.clause_starts().last()?;
    // Without its question mark, a one-word tag ("…, okay.") only rounds off a statement.
    let unmistakable = s.question_mark || s.words.len() - last > 1 || s.words[last].text == "innit";
    if last > 0 && unmistakable && lexicon::tags().is_whole_rest(s, last) {
        return Some(last);
    }
    let n = s.words.len();
    if n < 4 {
        return None;
    }
    let word = |j: usize| s.words[j].text.as_str();
    let start = s.skip_markers(0);
    if is_aux(word(start)) || is_wh(word(start)) {
        return None;
    }
    let (aux, pronoun) = (word(n - 2), word(n - 1));
    let negative_tag = aux.ends_with("n't");
    let after_negative = s.words[..n - 2].iter().any(|w| w.text == "not" || w.text.ends_with("n't"));
    let tag = is_aux(aux) && TAG_PRONOUNS.contains(&pronoun) && (negative_tag || after_negative);
    (tag && n - 2 > start + 1).then_some(n - 2)
}

/// Pronouns a tag question ends on.
const TAG_PRONOUNS: &[&str] = &["you", "it", "they", "we", "he", "she", "there", "i", "that"];

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
    let word = s.words[i].text.as_str();
    let next = s.words.get(i + 1).map(|w| w.text.as_str());
    let subject = next.is_some_and(|n| {
        PERSONAL_PRONOUNS.contains(&n) || SUBORDINATE_SUBJECTS.contains(&n) || n.ends_with("'s") && !is_wh(n)
    });
    // "…, when the panic starts", "…, which makes sense": a time or relative clause.
    let bound = matches!(word, "when" | "where" | "which" | "while" | "whenever") && next.is_some_and(|n| !is_aux(n));
    is_wh(word) && (subject || bound)
}

/// Subjects that, straight after a wh-word, open a subordinate clause rather than a question.
const SUBORDINATE_SUBJECTS: &[&str] = &[
    "it", "it's", "he's", "she's", "they're", "we're", "you're", "i'm", "there's", "that's", "your", "my", "his",
    "her", "their", "our",
];

/// "…, or keep going alongside it": a clause led by "or" that is not itself a question is one
/// more answer on offer, not a new question.
pub fn is_alternative(s: &Sentence, start: usize, head: usize) -> bool {
    let led_by_or = s.words[start..head].iter().any(|w| w.text == "or");
    let asks = (is_wh(&s.words[head].text) && !is_subordinate(s, head)) || is_aux(&s.words[head].text);
    led_by_or && !asks
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
        // "what would happen if you, um, did nothing?": the verb goes on the clause before.
        let continues = i > 0 && is_aux(&s.words[i].text) && PERSONAL_PRONOUNS.contains(&s.words[i - 1].text.as_str());
        // "What will you do, and by when?": the clipped follow-up is not the main clause.
        let clipped = clause_end(s, start) - start <= 4 && is_clipped_follow_up(&clause_from(s, start));
        if !is_check(s, i)
            && !is_interjection(s, i)
            && !framing_only
            && !alternative
            && !continues
            && !clipped
            && opens_question(s, i, true)
        {
            head = i;
            asked = true;
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(text: &str) -> Turn<'_> {
        Turn::new(text)
    }

    /// The deciding clause's words.
    fn deciding(text: &str) -> Vec<String> {
        turn(text).deciding_clause().map(|s| s.texts().iter().map(|w| w.to_string()).collect()).unwrap_or_default()
    }

    #[test]
    fn typed_questions_without_a_question_mark_are_questions() {
        for text in ["is sunday better for u", "was the workshop useful", "ok to leave it there", "anything else"] {
            assert_eq!(turn(text).questions, [0], "{text}");
        }
        assert!(turn("Anything you tell me stays here.").questions.is_empty());
        assert!(turn("Have a think about it.").questions.is_empty());
    }

    #[test]
    fn a_question_after_an_unpunctuated_opening_is_found() {
        assert_eq!(deciding("if it all worked out what would you be doing"), ["what", "would", "you", "be", "doing"]);
        assert_eq!(deciding("on a scale of 1 to 10 how sure are you"), ["how", "sure", "are", "you"]);
        assert!(turn("I know what you mean").questions.is_empty());
    }

    #[test]
    fn clipped_follow_ups_and_alternatives_do_not_decide() {
        assert_eq!(deciding("What will you send first? And to whom?"), ["what", "will", "you", "send", "first"]);
        assert_eq!(deciding("What will you do, and by when?"), ["what", "will", "you", "do", "and", "by", "when"]);
        assert_eq!(deciding("What shall we start with: the budget? Or something else?")[0], "what");
        assert!(is_fragment(&sentences("and for your family")[0]));
    }

    #[test]
    fn tags_are_found_with_or_without_a_comma() {
        let s = sentences("you're going to call her tonight aren't you");
        assert_eq!(tag_at_end(&s[0]), Some(6));
        assert_eq!(tag_at_end(&sentences("That helps, doesn't it?")[0]), Some(2));
        assert_eq!(tag_at_end(&sentences("What would you do?")[0]), None);
        assert_eq!(tag_at_end(&sentences("we can stop there, okay.")[0]), None);
    }

    #[test]
    fn subordinate_clauses_are_not_heads() {
        assert_eq!(deciding("What goes through your mind, when the alarm goes off?")[0], "what");
        assert_eq!(deciding("What's the plan for Saturday, when he's round?")[0], "what's");
        assert_eq!(deciding("Is it the hours, or what your family expects?")[0], "is");
    }

    #[test]
    fn a_pseudo_cleft_is_a_statement() {
        assert!(turn("What worries you is the second half of the match.").questions.is_empty());
        assert_eq!(turn("what worries you most about it").questions, [0]);
    }
}
