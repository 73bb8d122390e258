//! Vega-Lite's field predicates (`{"field", "equal" | "lt" | "lte" | "gt" | "gte" | "range" |
//! "oneOf" | "valid", "timeUnit"?}`) evaluated as the expressions Vega-Lite compiles them to:
//! `===`, `<`, `inrange`, `indexof` and `isValid(x) && isFinite(+x)`, with JavaScript's
//! coercions (`null < 2` holds). Vega-Lite also parses the field implicitly from the first
//! predicate value (a number parses it as a number, text as text, a date-time object or a
//! `timeUnit` as a date); the same coercion is applied here to the value being tested (the
//! table itself is not changed). With a `timeUnit` the field is floored to the unit (a null
//! time counts as 1970-01-01, as JavaScript's `new Date(null)`), and number or text values of
//! single units mean that unit (`{"timeUnit": "month", "equal": "May"}`).

use crate::error::{Error, Path};
use crate::grammar::calendar;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Value};

use super::timeunit::{to_ms, TimeUnit};
use super::util::{self, js_le, js_lt, js_num, strict_eq};

/// How the tested field is converted first (Vega-Lite's implicit `parse`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Coerce {
    None,
    Number,
    Text,
    Date,
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    Equal(Value),
    Lt(Value),
    Lte(Value),
    Gt(Value),
    Gte(Value),
    Range(Option<Value>, Option<Value>),
    OneOf(Vec<Value>),
    Valid(bool),
}

/// One field predicate.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPredicate {
    field: String,
    time_unit: Option<TimeUnit>,
    coerce: Coerce,
    test: Test,
}

