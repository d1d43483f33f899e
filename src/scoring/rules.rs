//! The rule table. Each rule is a small named function that looks at a [`Turn`] and, when it
//! fires, returns the span it matched. What the rule concludes and its weight are data in the
//! table, and each rule is registered once (a rule may conclude a kind or openness and a flag).
//!
//! How a verdict is reached (see [`super::analyse`]):
//! - **Openness** is decided on the turn's last question, at its head clause: the heaviest
//!   openness rule that fires wins ("could you say more" beats "starts with could").
//! - **Kind** is the heaviest kind rule that fires; with none, the last question's openness.
//!   The weights follow the order of the labelling conventions: stacked, advice, leading, why,
//!   then open or closed.
//!
//! Each rule also carries a plain-words explanation for learners ([`explain`]); its name is for
//! tests and records only.

use super::lexicon::{self, Lexicon};
use super::text::{Sentence, DISCOURSE_MARKERS};
use super::turn::{
    clause_end, clause_from, invites_anything, is_check, is_follow_up_phrase, is_fragment, is_subordinate,
    opens_question, span_is_any, tag_at_end, Turn, LEADING_PREPOSITIONS,
};
use super::words::*;
use super::{Flag, Kind, Openness, RuleHit};
use std::ops::Range;

/// A rule that settles the matter on its own.
pub const DECISIVE: f32 = 3.0;
/// Several questions in one turn: a structural fact that outranks wording.
pub const STACKED: f32 = 2.8;
/// A suggestion dressed as a question.
pub const ADVICE: f32 = 2.6;
/// A push towards the coach's answer.
pub const LEADING: f32 = 2.2;
/// A question that asks "why" or "how come", curious or judging: after leading, before form.
pub const WHY: f32 = 2.1;
/// A scale asks for the coachee's own rating, whatever the wh-word: outranks fact-seeking.
pub const SCALING: f32 = 2.5;
/// A summary marker outranks the "you could…" inside the summary.
pub const SUMMARY: f32 = 2.7;
/// A lexical pattern that is usually right.
pub const STRONG: f32 = 2.0;
/// A statement that opens like a greeting, affirmation or information.
pub const STATEMENT: f32 = 1.9;
/// A reflective-listening stem.
pub const REFLECTION: f32 = 1.8;
/// A weak structural cue.
pub const CUE: f32 = 1.0;
/// What is left when nothing else fires.
pub const FALLBACK: f32 = 0.5;

/// A statement at least this long, with several parts, reads as a summary.
const SUMMARY_WORDS: usize = 35;

/// What a rule concludes when it fires.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Says {
    Kind(Kind),
    Openness(Openness),
    Flag(Flag),
}

/// One entry of the rule table.
pub struct Rule {
    /// Internal name, for tests and records; never shown to learners (see [`explain`]).
    pub name: &'static str,
    /// What the rule noticed, in plain words for a learner; `{}` is where the matched text goes.
    pub explains: &'static str,
    /// What the rule concludes: a kind or an openness, a flag, or one of each.
    pub says: &'static [Says],
    pub weight: f32,
    pub test: fn(&Turn) -> Option<Range<usize>>,
}

fn find_in(lexicon: &Lexicon, s: &Sentence) -> Option<Range<usize>> {
    lexicon.find(s)
}

// ---- openness rules (on the deciding question) ---------------------------------------------

fn elaboration_request(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    lexicon::elaboration().at(s, 0)
}

fn elliptical_prompt(t: &Turn) -> Option<Range<usize>> {
    let s = t.last_question()?;
    let words: Vec<&str> = s.texts();
    is_one_of(&words, ELLIPTICAL_OPEN).then(|| s.span.clone())
}

/// A scaling question: a scale anywhere in the turn ("on a scale of 0 to 10", "out of ten", "if
/// zero is not at all and ten is completely", "where would you put yourself") with a question
/// that asks for a point on it. The coachee's own rating is open; a yes/no question about a
/// number ("Are you a 7?") stays closed.
fn scaling_question(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let w = s.texts();
    let first = *w.first()?;
    let rates = |v: Option<&&str>| v.is_some_and(|v| RATING_VERBS.contains(v));
    let asks = is_wh(first) || rates(w.first()) || (is_aux(first) && w.get(1) == Some(&"you") && rates(w.get(2)));
    if !asks {
        return None;
    }
    t.sentences.iter().find_map(|x| find_in(lexicon::scaling(), x))
}

/// "Anything else?", "Any thoughts on what might help?", "Is there anything you'd add?", "Do you
/// have any ideas?": grammatically closed, but they invite whatever the coachee wants to add.
fn open_invitation(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let w = s.texts();
    let end_at = |j: usize| s.words[0].span.start..s.words[j.min(s.words.len() - 1)].span.end;
    if invites_anything(s, 0) {
        return Some(end_at(1));
    }
    let from = match (w.first().copied(), w.get(1).copied(), w.get(2).copied()) {
        (Some(aux), Some("there"), _) if is_aux(aux) => 2,
        (Some(aux), Some("you"), Some(verb)) if is_aux(aux) && OFFERING_VERBS.contains(&verb) => 3,
        _ => return None,
    };
    invites_anything(s, from).then(|| end_at(from + 1))
}

fn fact_seeking(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    // "For how long…?", "At what time…?": the same question after its preposition.
    let after_preposition = s.words.first().is_some_and(|w| LEADING_PREPOSITIONS.contains(&w.text.as_str()));
    lexicon::fact_seeking().at(s, 0).or_else(|| after_preposition.then(|| lexicon::fact_seeking().at(s, 1)).flatten())
}

/// "What's your daughter's name?", "What kind of exercise do you do?": a wh-question about a
/// noun whose answer is one fact.
fn fact_noun_question(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let w = s.texts();
    let (mut i, copular) = match (w.first().copied()?, w.get(1).copied()) {
        ("what's" | "whats" | "what're", _) => (1, true),
        ("what", Some("is" | "was" | "are" | "were")) => (2, true),
        ("what" | "which", _) => (1, false),
        _ => return None,
    };
    if !copular && matches!(w.get(i).copied(), Some("kind" | "sort" | "type")) && w.get(i + 1) == Some(&"of") {
        i += 2;
    }
    while w.get(i).is_some_and(|x| NOUN_MODIFIERS.contains(x) || (x.ends_with("'s") && !is_wh(x))) {
        i += 1;
    }
    let noun_at = |j: usize| j < w.len() && lexicon::fact_nouns().is_whole_word(s, j);
    if !noun_at(i) {
        return None;
    }
    let noun = i;
    while noun_at(i + 1) {
        i += 1;
    }
    let next = w.get(i + 1).copied();
    let ends = next.is_none() || s.words[i + 1].clause_start;
    let fits = if copular {
        ends || next.is_some_and(|n| AFTER_FACT_NOUN.contains(&n))
    } else {
        ends || next.is_some_and(|n| PRESENT_OR_PAST_AUX.contains(&n))
    };
    fits.then(|| s.words[0].span.start..s.words[noun].span.end)
}

/// "Which of those appeals most?", "Which day will you start?": a choice among things already on
/// the table. "Which steps will you take?" and "Which parts of your game…?" invite several, so
/// they stay open.
fn which_choice(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let w = s.texts();
    if w.first() != Some(&"which") {
        return None;
    }
    let next = w.get(1).copied().unwrap_or("");
    // A plural noun, told from a verb ("which feels best") by what follows it.
    let plural = next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && !is_aux(next);
    let noun_follows = w.get(2).is_some_and(|n| is_aux(n) || matches!(*n, "of" | "you" | "i" | "we" | "they"));
    let several = SEVERAL_NOUNS.contains(&next) || (plural && noun_follows);
    let fact = s.words.len() > 1 && lexicon::fact_nouns().is_whole_word(s, 1);
    (fact || !several).then(|| s.words[0].span.start..s.words[1.min(s.words.len() - 1)].span.end)
}

/// "Who's your line manager?", "Who is the main stakeholder?": the identity of one person.
fn identity_who(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let w = s.texts();
    let copula = match (w.first().copied(), w.get(1).copied()) {
        (Some("who's"), _) => 1,
        (Some("who"), Some("is" | "was" | "are" | "were")) => 2,
        _ => return None,
    };
    let determiner = w.get(copula).is_some_and(|d| IDENTITY_DETERMINERS.contains(d));
    determiner.then(|| s.words[0].span.start..s.words[copula.min(s.words.len() - 1)].span.end)
}

