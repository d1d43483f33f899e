//! The rule table. Each rule is a small named function that looks at a [`Turn`] and, when it
//! fires, returns the span it matched. What the rule concludes and its weight are data in the
//! table, and each rule is registered once (a rule may conclude a kind or openness and a flag).
//!
//! How a verdict is reached (see [`super::analyse`]):
//! - **Openness** is decided on the turn's last question, at its head clause: the heaviest
//!   openness rule that fires wins ("could you say more" beats "starts with could").
//! - **Kind** is the heaviest kind rule that fires; with none, the last question's openness.

use super::lexicon::{self, Lexicon};
use super::text::{Sentence, DISCOURSE_MARKERS};
use super::turn::{clause_from, is_check, is_subordinate, opens_question, Turn};
use super::words::*;
use super::{Flag, Kind, Openness};
use std::ops::Range;

/// A rule that settles the matter on its own.
pub const DECISIVE: f32 = 3.0;
/// Several questions in one turn: a structural fact that outranks wording.
pub const STACKED: f32 = 2.8;
/// A suggestion dressed as a question.
pub const ADVICE: f32 = 2.6;
/// A blaming "why".
pub const JUDGING_WHY: f32 = 2.4;
/// A push towards the coach's answer.
pub const LEADING: f32 = 2.2;
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
    pub name: &'static str,
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

/// A number on a scale, unless the question's head asks the person to explain it
/// ("…, and what makes it a 6?").
fn scaling_question(t: &Turn) -> Option<Range<usize>> {
    let i = t.deciding()?;
    let (s, head) = (&t.sentences[i], t.heads[i]);
    let span = find_in(lexicon::scaling(), s)?;
    let head_words = words_from(s, head);
    let asks_number = matches!(head_words.get(1).copied(), Some("number" | "score" | "mark" | "rating"));
    let explains = head > 0 && matches!(head_words.first().copied(), Some("what" | "what's" | "why")) && !asks_number;
    (!explains && elaboration_request(t).is_none()).then_some(span)
}

