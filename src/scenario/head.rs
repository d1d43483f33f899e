//! The head of a scenario file, shared with `build.rs`, which bundles only the heads in the web
//! build: the conversation itself is fetched when a session starts.

/// The head of a scenario file: the lines before its first table (`[vars]`, `[[node]]`, …), which
/// hold its card.
///
/// ```
/// let source = "id = \"x\"\ntitle = \"X\"\n\n[vars]\ntrust = 5\n";
/// assert_eq!(growsim::scenario::head(source), "id = \"x\"\ntitle = \"X\"\n\n");
/// ```
pub fn head(source: &str) -> &str {
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if line.starts_with('[') {
            break;
        }
        at += line.len();
    }
    &source[..at]
}
