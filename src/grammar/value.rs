//! The values that flow through the grammar's data flow, and the row table that holds them.
//! A [`Value`] is what a Vega datum field can hold after parsing: nothing, a boolean, a number,
//! text, or a date (milliseconds since 1970-01-01 UTC; the engine works in UTC throughout).

use std::sync::Arc;

/// One cell of a data row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Missing (JSON null, an empty CSV cell, an absent field).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (may be NaN after a failed parse, as in Vega).
    Num(f64),
    /// Text.
    Str(Arc<str>),
    /// A point in time, in milliseconds since the epoch, UTC.
    Date(f64),
}

impl Value {
    /// Text value.
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    /// True for null and for numbers or dates that are NaN: Vega's `isValid` is false for them.
    pub fn is_missing(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Num(n) | Value::Date(n) => n.is_nan(),
            _ => false,
        }
    }

    /// The value as a number, as JavaScript's unary `+` would convert it (dates give their
    /// milliseconds, text is parsed, null is `None`: Vega-Lite treats null as missing, not 0).
    pub fn as_num(&self) -> Option<f64> {
        match self {
            Value::Null => None,
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            Value::Num(n) | Value::Date(n) => Some(*n),
            Value::Str(s) => {
                let t = s.trim();
                if t.is_empty() {
                    Some(0.0)
                } else {
                    Some(t.parse::<f64>().unwrap_or(f64::NAN))
                }
            }
        }
    }

    /// A finite number, or `None` (for aggregation and positions: NaN and text are not numbers).
    pub fn finite(&self) -> Option<f64> {
        match self {
            Value::Num(n) | Value::Date(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }

    /// JavaScript truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Num(n) | Value::Date(n) => *n != 0.0 && !n.is_nan(),
            Value::Str(s) => !s.is_empty(),
        }
    }

    /// The value as JavaScript's `String(v)` writes it (dates as ISO 8601 UTC).
    pub fn to_text(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => if *b { "true" } else { "false" }.into(),
            Value::Num(n) => js_number(*n),
            Value::Str(s) => s.to_string(),
            Value::Date(ms) => crate::grammar::calendar::iso(*ms),
        }
    }

    /// Total order used for sorting and grouping: nulls first, then booleans, numbers and dates
    /// (by value, NaN first), then text (by code point).
    pub fn cmp_total(&self, o: &Value) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        fn rank(v: &Value) -> u8 {
            match v {
                Value::Null => 0,
                Value::Bool(_) => 1,
                Value::Num(_) | Value::Date(_) => 2,
                Value::Str(_) => 3,
            }
        }
        match (self, o) {
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            (Value::Num(a) | Value::Date(a), Value::Num(b) | Value::Date(b)) => {
                a.partial_cmp(b).unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()).reverse())
            }
            (Value::Str(a), Value::Str(b)) => a.cmp(b),
            _ => rank(self).cmp(&rank(o)).then(Ordering::Equal),
        }
    }

    /// A key that is equal exactly when two values group together (as Vega's groupby does on
    /// the values' string forms, but keeping numbers and text apart).
    pub fn key(&self) -> String {
        match self {
            Value::Null => "\u{0}n".into(),
            Value::Bool(b) => format!("\u{0}b{b}"),
            Value::Num(n) => format!("\u{0}#{}", js_number(*n)),
            Value::Date(n) => format!("\u{0}d{}", js_number(*n)),
            Value::Str(s) => s.to_string(),
        }
    }
}

/// A number written as JavaScript's `String(n)` does for the common cases: integers without a
/// decimal point, others with the shortest round-trip digits, `NaN`, `Infinity`.
pub fn js_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.fract() == 0.0 && n.abs() < 9e15 {
        return (n as i64).to_string();
    }
    // Rust's shortest round-trip digits are JavaScript's digits.
    format!("{n}")
}

/// Rows of values under named fields: the data flow's one table type. Transforms add fields
/// with [`Table::field_index_or_add`]; every row always has one value per field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Field names, in first-seen order (nested JSON objects flattened to `a.b`).
    pub fields: Vec<String>,
    /// One vector of `fields.len()` values per row.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table with these fields.
    pub fn with_fields(fields: Vec<String>) -> Table {
        Table { fields, rows: Vec::new() }
    }

    /// Index of a field, if present.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// Index of a field, added (null in every row) when absent.
    pub fn field_index_or_add(&mut self, name: &str) -> usize {
        if let Some(i) = self.col(name) {
            return i;
        }
        self.fields.push(name.to_string());
        for r in &mut self.rows {
            r.push(Value::Null);
        }
        self.fields.len() - 1
    }

    /// The value of `field` in row `row` (null when the field does not exist).
    pub fn get(&self, row: usize, field: &str) -> &Value {
        static NULL: Value = Value::Null;
        match self.col(field) {
            Some(c) => &self.rows[row][c],
            None => &NULL,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The key a field reference names in a [`Table`]: Vega-Lite's `a.b` (nested) and `a\.b` (a dot
/// in the name) both name the flattened key `a.b`; `a[0]` names `a.0`.
pub fn field_key(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' => {
                out.push('.');
                for n in chars.by_ref() {
                    if n == ']' {
                        break;
                    }
                    if n != '"' && n != '\'' {
                        out.push(n);
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_convert_as_javascript_does() {
        assert_eq!(Value::str(" 12 ").as_num(), Some(12.0));
        assert!(Value::str("abc").as_num().unwrap().is_nan());
        assert_eq!(Value::Null.as_num(), None);
        assert_eq!(js_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(js_number(1500.0), "1500");
        assert_eq!(js_number(-2.5), "-2.5");
    }

    #[test]
    fn ordering_puts_nulls_first_and_keeps_kinds_apart() {
        let mut v = vec![Value::str("b"), Value::Num(2.0), Value::Null, Value::Num(-1.0), Value::str("a")];
        v.sort_by(|a, b| a.cmp_total(b));
        assert_eq!(v, vec![Value::Null, Value::Num(-1.0), Value::Num(2.0), Value::str("a"), Value::str("b")]);
        assert_ne!(Value::Num(1.0).key(), Value::str("1").key());
    }

    #[test]
    fn field_keys_flatten_nesting_and_escapes() {
        assert_eq!(field_key("a.b"), "a.b");
        assert_eq!(field_key("a\\.b"), "a.b");
        assert_eq!(field_key("a[0]"), "a.0");
        assert_eq!(field_key("a['x y']"), "a.x y");
    }

    #[test]
    fn tables_add_fields_to_every_row() {
        let mut t = Table::with_fields(vec!["a".into()]);
        t.rows.push(vec![Value::Num(1.0)]);
        let c = t.field_index_or_add("b");
        assert_eq!(c, 1);
        assert_eq!(t.rows[0], vec![Value::Num(1.0), Value::Null]);
        assert_eq!(t.get(0, "zz"), &Value::Null);
    }
}