fn fact_seeking(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    lexicon::fact_seeking().at(s, 0)
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

/// "Where do you smoke — at home, or at work?": a wh-question that supplies its own answers.
fn offered_choices(t: &Turn) -> Option<Range<usize>> {
    let s = t.deciding_clause()?;
    if !s.words.first().is_some_and(|w| is_wh(&w.text)) {
        return None;
    }
    let options = &s.clause_starts()[1.min(s.clause_starts().len())..];
    let short_menu = options.iter().all(|&c| clause_from(s, c).len() <= MAX_CHOICE_WORDS);
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
    is_wh(&first.text).then(|| first.span.clone())
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

/// A question that counts towards stacking: more than a check or a one-word prompt.
fn substantive(s: &Sentence, head: usize) -> bool {
    let words = s.texts();
    s.words.len() >= 2 && !is_one_of(&words, ELLIPTICAL_OPEN) && !is_check(s, head) && !is_check(s, 0)
}

fn stacked_questions(t: &Turn) -> Option<Range<usize>> {
    let real: Vec<usize> = t.questions.iter().copied().filter(|&i| substantive(&t.sentences[i], t.heads[i])).collect();
    if real.len() >= 2 {
        let (a, b) = (&t.sentences[real[0]], &t.sentences[*real.last().unwrap()]);
        return Some(a.span.start..b.span.end);
    }
    // "Who will support you, and how?" — a second, clipped question.
    let clipped = t.question_sentences().find_map(|s| {
        let starts = s.clause_starts();
        let &last = starts.last()?;
        let tail = words_from(s, last);
        let follow_up = matches!(tail.as_slice(), ["and", w] | ["and", "by", w] if is_wh(w))
            || matches!(tail.as_slice(), ["and", "by", "when"]);
        (last > 0 && follow_up).then(|| s.words[last].span.start..s.span.end)
    });
    if clipped.is_some() {
        return clipped;
    }
    // "What happened, and how did you feel?" in one sentence.
    let joined = t.question_sentences().find_map(|s| {
        let words = &s.words;
        (2..words.len().saturating_sub(2)).find_map(|j| {
            let joined = words[j].text == "and" && full_question_at(s, j + 1);
            let first_is_question = opens_question(s, s.skip_markers(0), true);
            (joined && first_is_question).then(|| words[j].span.start..s.span.end)
        })
    });
    joined.or_else(|| t.question_sentences().find_map(run_on_questions))
}

/// Whether a complete question starts at word `i`: a wh-word with its auxiliary ("how did you
/// feel", "what part does each play") or an auxiliary before its subject ("do you ever drink"),
/// with something after the auxiliary ("what isn't" is only a contrast). A contracted "what's"
/// after a check-in ("How are you, and what's on your mind?") reads as one invitation.
fn full_question_at(s: &Sentence, i: usize) -> bool {
    let len = s.words.len();
    let word = |j: usize| s.words.get(j).map(|w| w.text.as_str());
    let Some(first) = word(i) else {
        return false;
    };
    if is_wh(first) && !first.contains('\'') {
        let aux = (i + 1..(i + 3).min(len)).find(|&j| word(j).is_some_and(is_aux));
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
        let second = !alternative && !repair && !is_check(s, c) && !is_subordinate(s, c) && full_question_at(s, c);
        second.then(|| s.words[c].span.start..s.span.end)
    })
}

/// Wh-words, auxiliaries and function words: what a repaired question may change freely.
fn is_content_free(word: &str) -> bool {
    is_wh(word) || is_aux(word) || FUNCTION_WORDS.contains(&word) || matches!(word, "be" | "been" | "being")
}

fn advice_in_disguise(t: &Turn) -> Option<Range<usize>> {
    t.sentences.iter().filter(|s| !asks_about_history(s)).find_map(|s| find_in(lexicon::advice(), s))
}

/// "Have you ever tried to quit before?" asks about the past, so it suggests nothing.
fn asks_about_history(s: &Sentence) -> bool {
    let w = s.texts();
    HISTORY_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// "Could you block out your mornings?": a suggested action phrased as a request.
fn suggested_action(t: &Turn) -> Option<Range<usize>> {
    t.questions.iter().find_map(|&i| {
        let s = &t.sentences[i];
        let h = t.heads[i];
        let w = words_from(s, h);
        let modal =
            matches!(w.first().copied(), Some("could" | "can" | "couldn't" | "can't")) && w.get(1) == Some(&"you");
        let verb = w.get(2).copied().unwrap_or("");
        let suggests = modal && !verb.is_empty() && !NOT_SUGGESTIONS.contains(&verb) && !verb.ends_with("ly");
        (suggests && lexicon::elaboration().at(s, h).is_none())
            .then(|| s.words[h].span.start..s.words[(h + 2).min(s.words.len() - 1)].span.end)
    })
}

fn judging_why(t: &Turn) -> Option<Range<usize>> {
    t.question_sentences().find_map(|s| find_in(lexicon::judging_why(), s))
}

fn leading_wording(t: &Turn) -> Option<Range<usize>> {
    t.question_sentences().find_map(|s| find_in(lexicon::leading(), s))
}

fn tag_question(t: &Turn) -> Option<Range<usize>> {
    t.question_sentences().find_map(|s| {
        let starts = s.clause_starts();
        let last = *starts.last()?;
        if last == 0 {
            return None;
        }
        lexicon::tags().is_whole_rest(s, last).then(|| s.words[last].span.start..s.span.end)
    })
}

fn summary_marker(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() {
        return None;
    }
    t.statements().find_map(|s| find_in(lexicon::summary(), s))
}

fn long_summary(t: &Turn) -> Option<Range<usize>> {
    let long = t.questions.is_empty() && t.word_count() >= SUMMARY_WORDS && t.sentences.len() >= 2;
    let about_them = t.sentences.iter().filter(|s| s.texts().iter().any(|w| w.starts_with("you"))).count() >= 2;
    (long && about_them).then(|| t.sentences[0].span.start..t.sentences.last().unwrap().span.end)
}

/// A statement listing three or more things the coachee said: "you…, you…, and you…".
fn listed_summary(t: &Turn) -> Option<Range<usize>> {
    if !t.questions.is_empty() || t.word_count() < 18 {
        return None;
    }
    let clauses: usize = t.sentences.iter().map(|s| s.clause_starts().len()).sum();
    let you = t.sentences.iter().flat_map(|s| s.texts()).filter(|w| w.starts_with("you")).count();
    (clauses >= 3 && you >= 3).then(|| t.sentences[0].span.start..t.sentences.last().unwrap().span.end)
}

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
    let first = t.sentences.iter().find(|s| !only_markers(s))?;
    lexicon::statements().at(first, *first.heads.first()?)
}

/// "Yeah.", "Okay, so.": a sentence of discourse markers only, which says nothing yet.
fn only_markers(s: &Sentence) -> bool {
    s.texts().iter().all(|w| DISCOURSE_MARKERS.contains(w))
}

/// "Mm-hmm.", "Okay.", "Right, right." on their own: encouragers, not reflections.
fn minimal_encourager(t: &Turn) -> Option<Range<usize>> {
    let short = t.questions.is_empty() && t.word_count() <= 2;
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
    let raw = t.text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).count();
    (raw > t.word_count()).then_some(0..t.text.len())
}

