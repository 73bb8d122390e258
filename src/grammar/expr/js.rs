//! JavaScript's value model inside the interpreter: [`V`] adds arrays to the engine's
//! [`Value`], and this file owns the conversions the ECMAScript spec defines (ToNumber,
//! ToString, ToPrimitive, truthiness, `==`, `===`, `<`). One deliberate difference: a date acts
//! as its milliseconds (in `+`, `==` and `<`), where JavaScript would often use its text.

use std::rc::Rc;

use super::lexer::is_js_space;
use crate::grammar::value::{js_number, Value};

/// Longest text (in UTF-8 bytes) an operation may build; longer results are null.
pub(super) const MAX_TEXT: usize = 1 << 20;

/// A value during evaluation: an engine value or an array (from an array literal).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum V {
    /// A plain value.
    P(Value),
    /// An array.
    A(Rc<Vec<V>>),
}

impl V {
    /// A number.
    pub fn num(n: f64) -> V {
        V::P(Value::Num(n))
    }
    /// A boolean.
    pub fn bool(b: bool) -> V {
        V::P(Value::Bool(b))
    }
    /// Text, or null when it is longer than [`MAX_TEXT`].
    pub fn text(s: String) -> V {
        if s.len() > MAX_TEXT {
            return V::P(Value::Null);
        }
        V::P(Value::Str(s.into()))
    }
    /// Null.
    pub fn null() -> V {
        V::P(Value::Null)
    }
    /// The engine value this evaluates to (an array becomes its JavaScript text, `1,2`).
    pub fn into_value(self) -> Value {
        match self {
            V::P(v) => v,
            V::A(_) => to_primitive(&self),
        }
    }
}

/// JavaScript's `StringToNumber`: trimmed decimal, `0x`/`0o`/`0b` integers, `Infinity`;
/// empty text is 0, anything else NaN.
pub(super) fn str_to_number(s: &str) -> f64 {
    let t = s.trim_matches(is_js_space);
    if t.is_empty() {
        return 0.0;
    }
    let radix = |p: &str, r: u32| -> Option<f64> {
        let d = t.strip_prefix(p).or_else(|| t.strip_prefix(&p.to_uppercase()))?;
        if d.is_empty() {
            return Some(f64::NAN);
        }
        Some(d.chars().try_fold(0.0, |acc, c| Some(acc * r as f64 + c.to_digit(r)? as f64)).unwrap_or(f64::NAN))
    };
    if let Some(n) = radix("0x", 16).or_else(|| radix("0o", 8)).or_else(|| radix("0b", 2)) {
        return n;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
        return f64::NAN;
    }
    t.parse::<f64>().unwrap_or(f64::NAN)
}

/// ToNumber: null 0, booleans 0/1, dates their milliseconds, text parsed, arrays via their text.
pub(super) fn to_number(v: &V) -> f64 {
    match v {
        V::P(p) => prim_number(p),
        V::A(_) => prim_number(&to_primitive(v)),
    }
}

fn prim_number(p: &Value) -> f64 {
    match p {
        Value::Null => 0.0,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Num(n) | Value::Date(n) => *n,
        Value::Str(s) => str_to_number(s),
    }
}

/// ToString (numbers as JavaScript writes them, dates as ISO 8601, arrays joined by commas).
pub(super) fn to_text(v: &V) -> String {
    match v {
        V::P(Value::Num(n)) => js_number(*n),
        V::P(p) => p.to_text(),
        V::A(_) => match to_primitive(v) {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        },
    }
}

/// ToPrimitive: an array becomes its joined text (null when too long); other values are kept.
pub(super) fn to_primitive(v: &V) -> Value {
    match v {
        V::P(p) => p.clone(),
        V::A(items) => {
            let mut out = String::new();
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if !matches!(x, V::P(Value::Null)) {
                    out.push_str(&to_text(x));
                }
                if out.len() > MAX_TEXT {
                    return Value::Null;
                }
            }
            Value::Str(out.into())
        }
    }
}

/// Truthiness (arrays are always truthy).
pub(super) fn truthy(v: &V) -> bool {
    match v {
        V::P(p) => p.truthy(),
        V::A(_) => true,
    }
}

/// `a == b`, JavaScript's loose equality (arrays are equal to nothing but their text).
pub(super) fn loose_eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::A(_), V::A(_)) => false,
        (V::A(_), V::P(Value::Null)) | (V::P(Value::Null), V::A(_)) => false,
        (V::A(_), _) => loose_eq(&V::P(to_primitive(a)), b),
        (_, V::A(_)) => loose_eq(a, &V::P(to_primitive(b))),
        (V::P(x), V::P(y)) => prim_loose_eq(x, y),
    }
}

