//! The crate's one error type. Every fallible function returns [`Error`]; the wasm edge turns it
//! into a JavaScript `Error` whose message is the `Display` text below.

use std::fmt;

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
    UnknownChart(String),
    /// A query asked for something the dataset cannot answer.
    Query(String),
    /// The drawing backend failed (canvas gone, context lost, ...).
    Draw(String),
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
            Error::UnknownChart(name) => {
                write!(f, "unknown chart \"{name}\": expected one of {}", crate::chart::ChartKind::NAMES.join(", "))
            }
            Error::Query(m) => write!(f, "query failed: {m}"),
            Error::Draw(m) => write!(f, "drawing failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field() {
        let e = Error::Invalid { path: "values[4].value".into(), message: "must not be negative".into() };
        assert_eq!(e.to_string(), "invalid value at `values[4].value`: must not be negative");
        let e = Error::UnknownChart("pie".into());
        assert!(e.to_string().contains("champions-by-year"), "{e}");
    }
}