/// "Where do you smoke — at home, or at work?": a wh-question that supplies its own answers.
fn offered_choices(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    if !s.words.first().is_some_and(|w| is_wh(&w.text)) {
        return None;
    }
    let options = &s.clause_starts()[1.min(s.clause_starts().len())..];
    // "the smoking or the money": each alternative is short, however many share a clause.
    let short_menu =
        options.iter().all(|&c| clause_from(s, c).split(|w| *w == "or").all(|part| part.len() <= MAX_CHOICE_WORDS));
    if !short_menu {
        return None;
    }
    options.iter().find_map(|&c| {
        let clause = clause_from(s, c);
        let or_at = clause.iter().position(|&w| w == "or")?;
        let after = clause.get(or_at + 1).copied().or_else(|| s.words.get(c + clause.len()).map(|w| w.text.as_str()));
        let another_question = after.is_some_and(|a| is_wh(a) || is_aux(a));
        let open_ended = after.is_some_and(|a| OPEN_ENDED_OR.contains(&a));
        (!another_question && !open_ended).then(|| s.words[c].span.start..s.span.end)
    })
}

/// Longest clause that still reads as one item on a menu of answers ("at home, or at work");
/// longer alternatives illustrate the question rather than close it.
const MAX_CHOICE_WORDS: usize = 4;

fn wh_question(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let first = s.words.first()?;
    if is_wh(&first.text) {
        return Some(first.span.clone());
    }
    // "In what ways has it changed?"
    let second = s.words.get(1).filter(|w| is_wh(&w.text))?;
    LEADING_PREPOSITIONS.contains(&first.text.as_str()).then_some(first.span.start..second.span.end)
}

fn yes_no_question(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let first = s.words.first()?;
    is_aux(&first.text).then(|| first.span.clone())
}

fn statement_or_echo(t: &Turn) -> Option<Range<usize>> {
    t.sentences.last().map(|s| s.span.clone())
}

// ---- kind rules (on the whole turn) ---------------------------------------------------------

/// A question that counts towards stacking: more than a check, a one-word prompt or a clipped
/// follow-up on the same question ("And to whom?").
fn substantive(s: &Sentence, head: usize) -> bool {
    let words = s.texts();
    s.words.len() >= 2
        && !is_one_of(&words, ELLIPTICAL_OPEN)
        && !is_check(s, head)
        && !is_check(s, 0)
        && (!is_fragment(s) || is_follow_up_phrase(&words))
}

/// Two questions in one turn, each needing its own answer. Not stacked: a question with one
/// coordinated object ("What will you do, and by when?", "What helped and what didn't?"), a
/// question asked again in other words, and framing without a question mark or a question's
/// opening ("I'm curious what's underneath that. What would it give you?").
fn stacked_questions(t: &Turn) -> Option<Range<usize>> {
    let mut real: Vec<usize> = Vec::new();
    let several = if t.questions.len() >= 2 { &t.questions[..] } else { &[] };
    for &i in several {
        let s = &t.sentences[i];
        if !substantive(s, t.heads[i]) || (!s.question_mark && !asks_directly(s)) {
            continue;
        }
        if real.iter().any(|&j| asks_again(&t.sentences[j], s)) {
            continue;
        }
        // "What if you didn't go? What would you do then?": the "what if" sets up the question.
        if real.last().is_some_and(|&j| sets_up(&t.sentences[j])) && asks_directly(s) && !sets_up(s) {
            real.pop();
        }
        real.push(i);
    }
    if real.len() >= 2 {
        let (a, b) = (&t.sentences[real[0]], &t.sentences[*real.last().unwrap()]);
        return Some(a.span.start..b.span.end);
    }
    // "What happened, and how did you feel?" in one sentence.
    let joined = t.question_sentences().find_map(|s| {
        let words = &s.words;
        (2..words.len().saturating_sub(2)).filter(|&j| words[j].text == "and").find_map(|j| {
            let second = j + 1;
            let why_too = words[second].text == "why" && words.len() - second >= 3;
            if !(full_question_at(s, second) || why_too) {
                return None;
            }
            // The first question may follow framing: "On a scale of 0 to 10, how sure are you, and…".
            let first = s.heads.iter().copied().find(|&h| h < j && opens_question(s, h, true))?;
            (!follows_up(s, first, second)).then(|| words[j].span.start..s.span.end)
        })
    });
    joined.or_else(|| t.question_sentences().find_map(run_on_questions))
}

/// Whether the question at `second` only rounds off the one at `first` rather than asking a new
/// one: the other half of a review ("What worked, and what would you change?", "…and what
/// didn't?"), a check-in before the real question ("How are you, and what's on your mind?"), or
/// a guess at the answer ("Who's your manager now, is it still Ravi?"), or the question a
/// "what if…" sets up ("What if money were no object, what would you do?").
fn follows_up(s: &Sentence, first: usize, second: usize) -> bool {
    let words = words_from(s, second);
    let review = REVIEW_SECOND.iter().any(|r| words.starts_with(r)) && s.words[first].text.starts_with("what");
    let check_in = CHECK_INS.iter().any(|c| span_is_any(s, first, clause_end(s, first), &[c]));
    let what_if = s.texts()[first..].starts_with(&["what", "if"]) && is_wh(&s.words[second].text);
    let guess = is_wh(&s.words[first].text)
        && matches!(words.as_slice(), ["is" | "was", "it" | "that" | "he" | "she" | "they", ..]);
    // "Tell me about yourself and what brings you here": one request with two objects.
    let inverted = words.get(1).is_some_and(|w| is_aux(w)) || words.first().is_some_and(|w| w.contains('\''));
    let request = lexicon::elaboration().at(s, first).is_some() && !inverted;
    review || check_in || guess || what_if || request
}

/// "What if you had a free hand?": a hypothetical that the next question goes on from.
fn sets_up(s: &Sentence) -> bool {
    s.texts()[s.skip_markers(0)..].starts_with(&["what", "if"])
}

/// A sentence that opens on a wh-word or an auxiliary: a question by its form, with or without
/// its question mark. Framing ("Tell me about…", "I'm curious what…") is not.
fn asks_directly(s: &Sentence) -> bool {
    let first = s.skip_markers(0);
    s.words.get(first).is_some_and(|w| is_wh(&w.text) || is_aux(&w.text))
}

/// Whether question `b` asks `a` again: it opens the same way and adds nothing new ("Are you
/// safe at home? — right now, are you safe?"), or only turns it round ("What do you enjoy
/// about it? What don't you enjoy?").
fn asks_again(a: &Sentence, b: &Sentence) -> bool {
    let opening = |s: &Sentence| s.words.get(s.skip_markers(0)).map(|w| w.text.clone());
    if opening(a) != opening(b) {
        return false;
    }
    let content = |s: &Sentence| -> Vec<String> {
        words_from(s, s.skip_markers(0)).into_iter().filter(|w| !is_content_free(w)).map(str::to_string).collect()
    };
    let (ca, cb) = (content(a), content(b));
    let (small, big) = if cb.len() <= ca.len() { (&cb, &ca) } else { (&ca, &cb) };
    let negated = |s: &Sentence| s.texts().iter().any(|w| w.ends_with("n't") || *w == "not");
    let subset = small.iter().all(|w| big.contains(w));
    subset && (!small.is_empty() || negated(a) != negated(b))
}

