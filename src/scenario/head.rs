//! A scenario file's head: its top-level keys (id, title, brief…), which TOML puts before the
//! first table header. The web build bundles only the heads and fetches a whole file when a
//! session needs it; `build.rs` uses this same function to cut them.

/// The text of `source` before its first `[table]` or `[[array]]` header, skipping any `[` that
/// starts a line inside a multi-line string.
///
/// ```
/// let file = "id = \"x\"\nbrief = \"\"\"\n[not a header]\n\"\"\"\n[vars]\ntrust = 1\n";
/// assert_eq!(growsim::scenario::head(file), "id = \"x\"\nbrief = \"\"\"\n[not a header]\n\"\"\"\n");
/// ```
pub fn head(source: &str) -> &str {
    let mut in_string = false;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if !in_string && line.trim_start().starts_with('[') {
            return &source[..offset];
        }
        // An odd number of triple quotes opens or closes a multi-line string.
        let quotes = line.matches("\"\"\"").count() + line.matches("'''").count();
        in_string ^= quotes % 2 == 1;
        offset += line.len();
    }
    source
}
