//! The crate's one error type. Every fallible function returns [`Error`]; the wasm edge turns it
//! into a JavaScript `Error` whose message is the `Display` text below.

use std::fmt;

/// One step of a [`Path`]: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// An object key.
    Key(String),
    /// An array index (from 0, as in JSON).
    Index(usize),
}

/// A structured JSON path into a spec or a dataset, written `encoding.x.scale.type` or
/// `transform[0].filter`: the one form every error of the grammar engine names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// The root (written as the empty string).
    pub fn root() -> Path {
        Path(Vec::new())
    }
    /// A path from dotted keys, e.g. `Path::of(&["encoding", "x"])`.
    pub fn of(keys: &[&str]) -> Path {
        Path(keys.iter().map(|k| Seg::Key(k.to_string())).collect())
    }
    /// This path with one more key.
    pub fn key(&self, k: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }
    /// This path with one more index.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Seg::Key(k) if i == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Everything that can go wrong between a dataset arriving and a chart being drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The dataset could not be read at all (not JSON, wrong shape). `path` is the field path
    /// where reading stopped, when known.
    Parse {
        /// Where in the input reading stopped, e.g. `values[3].year`.
        path: String,
        /// What the reader said.
        message: String,
    },
    /// A field has a value the data contract does not allow (row counted from 0, as in JSON).
    Invalid {
        /// Field path, e.g. `values[4].value`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A value, category or source is referred to by an id the dataset does not define.
    UnknownId {
        /// Field path of the reference.
        path: String,
        /// The id that was not found.
        id: String,
    },
    /// The chart name is not one this build knows.
    UnknownChart {
        /// The name given.
        name: String,
        /// The names this build knows.
        expected: Vec<String>,
    },
    /// A query asked for something the dataset cannot answer.
    Query(String),
    /// The drawing backend failed (canvas gone, context lost, ...).
    Draw(String),
    /// A Vega-Lite spec uses something this engine does not support (yet): refused, never drawn
    /// wrong. `found` is the offending value or key as JSON, `supported` what would work.
    Unsupported {
        /// Where in the spec.
        path: Path,
        /// What was found there.
        found: String,
        /// What is supported instead (may be empty).
        supported: String,
    },
    /// A Vega-Lite spec is malformed at `path` (wrong type, missing field, bad value).
    Spec {
        /// Where in the spec.
        path: Path,
        /// What is wrong.
        message: String,
    },
    /// An expression (in `filter`, `calculate`, a condition's `test`) could not be read.
    Expr {
        /// The spec field holding the expression.
        path: Path,
        /// Character offset in the expression (from 0).
        at: usize,
        /// What is wrong.
        message: String,
    },
    /// Data rows could not be read or used: `path` is the data source (`data.values`,
    /// `data.url`, `transform[2].from`), `row` the row counted from 0 when one is to blame.
    Data {
        /// The data source in the spec.
        path: Path,
        /// The row, when one is to blame.
        row: Option<usize>,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Parse { path, message } if path.is_empty() => {
                write!(f, "dataset could not be read: {message}")
            }
            Error::Parse { path, message } => {
                write!(f, "dataset could not be read at `{path}`: {message}")
            }
            Error::Invalid { path, message } => write!(f, "invalid value at `{path}`: {message}"),
            Error::UnknownId { path, id } => {
                write!(f, "unknown id \"{id}\" at `{path}`: no such entry in the dataset")
            }
            Error::UnknownChart { name, expected } => {
                write!(f, "unknown chart \"{name}\": expected one of {}", expected.join(", "))
            }
            Error::Query(m) => write!(f, "query failed: {m}"),
            Error::Draw(m) => write!(f, "drawing failed: {m}"),
            Error::Unsupported { path, found, supported } if supported.is_empty() => {
                write!(f, "unsupported at `{path}`: {found}")
            }
            Error::Unsupported { path, found, supported } => {
                write!(f, "unsupported at `{path}`: {found} (supported: {supported})")
            }
            Error::Spec { path, message } => write!(f, "invalid spec at `{path}`: {message}"),
            Error::Expr { path, at, message } => {
                write!(f, "invalid expression at `{path}` (character {at}): {message}")
            }
            Error::Data { path, row: Some(r), message } => write!(f, "invalid data at `{path}` row {r}: {message}"),
            Error::Data { path, row: None, message } => write!(f, "invalid data at `{path}`: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The structured path of a grammar error (`None` for the dataset's string paths).
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Unsupported { path, .. }
            | Error::Spec { path, .. }
            | Error::Expr { path, .. }
            | Error::Data { path, .. } => Some(path),
            _ => None,
        }
    }
    /// Shorthand for [`Error::Spec`].
    pub fn spec(path: &Path, message: impl Into<String>) -> Error {
        Error::Spec { path: path.clone(), message: message.into() }
    }
    /// Shorthand for [`Error::Unsupported`].
    pub fn unsupported(path: &Path, found: impl Into<String>, supported: &str) -> Error {
        Error::Unsupported { path: path.clone(), found: found.into(), supported: supported.to_string() }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field() {
        let e = Error::Invalid { path: "values[4].value".into(), message: "must not be negative".into() };
        assert_eq!(e.to_string(), "invalid value at `values[4].value`: must not be negative");
        let e = Error::UnknownChart { name: "pie".into(), expected: vec!["champions-by-year".into()] };
        assert!(e.to_string().contains("champions-by-year"), "{e}");
    }

    #[test]
    fn paths_have_one_form() {
        let p = Path::of(&["transform"]).index(2).key("filter");
        assert_eq!(p.to_string(), "transform[2].filter");
        let e = Error::unsupported(&Path::of(&["encoding", "x", "scale", "type"]), "\"sequential\"", "linear, log");
        assert_eq!(e.to_string(), "unsupported at `encoding.x.scale.type`: \"sequential\" (supported: linear, log)");
        assert_eq!(e.path(), Some(&Path::of(&["encoding", "x", "scale", "type"])));
        let e = Error::Data { path: Path::of(&["data", "values"]), row: Some(3), message: "not an object".into() };
        assert_eq!(e.to_string(), "invalid data at `data.values` row 3: not an object");
    }
}