const DATETIME_KEYS: &[&str] =
    &["year", "quarter", "month", "date", "day", "hours", "minutes", "seconds", "milliseconds", "utc"];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS: &[&str] = &["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

fn is_datetime(j: &Json) -> bool {
    matches!(j, Json::Obj(o) if o.iter().any(|(k, _)| k != "utc" && DATETIME_KEYS.contains(&k.as_str())))
}

/// JavaScript truthiness of a JSON value (Vega-Lite infers a parse only from truthy values).
fn truthy(j: &Json) -> bool {
    match j {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Num(n) => *n != 0.0 && !n.is_nan(),
        Json::Str(s) => !s.is_empty(),
        _ => true,
    }
}

fn name_index(s: &str, names: &[&str]) -> Option<i64> {
    let l = s.to_lowercase();
    let short = l.get(..3).filter(|_| l.len() >= 3);
    names
        .iter()
        .position(|n| *n == l)
        .or_else(|| names.iter().position(|n| short.is_some() && n.get(..3) == short))
        .map(|i| i as i64)
}

/// Milliseconds of a Vega-Lite date-time object (`{"year": 2021, "month": "may", "date": 19}`;
/// a missing year is 2012, months and quarters count from 1, `day` only stands alone).
pub fn datetime_ms(json: &Json, path: &Path) -> Result<f64, Error> {
    check_keys(json, path, DATETIME_KEYS, &[])?;
    let o = json.obj(path)?;
    let int = |k: &str, default: i64| -> Result<i64, Error> {
        match json.get(k) {
            None => Ok(default),
            Some(Json::Str(s)) if s.trim().parse::<f64>().is_ok() => {
                Ok(s.trim().parse::<f64>().unwrap_or(0.0).trunc() as i64)
            }
            Some(v) => {
                let n = v.num(&path.key(k))?;
                if !n.is_finite() || n.abs() > 1e9 {
                    return Err(Error::spec(&path.key(k), "must be a finite number"));
                }
                Ok(n.trunc() as i64)
            }
        }
    };
    let named = |k: &str, names: &[&str]| -> Result<Option<i64>, Error> {
        match json.get(k) {
            Some(Json::Str(s)) if s.trim().parse::<f64>().is_err() => name_index(s, names)
                .map(Some)
                .ok_or_else(|| Error::spec(&path.key(k), format!("\"{s}\" is not a {k} name"))),
            Some(_) => Ok(Some(int(k, 0)?)),
            None => Ok(None),
        }
    };
    let year = int("year", 2012)?;
    let month = if let Some(m) = named("month", MONTHS)? {
        if matches!(json.get("month"), Some(Json::Str(s)) if s.trim().parse::<f64>().is_err()) {
            m
        } else {
            m - 1
        }
    } else if json.get("quarter").is_some() {
        (int("quarter", 1)? - 1) * 3
    } else {
        0
    };
    let day_alone = o.len() == 1;
    let date = if json.get("date").is_some() {
        int("date", 1)?
    } else if let (true, Some(d)) = (day_alone, named("day", DAYS)?) {
        d % 7 + 1
    } else {
        1
    };
    Ok(calendar::from_parts(
        year,
        month,
        date,
        int("hours", 0)?,
        int("minutes", 0)?,
        int("seconds", 0)?,
        int("milliseconds", 0)?,
    ))
}

impl FieldPredicate {
    /// Reads a predicate object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<FieldPredicate, Error> {
        const TESTS: &[&str] = &["equal", "lt", "lte", "gt", "gte", "range", "oneOf", "valid"];
        let mut known = vec!["field", "timeUnit"];
        known.extend_from_slice(TESTS);
        check_keys(json, path, &known, &[])?;
        let field = field_key(util::req(json, "field", path)?.str(&path.key("field"))?);
        let time_unit = match json.get("timeUnit") {
            Some(t) => Some(TimeUnit::parse_json(t, &path.key("timeUnit"))?),
            None => None,
        };
        let present: Vec<&str> = TESTS.iter().copied().filter(|k| json.get(k).is_some()).collect();
        let [key] = present.as_slice() else {
            return Err(Error::spec(path, format!("a field predicate needs exactly one of {}", TESTS.join(", "))));
        };
        let key = *key;
        let vp = path.key(key);
        let raw = util::req(json, key, path)?;
        let value = |j: &Json, p: &Path| predicate_value(j, p, time_unit.as_ref());
        let (test, first) = match key {
            "equal" => (Test::Equal(value(raw, &vp)?), Some(raw)),
            "lt" => (Test::Lt(value(raw, &vp)?), Some(raw)),
            "lte" => (Test::Lte(value(raw, &vp)?), Some(raw)),
            "gt" => (Test::Gt(value(raw, &vp)?), Some(raw)),
            "gte" => (Test::Gte(value(raw, &vp)?), Some(raw)),
            "valid" => (Test::Valid(raw.bool(&vp)?), None),
            "oneOf" => {
                let a = raw.arr(&vp)?;
                let vals = a.iter().enumerate().map(|(i, j)| value(j, &vp.index(i))).collect::<Result<_, _>>()?;
                (Test::OneOf(vals), a.first())
            }
            _ => {
                let a = raw.arr(&vp)?;
                let [lo, hi] = a else { return Err(Error::spec(&vp, "range needs two values")) };
                let end = |j: &Json, i: usize| -> Result<Option<Value>, Error> {
                    if matches!(j, Json::Null) {
                        Ok(None)
                    } else {
                        value(j, &vp.index(i)).map(Some)
                    }
                };
                (Test::Range(end(lo, 0)?, end(hi, 1)?), Some(lo))
            }
        };
        let mut coerce = match first {
            Some(j) if truthy(j) && is_datetime(j) => Coerce::Date,
            Some(Json::Num(n)) if *n != 0.0 => Coerce::Number,
            Some(Json::Str(s)) if !s.is_empty() => Coerce::Text,
            _ => Coerce::None,
        };
        if time_unit.is_some() {
            coerce = Coerce::Date;
        }
        Ok(FieldPredicate { field, time_unit, coerce, test })
    }

    /// Table key of the tested field.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Tests one value of the field.
    pub fn test(&self, raw: &Value) -> bool {
        let v = match (&self.time_unit, self.coerce) {
            (Some(tu), _) => Value::Num(tu.floor(to_ms(raw).unwrap_or(0.0))),
            (None, c) => coerce(raw, c),
        };
        match &self.test {
            Test::Equal(x) => strict_eq(&v, x),
            Test::Lt(x) => js_lt(&v, x),
            Test::Lte(x) => js_le(&v, x),
            Test::Gt(x) => js_lt(x, &v),
            Test::Gte(x) => js_le(x, &v),
            Test::OneOf(xs) => xs.iter().any(|x| strict_eq(&v, x)),
            Test::Valid(want) => (!v.is_missing() && js_num(&v).is_finite()) == *want,
            Test::Range(Some(a), Some(b)) => {
                let (lo, hi) = if js_lt(b, a) { (b, a) } else { (a, b) };
                js_le(lo, &v) && js_le(&v, hi)
            }
            Test::Range(lo, hi) => {
                lo.as_ref().is_none_or(|lo| js_le(lo, &v)) && hi.as_ref().is_none_or(|hi| js_le(&v, hi))
            }
        }
    }
}

