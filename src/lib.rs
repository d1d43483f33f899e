//! growsim: a coaching-practice simulator.
//!
//! The engine is pure Rust and builds for any target:
//! - [`scoring`] classifies a coach's question (openness, kind, GROW stage) and judges its fit;
//! - [`scenario`] parses and validates scenario files;
//! - [`engine`] plays a scenario as a conversation state machine;
//! - [`drill`] holds the skill drills and scores a learner's rewrite;
//! - [`library`] holds the scenarios bundled at build time;
//! - [`link`] reads and writes the URL hashes that lead into the app;
//! - [`progress`] and [`results`] are saved progress and class result files, read with [`json`];
//! - [`levels`] fades the scaffolding per scenario, and [`dispute`] records verdicts a learner disputes.
//! - [`decimal`] writes and reads decimal numbers without core's float formatting and parsing.
//!
//! Only `ui` (built for wasm32 only) touches the browser.

pub mod decimal;
pub mod dispute;
pub mod drill;
pub mod engine;
pub mod json;
pub mod levels;
pub mod library;
pub mod link;
#[cfg(not(target_arch = "wasm32"))]
pub mod measure;
pub mod progress;
pub mod results;
pub mod scenario;
pub mod scoring;
pub mod short_sort;
pub mod vocab;

#[cfg(target_arch = "wasm32")]
pub mod ui;
