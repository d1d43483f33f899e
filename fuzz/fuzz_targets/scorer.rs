//! The question scorer on any text: it must classify, never panic or hang, keep its rule
//! spans inside the text and give the same answer twice. Fit is judged against every stage.
#![no_main]

use growsim::scoring::{analyse, fit, Stage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = analyse(text);
    assert_eq!(a.stages.len(), Stage::ALL.len());
    assert!(a.stages.iter().all(|(_, p)| p.is_finite() && *p >= 0.0), "{:?}", a.stages);
    for hit in &a.rules {
        assert!(text.get(hit.span.clone()).is_some(), "span {:?} is not a slice of {text:?}", hit.span);
    }
    assert_eq!(analyse(text), a, "scoring twice differs");
    for stage in Stage::ALL {
        let report = fit(&a, stage);
        assert!(!report.explanation.is_empty());
    }
});