fn prim_loose_eq(x: &Value, y: &Value) -> bool {
    use Value::*;
    match (x, y) {
        (Null, Null) => true,
        (Null, _) | (_, Null) => false,
        (Str(a), Str(b)) => a == b,
        (Bool(a), Bool(b)) => a == b,
        (Bool(_), _) | (_, Bool(_)) | (Num(_) | Date(_), _) | (_, Num(_) | Date(_)) => prim_number(x) == prim_number(y),
    }
}

/// `a === b`: same kind and same value (NaN equals nothing; arrays equal nothing).
pub(super) fn strict_eq(a: &V, b: &V) -> bool {
    use Value::*;
    match (a, b) {
        (V::P(x), V::P(y)) => match (x, y) {
            (Null, Null) => true,
            (Bool(p), Bool(q)) => p == q,
            (Num(p), Num(q)) | (Date(p), Date(q)) => p == q,
            (Str(p), Str(q)) => p == q,
            _ => false,
        },
        _ => false,
    }
}

/// The abstract relational comparison `a < b`: `None` when either side is NaN. Two texts
/// compare by UTF-16 code units, as JavaScript does; anything else as numbers.
pub(super) fn less(a: &V, b: &V) -> Option<bool> {
    let (x, y) = (to_primitive(a), to_primitive(b));
    if let (Value::Str(p), Value::Str(q)) = (&x, &y) {
        return Some(p.encode_utf16().lt(q.encode_utf16()));
    }
    let (p, q) = (prim_number(&x), prim_number(&y));
    if p.is_nan() || q.is_nan() {
        None
    } else {
        Some(p < q)
    }
}

/// ToUint32.
pub(super) fn to_uint32(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4_294_967_296.0) as u32
}

/// ToInt32.
pub(super) fn to_int32(n: f64) -> i32 {
    to_uint32(n) as i32
}

/// ToIntegerOrInfinity (NaN is 0).
pub(super) fn to_integer(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else {
        n.trunc() + 0.0
    }
}

/// The UTF-16 code units of a text (JavaScript's string indices count these).
pub(super) fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// Text from UTF-16 code units (a lone surrogate becomes U+FFFD).
pub(super) fn from_utf16(u: &[u16]) -> String {
    String::from_utf16_lossy(u)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn s(t: &str) -> V {
        V::P(Value::str(t))
    }

    #[test]
    fn text_to_number_follows_string_to_number() {
        assert_eq!(str_to_number(" 12 "), 12.0);
        assert_eq!(str_to_number("\u{a0}\u{feff}"), 0.0);
        assert_eq!(str_to_number("0x1F"), 31.0);
        assert_eq!(str_to_number("-Infinity"), f64::NEG_INFINITY);
        for bad in ["inf", "nan", "1_0", "0x", "1e", "--1", "12px", "-0x1"] {
            assert!(str_to_number(bad).is_nan(), "{bad}");
        }
        assert_eq!(to_number(&V::A(Rc::new(vec![V::num(7.0)]))), 7.0);
    }

    #[test]
    fn equality_and_order() {
        assert!(loose_eq(&s("1"), &V::num(1.0)));
        assert!(loose_eq(&V::bool(true), &s("1")));
        assert!(!loose_eq(&V::null(), &V::num(0.0)));
        assert!(!strict_eq(&s("1"), &V::num(1.0)));
        assert!(!strict_eq(&V::num(f64::NAN), &V::num(f64::NAN)));
        assert!(loose_eq(&V::A(Rc::new(vec![V::num(1.0), V::num(2.0)])), &s("1,2")));
        assert_eq!(less(&s("10"), &s("9")), Some(true));
        assert_eq!(less(&s("10"), &V::num(9.0)), Some(false));
        assert_eq!(less(&V::null(), &V::num(1.0)), Some(true));
        assert_eq!(less(&s("a"), &V::num(1.0)), None);
        // U+FF5E sorts after U+1F600's high surrogate (0xD83D) in UTF-16 but not by code point.
        assert_eq!(less(&s("😀"), &s("～")), Some(true));
    }

    #[test]
    fn integer_conversions() {
        assert_eq!(to_int32(4_294_967_295.0), -1);
        assert_eq!(to_int32(-3.7), -3);
        assert_eq!(to_uint32(-1.0), 4_294_967_295);
        assert_eq!(to_int32(f64::INFINITY), 0);
        assert_eq!(to_integer(f64::NAN), 0.0);
    }
}