/// Whether a complete question starts at word `i`: a wh-word with its auxiliary ("how did you
/// feel", "what part does each play") or an auxiliary before its subject ("do you ever drink"),
/// with something after the auxiliary ("what isn't" is only a contrast), or a contracted wh-word
/// with its own words ("what's the client saying").
fn full_question_at(s: &Sentence, i: usize) -> bool {
    let len = s.words.len();
    let word = |j: usize| s.words.get(j).map(|w| w.text.as_str());
    let Some(first) = word(i) else {
        return false;
    };
    if is_wh(first) && first.contains('\'') {
        // "what's the client saying", "how's your energy been": the auxiliary is in the wh-word.
        return i + 2 < len || (i + 1 < len && !is_aux(word(i + 1).unwrap_or("")));
    }
    // "which one excites you most", "who else knows": a wh-subject with its own verb.
    let verb_s =
        |j: usize| word(j).is_some_and(|v| v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !is_aux(v));
    if matches!(first, "what" | "who" | "which") && (verb_s(i + 1) || verb_s(i + 2)) {
        let v = if verb_s(i + 1) { i + 1 } else { i + 2 };
        if v + 1 < len && !word(i + 1).is_some_and(|n| PERSONAL_PRONOUNS.contains(&n)) {
            return true;
        }
    }
    if is_wh(first) {
        // "how did you feel", "how many interviews have you had": the auxiliary within four words.
        let aux = (i + 1..(i + 5).min(clause_end(s, i))).find(|&j| word(j).is_some_and(is_aux));
        let inverted = !word(i + 1).is_some_and(|n| PERSONAL_PRONOUNS.contains(&n));
        return aux.is_some_and(|j| j + 1 < len && inverted);
    }
    is_aux(first) && word(i + 1).is_some_and(|n| SUBJECTS.contains(&n)) && i + 2 < len
}

/// "How are you arriving today — what's on your mind?": two complete questions in one
/// sentence, split by a break. A first clause cut off on a function word is a restart.
fn run_on_questions(s: &Sentence) -> Option<Range<usize>> {
    let first = *s.heads.first()?;
    let first_clause = clause_from(s, first);
    let finished = first_clause.last().is_some_and(|w| !FUNCTION_WORDS.contains(w) && !is_aux(w));
    // "Can I ask you directly: …?" asks leave to ask; the question comes after it.
    let asks_leave = is_aux(&s.words[first].text) && s.words.get(first + 1).is_some_and(|w| w.text == "i");
    if !finished || asks_leave || first_clause.len() < 3 || !full_question_at(s, first) {
        return None;
    }
    let content = |clause: &[&str]| -> Vec<String> {
        clause.iter().filter(|w| !is_content_free(w)).map(|w| w.to_string()).collect()
    };
    let first_content = content(&first_clause);
    s.starts.iter().zip(&s.heads).skip(1).find_map(|(&start, &c)| {
        let alternative = s.words[start..c].iter().any(|w| w.text == "or");
        let second_clause = words_from(s, c);
        let repair = first_content.iter().all(|w| second_clause.contains(&w.as_str()));
        let second = !alternative
            && !repair
            && !is_check(s, c)
            && !is_subordinate(s, c)
            && !follows_up(s, first, c)
            && full_question_at(s, c);
        second.then(|| s.words[c].span.start..s.span.end)
    })
}

/// Wh-words, auxiliaries and function words: what a repaired question may change freely.
fn is_content_free(word: &str) -> bool {
    is_wh(word) || is_aux(word) || FUNCTION_WORDS.contains(&word) || matches!(word, "be" | "been" | "being")
}

fn advice_in_disguise(t: &Turn) -> Option<Range<usize>> {
    t.sentences.iter().enumerate().filter(|(i, s)| !asks_about_history(t, *i, s)).find_map(|(si, s)| {
        (0..s.words.len()).find_map(|i| {
            let at_head = s.heads.contains(&i);
            lexicon::advice().all_at(s, i).find_map(|(p, span)| {
                let phrase = &lexicon::advice().phrases()[p];
                let end = i + phrase.word_count();
                let asks_what_was_tried = asks_about_the_past(t, si, s)
                    && s.words.get(end).is_some_and(|w| TRIED_ANYTHING.contains(&w.text.as_str()));
                let fits = (at_head || !phrase.is_anchored()) && !asks_why_not(s, i, end) && !asks_what_was_tried;
                fits.then_some(span)
            })
        })
    })
}

/// "Why not?" on its own, and "Why don't you want to…?", ask the coachee's reasons rather than
/// suggest anything: a "why" question, not advice.
fn asks_why_not(s: &Sentence, start: usize, end: usize) -> bool {
    if s.words[start].text != "why" {
        return false;
    }
    let next = s.words.get(end).map(|w| w.text.as_str());
    next.is_none_or(|n| STATE_VERBS.contains(&n) || n == "me")
}

/// "Maybe start with the easiest one?", "Perhaps try a shorter run?": a hedge and a bare verb
/// put the coach's next step forward.
fn hedged_suggestion(t: &Turn) -> Option<Range<usize>> {
    t.sentences.iter().find_map(|s| {
        let h = *s.heads.first()?;
        let w = words_from(s, h);
        let [hedge, rest @ ..] = w.as_slice() else {
            return None;
        };
        if matches!(*hedge, "i" | "i'm") {
            return wonders_if_it_would_help(s, h);
        }
        // "What about using the commute?", "How about asking her?"
        if matches!(*hedge, "what" | "how") && rest.first() == Some(&"about") {
            let gerund = rest.get(1).is_some_and(|v| v.len() > 4 && v.ends_with("ing") && !v.ends_with("thing"));
            return gerund.then(|| s.words[h].span.start..s.words[(h + 2).min(s.words.len() - 1)].span.end);
        }
        if !matches!(*hedge, "maybe" | "perhaps") {
            return None;
        }
        let verb = rest.iter().copied().find(|w| *w != "just" && *w != "even" && *w != "also")?;
        let bare_verb = !(SUBJECTS.contains(&verb)
            || PERSONAL_PRONOUNS.contains(&verb)
            || is_aux(verb)
            || is_wh(verb)
            || NOT_A_BARE_VERB.contains(&verb)
            || verb.contains('\'')
            || verb.ends_with("ly")
            || verb.ends_with("ing")
            || verb.ends_with("ed"));
        bare_verb.then(|| s.words[h].span.start..s.words[(h + 1).min(s.words.len() - 1)].span.end)
    })
}

/// "I wonder if a joint meeting might help.": wondering aloud whether something of the coach's
/// would help or work puts it forward.
fn wonders_if_it_would_help(s: &Sentence, h: usize) -> Option<Range<usize>> {
    let w = words_from(s, h);
    let wonders = w.starts_with(&["i", "wonder"]) || w.starts_with(&["i'm", "wondering"]);
    let whether = w.get(2).is_some_and(|x| matches!(*x, "if" | "whether"));
    let helps = w.windows(2).any(|p| {
        matches!(p[0], "might" | "would" | "could" | "will") && matches!(p[1], "help" | "work" | "be" | "make")
    }) && !w.get(3).is_some_and(|x| PERSONAL_PRONOUNS.contains(x) && *x != "you");
    (wonders && whether && helps).then(|| s.words[h].span.start..s.words[(h + 2).min(s.words.len() - 1)].span.end)
}

/// "Have you ever tried to quit before?" asks about the past, so it suggests nothing. A
/// statement ("You could always try it the night before.") is not asking.
fn asks_about_history(t: &Turn, i: usize, s: &Sentence) -> bool {
    let w = s.texts();
    asks_about_the_past(t, i, s) && HISTORY_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// A question in the perfect or past: "Have you tried…", "Did you ever…".
fn asks_about_the_past(t: &Turn, i: usize, s: &Sentence) -> bool {
    let head = s.words.get(t.heads[i]).map(|w| w.text.as_str());
    t.questions.contains(&i) && matches!(head, Some("have" | "has" | "had" | "did"))
}

/// "Could you block out your mornings?": a suggested action phrased as a request.
fn suggested_action(t: &Turn) -> Option<Range<usize>> {
    t.questions.iter().find_map(|&i| {
        let s = &t.sentences[i];
        let h = t.heads[i];
        let w = words_from(s, h);
        // "Could you block out your mornings?" suggests; "Can you afford it?" asks.
        let modal = matches!(w.first().copied(), Some("could" | "couldn't" | "can't")) && w.get(1) == Some(&"you");
        let verb = w.get(2).copied().unwrap_or("");
        let suggests = modal && !verb.is_empty() && !NOT_SUGGESTIONS.contains(&verb) && !verb.ends_with("ly");
        (suggests && lexicon::elaboration().at(s, h).is_none())
            .then(|| s.words[h].span.start..s.words[(h + 2).min(s.words.len() - 1)].span.end)
    })
}

/// Where the deciding question begins with "why" or "how come", if it does: the main clause,
/// after any framing ("So, why now?", "When you say stuck, why…"). A clipped "…, and why?"
/// after another question is not the main clause.
fn why_at<'t>(t: &'t Turn) -> Option<(&'t Sentence, usize)> {
    let i = t.deciding()?;
    let s = &t.sentences[i];
    let head = t.heads[i];
    let w = s.texts();
    let why = w.get(head).is_some_and(|x| matches!(*x, "why" | "why's")) || w[head..].starts_with(&["how", "come"]);
    let clipped = head > s.skip_markers(0) && words_from(s, head).len() <= 1;
    (why && !clipped).then_some((s, head))
}

