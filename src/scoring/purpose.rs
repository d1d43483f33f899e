//! Purposeful closed questions: a closed question that does a job the stage needs (contracting,
//! checking understanding, choosing, timing, a commitment or a safety check) is not a fault
//! ("Closed is a form, not a fault" in `../shared/LABELS.md`). The phrases are data, in
//! `lexicon/purposes.txt`, in one `#= purpose` section per job.
//!
//! ```
//! use growsim::scoring::{analyse, Purpose};
//! assert_eq!(analyse("When will you send it?").purpose, Some(Purpose::Timing));
//! assert_eq!(analyse("What will you do first?").purpose, None); // open: no purpose needed
//! ```

use super::lexicon::Lexicon;
use super::text::{sentences, Sentence};
use super::Kind;
use crate::vocab::{Named, Purpose};
use std::sync::OnceLock;

/// Each purpose with its phrases, in file order.
fn sections() -> &'static [(Purpose, Lexicon)] {
    static CELL: OnceLock<Vec<(Purpose, Lexicon)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<(Purpose, String)> = Vec::new();
        for line in
            super::lexicon::all().iter().find(|l| l.0.ends_with("purposes.txt")).map(|l| l.1).unwrap_or("").lines()
        {
            if let Some(name) = line.trim().strip_prefix("#=") {
                if let Some(purpose) = Purpose::parse(name) {
                    out.push((purpose, String::new()));
                }
            } else if let Some((_, text)) = out.last_mut() {
                text.push_str(line);
                text.push('\n');
            }
        }
        out.into_iter().map(|(p, text)| (p, Lexicon::parse(&text))).collect()
    })
}

/// The purpose of `text`, a question of form `kind`: a closed question with a purpose phrase,
/// or a safety check in any form ("Can you tell me whether you've had thoughts of ending your
/// life?" is open, and still a safety check that fits whenever it is asked).
pub fn purpose(kind: Kind, text: &str) -> Option<Purpose> {
    purpose_in(kind, &sentences(text))
}

/// [`purpose`] for a text already split into sentences; only a closed question is searched for
/// every purpose, anything else for a safety check alone.
pub fn purpose_in(kind: Kind, parsed: &[Sentence]) -> Option<Purpose> {
    let wanted = |p: Purpose| kind == Kind::Closed || p == Purpose::Safety;
    first_in(parsed, &wanted)
}

/// The first purpose whose phrases occur in `text`, whatever its form.
pub fn find(text: &str) -> Option<Purpose> {
    first_in(&sentences(text), &|_| true)
}

fn first_in(parsed: &[Sentence], wanted: &dyn Fn(Purpose) -> bool) -> Option<Purpose> {
    sections()
        .iter()
        .filter(|(p, _)| wanted(*p))
        .find(|(_, lexicon)| parsed.iter().any(|s| lexicon.find(s).is_some()))
        .map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::analyse;

    #[test]
    fn every_purpose_has_a_section() {
        for &p in Purpose::ALL {
            assert!(sections().iter().any(|(q, l)| *q == p && !l.phrases().is_empty()), "{p:?}");
        }
    }

    #[test]
    fn closed_questions_with_a_job_get_their_purpose() {
        let cases = [
            ("Which one matters most to you right now?", Purpose::Choosing),
            ("When will you do that?", Purpose::Timing),
            ("Is it ok if I take notes?", Purpose::Contracting),
            ("Are you having any thoughts of ending your life?", Purpose::Safety),
            ("Have I got that right?", Purpose::Checking),
            ("Does that make sense?", Purpose::Checking),
            ("If you had to pick one, which would it be?", Purpose::Choosing),
            ("When will that happen?", Purpose::Timing),
            ("Do you mind if I take notes?", Purpose::Contracting),
            ("Are you thinking about harming yourself?", Purpose::Safety),
        ];
        for (text, want) in cases {
            assert_eq!(find(text), Some(want), "{text}");
        }
        assert_eq!(analyse("Do you like your job?").purpose, None);
        assert_eq!(analyse("When will you be ready, and what will you do first?").purpose, None);
        let open = analyse("Can you tell me whether you've had any thoughts of ending your life?");
        assert_eq!((open.kind, open.purpose), (Kind::Open, Some(Purpose::Safety)));
    }

    #[test]
    fn a_safety_check_in_advice_words_is_a_safety_check_not_advice() {
        let a = analyse("Have you thought about hurting yourself?");
        assert_eq!((a.kind, a.purpose), (Kind::Closed, Some(Purpose::Safety)));
        assert_eq!(analyse("Have you thought about asking your manager?").kind, Kind::Advice);
    }
}
