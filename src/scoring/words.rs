//! The closed word classes the clause reader and the rules use: wh-words, auxiliaries,
//! subjects, checks and the like. Open-ended phrase lists live in `lexicon/` as data.

use super::text::Sentence;

pub const WH_WORDS: &[&str] = &[
    "what", "what's", "whats", "how", "how's", "why", "why's", "where", "where's", "who", "who's", "whom", "which",
    "when", "when's", "whose", "what're", "how're", "where're", "whatever",
];
pub const AUXILIARIES: &[&str] = &[
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
    "am",
    "must",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "hadn't",
    "can't",
    "couldn't",
    "wouldn't",
    "won't",
    "shouldn't",
    "is't",
];
pub const SUBJECTS: &[&str] = &[
    "you",
    "your",
    "you've",
    "you're",
    "it",
    "it's",
    "that",
    "this",
    "there",
    "we",
    "they",
    "he",
    "she",
    "i",
    "anything",
    "anyone",
    "anybody",
    "everything",
    "everyone",
    "things",
    "something",
    "someone",
    "somebody",
    "the",
    "a",
    "any",
    "these",
    "those",
    "people",
    "yourself",
    "one",
    "all",
    "other",
    "others",
    "nothing",
    "y'all",
    "ya",
    "u",
];
pub const PERSONAL_PRONOUNS: &[&str] =
    &["i", "i'm", "i've", "i'd", "you", "you're", "you've", "you'd", "we", "we're", "they", "they're", "he", "she"];
/// Whole questions that ask the person to keep talking.
pub const ELLIPTICAL_OPEN: &[&[&str]] = &[
    &["and"],
    &["and", "then"],
    &["then", "what"],
    &["meaning"],
    &["such", "as"],
    &["such", "as", "what"],
    &["like", "what"],
    &["for", "example"],
    &["for", "instance"],
    &["how", "so"],
    &["in", "what", "way"],
    &["in", "what", "ways"],
    &["what", "else"],
    &["and", "what", "else"],
    &["what", "then"],
    &["because"],
    &["which", "means"],
    &["go", "on"],
    &["say", "more"],
    &["and", "so"],
    &["so"],
    &["how", "come"],
    &["what", "about", "you"],
    &["and", "you"],
    &["what", "do", "you", "mean"],
    &["what", "did", "you", "mean"],
    &["what", "does", "that", "mean"],
];
/// Nouns after "any" that invite ideas in the coachee's own words: "any thoughts on…?",
/// "any questions before we start?", "any other ideas?".
pub const INVITING_NOUNS: &[&str] = &[
    "thoughts",
    "thought",
    "ideas",
    "idea",
    "questions",
    "question",
    "feedback",
    "comments",
    "suggestions",
    "reflections",
    "concerns",
    "worries",
    "reactions",
    "feelings",
    "observations",
    "options",
    "possibilities",
    "examples",
    "hunches",
    "sense",
    "insights",
    "else",
    "way",
    "ways",
    "things",
    "other",
    "others",
    "more",
];
/// Trailing clauses that only check understanding; they never become the head of a question.
pub const CHECKS: &[&[&str]] = &[
    &["do", "you", "think"],
    &["would", "you", "say"],
    &["do", "you", "reckon"],
    &["do", "you", "suppose"],
    &["do", "you", "feel"],
    &["is", "that", "right"],
    &["is", "that", "fair"],
    &["is", "that", "it"],
    &["is", "that", "true"],
    &["does", "that", "make", "sense"],
    &["does", "that", "sound", "right"],
    &["did", "i", "get", "that", "right"],
    &["have", "i", "got", "that", "right"],
    &["am", "i", "right"],
    &["or", "not"],
    &["you", "think"],
];

pub fn is_wh(word: &str) -> bool {
    WH_WORDS.contains(&word)
}

pub fn is_aux(word: &str) -> bool {
    AUXILIARIES.contains(&word)
}

pub fn words_from(s: &Sentence, i: usize) -> Vec<&str> {
    s.words[i..].iter().map(|w| w.text.as_str()).collect()
}

pub fn is_one_of(words: &[&str], list: &[&[&str]]) -> bool {
    list.contains(&words)
}

/// Words skipped between "what's" and the noun it asks about: determiners, possessives
/// ("your daughter's") and adjectives that pick one instance ("next", "usual").
pub const NOUN_MODIFIERS: &[&str] = &[
    "the", "a", "an", "your", "his", "her", "their", "my", "our", "its", "this", "that", "next", "last", "first",
    "usual", "normal", "current", "exact", "typical", "average", "new", "old", "main", "daily", "weekly",
];
/// Words that may follow the fact noun in "what's your name?" form without turning it into
/// a wider question ("what's your target for this week", "what's the dose now").
pub const AFTER_FACT_NOUN: &[&str] =
    &["of", "for", "on", "at", "in", "now", "then", "again", "these", "this", "today", "there", "here", "currently"];