/// A "why" that asks the coachee to defend themselves: "Why did you let it slide?", "How come
/// you never said?".
fn judging_why(t: &Turn) -> Option<Range<usize>> {
    let (s, head) = why_at(t)?;
    lexicon::judging_why().at(s, head)
}

/// Any other "why" or "how come": "Why does this matter to you?". Still a why question, which
/// coaching practice asks as "what" ("What makes this matter to you?").
fn curious_why(t: &Turn) -> Option<Range<usize>> {
    let (s, head) = why_at(t)?;
    if lexicon::judging_why().at(s, head).is_some() {
        return None;
    }
    let end = if s.words[head].text == "how" { head + 1 } else { head };
    Some(s.words[head].span.start..s.words[end.min(s.words.len() - 1)].span.end)
}

fn leading_wording(t: &Turn) -> Option<Range<usize>> {
    t.question_sentences().find_map(|s| find_in(lexicon::leading(), s))
}

fn tag_question(t: &Turn) -> Option<Range<usize>> {
    t.questions.iter().find_map(|&i| {
        let s = &t.sentences[i];
        tag_at_end(s).map(|at| s.words[at].span.start..s.span.end)
    })
}

fn summary_marker(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() || ends_in_advice(t) {
        return None;
    }
    t.statements().find_map(|s| find_in(lexicon::summary(), s))
}

/// "You've said X. You could always ask her.": a turn that gives back first and then suggests
/// is labelled by its suggestion, as a reflection followed by a question is by its question.
fn ends_in_advice(t: &Turn) -> bool {
    let last = t.sentences.len() - 1;
    let s = &t.sentences[last];
    last > 0 && s.heads.first().is_some_and(|&h| lexicon::advice().at(s, h).is_some())
}

fn long_summary(t: &Turn) -> Option<Range<usize>> {
    let long = t.questions.is_empty() && t.word_count() >= SUMMARY_WORDS && t.sentences.len() >= 2;
    let about_them = t.sentences.iter().filter(|s| s.texts().iter().any(|w| w.starts_with("you"))).count() >= 2;
    (long && about_them).then(|| t.sentences[0].span.start..t.sentences.last().unwrap().span.end)
}

/// A statement that lists three or more things: "So the rent's gone up, the bonus didn't come,
/// and the car needs fixing.", "So you could call, write, or wait." The items are its clauses,
/// and a last clause "A and B" counts twice; the list needs its "and" or "or", or, after a
/// summing-up "so", three short items ("so: email tomorrow, call Thursday, update me Friday").
fn listed_summary(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.statements().find_map(|s| (list_items(s) >= 3).then(|| s.span.clone()))
}

fn list_items(s: &Sentence) -> usize {
    let starts = s.clause_starts();
    // An item has words of its own: "Great, I'll…" and "Hi, come in…" open on an interjection.
    let clauses: Vec<Vec<&str>> = starts
        .iter()
        .map(|&c| clause_from(s, c))
        .filter(|c| {
            let led = c.first().is_some_and(|w| matches!(*w, "and" | "or" | "but"));
            led || c.iter().filter(|w| !DISCOURSE_MARKERS.contains(w)).count() >= 2
        })
        .collect();
    let conjunction = |w: &str| matches!(w, "and" | "or" | "but");
    let led_by_conjunction = |c: &Vec<&str>| c.first().is_some_and(|w| conjunction(w));
    let last = clauses.last().map(Vec::as_slice).unwrap_or(&[]);
    // "…, the deadline hasn't moved and you're doing the overtime": a short item, then "and".
    let inner_conjunction = clauses.len() >= 2
        && !last.first().is_some_and(|w| conjunction(w))
        && last.iter().position(|w| conjunction(w)).is_some_and(|at| (1..=MAX_ITEM_WORDS).contains(&at));
    let joined = inner_conjunction || clauses.iter().skip(1).any(led_by_conjunction);
    let items = clauses.len() + usize::from(inner_conjunction);
    let summing_up = s.words.iter().take(2).any(|w| w.text == "so");
    let short = clauses.iter().skip(1).all(|c| c.len() <= MAX_ITEM_WORDS + 1);
    if joined || (summing_up && short && clauses.len() >= 3) {
        items
    } else {
        0
    }
}

/// Longest item in a list of things the coachee said, before its "and".
const MAX_ITEM_WORDS: usize = 4;

/// "The gym feels like too much": a statement about how things feel to the coachee.
fn feeling_statement(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.statements().find_map(|s| {
        s.words
            .iter()
            .find(|w| matches!(w.text.as_str(), "feels" | "feel" | "felt" | "seems" | "sounds" | "seem"))
            .map(|w| w.span.clone())
    })
}

fn reflection_stem(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.statements().find_map(|s| find_in(lexicon::reflection(), s))
}

fn statement_opener(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    let said: Vec<&Sentence> = t.sentences.iter().filter(|s| !only_markers(s)).collect();
    let opener = |s: &Sentence| s.heads.first().and_then(|&h| lexicon::statements().at(s, h));
    let first = opener(said.first()?);
    // "Okay, that's the plan. I'll pop a reminder in. Good luck!": mostly the coach's own business.
    let mostly = said.len() >= 2 && said.iter().filter(|s| opener(s).is_some()).count() * 2 >= said.len();
    first.or_else(|| mostly.then(|| said.iter().find_map(|s| opener(s))).flatten())
}

/// "So it's the evenings that are hardest.": a statement that opens on "so" gives back what the
/// coachee said.
fn so_statement(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    let s = t.sentences.iter().find(|s| !only_markers(s))?;
    let so = s.words.iter().take(3).position(|w| w.text == "so")?;
    let h = *s.heads.first()?;
    let own_business = FIRST_PERSON.contains(&s.words[h].text.as_str());
    (h > so && !own_business && lexicon::statements().at(s, h).is_none()).then(|| s.words[so].span.clone())
}

/// "Yeah.", "Okay, so.": a sentence of discourse markers only, which says nothing yet.
fn only_markers(s: &Sentence) -> bool {
    s.texts().iter().all(|w| DISCOURSE_MARKERS.contains(w))
}

/// "Mm-hmm.", "Okay.", "Right, right." on their own: encouragers, not reflections.
fn minimal_encourager(t: &Turn) -> Option<Range<usize>> {
    // "You're exhausted." is short too, but it gives something back.
    let reflects =
        || t.sentences.iter().any(|s| s.heads.first().is_some_and(|&h| lexicon::reflection().at(s, h).is_some()));
    let short = t.questions.is_empty() && t.word_count() <= 2 && !reflects();
    short.then(|| t.sentences[0].span.start..t.sentences.last().unwrap().span.end)
}

fn about_the_coachee(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.statements().find_map(|s| s.words.iter().find(|w| w.text.starts_with("you")).map(|w| w.span.clone()))
}

fn not_a_question(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.sentences.first().map(|s| s.span.clone())
}

// ---- flag rules ----------------------------------------------------------------------------

fn no_question_mark(t: &Turn) -> Option<Range<usize>> {
    let any_mark = t.sentences.iter().any(|s| s.question_mark);
    (!any_mark).then(|| t.last_question().map(|s| s.span.clone())).flatten()
}

fn reflect_then_ask(t: &Turn) -> Option<Range<usize>> {
    let last_q = *t.questions.last()?;
    (0..last_q).filter(|i| !t.questions.contains(i)).find_map(|i| {
        let s = &t.sentences[i];
        find_in(lexicon::reflection(), s).or_else(|| find_in(lexicon::summary(), s))
    })
}

fn third_party_focus(t: &Turn) -> Option<Range<usize>> {
    t.question_sentences().find_map(|s| find_in(lexicon::third_party(), s))
}

