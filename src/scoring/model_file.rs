//! The stage model's file format, with no dependencies beyond `std` so the build script can
//! check the shipped file too (a broken model stops the build with a message naming it).
//!
//! The file, line by line:
//! ```text
//! growsim-stage-model 2
//! classes rapport goal reality options will
//! scale 40                 (a weight is its whole number divided by this)
//! bias 12 -3 40 -8 -41
//! features 2
//! q:what could<TAB>-3 -10 -20 52 -19
//! w:by when<TAB>0 -6 -9 -14 29
//! end 2
//! ```

use std::collections::HashMap;

/// The first line of a model file: its format and version.
pub const HEADER: &str = "growsim-stage-model 2";

/// The shipped model's file.
pub const FILE: &str = "src/scoring/stage_model.txt";

/// The classes, in the order of `Stage::ALL`.
pub const CLASSES: [&str; 5] = ["rapport", "goal", "reality", "options", "will"];

/// A trained stage model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// A weight is its stored whole number divided by `scale`.
    pub scale: i32,
    /// Per-stage bias, in [`CLASSES`] order.
    pub bias: [i32; 5],
    /// Each feature with its per-stage weights, sorted by feature.
    pub weights: Vec<(String, [i8; 5])>,
    index: HashMap<String, usize>,
}

impl Model {
    /// Builds a model from its parts, sorting the features.
    pub fn new(scale: i32, bias: [i32; 5], mut weights: Vec<(String, [i8; 5])>) -> Model {
        weights.sort_by(|a, b| a.0.cmp(&b.0));
        let index = weights.iter().enumerate().map(|(i, (f, _))| (f.clone(), i)).collect();
        Model { scale, bias, weights, index }
    }

    /// Reads a model file, saying what is wrong (and on which line) when it can't.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        let mut next = |what: &str| lines.next().ok_or_else(|| format!("the file ends before {what} (truncated?)"));
        let (_, header) = next("the header")?;
        if header != HEADER {
            return Err(format!(
                "line 1 is \"{}\", expected \"{HEADER}\" (a model from another version?)",
                clip(header)
            ));
        }
        let (n, classes) = next("the classes")?;
        let expected = CLASSES;
        if classes.split_whitespace().collect::<Vec<_>>() != [&["classes"][..], &expected].concat() {
            return Err(format!("line {n}: expected \"classes {}\"", expected.join(" ")));
        }
        let scale = field(next("the scale")?, "scale")?;
        let scale: i32 = whole(scale.1, scale.0)?;
        if scale <= 0 {
            return Err("the scale must be a positive whole number".into());
        }
        let (n, bias) = field(next("the bias")?, "bias")?;
        let bias = five::<i32>(bias, n)?;
        let (n, count) = field(next("the feature count")?, "features")?;
        let count: usize = whole(count, n)?;
        let mut weights = Vec::with_capacity(count.min(100_000));
        for _ in 0..count {
            let (n, line) = next("all its features")?;
            let (feature, values) =
                line.split_once('\t').ok_or(format!("line {n}: expected a feature, a tab and five weights"))?;
            weights.push((feature.to_string(), five::<i8>(values, n)?));
        }
        let end = field(next("its last line")?, "end")?;
        if whole::<usize>(end.1, end.0)? != count {
            return Err(format!("line {}: the end count does not match the {count} features", end.0));
        }
        Ok(Model::new(scale, bias, weights))
    }

    /// The file text [`Model::parse`] reads.
    pub fn to_text(&self) -> String {
        let join = |v: &[String]| v.join(" ");
        let mut out = format!(
            "{HEADER}\nclasses {}\nscale {}\nbias {}\nfeatures {}\n",
            CLASSES.join(" "),
            self.scale,
            join(&self.bias.map(|b| b.to_string())),
            self.weights.len()
        );
        for (feature, w) in &self.weights {
            out.push_str(&format!("{feature}\t{}\n", join(&w.map(|x| x.to_string()))));
        }
        out.push_str(&format!("end {}\n", self.weights.len()));
        out
    }

    /// The weights of one feature, if the model knows it.
    pub fn weights_of(&self, feature: &str) -> Option<[i8; 5]> {
        self.index.get(feature).map(|&i| self.weights[i].1)
    }
}

fn field<'a>((n, line): (usize, &'a str), name: &str) -> Result<(usize, &'a str), String> {
    match line.split_once(' ') {
        Some((key, rest)) if key == name => Ok((n, rest)),
        _ => Err(format!("line {n}: expected \"{name} …\", found \"{}\"", clip(line))),
    }
}

fn whole<T: std::str::FromStr>(text: &str, line: usize) -> Result<T, String> {
    text.trim().parse().map_err(|_| format!("line {line}: \"{}\" is not a whole number in range", clip(text)))
}

fn five<T: std::str::FromStr + Copy + Default>(text: &str, line: usize) -> Result<[T; 5], String> {
    let values: Vec<T> = text.split_whitespace().map(|v| whole(v, line)).collect::<Result<_, _>>()?;
    <[T; 5]>::try_from(values).map_err(|_| format!("line {line}: expected five weights, one per stage"))
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A two-feature model for tests.
#[cfg(test)]
pub(crate) fn tiny() -> Model {
    Model::new(10, [0, 5, 0, 0, 0], vec![("q:could".into(), [0, 0, 0, 20, -5]), ("q:will".into(), [0, 0, 0, -5, 20])])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_round_trip() {
        let m = tiny();
        assert_eq!(Model::parse(&m.to_text()).unwrap(), m);
    }

    #[test]
    fn broken_files_say_what_is_wrong() {
        let text = tiny().to_text();
        let error = |t: &str| Model::parse(t).unwrap_err();
        assert!(error("").contains("truncated"));
        assert!(error(&text.replace("model 2", "model 1")).contains("another version"));
        assert!(error(&text[..text.len() - 8]).contains("truncated"));
        assert!(error(&text.replace("end 2", "end 3")).contains("does not match"));
        assert!(error(&text.replace("\t0 0 0 20 -5", "\t0 0 0 999 -5")).contains("line 6"));
        assert!(error(&text.replace("scale 10", "scale 0")).contains("positive"));
        assert!(error(&text.replace("\t0 0 0 20 -5", "\t0 0 20 -5")).contains("five weights"));
    }
}