/// Vega's `toNumber` / `toString` / `toDate` of the implicit parse (null and `""` stay null).
fn coerce(v: &Value, c: Coerce) -> Value {
    if matches!(c, Coerce::None) {
        return v.clone();
    }
    if matches!(v, Value::Null) || matches!(v, Value::Str(s) if s.is_empty()) {
        return Value::Null;
    }
    match c {
        Coerce::Number => Value::Num(v.as_num().unwrap_or(f64::NAN)),
        Coerce::Text => match v {
            Value::Str(_) => v.clone(),
            other => Value::str(&other.to_text()),
        },
        _ => match v {
            Value::Bool(_) => Value::Date(f64::NAN),
            other => Value::Date(to_ms(other).unwrap_or(f64::NAN)),
        },
    }
}

/// A predicate value: a date-time object or (with a time unit) a time becomes milliseconds.
fn predicate_value(j: &Json, path: &Path, unit: Option<&TimeUnit>) -> Result<Value, Error> {
    if is_datetime(j) {
        return Ok(Value::Num(datetime_ms(j, path)?));
    }
    if let Json::Obj(o) = j {
        let k = o.first().map(|(k, _)| k.as_str()).unwrap_or("");
        return Err(Error::unsupported(
            &path.key(k),
            format!("{} in a predicate", j.to_text()),
            "numbers, text, booleans, date-time objects",
        ));
    }
    let Some(tu) = unit else { return util::scalar(j, path) };
    // A number below 10000 or text that is not a date means the single unit's own value.
    let own = match j {
        Json::Num(n) if *n < 10000.0 => true,
        Json::Num(_) => return Ok(Value::Num(num_of(j))),
        Json::Str(s) => match crate::grammar::format::date::parse_date(s) {
            Some(ms) => return Ok(Value::Num(ms)),
            None => true,
        },
        other => return util::scalar(other, path),
    };
    match tu.single() {
        Some(u @ ("week" | "dayofyear")) if own => Err(Error::unsupported(
            path,
            format!("a {u} value {}", j.to_text()),
            "date-time objects, full dates, or other time units",
        )),
        Some(u) if own => Ok(Value::Num(datetime_ms(&Json::Obj(vec![(u.into(), j.clone())]), path)?)),
        _ => Ok(Value::Num(num_of(j))),
    }
}