fn softened_open(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    let first = s.words.first()?;
    (is_aux(&first.text) && elaboration_request(t).is_some()).then(|| first.span.clone())
}

fn markup(t: &Turn) -> Option<Range<usize>> {
    let start = t.text.find('<')?;
    let end = t.text[start..].find('>')? + start + 1;
    t.text[start + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/').then_some(start..end)
}

fn disfluent(t: &Turn) -> Option<Range<usize>> {
    // Hyphenated words ("1-10", "well-being") count once, as the tokenizer reads them; a stutter
    // inside one ("what-what") is marked on its sentence.
    let word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let raw = t.text.split(|c: char| !word_char(c)).filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let stutter = t.sentences.iter().any(|s| s.disfluent);
    (stutter || raw > t.word_count()).then_some(0..t.text.len())
}

/// Every rule, in priority order for ties.
pub const RULES: &[Rule] = &[
    // openness
    Rule {
        name: "elaboration_request",
        explains: "\"{}\" asks the coachee to say more, so it works as an open question even if it could take a yes or no.",
        says: &[Says::Openness(Openness::Open)],
        weight: DECISIVE,
        test: elaboration_request,
    },
    Rule {
        name: "elliptical_prompt",
        explains: "\"{}\" is a short prompt that invites the coachee to keep talking.",
        says: &[Says::Openness(Openness::Open)],
        weight: DECISIVE,
        test: elliptical_prompt,
    },
    Rule {
        name: "scaling_question",
        explains: "\"{}\" makes this a scaling question: the coachee rates where they are, and the number opens a conversation about it.",
        says: &[Says::Openness(Openness::Open), Says::Flag(Flag::Scaling)],
        weight: SCALING,
        test: scaling_question,
    },
    Rule {
        name: "open_invitation",
        explains: "\"{}\" invites whatever else the coachee wants to bring, so it is open even though it could take a yes or no.",
        says: &[Says::Openness(Openness::Open)],
        weight: STRONG,
        test: open_invitation,
    },
    Rule {
        name: "fact_seeking_wh",
        explains: "\"{}\" asks for a single fact, such as a number, a time or a name, so the answer is short.",
        says: &[Says::Openness(Openness::Closed)],
        weight: STRONG,
        test: fact_seeking,
    },
    Rule {
        name: "fact_noun_wh",
        explains: "\"{}\" asks for one fact, so there is one right answer rather than the coachee's own thinking.",
        says: &[Says::Openness(Openness::Closed)],
        weight: STRONG,
        test: fact_noun_question,
    },
    Rule {
        name: "which_choice",
        explains: "\"{}\" asks the coachee to pick one from a set, which is useful for deciding but closes the question.",
        says: &[Says::Openness(Openness::Closed)],
        weight: STRONG,
        test: which_choice,
    },
    Rule {
        name: "identity_who",
        explains: "\"{}\" asks who one particular person is: a single fact.",
        says: &[Says::Openness(Openness::Closed)],
        weight: STRONG,
        test: identity_who,
    },
    Rule {
        name: "offered_choices",
        explains: "\"{}\" supplies the possible answers, so the coachee only has to choose one.",
        says: &[Says::Openness(Openness::Closed)],
        weight: STRONG,
        test: offered_choices,
    },
    Rule {
        name: "wh_question",
        explains: "Starts with \"{}\": it invites a full answer in the coachee's own words.",
        says: &[Says::Openness(Openness::Open)],
        weight: CUE,
        test: wh_question,
    },
    Rule {
        name: "yes_no_question",
        explains: "Starts with \"{}\", so it can be answered with a yes or a no.",
        says: &[Says::Openness(Openness::Closed)],
        weight: CUE,
        test: yes_no_question,
    },
    Rule {
        name: "statement_or_echo",
        explains: "\"{}\" doesn't open like a question, so it mostly asks for a yes or a no.",
        says: &[Says::Openness(Openness::Closed)],
        weight: FALLBACK,
        test: statement_or_echo,
    },
    // kind
    Rule {
        name: "stacked_questions",
        explains: "\"{}\" holds more than one question, so the coachee has to choose which to answer. Ask one, then wait.",
        says: &[Says::Kind(Kind::Stacked)],
        weight: STACKED,
        test: stacked_questions,
    },
    Rule {
        name: "advice_in_disguise",
        explains: "\"{}\" puts your own idea forward. The coachee may go along with it without owning it; ask what they can see instead.",
        says: &[Says::Kind(Kind::Advice)],
        weight: ADVICE,
        test: advice_in_disguise,
    },
    Rule {
        name: "hedged_suggestion",
        explains: "\"{}\" suggests a next step of your own, softened with a \"maybe\". Ask what the coachee would try instead.",
        says: &[Says::Kind(Kind::Advice)],
        weight: ADVICE,
        test: hedged_suggestion,
    },
    Rule {
        name: "judging_why",
        explains: "\"{}\" asks the coachee to justify themselves, which can feel like blame. \"What led to…\" asks the same without the sting.",
        says: &[Says::Kind(Kind::Why)],
        weight: WHY,
        test: judging_why,
    },
    Rule {
        name: "curious_why",
        explains: "\"{}\" is a curious question, but a \"why\" can still put people on the defensive. \"What makes…\" or \"What's behind…\" invites the same reasons more gently.",
        says: &[Says::Kind(Kind::Why)],
        weight: WHY,
        test: curious_why,
    },
    Rule {
        name: "leading_wording",
        explains: "\"{}\" pushes towards the answer you expect. Ask in a way that leaves every answer open.",
        says: &[Says::Kind(Kind::Leading)],
        weight: LEADING,
        test: leading_wording,
    },
    Rule {
        name: "tag_question",
        explains: "The tag \"{}\" at the end asks the coachee to agree with you rather than say what they think.",
        says: &[Says::Kind(Kind::Leading), Says::Flag(Flag::TagQuestion)],
        weight: LEADING,
        test: tag_question,
    },
    Rule {
        name: "suggested_action",
        explains: "\"{}\" proposes an action of your own as a question. Ask what the coachee could do instead.",
        says: &[Says::Kind(Kind::Advice)],
        weight: ADVICE,
        test: suggested_action,
    },
    Rule {
        name: "summary_marker",
        explains: "\"{}\" signals that you are pulling together what the coachee has said.",
        says: &[Says::Kind(Kind::Summary)],
        weight: SUMMARY,
        test: summary_marker,
    },
    Rule {
        name: "minimal_encourager",
        explains: "\"{}\" is a brief acknowledgement that keeps the coachee talking.",
        says: &[Says::Kind(Kind::Other)],
        weight: DECISIVE,
        test: minimal_encourager,
    },
    Rule {
        name: "statement_opener",
        explains: "\"{}\" opens a statement such as a greeting, thanks or information, not a question.",
        says: &[Says::Kind(Kind::Other)],
        weight: STATEMENT,
        test: statement_opener,
    },
    Rule {
        name: "reflection_stem",
        explains: "\"{}\" gives back what the coachee said or seems to feel, which shows you are listening.",
        says: &[Says::Kind(Kind::Reflection)],
        weight: REFLECTION,
        test: reflection_stem,
    },
    Rule {
        name: "listed_summary",
        explains: "This lists several things the coachee has said, which pulls the threads together.",
        says: &[Says::Kind(Kind::Summary)],
        weight: SUMMARY,
        test: listed_summary,
    },
    Rule {
        name: "long_summary",
        explains: "This gives back several things the coachee has said, at some length: a summary.",
        says: &[Says::Kind(Kind::Summary)],
        weight: CUE + 0.5,
        test: long_summary,
    },
    Rule {
        name: "so_statement",
        explains: "\"{}\" opens a statement that gives back what the coachee said.",
        says: &[Says::Kind(Kind::Reflection)],
        weight: CUE,
        test: so_statement,
    },
    Rule {
        name: "feeling_statement",
        explains: "\"{}\" names how things feel or seem, as a reflection does.",
        says: &[Says::Kind(Kind::Reflection)],
        weight: CUE,
        test: feeling_statement,
    },
    Rule {
        name: "about_the_coachee",
        explains: "\"{}\" is part of a statement about the coachee, which reads as a reflection.",
        says: &[Says::Kind(Kind::Reflection)],
        weight: CUE,
        test: about_the_coachee,
    },
    Rule {
        name: "not_a_question",
        explains: "\"{}\" is a statement, not a question, so it doesn't ask the coachee to think.",
        says: &[Says::Kind(Kind::Other)],
        weight: FALLBACK,
        test: not_a_question,
    },
    // flags
    Rule {
        name: "no_question_mark",
        explains: "\"{}\" has no question mark, but it is read as a question.",
        says: &[Says::Flag(Flag::NoQuestionMark)],
        weight: CUE,
        test: no_question_mark,
    },
    Rule {
        name: "reflect_then_ask",
        explains: "\"{}\" reflects first, then you ask: a good way to show you listened before you ask.",
        says: &[Says::Flag(Flag::ReflectThenAsk)],
        weight: CUE,
        test: reflect_then_ask,
    },
    Rule {
        name: "third_party_focus",
        explains: "\"{}\" is about changing someone who isn't here. You can only coach the person in front of you.",
        says: &[Says::Flag(Flag::ThirdParty)],
        weight: CUE,
        test: third_party_focus,
    },
    Rule {
        name: "softened_open",
        explains: "\"{}\" softens an invitation to talk: open in what it asks, polite in how it asks.",
        says: &[Says::Flag(Flag::SoftenedOpen)],
        weight: CUE,
        test: softened_open,
    },
    Rule {
        name: "disfluent",
        explains: "Fillers, repeats and restarts were set aside, and the question was read as you meant it.",
        says: &[Says::Flag(Flag::Disfluent)],
        weight: CUE,
        test: disfluent,
    },
    Rule {
        name: "markup",
        explains: "The formatting \"{}\" was ignored when reading the question.",
        says: &[Says::Flag(Flag::Markup)],
        weight: CUE,
        test: markup,
    },
];

/// Whether a rule only decides when nothing else does (its explanation adds nothing beside another's).
pub fn is_fallback(name: &str) -> bool {
    RULES.iter().any(|r| r.name == name && r.weight <= FALLBACK)
}

/// The plain-words explanation of a rule that fired, with the text it matched filled in, for a
/// learner; `None` for a name not in [`RULES`] (such as a stage cue). Never shows the rule's
/// internal name.
///
/// ```
/// use growsim::scoring::{analyse, rules::explain};
/// let a = analyse("Why did you let it slide?");
/// let why = a.rules.iter().find(|h| h.rule == "judging_why").unwrap();
/// assert!(explain(why).unwrap().starts_with("\"Why did you\" asks the coachee to justify themselves"));
/// ```
pub fn explain(hit: &RuleHit) -> Option<String> {
    let rule = RULES.iter().find(|r| r.name == hit.rule)?;
    let matched = hit.matched.split_whitespace().collect::<Vec<_>>().join(" ");
    let matched = matched.trim_matches(|c: char| !c.is_alphanumeric() && c != '…' && c != '\'' && c != '’');
    Some(rule.explains.replacen("{}", matched, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::analyse::{analyse, MAX_CHARS};
    use crate::scoring::{Flag, Kind, Openness};

    fn kind(text: &str) -> Kind {
        analyse(text).kind
    }

    fn open(text: &str) -> Openness {
        analyse(text).openness
    }

    fn fires(text: &str, rule: &str) -> bool {
        analyse(text).fired(rule)
    }

    #[test]
    fn outvoted_rules_are_recorded_but_do_not_support_the_verdict() {
        let a = analyse("What matters most to you here?");
        let supports =
            |name: &str| a.rules.iter().find(|r| r.rule == name).map(|r| r.supports(a.kind, a.openness, a.top_stage()));
        assert_eq!(supports("wh_question"), Some(true));
        assert_eq!(supports("statement_or_echo"), Some(false));
    }

    #[test]
    fn elaboration_request_is_open_though_grammatically_closed() {
        assert!(fires("Could you say more about that?", "elaboration_request"));
        assert_eq!(open("Can you tell me more about that?"), Openness::Open);
        assert_eq!(open("Tell me about your week"), Openness::Open);
        assert_eq!(open("I'm wondering what you make of that."), Openness::Open);
        assert!(fires("Could you say more?", "softened_open"));
    }

    #[test]
    fn elliptical_prompts_invite_more() {
        assert!(fires("And?", "elliptical_prompt"));
        assert_eq!(open("Meaning?"), Openness::Open);
        assert_eq!(open("such as?"), Openness::Open);
    }

    // LABELS.md: scaling questions are open (this test used to say closed).
    #[test]
    fn scaling_questions_are_open_and_flagged() {
        let a = analyse("On a scale of 0 to 10, how confident are you?");
        assert_eq!(a.openness, Openness::Open);
        assert_eq!(a.kind, Kind::Open);
        assert!(a.flags.contains(&Flag::Scaling));
        assert!(a.fired("scaling_question"));
    }

    #[test]
    fn a_scale_anywhere_in_the_turn_makes_it_a_scaling_question() {
        for text in [
            "How ready do you feel to start the new rota, out of ten?",
            "So, thinking about the marathon. Where would you put yourself on that line today?",
            "If nought means no energy at all and ten means raring to go, where are you this morning?",
            "how much does finishing the course matter to u from 1 to 10",
            "How much does it matter to you, on a scale of zero to ten?",
            "Where on a line from stuck to moving would you place yourself?",
            "on a scale of 1 to 10 how useful was todays chat",
            "On a scale of 1-10, how sure are you?",
            "0-10 how likely r u to follow thru",
        ] {
            let a = analyse(text);
            assert_eq!((a.kind, a.openness), (Kind::Open, Openness::Open), "{text}");
            assert!(a.flags.contains(&Flag::Scaling), "{text}");
        }
        // A range written with a hyphen, or a hyphenated word, is not a stammer.
        assert!(!fires("On a scale of 1-10, how useful was today's chat?", "disfluent"));
        assert!(!fires("How's your well-being this week?", "disfluent"));
        assert!(fires("What-what would help?", "disfluent"));
        // A yes/no question about a number asks for a yes or a no.
        assert_eq!(kind("Would you say you're about a six out of ten?"), Kind::Closed);
        // A number the coachee aims at is a fact, not a rating.
        assert!(!fires("What number of hours are you aiming for each week?", "scaling_question"));
    }

    #[test]
    fn fact_seeking_wh_questions_are_closed() {
        assert!(fires("How often do you do that?", "fact_seeking_wh"));
        assert_eq!(open("What gym do you go to?"), Openness::Closed);
        assert_eq!(open("When is the deadline?"), Openness::Closed);
        assert_eq!(open("What would success look like?"), Openness::Open);
    }

    #[test]
    fn wh_and_yes_no_questions() {
        assert!(fires("What matters most here?", "wh_question"));
        assert_eq!(kind("What matters most here?"), Kind::Open);
        assert!(fires("Do you like your job?", "yes_no_question"));
        assert_eq!(kind("Do you like your job?"), Kind::Closed);
        // LABELS.md: "Is there anything else you'd like to add?" is open (this used to say closed).
        assert_eq!(kind("is there anything else"), Kind::Open);
    }

    #[test]
    fn invitations_to_add_anything_are_open() {
        for text in [
            "Anything else?",
            "anything else on ur mind",
            "Any thoughts on what the first step might be?",
            "Any other ideas for the weekend?",
            "Is there anything you'd want me to know before we start?",
            "Are there any other ways you could get there?",
            "Do you have any questions about how this works?",
            "Is there anyone else who could share the driving?",
        ] {
            assert!(fires(text, "open_invitation"), "{text}");
            assert_eq!(open(text), Openness::Open, "{text}");
        }
        assert_eq!(kind("Anything you tell me stays in this room."), Kind::Other);
        assert_eq!(kind("Did anything change after the review?"), Kind::Closed);
    }

    #[test]
    fn statement_or_echo_is_the_closed_fallback() {
        assert!(fires("You quit last week?", "statement_or_echo"));
        assert_eq!(open("You quit last week?"), Openness::Closed);
    }

    #[test]
    fn stacked_questions_need_two_real_questions() {
        assert!(fires("What do you want? And how will you get there?", "stacked_questions"));
        assert!(fires("What happened and how did you feel?", "stacked_questions"));
        assert_eq!(kind("What happened? Is that right?"), Kind::Open);
        assert_eq!(kind("Is it work or is it home?"), Kind::Closed);
    }

    #[test]
    fn advice_in_disguise() {
        assert_eq!(kind("Have you considered delegating?"), Kind::Advice);
        assert_eq!(kind("Why not just tell her?"), Kind::Advice);
        assert_eq!(open("What about trying a new routine?"), Openness::Closed);
        assert_eq!(kind("What have you tried so far?"), Kind::Open);
    }

    // LABELS.md: every question whose main clause begins with "why" or "how come" is a why
    // question, curious or judging (this test used to call "Why is this important…?" open).
    #[test]
    fn judging_why() {
        assert_eq!(kind("Why did you let that happen?"), Kind::Why);
        assert_eq!(open("Why did you let that happen?"), Openness::Open);
        assert!(fires("Why did you let that happen?", "judging_why"));
        assert!(fires("how come u never told her", "judging_why"));
        // Typed shorthand: "y" is "why".
        assert_eq!(kind("y wait till next month"), Kind::Why);
        assert!(!fires("Why did you let that happen?", "curious_why"));
    }

    #[test]
    fn curious_why_is_a_why_question_too() {
        for text in [
            "Why is this important to you?",
            "So why now?",
            "How come the mornings work better for you?",
            "why's the weekend the hardest bit",
            "And why swimming rather than the gym?",
            "When you say it's complicated, why is that?",
            "How come?",
        ] {
            assert_eq!(kind(text), Kind::Why, "{text}");
            assert_eq!(open(text), Openness::Open, "{text}");
            assert!(fires(text, "curious_why"), "{text}");
        }
    }

    #[test]
    fn why_not_just_stays_advice() {
        assert_eq!(kind("Why not just send him the draft?"), Kind::Advice);
        assert_eq!(kind("Why don't you just book it now?"), Kind::Advice);
        assert_eq!(kind("Why don't you ask your brother to help?"), Kind::Advice);
        // Asking for the coachee's reasons is a why question.
        assert_eq!(kind("Why not?"), Kind::Why);
        assert_eq!(kind("Why don't you want to go back?"), Kind::Why);
        // A clipped "…and why?" after another question is not the main clause.
        assert_eq!(kind("What would you change, and why?"), Kind::Open);
    }

    #[test]
    fn one_question_with_a_coordinated_object_is_not_stacked() {
        for text in [
            "What will you do, and by when?",
            "What helped and what didn't?",
            "Who could back you up, and how?",
            "What are you going to try? And with whom?",
            "What went well in the trial, and what would you do differently?",
            "How are you doing today, and what's on your mind?",
            "What would you do if the money came through, and when?",
        ] {
            assert_ne!(kind(text), Kind::Stacked, "{text}");
            assert_eq!(open(text), Openness::Open, "{text}");
        }
        assert_eq!(kind("How did the meeting go, and what did your manager say?"), Kind::Stacked);
        assert_eq!(kind("How's the new job going, and what's the commute like?"), Kind::Stacked);
        assert_eq!(kind("What did you try? Did it work?"), Kind::Stacked);
        assert_eq!(kind("what will u do first? who will u tell"), Kind::Stacked);
    }

    #[test]
    fn framing_and_rephrasing_do_not_stack() {
        // An indirect question without its own question mark frames the real one.
        assert_eq!(kind("You've told me a lot about the team. I'm curious about you. What do you need?"), Kind::Open);
        assert_eq!(kind("Picture the day after the exam. What are you doing?"), Kind::Open);
        // The same question asked again, or turned round.
        assert_eq!(kind("Are you okay to keep going?— right now, are you okay?"), Kind::Closed);
        assert_eq!(kind("What do you like about the job? What don't you like?"), Kind::Open);
        // A hypothetical sets up the question that follows it.
        assert_eq!(kind("what if the course was free, what would you pick"), Kind::Open);
        assert_eq!(kind("What if nobody minded? What would you say to her?"), Kind::Open);
        assert_eq!(kind("what if u waited? what if u went now?"), Kind::Stacked);
        assert_eq!(kind("Tell me about the team and what gets in the way."), Kind::Open);
        assert_eq!(kind("From what you've said, the mornings are hardest."), Kind::Reflection);
    }

    #[test]
    fn who_where_and_which_are_open_when_they_invite_several() {
        assert_eq!(open("Who else could you talk to?"), Openness::Open);
        assert_eq!(open("Who knows about the plan so far?"), Openness::Open);
        assert_eq!(open("Where else might you find the time?"), Openness::Open);
        assert_eq!(open("Where are you with the thesis now?"), Openness::Open);
        assert_eq!(open("Which parts of the role do you enjoy?"), Openness::Open);
        // One person, one place, or one pick from what is on the table.
        assert!(fires("Who's your line manager these days?", "identity_who"));
        assert_eq!(open("Where are you living at the moment?"), Openness::Closed);
        assert!(fires("Which of those two would you start with?", "which_choice"));
        assert_eq!(open("Which day suits you best?"), Openness::Closed);
        assert_eq!(open("Which one feels more doable?"), Openness::Closed);
    }

    #[test]
    fn hedged_and_gerund_suggestions_are_advice() {
        assert_eq!(kind("Maybe start with the shortest report?"), Kind::Advice);
        assert_eq!(kind("perhaps try a walk at lunch"), Kind::Advice);
        assert_eq!(kind("What about asking the team for ideas?"), Kind::Advice);
        assert_eq!(kind("I wonder if a shorter session would help."), Kind::Advice);
        assert_eq!(kind("It might be worth checking with HR first."), Kind::Advice);
        assert_eq!(kind("Could you leave the laptop at work on Fridays?"), Kind::Advice);
        // Not suggestions.
        assert_eq!(kind("Maybe not."), Kind::Other);
        assert_eq!(kind("What about you?"), Kind::Open);
        assert_eq!(kind("Can you afford the course fees?"), Kind::Closed);
        assert_eq!(kind("have u tried anything so far"), Kind::Closed);
    }

    #[test]
    fn tags_make_a_statement_leading_even_without_a_question_mark() {
        assert_eq!(kind("the second option is the safer one, isnt it"), Kind::Leading);
        assert_eq!(kind("ur gonna ring her tomorrow tho arent u"), Kind::Leading);
        assert_eq!(kind("You're not really going to give up, are you?"), Kind::Leading);
        assert_eq!(kind("surely theres another way round this"), Kind::Leading);
        assert_eq!(kind("There's nothing stopping you, is there?"), Kind::Leading);
        // A check on understanding is closed, not leading.
        assert_eq!(kind("So it's mostly the evenings, is that right?"), Kind::Closed);
        // "…, okay." without a question mark only rounds off a statement.
        assert_eq!(kind("We'll start with the budget, okay."), Kind::Other);
    }

    #[test]
    fn a_statement_listing_three_things_is_a_summary() {
        assert_eq!(kind("So the car's broken, the rent's due, and your sister can't lend it."), Kind::Summary);
        assert_eq!(kind("so: ring the bank, cancel the gym, sort the direct debit"), Kind::Summary);
        assert_eq!(kind("So you could ask for more hours, look elsewhere, or retrain."), Kind::Summary);
        // Two points are a reflection; an interjection is not an item.
        assert_eq!(kind("You've carried this alone for months, and you're tired of it."), Kind::Reflection);
        assert_eq!(kind("you'd like it to be, um, quieter at home and calmer"), Kind::Reflection);
        assert_eq!(kind("Great, I'll note that down and we'll look at it next week."), Kind::Other);
    }

    #[test]
    fn statements_of_the_coach_s_own_business_are_other() {
        assert_eq!(kind("Okay, that's us for today. I'll email the notes. Good luck on Friday."), Kind::Other);
        assert_eq!(kind("so just to say, I'll be recording this for my supervisor"), Kind::Other);
        assert_eq!(kind("So it's the Sunday nights that get to you."), Kind::Reflection);
    }

    #[test]
    fn reflect_then_advise_is_advice() {
        let text =
            "You've said the mornings are chaos. That's hard. You could always lay the clothes out the night before.";
        assert_eq!(kind(text), Kind::Advice);
    }

    #[test]
    fn every_rule_explains_itself_in_plain_words() {
        for rule in RULES {
            assert!(!rule.explains.is_empty(), "{}", rule.name);
            assert!(!rule.explains.contains(rule.name), "{} names itself", rule.name);
            assert!(!rule.explains.contains('_'), "{} shows an internal name", rule.name);
            assert!(rule.explains.matches("{}").count() <= 1, "{}", rule.name);
            assert!(rule.explains.ends_with('.'), "{}", rule.name);
        }
    }

    #[test]
    fn explain_fills_in_the_matched_text() {
        let a = analyse("Why did you leave it so late?");
        let hit = a.rules.iter().find(|h| h.rule == "judging_why").unwrap();
        let text = explain(hit).unwrap();
        assert!(text.starts_with("\"Why did you\" asks the coachee to justify themselves"), "{text}");
        assert!(!text.contains("judging_why"));
        let curious = analyse("Why does the running matter so much?");
        let hit = curious.rules.iter().find(|h| h.rule == "curious_why").unwrap();
        assert!(explain(hit).unwrap().starts_with("\"Why\" is a curious question"));
        let a = analyse("What would help?");
        let hit = a.rules.iter().find(|h| h.rule == "wh_question").unwrap();
        assert_eq!(explain(hit).unwrap(), "Starts with \"What\": it invites a full answer in the coachee's own words.");
        let unknown = RuleHit { rule: "stage_cue".into(), says: "goal".into(), span: 0..1, matched: "x".into() };
        assert_eq!(explain(&unknown), None);
    }

    #[test]
    fn typed_and_spoken_questions_read_as_meant() {
        assert_eq!(kind("r u ok to stop there for today"), Kind::Closed);
        assert_eq!(kind("wud it help to write it down first"), Kind::Advice);
        assert_eq!(kind("hw r things with ur flatmate"), Kind::Open);
        assert_eq!(kind("wat wud make tomorrow easier"), Kind::Open);
        assert_eq!(kind("is thursday still ok for u"), Kind::Closed);
        assert_eq!(kind("ok if i take a few notes"), Kind::Closed);
        assert_eq!(kind("what'd you need from me, um, to make that happen?"), Kind::Open);
        assert_eq!(kind("is there— have you thought about asking for a mentor?"), Kind::Advice);
        assert_eq!(kind("what do you — what would help most right now?"), Kind::Open);
        assert_eq!(kind("so what's— where are you up to with the essay?"), Kind::Open);
        assert_eq!(kind("if the week went well what wud be different"), Kind::Open);
        assert_eq!(kind("what would you do if you, um, said no?"), Kind::Open);
        assert_eq!(kind("so if, if that happens, how do you, how do you handle it?"), Kind::Open);
        assert_eq!(kind("no pressure to say but whats been going on with work"), Kind::Open);
        assert_eq!(kind("In what ways has the new shift pattern changed things?"), Kind::Open);
        assert_eq!(open("For how long have you been waiting?"), Openness::Closed);
    }

    #[test]
    fn leading_wording_and_tags() {
        assert_eq!(kind("Don't you think you should talk to him?"), Kind::Leading);
        assert_eq!(kind("Wouldn't it be better to wait?"), Kind::Leading);
        assert!(fires("That would be easier, right?", "tag_question"));
        assert_eq!(kind("That would be easier, right?"), Kind::Leading);
    }

    #[test]
    fn reflections_summaries_and_other_statements() {
        assert_eq!(kind("It sounds like you're exhausted."), Kind::Reflection);
        assert_eq!(kind("So you feel stuck between the two."), Kind::Reflection);
        assert_eq!(
            kind("Let me check I've got this. You want the promotion, you're worried about the hours, and your partner has doubts."),
            Kind::Summary
        );
        assert_eq!(kind("Thanks for coming in today."), Kind::Other);
    }

    #[test]
    fn reflect_then_ask_is_labelled_by_the_question() {
        let a = analyse("You sound torn. What's pulling you each way?");
        assert_eq!(a.kind, Kind::Open);
        assert!(a.flags.contains(&Flag::ReflectThenAsk));
    }

    #[test]
    fn transcription_style_text() {
        let a = analyse("so um what — what would, you know, what would be different");
        assert_eq!(a.kind, Kind::Open);
        assert!(a.flags.contains(&Flag::NoQuestionMark));
        assert!(a.flags.contains(&Flag::Disfluent));
    }

    #[test]
    fn head_clause_skips_framing_and_checks() {
        assert_eq!(open("When you say stuck, what do you mean?"), Openness::Open);
        assert_eq!(open("What happened next, do you think?"), Openness::Open);
        assert_eq!(open("If you could change one thing, what would it be?"), Openness::Open);
    }

    #[test]
    fn third_party_focus() {
        assert!(fires("How can you get him to delegate more?", "third_party_focus"));
        assert!(!fires("What does your manager want?", "third_party_focus"));
    }

    #[test]
    fn markup_is_ignored_and_flagged() {
        let a = analyse("<b>What</b> would help?");
        assert_eq!(a.kind, Kind::Open);
        assert!(a.flags.contains(&Flag::Markup));
    }

    #[test]
    fn unreadable_input_is_other_with_a_reason() {
        for text in ["", "   ", "?!", "🙂🙂", "你好吗？你今天怎么样？", &"a".repeat(MAX_CHARS + 1)] {
            let a = analyse(text);
            assert_eq!(a.kind, Kind::Other, "{text}");
            assert!(a.reason.is_some(), "{text}");
        }
    }

    #[test]
    fn fact_noun_questions_are_closed() {
        assert!(fires("What's your daughter's name?", "fact_noun_wh"));
        assert_eq!(open("What kind of exercise do you do?"), Openness::Closed);
        assert_eq!(open("what's your target, like, number of drinks a week"), Openness::Closed);
        assert_eq!(open("What's your exercise like these days?"), Openness::Open);
        assert_eq!(open("What exercise would you enjoy most?"), Openness::Open);
        assert_eq!(open("What's the number one thing you want?"), Openness::Open);
    }

    #[test]
    fn a_short_menu_of_answers_closes_a_wh_question() {
        assert!(fires("Where do you smoke — at home, or at work?", "offered_choices"));
        assert_eq!(open("What are you aiming for: cutting back, or stopping?"), Openness::Closed);
        assert!(!fires("What would help, or is it too soon to say?", "offered_choices"));
        assert_eq!(open("What would you try — walking, or something else?"), Openness::Open);
        assert!(!fires("How shall we go on: pause the work until you've seen the GP, or carry on?", "offered_choices"));
    }

    #[test]
    fn subordinate_interjected_and_alternative_clauses_are_not_heads() {
        assert_eq!(open("and how did that make you feel, when she said that"), Openness::Open);
        assert_eq!(open("So you're — what, three weeks without a cigarette now?"), Openness::Closed);
        assert_eq!(open("What's the plan: stop now, or keep going for a bit?"), Openness::Open);
        assert_eq!(open("um, what are the options, do you think, for getting more sleep"), Openness::Open);
    }

    #[test]
    fn run_on_and_joined_questions_are_stacked() {
        assert_eq!(kind("How much do you drink and do you ever drink in the mornings?"), Kind::Stacked);
        assert_eq!(kind("Who's involved, and what part does each of them play?"), Kind::Stacked);
        assert_eq!(kind("What did you notice — what did you feel?"), Kind::Stacked);
        assert_eq!(kind("What's in your control here, and what isn't?"), Kind::Open);
        assert_eq!(kind("what would be different, um, what could be different about bedtime?"), Kind::Open);
        assert_eq!(kind("Did anyone suggest it, or was it your own idea?"), Kind::Closed);
        assert_eq!(kind("Can I ask you directly: are you safe?"), Kind::Closed);
    }

    #[test]
    fn asking_about_past_attempts_is_not_advice() {
        assert_eq!(kind("Have you ever tried to quit before?"), Kind::Closed);
        assert_eq!(kind("Have you tried melatonin?"), Kind::Advice);
    }

    #[test]
    fn clipped_and_hedged_prompts() {
        assert_eq!(open("By when?"), Openness::Closed);
        assert_eq!(open("Would you say more about what you mean?"), Openness::Open);
        assert_eq!(open("i guess i'm wondering how you see it"), Openness::Open);
        assert_eq!(kind("yeah. yeah, that makes sense."), Kind::Other);
    }

    #[test]
    fn every_rule_name_is_unique() {
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