/// Auxiliaries that ask how things are or were, not what could be ("What job would you love?").
pub const PRESENT_OR_PAST_AUX: &[&str] = &["do", "does", "did", "is", "are", "was", "were", "have", "has", "had"];
/// Words after "or" that keep a question open rather than closing it on a list.
pub const OPEN_ENDED_OR: &[&str] = &["something", "anything", "whatever", "what", "not", "otherwise", "else"];
/// Words that cannot end a complete question, so a clause ending in one is a false start
/// ("what do you — what would help?").
pub const FUNCTION_WORDS: &[&str] = &[
    "you", "i", "we", "they", "he", "she", "it", "the", "a", "an", "your", "my", "to", "of", "for", "with", "about",
    "and", "or", "but", "that", "this", "if", "in", "on", "at",
];
/// Sentence endings that ask what the person has done, not what they should do.
pub const HISTORY_ENDINGS: &[&[&str]] = &[
    &["before"],
    &["already"],
    &["previously"],
    &["recently"],
    &["so", "far"],
    &["in", "the", "past"],
    &["until", "now"],
    &["up", "to", "now"],
];
/// Objects after "have you tried…" that ask what has been tried, not suggest something: "Have
/// you tried anything yet?".
pub const TRIED_ANYTHING: &[&str] = &["anything", "something", "everything", "that", "this", "it", "any", "them"];
/// Verbs after "could you" that ask about the person rather than suggest an action.
pub const NOT_SUGGESTIONS: &[&str] = &[
    "see",
    "imagine",
    "be",
    "live",
    "cope",
    "manage",
    "picture",
    "remember",
    "think",
    "feel",
    "envisage",
    "hear",
    "explain",
    "describe",
    "walk",
    "expand",
    "elaborate",
    "give",
    "help",
    "unpack",
    "go",
    "fill",
    "paint",
    "clarify",
    "summarise",
    "summarize",
    "sum",
    "recap",
    "have",
    "really",
    "possibly",
    "ever",
    "afford",
    "hear",
    "commit",
    "stick",
    "handle",
];
/// Verbs that ask for a rating: "rate it", "could you give it a number", "where would you put yourself".
pub const RATING_VERBS: &[&str] = &["rate", "score", "give", "put", "place", "mark", "pick", "grade", "number"];
/// Verbs after "do you…" or "have you…" that offer room for anything the coachee has: "do you
/// have any thoughts", "have you got any questions", "do you need anything from me".
pub const OFFERING_VERBS: &[&str] = &["have", "need", "want", "got", "know", "see", "notice", "hear"];
/// Nouns after "which" that invite several answers: "which parts of your game…".
pub const SEVERAL_NOUNS: &[&str] = &["part", "parts", "bit", "bits", "aspect", "aspects", "area", "areas"];
/// Words after "who's" that make it ask for the identity of one person: "who's your manager".
pub const IDENTITY_DETERMINERS: &[&str] = &["your", "the", "his", "her", "their", "my", "our", "its"];
/// Prepositions that may lead a clipped follow-up question: "and by when", "to whom".
pub const PREPOSITIONS: &[&str] = &["by", "to", "with", "for", "from", "until", "till", "since", "at", "in", "on"];
/// Second halves of a review that make one question with its first half: "What worked, and
/// what would you change?", "What helped and what didn't?".
pub const REVIEW_SECOND: &[&[&str]] = &[
    &["what", "would", "you", "change"],
    &["what", "would", "you", "do", "differently"],
    &["what", "would", "you", "improve"],
    &["what", "would", "you", "like", "to", "change"],
    &["what", "would", "you", "want", "to", "change"],
    &["what", "could", "be", "better"],
    &["what", "could", "have", "gone", "better"],
    &["what", "could", "have", "been", "better"],
    &["what", "would", "make", "it", "better"],
    &["what", "didn't"],
    &["what", "wasn't"],
    &["what", "doesn't"],
    &["what", "hasn't"],
    &["what", "isn't"],
    &["what", "won't"],
];
/// Check-ins that open a turn before its real question: "How are you, and what's on your mind?".
pub const CHECK_INS: &[&[&str]] = &[
    &["how", "are", "you"],
    &["how", "are", "you", "doing"],
    &["how", "are", "you", "today"],
    &["how", "are", "you", "doing", "today"],
    &["how", "are", "you", "arriving", "today"],
    &["how", "are", "you", "arriving"],
    &["how", "are", "you", "feeling", "today"],
    &["how's", "it", "going"],
    &["how", "are", "things"],
];
/// Verbs of thinking and feeling after "why don't you…": "Why don't you want to go?" asks a
/// reason; "Why don't you ask her?" suggests an action.
pub const STATE_VERBS: &[&str] = &[
    "want",
    "like",
    "feel",
    "think",
    "believe",
    "trust",
    "know",
    "care",
    "enjoy",
    "see",
    "agree",
    "mind",
    "remember",
    "understand",
    "wanna",
    "love",
    "need",
];
/// Words after "maybe" or "perhaps" that are not a suggested action: "maybe not", "maybe so",
/// "perhaps that's it".
pub const NOT_A_BARE_VERB: &[&str] = &[
    "not", "so", "that", "this", "there", "it", "next", "later", "tomorrow", "today", "now", "then", "both", "neither",
    "either", "some", "part", "more", "less", "too", "a", "an", "the", "because", "if", "when", "once", "for", "in",
    "on", "at", "after", "before", "with", "without", "to", "of", "what", "one", "two", "three",
];
/// First-person openings: the coach's own business ("so I'll send the notes").
pub const FIRST_PERSON: &[&str] =
    &["i", "i'm", "i'll", "i've", "i'd", "we", "we're", "we've", "we'll", "we'd", "let's", "my", "our", "to", "just"];