fn num_of(j: &Json) -> f64 {
    if let Json::Num(n) = j {
        *n
    } else {
        f64::NAN
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::format::date::parse_date;

    fn p(s: &str) -> FieldPredicate {
        FieldPredicate::parse(&Json::parse(s).unwrap(), &Path::of(&["filter"])).unwrap()
    }

    #[test]
    fn datetime_objects() {
        let d = |s: &str| datetime_ms(&Json::parse(s).unwrap(), &Path::root()).unwrap();
        assert_eq!(d(r#"{"year": 2021, "month": "may", "date": 19}"#), parse_date("2021-05-19").unwrap());
        assert_eq!(d(r#"{"year": 2021, "month": 6}"#), parse_date("2021-06-01").unwrap());
        assert_eq!(d(r#"{"quarter": 2}"#), parse_date("2012-04-01").unwrap());
        assert_eq!(d(r#"{"day": "Mon"}"#), parse_date("2012-01-02").unwrap());
        assert_eq!(d(r#"{"month": "Feb", "hours": 5}"#), parse_date("2012-02-01T05:00").unwrap());
        assert!(datetime_ms(&Json::parse(r#"{"month": "Smarch"}"#).unwrap(), &Path::root()).is_err());
    }

    // Reference: vega-lite 6.4.3 filter results on [1, null, "3", 5, "abc", -1].
    #[test]
    fn javascript_comparisons_with_implicit_parse() {
        let xs = [Value::Num(1.0), Value::Null, Value::str("3"), Value::Num(5.0), Value::str("abc"), Value::Num(-1.0)];
        let keep = |q: &str| -> Vec<usize> {
            let f = p(q);
            (0..xs.len()).filter(|&i| f.test(&xs[i])).collect()
        };
        assert_eq!(keep(r#"{"field": "x", "lt": 2}"#), vec![0, 1, 5]);
        assert_eq!(keep(r#"{"field": "x", "gte": 3}"#), vec![2, 3]);
        assert_eq!(keep(r#"{"field": "x", "equal": 3}"#), vec![2]);
        assert_eq!(keep(r#"{"field": "x", "range": [5, 0]}"#), vec![0, 1, 2, 3]);
        assert_eq!(keep(r#"{"field": "x", "range": [null, 1]}"#), vec![0, 1, 5]);
        assert_eq!(keep(r#"{"field": "x", "valid": true}"#), vec![0, 2, 3, 5]);
        let ss = [Value::str("a"), Value::str("b"), Value::str("1"), Value::Null, Value::str(""), Value::str("c")];
        let keep = |q: &str| -> Vec<usize> {
            let f = p(q);
            (0..ss.len()).filter(|&i| f.test(&ss[i])).collect()
        };
        assert_eq!(keep(r#"{"field": "s", "equal": "1"}"#), vec![2]);
        assert_eq!(keep(r#"{"field": "s", "oneOf": ["a", "c", 1]}"#), vec![0, 5]);
        assert_eq!(keep(r#"{"field": "s", "gt": "b"}"#), vec![5]);
        assert_eq!(keep(r#"{"field": "s", "valid": false}"#), vec![0, 1, 3, 5]);
    }

    // Reference: vega-lite 6.4.3 on times 2021-05-19T13:45:10Z, 2020-05-02, 2021-06-01, null.
    #[test]
    fn time_unit_predicates() {
        let ts = [Value::str("2021-05-19T13:45:10Z"), Value::str("2020-05-02"), Value::str("2021-06-01"), Value::Null];
        let keep = |q: &str| -> Vec<usize> {
            let f = p(q);
            (0..ts.len()).filter(|&i| f.test(&ts[i])).collect()
        };
        assert_eq!(keep(r#"{"field": "t", "timeUnit": "month", "equal": "May"}"#), vec![0, 1]);
        assert_eq!(keep(r#"{"field": "t", "timeUnit": "month", "equal": 5}"#), vec![0, 1]);
        assert_eq!(keep(r#"{"field": "t", "timeUnit": "year", "oneOf": [2021]}"#), vec![0, 2]);
        assert_eq!(keep(r#"{"field": "t", "timeUnit": "yearmonth", "lt": {"year": 2021, "month": 6}}"#), vec![0, 1, 3]);
        assert_eq!(
            keep(
                r#"{"field": "t", "timeUnit": "yearmonthdate", "range": ["2020-05-02", {"year": 2021, "month": "may", "date": 19}]}"#
            ),
            vec![0, 1]
        );
        assert_eq!(keep(r#"{"field": "t", "gt": {"year": 2021}}"#), vec![0, 2]);
        assert_eq!(keep(r#"{"field": "t", "lt": "2021-01-01"}"#), vec![1]);
        assert_eq!(keep(r#"{"field": "t", "equal": {"year": 2021, "month": 6, "date": 1}}"#), vec![2]);
    }

    // Reference: vega-lite 6.4.3, month range [1, 2] keeps January only of Jan 1 and Mar 1.
    #[test]
    fn dates_and_single_unit_ranges() {
        let f = p(r#"{"field": "x", "timeUnit": "month", "range": [1, 2]}"#);
        assert!(f.test(&Value::Date(parse_date("2021-01-01").unwrap())));
        assert!(f.test(&Value::str("2021-02-03")));
        assert!(!f.test(&Value::str("2021-03-01")));
        let f = p(r#"{"field": "x", "timeUnit": "day", "oneOf": ["Sat", "sunday"]}"#);
        assert!(
            f.test(&Value::str("2021-05-22"))
                && f.test(&Value::str("2021-05-23"))
                && !f.test(&Value::str("2021-05-24"))
        );
        let e = FieldPredicate::parse(
            &Json::parse(r#"{"field": "x", "timeUnit": "week", "equal": 3}"#).unwrap(),
            &Path::of(&["f"]),
        )
        .unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }), "{e}");
    }

    #[test]
    fn malformed_predicates_name_their_path() {
        let e =
            FieldPredicate::parse(&Json::parse(r#"{"field": "x", "lt": 1, "gt": 0}"#).unwrap(), &Path::of(&["filter"]))
                .unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["filter"])));
        let e = FieldPredicate::parse(
            &Json::parse(r#"{"field": "x", "equal": {"expr": "a"}}"#).unwrap(),
            &Path::of(&["filter"]),
        )
        .unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["filter", "equal", "expr"])));
        let e = FieldPredicate::parse(&Json::parse(r#"{"field": "x", "lq": 1}"#).unwrap(), &Path::of(&["filter"]))
            .unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["filter", "lq"])));
    }
}
