//! Decimal numbers as text, in both directions, without core's float formatting and parsing.
//!
//! `format!("{:.1}", x)` and `str::parse::<f32>` pull roughly 25 KB of general-purpose float
//! code (and its power-of-ten tables) into the wasm download. The app only ever writes a few
//! ratios, percentages and chart coordinates and reads the weights in `stages.tsv`, so these
//! small integer-based versions do the job and give exactly the same text and values.

/// `x` rounded to `decimals` places: the same text as `format!("{x:.decimals$}")`, e.g. for
/// chart coordinates and CSV cells. Ties go to the even neighbour, as they do in `format!`.
///
/// The rounding is exact for up to 12 places: an `f32` has 24 significant bits and
/// `10^decimals` adds at most 28, within the 53 of an `f64`. The one difference from
/// `format!` is that a value that rounds to zero never shows a minus sign (`-0.04` gives `0.0`,
/// not `-0.0`). Values past ±10^18 saturate; NaN gives 0.
///
/// ```
/// use growsim::decimal::fixed;
/// assert_eq!(fixed(0.75, 2), "0.75");
/// assert_eq!(fixed(1.0 / 3.0, 2), "0.33");
/// assert_eq!(fixed(12.0, 1), "12.0");
/// assert_eq!(fixed(62.5, 0), "62");
/// assert_eq!(fixed(63.5, 0), "64");
/// assert_eq!(fixed(-1.25, 1), "-1.2");
/// assert_eq!(fixed(-0.04, 1), "0.0");
/// ```
pub fn fixed(x: f32, decimals: u32) -> String {
    debug_assert!(decimals <= 12, "fixed() is exact for up to 12 decimals");
    let scale = 10u64.pow(decimals);
    let scaled = (f64::from(x) * scale as f64).round_ties_even();
    let sign = if scaled < 0.0 { "-" } else { "" };
    let n = scaled.abs() as u64;
    let (whole, fraction) = (n / scale, n % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = decimals as usize)
    }
}

/// A ratio (0–1) as a whole percentage, e.g. `0.625` as `62%`, the same text as
/// `format!("{:.0}%", ratio * 100.0)`.
///
/// ```
/// assert_eq!(growsim::decimal::percent(0.75), "75%");
/// ```
pub fn percent(ratio: f32) -> String {
    fixed(ratio * 100.0, 0) + "%"
}

/// Reads a plain non-negative decimal such as `2`, `1.5` or `0.75`: digits, optionally a point
/// and more digits, nothing else. Gives exactly the `f32` that `str::parse` gives for such text.
///
/// The digits are read as a whole number and divided by a power of ten; with at most 7 digits
/// both are exact in `f32`, and IEEE division rounds the exact quotient correctly, which is what
/// `str::parse` does too. Longer inputs are refused rather than rounded twice.
///
/// ```
/// use growsim::decimal::parse;
/// assert_eq!(parse("1.5"), Some(1.5));
/// assert_eq!(parse("0.75"), Some(0.75));
/// assert_eq!(parse("3"), Some(3.0));
/// assert_eq!(parse("0.1"), Some(0.1));
/// assert_eq!(parse("-1"), None);
/// assert_eq!(parse("1e3"), None);
/// assert_eq!(parse("."), None);
/// ```
pub fn parse(text: &str) -> Option<f32> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if digits().count() == 0 || digits().count() > 7 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some(n as f32 / 10u32.pow(fraction.len() as u32) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ratio_of_a_session_formats_as_format_does() {
        for n in 1..300u32 {
            for count in 0..=n {
                let ratio = count as f32 / n as f32;
                assert_eq!(fixed(ratio, 2), format!("{ratio:.2}"));
                assert_eq!(percent(ratio), format!("{:.0}%", ratio * 100.0));
                assert_eq!(fixed(ratio * 600.0, 1), format!("{:.1}", ratio * 600.0));
            }
        }
    }

    // proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn fixed_matches_format(x in -1.0e6f32..1.0e6, decimals in 0u32..=4) {
            let expected = format!("{x:.prec$}", prec = decimals as usize);
            // `format!` keeps the sign of a value that rounds to zero; `fixed` drops it.
            let expected = match expected.strip_prefix('-') {
                Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
                _ => expected,
            };
            proptest::prop_assert_eq!(fixed(x, decimals), expected);
        }

        #[test]
        fn parse_matches_str_parse(whole in 0u32..10_000, fraction in "[0-9]{0,3}") {
            let text = if fraction.is_empty() { whole.to_string() } else { format!("{whole}.{fraction}") };
            proptest::prop_assert_eq!(parse(&text), text.parse::<f32>().ok());
        }
    }
}
