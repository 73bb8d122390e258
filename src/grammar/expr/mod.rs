//! Vega's expression language, parsed to an AST and interpreted in Rust: no `eval`, no
//! `Function`, so the strict CSP holds. (API placeholder; the interpreter lands with its files.)

use crate::error::{Error, Path};
use crate::grammar::value::Value;

/// What an expression's `datum` reads.
pub trait Datum {
    /// The value of the (flattened) field `name`; null when absent.
    fn field(&self, name: &str) -> Value;
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    src: String,
}

impl Expr {
    /// Parses `src`; errors name `path` (the spec field holding it) and the character offset.
    pub fn parse(src: &str, path: &Path) -> Result<Expr, Error> {
        Err(Error::Expr { path: path.clone(), at: 0, message: format!("expressions are not available yet: {src}") })
    }

    /// Evaluates against one datum (JavaScript semantics; never fails at run time).
    pub fn eval(&self, _datum: &dyn Datum) -> Value {
        Value::Null
    }
}

impl Datum for (&[String], &[Value]) {
    fn field(&self, name: &str) -> Value {
        self.0.iter().position(|f| f == name).and_then(|i| self.1.get(i).cloned()).unwrap_or(Value::Null)
    }
}

impl Expr {
    /// Fields read (placeholder).
    pub fn fields(&self) -> Vec<String> {
        let _ = &self.src;
        Vec::new()
    }
}
