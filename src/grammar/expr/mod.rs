//! Vega's expression language, parsed to a tree and interpreted in Rust: no `eval`, no
//! `Function`, so the strict CSP holds. Vega-Lite uses it in `filter`, `calculate` and a
//! condition's `test`.
//!
//! Supported: `datum.x`, `datum['x y']`, `datum["a"].b` (nested access reads the flattened
//! key `a.b`); number, string, boolean and null literals; array literals (for `indexof`,
//! `inrange`, `length`, `slice`); unary `- + ! ~`; `* / %`, `+ -`, `<< >> >>>`,
//! `< <= > >=`, `== != === !==`, `& ^ |`, `&&`, `||`, `? :` and parentheses, all with
//! JavaScript's precedence and coercions; the constants `PI E LN2 LN10 LOG2E LOG10E SQRT1_2
//! SQRT2 MAX_VALUE MIN_VALUE NaN Infinity`; and the functions in `functions.rs` (math, type
//! checks, coercions, `if`, dates, formats, strings).
//!
//! Differences from Vega, all deliberate: the engine works in UTC, so `datetime` equals `utc`
//! (but returns a date) and local getters equal the `utc*` ones; a date acts as its
//! milliseconds in `+`, `==` and comparisons (JavaScript would use its text in `+` and compare
//! identity in `==`) and turns into ISO 8601 text; absent fields read as null (JavaScript's
//! `undefined`; `length` of a non-sequence gives NaN, which acts as `undefined` does); a call
//! on which Vega would throw (`slice(5, 1)`, a run-time specifier that is invalid) gives null;
//! `toDate` always returns a date, and an invalid date is not `isValid` (as Vega's `toDate`
//! NaN is not). Numbers are written by [`crate::grammar::value::js_number`].
//!
//! Refused at parse time, with the offset: unknown names and functions, `now()` and
//! `random()` (renders must be deterministic), signals, `event`, `parent`, assignment, `new`,
//! `this`, member access or calls on anything but `datum` and the built-ins, computed field
//! names, regular expressions, object literals, wrong argument counts, invalid literal format
//! specifiers.
//!
//! Limits against hostile input: [`MAX_SOURCE_CHARS`] characters, [`MAX_DEPTH`] levels of
//! nesting, text results of at most 1 MiB (longer ones are null). Parsing never panics, and
//! evaluation never fails.

mod ast;
mod dates;
mod eval;
mod formatting;
mod functions;
mod js;
mod lexer;
mod names;
mod parser;
mod strings;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod hostile_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference_tests;

use crate::error::{Error, Path};
use crate::grammar::value::Value;

/// Longest accepted expression, in characters.
pub const MAX_SOURCE_CHARS: usize = 10_000;

/// Deepest accepted nesting (parentheses, unary operators, calls, arrays, `? :`), and the
/// deepest accepted expression tree.
pub const MAX_DEPTH: usize = 64;

/// What an expression's `datum` reads.
pub trait Datum {
    /// The value of the (flattened) field `name`; null when absent.
    fn field(&self, name: &str) -> Value;
}

/// A row of a [`crate::grammar::Table`]: `(&table.fields, &row)`, looked up by field name.
impl Datum for (&[String], &[Value]) {
    fn field(&self, name: &str) -> Value {
        self.0.iter().position(|f| f == name).and_then(|i| self.1.get(i)).cloned().unwrap_or(Value::Null)
    }
}

/// A parsed expression. Two expressions are equal when their sources are.
#[derive(Debug, Clone)]
pub struct Expr {
    src: String,
    root: ast::Node,
    fields: Vec<String>,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Expr) -> bool {
        self.src == other.src
    }
}

impl Expr {
    /// Parses `src`; errors name `path` (the spec field holding it) and the character offset.
    pub fn parse(src: &str, path: &Path) -> Result<Expr, Error> {
        let err = |(at, message): (usize, String)| Error::Expr { path: path.clone(), at, message };
        if src.chars().nth(MAX_SOURCE_CHARS).is_some() {
            return Err(err((MAX_SOURCE_CHARS, format!("expression is longer than {MAX_SOURCE_CHARS} characters"))));
        }
        let chars: Vec<char> = src.chars().collect();
        let tokens = lexer::lex(&chars).map_err(err)?;
        let root = parser::parse(&tokens).map_err(err)?;
        let mut fields = Vec::new();
        root.collect_fields(&mut fields);
        Ok(Expr { src: src.to_string(), root, fields })
    }

