//! Name resolution for the parser: literals (`true`, `false`, `null`), the constants, `datum`
//! field access (flattened to one key), built-in function calls (arity checked, literal format
//! specifiers parsed), and the refusals for every other name JavaScript would accept.

use std::sync::Arc;

use super::ast::Node;
use super::functions::{self, Lookup};
use super::lexer::Tok;
use super::parser::{describe, ParseError, Parser};
use crate::grammar::value::{js_number, Value};

type R<T> = Result<T, ParseError>;
type P = (Node, usize);

const CONSTANTS: [(&str, f64); 12] = [
    ("PI", std::f64::consts::PI),
    ("E", std::f64::consts::E),
    ("LN2", std::f64::consts::LN_2),
    ("LN10", std::f64::consts::LN_10),
    ("LOG2E", std::f64::consts::LOG2_E),
    ("LOG10E", std::f64::consts::LOG10_E),
    ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
    ("SQRT2", std::f64::consts::SQRT_2),
    ("MAX_VALUE", f64::MAX),
    ("MIN_VALUE", 5e-324),
    ("NaN", f64::NAN),
    ("Infinity", f64::INFINITY),
];

fn constant(name: &str) -> Option<f64> {
    CONSTANTS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

const KEYWORDS: [&str; 27] = [
    "new",
    "this",
    "typeof",
    "void",
    "delete",
    "in",
    "instanceof",
    "function",
    "var",
    "let",
    "const",
    "return",
    "class",
    "for",
    "while",
    "do",
    "switch",
    "case",
    "break",
    "continue",
    "throw",
    "try",
    "catch",
    "with",
    "yield",
    "await",
    "super",
];

impl Parser<'_> {
    pub(super) fn name(&mut self, name: &str, at: usize) -> R<P> {
        match name {
            "true" => return Ok((Node::Lit(Value::Bool(true)), 1)),
            "false" => return Ok((Node::Lit(Value::Bool(false)), 1)),
            "null" => return Ok((Node::Lit(Value::Null), 1)),
            "datum" => return self.datum(at),
            _ => {}
        }
        if let Some(v) = constant(name) {
            return Ok((Node::Lit(Value::Num(v)), 1));
        }
        if self.is("(") {
            return self.call(name, at);
        }
        let msg = match name {
            "undefined" => "`undefined` is not supported: fields that are absent read as null (use isValid(x))".into(),
            "event" | "parent" | "item" | "group" => format!("`{name}` is not supported: expressions here see only `datum`"),
            _ if KEYWORDS.contains(&name) => format!("`{name}` is not allowed in expressions"),
            _ if matches!(functions::lookup(name), Some(Lookup::Func(_))) => format!("`{name}` is a function: call it as {name}(...)"),
            _ => format!("unknown name `{name}`: only `datum`, the constants (PI, E, ...) and built-in functions are available (signals are not supported)"),
        };
        Err((at, msg))
    }

    /// `datum.a`, `datum['a b']`, `datum["a"].b`, `datum.a[0]`: one flattened key.
    fn datum(&mut self, at: usize) -> R<P> {
        let mut key: Option<String> = None;
        loop {
            let part = if self.is(".") {
                self.bump();
                let t = self.bump();
                match t.tok {
                    Tok::Name(n) => n,
                    other => {
                        return Err((t.at, format!("expected a field name after `.`, found {}", describe(&other))))
                    }
                }
            } else if self.is("[") {
                self.bump();
                let t = self.bump();
                let part = match t.tok {
                    Tok::Str(s) => s,
                    Tok::Num(n) => js_number(n),
                    _ => return Err((t.at, "a field in `datum[...]` must be a string or number literal".into())),
                };
                self.expect("]", "to close `datum[...]`")?;
                part
            } else {
                break;
            };
            key = Some(match key {
                Some(k) => format!("{k}.{part}"),
                None => part,
            });
        }
        let Some(key) = key else {
            return Err((at, "`datum` must be followed by a field, as in datum.price or datum['unit price']".into()));
        };
        if self.is("(") {
            return Err((
                self.peek().at,
                format!("datum.{key} is not a function; only built-in functions can be called"),
            ));
        }
        Ok((Node::Field(Arc::from(key.as_str())), 1))
    }

    fn call(&mut self, name: &str, at: usize) -> R<P> {
        let func = match functions::lookup(name) {
            Some(Lookup::Func(f)) => f,
            Some(Lookup::Refused(why)) => return Err((at, format!("`{name}()` is not supported: {why}"))),
            None => return Err((at, format!("unknown function `{name}`"))),
        };
        self.bump(); // (
        let mut args = Vec::new();
        let mut arg_at = Vec::new();
        let mut depth = 0;
        while !self.is(")") {
            arg_at.push(self.peek().at);
            let (x, d) = self.ternary()?;
            args.push(x);
            depth = depth.max(d);
            if !self.is(")") {
                self.expect(",", "between function arguments")?;
                if self.is(")") {
                    return Err((self.peek().at, "expected an argument after `,`".into()));
                }
            }
        }
        self.bump(); // )
        let (min, max) = func.arity();
        if args.len() < min || args.len() > max {
            let want = match (min, max) {
                (a, b) if a == b => format!("{a}"),
                (a, usize::MAX) => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            let s = if want == "1" { "" } else { "s" };
            return Err((at, format!("{name}() takes {want} argument{s}, got {}", args.len())));
        }
        let pre = functions::prepare(func, &args, &arg_at)?;
        Self::node(Node::Call(func, args, pre), depth + 1, at)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::Expr;
    use crate::error::{Error, Path};
    use crate::grammar::value::Value;

    fn run(src: &str) -> Result<Value, Error> {
        Ok(Expr::parse(src, &Path::root())?
            .eval(&(&["0".to_string(), "a.1.5".to_string()][..], &[Value::Num(4.0), Value::Num(9.0)][..])))
    }

    #[test]
    fn constants_and_literals() {
        assert_eq!(run("PI").unwrap(), Value::Num(std::f64::consts::PI));
        assert_eq!(
            run("LN2 + LN10 + LOG2E + LOG10E").unwrap(),
            Value::Num(
                std::f64::consts::LN_2 + std::f64::consts::LN_10 + std::f64::consts::LOG2_E + std::f64::consts::LOG10_E
            )
        );
        assert_eq!(run("-Infinity").unwrap(), Value::Num(f64::NEG_INFINITY));
        assert_eq!(run("MIN_VALUE / 2").unwrap(), Value::Num(0.0)); // the smallest subnormal halves to 0
        assert_eq!(run("[true, false, null]").unwrap(), Value::str("true,false,"));
        assert!(run("pi").is_err()); // names are case-sensitive
    }

    #[test]
    fn numeric_and_nested_field_keys() {
        assert_eq!(run("datum[0]").unwrap(), Value::Num(4.0));
        assert_eq!(run("datum.a[1.5]").unwrap(), Value::Num(9.0));
        assert_eq!(run("datum['a'][\"1.5\"]").unwrap(), Value::Num(9.0));
        assert!(run("datum.").is_err());
        assert!(run("datum[0").is_err());
        assert!(run("datum[-1]").is_err()); // `-1` is an expression, not a literal
    }
}
