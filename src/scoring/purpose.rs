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
use super::text::sentences;
use super::{Analysis, Kind};
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

/// The purpose of `text` if it is a closed question (by `analysis`) with a purpose phrase.
pub fn purpose(analysis: &Analysis, text: &str) -> Option<Purpose> {
    if analysis.kind != Kind::Closed {
        return None;
    }
    find(text)
}

/// The first purpose whose phrases occur in `text`, whatever its form.
pub fn find(text: &str) -> Option<Purpose> {
    let parsed = sentences(text);
    sections().iter().find(|(_, lexicon)| parsed.iter().any(|s| lexicon.find(s).is_some())).map(|(p, _)| *p)
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
        ];
        for (text, want) in cases {
            assert_eq!(find(text), Some(want), "{text}");
        }
        assert_eq!(analyse("Do you like your job?").purpose, None);
    }
}