/// Every rule, in priority order for ties.
pub const RULES: &[Rule] = &[
    // openness
    Rule {
        name: "elaboration_request",
        says: &[Says::Openness(Openness::Open)],
        weight: DECISIVE,
        test: elaboration_request,
    },
    Rule {
        name: "elliptical_prompt",
        says: &[Says::Openness(Openness::Open)],
        weight: DECISIVE,
        test: elliptical_prompt,
    },
    Rule {
        name: "scaling_question",
        says: &[Says::Openness(Openness::Closed), Says::Flag(Flag::Scaling)],
        weight: STRONG,
        test: scaling_question,
    },
    Rule { name: "fact_seeking_wh", says: &[Says::Openness(Openness::Closed)], weight: STRONG, test: fact_seeking },
    Rule { name: "fact_noun_wh", says: &[Says::Openness(Openness::Closed)], weight: STRONG, test: fact_noun_question },
    Rule { name: "offered_choices", says: &[Says::Openness(Openness::Closed)], weight: STRONG, test: offered_choices },
    Rule { name: "wh_question", says: &[Says::Openness(Openness::Open)], weight: CUE, test: wh_question },
    Rule { name: "yes_no_question", says: &[Says::Openness(Openness::Closed)], weight: CUE, test: yes_no_question },
    Rule {
        name: "statement_or_echo",
        says: &[Says::Openness(Openness::Closed)],
        weight: FALLBACK,
        test: statement_or_echo,
    },
    // kind
    Rule { name: "stacked_questions", says: &[Says::Kind(Kind::Stacked)], weight: STACKED, test: stacked_questions },
    Rule { name: "advice_in_disguise", says: &[Says::Kind(Kind::Advice)], weight: ADVICE, test: advice_in_disguise },
    Rule { name: "judging_why", says: &[Says::Kind(Kind::Why)], weight: JUDGING_WHY, test: judging_why },
    Rule { name: "leading_wording", says: &[Says::Kind(Kind::Leading)], weight: LEADING, test: leading_wording },
    Rule {
        name: "tag_question",
        says: &[Says::Kind(Kind::Leading), Says::Flag(Flag::TagQuestion)],
        weight: LEADING,
        test: tag_question,
    },
    Rule { name: "suggested_action", says: &[Says::Kind(Kind::Advice)], weight: ADVICE, test: suggested_action },
    Rule { name: "summary_marker", says: &[Says::Kind(Kind::Summary)], weight: SUMMARY, test: summary_marker },
    Rule { name: "minimal_encourager", says: &[Says::Kind(Kind::Other)], weight: DECISIVE, test: minimal_encourager },
    Rule { name: "statement_opener", says: &[Says::Kind(Kind::Other)], weight: STATEMENT, test: statement_opener },
    Rule { name: "reflection_stem", says: &[Says::Kind(Kind::Reflection)], weight: REFLECTION, test: reflection_stem },
    Rule { name: "listed_summary", says: &[Says::Kind(Kind::Summary)], weight: SUMMARY, test: listed_summary },
    Rule { name: "long_summary", says: &[Says::Kind(Kind::Summary)], weight: CUE + 0.5, test: long_summary },
    Rule { name: "feeling_statement", says: &[Says::Kind(Kind::Reflection)], weight: CUE, test: feeling_statement },
    Rule { name: "about_the_coachee", says: &[Says::Kind(Kind::Reflection)], weight: CUE, test: about_the_coachee },
    Rule { name: "not_a_question", says: &[Says::Kind(Kind::Other)], weight: FALLBACK, test: not_a_question },
    // flags
    Rule { name: "no_question_mark", says: &[Says::Flag(Flag::NoQuestionMark)], weight: CUE, test: no_question_mark },
    Rule { name: "reflect_then_ask", says: &[Says::Flag(Flag::ReflectThenAsk)], weight: CUE, test: reflect_then_ask },
    Rule { name: "third_party_focus", says: &[Says::Flag(Flag::ThirdParty)], weight: CUE, test: third_party_focus },
    Rule { name: "softened_open", says: &[Says::Flag(Flag::SoftenedOpen)], weight: CUE, test: softened_open },
    Rule { name: "disfluent", says: &[Says::Flag(Flag::Disfluent)], weight: CUE, test: disfluent },
    Rule { name: "markup", says: &[Says::Flag(Flag::Markup)], weight: CUE, test: markup },
];

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

    #[test]
    fn scaling_questions_are_closed_and_flagged() {
        let a = analyse("On a scale of 0 to 10, how confident are you?");
        assert_eq!(a.openness, Openness::Closed);
        assert!(a.flags.contains(&Flag::Scaling));
        assert!(a.fired("scaling_question"));
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
        assert_eq!(kind("is there anything else"), Kind::Closed);
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

    #[test]
    fn judging_why() {
        assert_eq!(kind("Why did you let that happen?"), Kind::Why);
        assert_eq!(open("Why did you let that happen?"), Openness::Open);
        assert_eq!(kind("Why is this important to you?"), Kind::Open);
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