    /// Evaluates against one datum (JavaScript semantics; never fails at run time). An array
    /// result becomes its JavaScript text (`[1, 2]` gives `"1,2"`).
    pub fn eval(&self, datum: &dyn Datum) -> Value {
        eval::eval(&self.root, datum).into_value()
    }

    /// The datum fields the expression reads (flattened keys, first use first, no duplicates).
    pub fn fields(&self) -> Vec<String> {
        self.fields.clone()
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.src
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn path() -> Path {
        Path::of(&["transform"]).index(0).key("filter")
    }
    fn run(src: &str) -> Value {
        let fields = ["a".to_string(), "x y".to_string(), "n".to_string(), "nested.b".to_string()];
        let row = [Value::Num(3.0), Value::Num(7.0), Value::Null, Value::Num(2.0)];
        Expr::parse(src, &path()).unwrap_or_else(|e| panic!("{src}: {e}")).eval(&(&fields[..], &row[..]))
    }
    fn fails(src: &str) -> (usize, String) {
        match Expr::parse(src, &path()) {
            Err(Error::Expr { path: p, at, message }) => {
                assert_eq!(p, path());
                (at, message)
            }
            other => panic!("{src}: expected an expression error, got {other:?}"),
        }
    }

    #[test]
    fn reads_datum_fields_by_flattened_key() {
        assert_eq!(run("datum.a"), Value::Num(3.0));
        assert_eq!(run("datum['x y'] + datum[\"a\"]"), Value::Num(10.0)); // vega 6.4.0: 7 for datum['x y']
        assert_eq!(run("datum.nested.b"), Value::Num(2.0)); // vega 6.4.0: 2
        assert_eq!(run("datum['nested'].b"), Value::Num(2.0));
        assert_eq!(run("datum.zz"), Value::Null);
        let e = Expr::parse("datum.b > 1 && datum['x y'] < datum.b || isValid(datum.a.c)", &path()).unwrap();
        assert_eq!(e.fields(), vec!["b".to_string(), "x y".into(), "a.c".into()]);
        assert_eq!(e, Expr::parse("datum.b > 1 && datum['x y'] < datum.b || isValid(datum.a.c)", &path()).unwrap());
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(run("1 + 2 * 3"), Value::Num(7.0));
        assert_eq!(run("(1 + 2) * 3"), Value::Num(9.0));
        assert_eq!(run("10 - 4 - 3"), Value::Num(3.0));
        assert_eq!(run("2 * 3 % 4"), Value::Num(2.0));
        assert_eq!(run("-2 * -3"), Value::Num(6.0));
        assert_eq!(run("!0 + 1"), Value::Num(2.0));
        assert_eq!(run("1 < 2 == true"), Value::Bool(true));
        assert_eq!(run("3 > 2 > 1"), Value::Bool(false)); // vega 6.4.0: false
        assert_eq!(run("1 | 2 ^ 3 & 1"), Value::Num(3.0));
        assert_eq!(run("1 + 1 << 2"), Value::Num(8.0));
        assert_eq!(run("0 || 1 && 2"), Value::Num(2.0));
        assert_eq!(run("1 ? 2 : 3 ? 4 : 5"), Value::Num(2.0));
        assert_eq!(run("0 ? 2 : 0 ? 4 : 5"), Value::Num(5.0));
        assert_eq!(run("datum.a > 2 ? 'big' : 'small'"), Value::str("big"));
        assert_eq!(run("~~3.7 + -7 >>> 28"), Value::Num(15.0)); // (3 + -7) >>> 28, as -4 is 0xFFFFFFFC
    }

    #[test]
    fn javascript_coercions() {
        assert_eq!(run("'1' + 2"), Value::str("12")); // vega 6.4.0
        assert_eq!(run("'1' + 2 == '12'"), Value::Bool(true));
        assert_eq!(run("'3' * '4'"), Value::Num(12.0)); // vega 6.4.0
        assert_eq!(run("null + 1"), Value::Num(1.0)); // vega 6.4.0
        assert_eq!(run("1 / 0"), Value::Num(f64::INFINITY)); // vega 6.4.0
        assert_eq!(run("-1 / 0"), Value::Num(f64::NEG_INFINITY));
        assert!(matches!(run("0 / 0"), Value::Num(n) if n.is_nan()));
        assert_eq!(run("'a' + null + true"), Value::str("anulltrue"));
        assert_eq!(run("[1, 2] + 1"), Value::str("1,21")); // vega 6.4.0
        assert_eq!(run("[1, [2, null]]"), Value::str("1,2,"));
        assert_eq!(run("'abc' < 'abd'"), Value::Bool(true));
        assert_eq!(run("'10' < '9'"), Value::Bool(true));
        assert_eq!(run("'10' < 9"), Value::Bool(false));
        assert_eq!(run("null == 0"), Value::Bool(false));
        assert_eq!(run("null === null"), Value::Bool(true));
        assert_eq!(run("'1' == 1"), Value::Bool(true));
        assert_eq!(run("'1' === 1"), Value::Bool(false));
        assert_eq!(run("NaN == NaN"), Value::Bool(false));
        assert_eq!(run("datum.n || 'none'"), Value::str("none"));
        assert_eq!(run("datum.a && 'yes'"), Value::str("yes"));
        assert_eq!(run("!''"), Value::Bool(true));
        assert_eq!(run("+'  12  ' + +true"), Value::Num(13.0));
        assert_eq!(run("'' + 0.1 * 3"), Value::str("0.30000000000000004"));
        assert_eq!(run("PI > 3.14 && E < 2.72 && SQRT2 * SQRT1_2 > 0.99"), Value::Bool(true));
    }

    #[test]
    fn errors_name_the_offset() {
        assert_eq!(fails("datum.a +").0, 9);
        assert_eq!(fails("foo(1)"), (0, "unknown function `foo`".into()));
        assert_eq!(fails("datum.a + window").0, 10);
        assert_eq!(fails("'é' + #").0, 6); // characters, not bytes
        assert_eq!(fails("datum[datum.a]").0, 6);
        assert_eq!(fails("1 + if(1, 2)"), (4, "if() takes 3 arguments, got 2".into()));
        assert_eq!(fails("format(1, '.2.2f')").0, 10);
        assert!(fails("format(1, '.2.2f')").1.contains("invalid format specifier"));
        assert_eq!(fails("replace('a', 1, 'b')").0, 13);
        assert_eq!(fails("").0, 0);
        for (src, word) in [
            ("now()", "deterministic"),
            ("random() < 0.5", "deterministic"),
            ("eval('1')", "not allowed"),
            ("Function('x')", "not allowed"),
            ("constructor", "unknown name"),
            ("datum.__proto__.x + __proto__", "unknown name"),
            ("this.x", "not allowed"),
            ("new Date()", "not allowed"),
            ("event.x", "not supported"),
            ("parent.x", "not supported"),
            ("mySignal > 2", "signals are not supported"),
            ("datum.a = 1", "assignment"),
            ("datum.a++", "increment"),
            ("{a: 1}", "object literals"),
            ("/ab/.test('x')", "regular expressions"),
            ("datum.a.toString()", "not a function"),
            ("abs(1)(2)", "only built-in functions"),
            ("'abc'.length", "only supported on `datum`"),
            ("split('a,b', ',')", "not supported"),
            ("datum.a === undefined", "isValid"),
            ("abs", "call it as abs(...)"),
        ] {
            let (_, msg) = fails(src);
            assert!(msg.contains(word), "{src}: {msg}");
        }
        let e = Expr::parse("datum.a +", &path()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid expression at `transform[0].filter` (character 9): unexpected end of expression"
        );
    }

    #[test]
    fn table_rows_are_data() {
        let fields = ["price".to_string(), "name".to_string()];
        let row = [Value::Num(2.5), Value::str("tea")];
        let d = (&fields[..], &row[..]);
        assert_eq!(d.field("name"), Value::str("tea"));
        assert_eq!(d.field("none"), Value::Null);
        let e = Expr::parse("datum.name + ': ' + format(datum.price * 2, '.1f')", &path()).unwrap();
        assert_eq!(e.eval(&d), Value::str("tea: 5.0"));
        assert_eq!(e.source(), "datum.name + ': ' + format(datum.price * 2, '.1f')");
        let short = (&fields[..], &row[..1]); // a short row reads null, never panics
        assert_eq!(short.field("name"), Value::Null);
    }
}
