//! Scores a varied set of 10,000 questions and reports the time per question.
//! Run with `cargo bench --bench scoring`. A report, not a test: it prints figures.

/// The corpus reader is native only, and so is this benchmark.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use growsim::scoring::analyse;
    use std::hint::black_box;
    use std::time::Instant;

    let corpus = growsim::measure::corpus::shipped().expect("the labelled corpus reads");
    let pool: Vec<&str> = corpus.iter().map(|r| r.text.as_str()).collect();
    let questions: Vec<String> = (0..10_000)
        .map(|i| {
            let base = pool[i % pool.len()];
            // Vary the text so no two runs see quite the same input.
            match i % 4 {
                0 => base.to_string(),
                1 => format!("So, um, {}", base.to_lowercase()),
                2 => format!("{base} And what else?"),
                _ => base.replace('?', ""),
            }
        })
        .collect();
    for q in questions.iter().take(200) {
        black_box(analyse(q));
    }
    let start = Instant::now();
    for q in &questions {
        black_box(analyse(q));
    }
    let elapsed = start.elapsed();
    let per = elapsed.as_secs_f64() * 1e6 / questions.len() as f64;
    println!(
        "scored {} questions in {:.1} ms: {:.2} µs per question (target < 20 µs)",
        questions.len(),
        elapsed.as_secs_f64() * 1e3,
        per
    );
}
