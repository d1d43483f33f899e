//! Reading saved JSON (progress, sessions, result files) into typed values. Writing uses serde's
//! derive; reading is done by hand from a parsed `serde_json::Value`, which costs the web download
//! a fraction of what derived deserialisers do and names the exact field that is wrong.
//!
//! ```
//! use growsim::json::{read, FromJson, Object};
//! struct Point { x: i64, label: Option<String> }
//! impl FromJson for Point {
//!     fn from_json(value: &serde_json::Value) -> Result<Self, growsim::json::Error> {
//!         let o = Object::of(value)?;
//!         Ok(Point { x: o.field("x")?, label: o.field("label")? })
//!     }
//! }
//! let p: Point = read(r#"{"x": 3}"#).ok().unwrap();
//! assert_eq!((p.x, p.label), (3, None));
//! let e = read::<Vec<Point>>(r#"[{"x": 1}, {"x": "two"}]"#).err().unwrap();
//! assert_eq!(e.to_string(), "[1].x: expected a whole number, found \"two\"");
//! ```

use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// What is wrong and where: `transcript[2].score.kind: expected one of …`.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// Field names and `[index]`es from the outside in.
    path: Vec<String>,
    message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error { path: Vec::new(), message: message.into() }
    }

    fn at(mut self, step: String) -> Error {
        self.path.insert(0, step);
        self
    }

    fn at_index(self, index: usize) -> Error {
        self.at(format!("[{index}]"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut path = String::new();
        for step in &self.path {
            if !step.starts_with('[') && !path.is_empty() {
                path.push('.');
            }
            path.push_str(step);
        }
        if path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{path}: {}", self.message)
        }
    }
}

/// A type that can be read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;
}

/// Parses `text` and reads it as a `T`.
pub fn read<T: FromJson>(text: &str) -> Result<T, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::new(format!("not valid JSON ({e})")))?;
    T::from_json(&value)
}

/// Text echoed in a message, kept short and printable: control characters dropped, and at most
/// `chars` characters, with "…" when cut.
///
/// ```
/// assert_eq!(growsim::json::clip("ab\u{7}cdef", 3), "abc…");
/// ```
pub fn clip(text: &str, chars: usize) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(chars).collect();
    if text.chars().count() > chars {
        format!("{clean}…")
    } else {
        clean
    }
}

/// A short rendering of a value for messages.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// An error saying what was expected and showing what was found.
pub fn expected(what: &str, value: &Value) -> Error {
    Error::new(format!("expected {what}, found {}", shown(value)))
}

/// A JSON object read field by field.
pub struct Object<'v>(&'v Map<String, Value>);

impl<'v> Object<'v> {
    pub fn of(value: &'v Value) -> Result<Object<'v>, Error> {
        match value {
            Value::Object(map) => Ok(Object(map)),
            _ => Err(expected("an object", value)),
        }
    }

    /// A field; a missing field reads as `null`, so it is fine for an `Option` and an error otherwise.
    pub fn field<T: FromJson>(&self, key: &str) -> Result<T, Error> {
        T::from_json(self.0.get(key).unwrap_or(&Value::Null)).map_err(|e| self.locate(key, e))
    }

    /// Places an error in field `key`, or says the field is missing.
    fn locate(&self, key: &str, error: Error) -> Error {
        if self.0.contains_key(key) {
            error.at(key.to_string())
        } else {
            Error::new(format!("missing field `{key}`"))
        }
    }

    /// A field that may be missing, read as the default then.
    pub fn field_or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Error> {
        if self.0.contains_key(key) {
            self.field(key)
        } else {
            Ok(T::default())
        }
    }

    /// Refuses fields outside `known`, for formats that must not drift silently.
    pub fn only(&self, known: &[&str]) -> Result<(), Error> {
        match self.0.keys().find(|k| !known.contains(&k.as_str())) {
            Some(key) => Err(Error::new(format!("unknown field `{key}`, expected one of {}", known.join(", ")))),
            None => Ok(()),
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(expected("text", value)),
        }
    }
}

impl FromJson for Cow<'static, str> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        String::from_json(value).map(Cow::Owned)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, Error> {
        value.as_bool().ok_or_else(|| expected("true or false", value))
    }
}

macro_rules! whole_numbers {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value) -> Result<Self, Error> {
                let n = value.as_i64().map(i128::from).or_else(|| value.as_u64().map(i128::from));
                match n.map(<$ty>::try_from) {
                    Some(Ok(n)) => Ok(n),
                    Some(Err(_)) => Err(expected(concat!("a whole number that fits ", stringify!($ty)), value)),
                    None => Err(expected("a whole number", value)),
                }
            }
        }
    )*};
}
whole_numbers!(u32, u64, usize, i64);

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        value.as_f64().ok_or_else(|| expected("a number", value))
    }
}

impl FromJson for f32 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        f64::from_json(value).map(|x| x as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            _ => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Array(items) = value else { return Err(expected("a list", value)) };
        items.iter().enumerate().map(|(i, item)| T::from_json(item).map_err(|e| e.at_index(i))).collect()
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let Value::Object(map) = value else { return Err(expected("an object", value)) };
        map.iter().map(|(k, v)| Ok((k.clone(), T::from_json(v).map_err(|e| e.at(k.clone()))?))).collect()
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((A::from_json(a)?, B::from_json(b)?)),
            _ => Err(expected("a pair [a, b]", value)),
        }
    }
}

/// A range as serde writes it: `{"start": 0, "end": 4}`.
impl FromJson for std::ops::Range<usize> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let o = Object::of(value)?;
        Ok(o.field("start")?..o.field("end")?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path_and_what_was_found() {
        let e = read::<BTreeMap<String, Vec<u32>>>(r#"{"a": [1, "two"]}"#).unwrap_err();
        assert_eq!(e.to_string(), "a[1]: expected a whole number, found \"two\"");
        assert!(read::<u32>("-1").unwrap_err().to_string().contains("fits u32"));
        assert!(read::<u64>("1.5").unwrap_err().to_string().contains("whole number"));
        assert!(read::<String>("{").unwrap_err().to_string().starts_with("not valid JSON"));
        let long = format!("\"{}\"", "x".repeat(500));
        assert!(read::<u32>(&long).unwrap_err().to_string().len() < 100);
    }

    #[test]
    fn numbers_options_and_pairs() {
        assert_eq!(read::<u64>("18446744073709551615").unwrap(), u64::MAX);
        assert_eq!(read::<i64>("-3").unwrap(), -3);
        assert_eq!(read::<Option<u32>>("null").unwrap(), None);
        assert_eq!(read::<(String, f32)>(r#"["will", 0.5]"#).unwrap(), ("will".to_string(), 0.5));
        assert!(read::<(String, f32)>(r#"["will"]"#).is_err());
    }
}
