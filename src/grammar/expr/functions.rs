//! The built-in function table (names, arities, refusals), the parse-time preparation of
//! literal arguments, call dispatch, and the math, type-checking and coercion functions.
//! String functions live in `strings.rs`, dates in `dates.rs`, formats in `formatting.rs`.

use std::sync::Arc;

use super::ast::{Node, Pre};
use super::eval::eval;
use super::js::{to_number, to_text, truthy, V};
use super::{dates, formatting, strings, Datum};
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::time::TimeFormat as TimeFmt;
use crate::grammar::value::Value;

const ANY: usize = usize::MAX;

macro_rules! funcs {
    ($($name:literal => $f:ident ($min:expr, $max:expr)),* $(,)?) => {
        /// A built-in function.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Func { $($f),* }
        /// Name, function, fewest and most arguments.
        pub(super) const TABLE: &[(&str, Func, usize, usize)] = &[$(($name, Func::$f, $min, $max)),*];
    };
}

funcs! {
    "abs" => Abs(1, 1), "acos" => Acos(1, 1), "asin" => Asin(1, 1), "atan" => Atan(1, 1),
    "atan2" => Atan2(2, 2), "ceil" => Ceil(1, 1), "clamp" => Clamp(3, 3), "cos" => Cos(1, 1),
    "exp" => Exp(1, 1), "floor" => Floor(1, 1), "hypot" => Hypot(0, ANY), "log" => Log(1, 1),
    "max" => Max(0, ANY), "min" => Min(0, ANY), "pow" => Pow(2, 2), "round" => Round(1, 1),
    "sin" => Sin(1, 1), "sqrt" => Sqrt(1, 1), "tan" => Tan(1, 1),
    "isValid" => IsValid(1, 1), "isNaN" => IsNaN(1, 1), "isFinite" => IsFinite(1, 1),
    "isNumber" => IsNumber(1, 1), "isString" => IsString(1, 1), "isBoolean" => IsBoolean(1, 1),
    "isDate" => IsDate(1, 1), "isArray" => IsArray(1, 1), "isObject" => IsObject(1, 1),
    "isRegExp" => IsRegExp(1, 1),
    "toNumber" => ToNumber(1, 1), "toString" => ToString(1, 1), "toBoolean" => ToBoolean(1, 1),
    "toDate" => ToDate(1, 1), "if" => If(3, 3),
    "datetime" => Datetime(1, 7), "utc" => Utc(1, 7), "time" => Time(1, 1),
    "timezoneoffset" => TimezoneOffset(1, 1),
    "year" => Year(1, 1), "quarter" => Quarter(1, 1), "month" => Month(1, 1), "date" => Date(1, 1),
    "day" => Day(1, 1), "dayofyear" => DayOfYear(1, 1), "week" => Week(1, 1), "hours" => Hours(1, 1),
    "minutes" => Minutes(1, 1), "seconds" => Seconds(1, 1), "milliseconds" => Milliseconds(1, 1),
    "utcyear" => UtcYear(1, 1), "utcquarter" => UtcQuarter(1, 1), "utcmonth" => UtcMonth(1, 1),
    "utcdate" => UtcDate(1, 1), "utcday" => UtcDay(1, 1), "utcdayofyear" => UtcDayOfYear(1, 1),
    "utcweek" => UtcWeek(1, 1), "utchours" => UtcHours(1, 1), "utcminutes" => UtcMinutes(1, 1),
    "utcseconds" => UtcSeconds(1, 1), "utcmilliseconds" => UtcMilliseconds(1, 1),
    "format" => Format(2, 2), "timeFormat" => TimeFormat(2, 2), "utcFormat" => UtcFormat(2, 2),
    "timeParse" => TimeParse(2, 2), "utcParse" => UtcParse(2, 2),
    "monthFormat" => MonthFormat(1, 1), "monthAbbrevFormat" => MonthAbbrevFormat(1, 1),
    "dayFormat" => DayFormat(1, 1), "dayAbbrevFormat" => DayAbbrevFormat(1, 1),
    "length" => Length(1, 1), "lower" => Lower(1, 1), "upper" => Upper(1, 1), "trim" => Trim(1, 1),
    "pad" => Pad(2, 4), "slice" => Slice(2, 3), "substring" => Substring(2, 3),
    "indexof" => IndexOf(2, 2), "lastindexof" => LastIndexOf(2, 2), "replace" => Replace(3, 3),
    "parseInt" => ParseInt(1, 2), "parseFloat" => ParseFloat(1, 1), "truncate" => Truncate(2, 4),
    "inrange" => InRange(2, 2),
}

/// Vega functions refused on purpose, with the reason given to the author.
const REFUSED: &[(&[&str], &str)] = &[
    (&["now"], "the current time would make each render differ (charts must be deterministic)"),
    (
        &["random", "sampleNormal", "sampleLogNormal", "sampleUniform"],
        "random numbers would make each render differ (charts must be deterministic)",
    ),
    (&["regexp", "test"], "regular expressions are not supported"),
    (
        &["split", "join", "reverse", "sort", "sequence", "extent", "span", "peek", "clampRange", "lerp", "merge"],
        "array functions are not supported (arrays are not data values here)",
    ),
    (&["isDefined"], "absent fields read as null here, so `undefined` cannot be told apart (use isValid)"),
    (
        &["isoweek", "utcisoweek", "timeOffset", "utcOffset", "timeSequence", "utcSequence", "timeUnitSpecifier"],
        "not implemented by this engine",
    ),
    (
        &[
            "data",
            "indata",
            "scale",
            "invert",
            "domain",
            "range",
            "bandwidth",
            "bandspace",
            "copy",
            "gradient",
            "geoArea",
            "geoBounds",
            "geoCentroid",
            "geoShape",
            "pathShape",
            "treePath",
            "treeAncestors",
            "vlSelectionTest",
            "vlSelectionResolve",
        ],
        "data sets, scales and selections are not visible to expressions here",
    ),
    (
        &["warn", "info", "debug", "containerSize", "screen", "windowSize", "btoa", "atob", "encodeURIComponent"],
        "not available in this engine",
    ),
    (
        &["eval", "Function", "constructor", "__proto__", "prototype", "window", "document", "globalThis", "this"],
        "not allowed in expressions",
    ),
];

/// What a name used as a function is.
pub(super) enum Lookup {
    /// A supported function.
    Func(Func),
    /// A Vega function this engine refuses, and why.
    Refused(&'static str),
}

/// Looks up a function name.
pub(super) fn lookup(name: &str) -> Option<Lookup> {
    if let Some((_, f, _, _)) = TABLE.iter().find(|e| e.0 == name) {
        return Some(Lookup::Func(*f));
    }
    REFUSED.iter().find(|(names, _)| names.contains(&name)).map(|(_, why)| Lookup::Refused(why))
}

impl Func {
    /// Smallest and largest argument count.
    pub(super) fn arity(self) -> (usize, usize) {
        TABLE.iter().find(|e| e.1 == self).map(|e| (e.2, e.3)).unwrap_or((0, ANY))
    }
}

/// Parse-time checks of literal arguments: format specifiers are parsed now (an invalid one is
/// an error at its offset), and `replace` needs a string pattern.
pub(super) fn prepare(f: Func, args: &[Node], arg_at: &[usize]) -> Result<Option<Pre>, (usize, String)> {
    use Func::*;
    let (Some(spec), Some(&at)) = (args.get(1), arg_at.get(1)) else { return Ok(None) };
    let text = match spec {
        Node::Lit(Value::Str(s)) => s.to_string(),
        Node::Lit(_) if f == Replace => {
            return Err((at, "replace() needs a string pattern (regular expressions are not supported)".into()))
        }
        Node::Lit(_) if matches!(f, Format | TimeFormat | UtcFormat | TimeParse | UtcParse) => {
            return Err((at, "a format specifier must be a string".into()))
        }
        _ => return Ok(None),
    };
    let bad = |e: String| (at, format!("invalid format specifier \"{text}\": {e}"));
    Ok(match f {
        Format => Some(Pre::Number(Arc::new(NumberFormat::parse(&text).map_err(bad)?))),
        TimeFormat | UtcFormat | TimeParse | UtcParse => Some(Pre::Time(Arc::new(TimeFmt::parse(&text).map_err(bad)?))),
        _ => None,
    })
}

/// Calls `f` on unevaluated `args` (only `if` is lazy).
pub(super) fn call(f: Func, args: &[Node], pre: Option<&Pre>, d: &dyn Datum) -> V {
    use Func::*;
    if f == If {
        return match args {
            [t, a, b] => eval(if truthy(&eval(t, d)) { a } else { b }, d),
            _ => V::null(),
        };
    }
    let a: Vec<V> = args.iter().map(|x| eval(x, d)).collect();
    let n = |i: usize| a.get(i).map_or(f64::NAN, to_number);
    let is = |p: fn(&Value) -> bool| V::bool(matches!(a.first(), Some(V::P(v)) if p(v)));
    match f {
        Abs => V::num(n(0).abs()),
        Acos => V::num(n(0).acos()),
        Asin => V::num(n(0).asin()),
        Atan => V::num(n(0).atan()),
        Atan2 => V::num(n(0).atan2(n(1))),
        Ceil => V::num(n(0).ceil()),
        Clamp => V::num(max(&[n(1), min(&[n(2), n(0)])])),
        Cos => V::num(n(0).cos()),
        Exp => V::num(n(0).exp()),
        Floor => V::num(n(0).floor()),
        Hypot => V::num(hypot(&a.iter().map(to_number).collect::<Vec<_>>())),
        Log => V::num(n(0).ln()),
        Max => V::num(max(&a.iter().map(to_number).collect::<Vec<_>>())),
        Min => V::num(min(&a.iter().map(to_number).collect::<Vec<_>>())),
        Pow => V::num(pow(n(0), n(1))),
        Round => V::num(round(n(0))),
        Sin => V::num(n(0).sin()),
        Sqrt => V::num(n(0).sqrt()),
        Tan => V::num(n(0).tan()),
        IsValid => V::bool(match a.first() {
            Some(V::P(v)) => !v.is_missing(),
            Some(V::A(_)) => true,
            None => false,
        }),
        IsNaN => is(|v| matches!(v, Value::Num(x) if x.is_nan())),
        IsFinite => is(|v| matches!(v, Value::Num(x) if x.is_finite())),
        IsNumber => is(|v| matches!(v, Value::Num(_))),
        IsString => is(|v| matches!(v, Value::Str(_))),
        IsBoolean => is(|v| matches!(v, Value::Bool(_))),
        IsDate => is(|v| matches!(v, Value::Date(_))),
        IsArray => V::bool(matches!(a.first(), Some(V::A(_)))),
        IsObject => V::bool(matches!(a.first(), Some(V::A(_) | V::P(Value::Date(_))))),
        IsRegExp => V::bool(false),
        ToNumber | ToString | ToBoolean | ToDate => coerce(f, a.first()),
        If => V::null(),
        Datetime | Utc | Time | TimezoneOffset | Year | Quarter | Month | Date | Day | DayOfYear | Week | Hours
        | Minutes | Seconds | Milliseconds | UtcYear | UtcQuarter | UtcMonth | UtcDate | UtcDay | UtcDayOfYear
        | UtcWeek | UtcHours | UtcMinutes | UtcSeconds | UtcMilliseconds => dates::call(f, &a),
        Format | TimeFormat | UtcFormat | TimeParse | UtcParse | MonthFormat | MonthAbbrevFormat | DayFormat
        | DayAbbrevFormat => formatting::call(f, &a, pre),
        Length | Lower | Upper | Trim | Pad | Slice | Substring | IndexOf | LastIndexOf | Replace | ParseInt
        | ParseFloat | Truncate | InRange => strings::call(f, &a),
    }
}

/// `toNumber`, `toString`, `toBoolean`, `toDate`: null and empty text give null.
fn coerce(f: Func, v: Option<&V>) -> V {
    let Some(v) = v else { return V::null() };
    if matches!(v, V::P(Value::Null)) || matches!(v, V::P(Value::Str(s)) if s.is_empty()) {
        return V::null();
    }
    match f {
        Func::ToNumber => V::num(to_number(v)),
        Func::ToString => V::text(to_text(v)),
        Func::ToBoolean => V::bool(truthy(v) && !matches!(v, V::P(Value::Str(s)) if &**s == "false" || &**s == "0")),
        _ => V::P(Value::Date(match v {
            V::P(Value::Num(n) | Value::Date(n)) => *n,
            V::P(Value::Str(s)) => crate::grammar::format::date::parse_date(s).unwrap_or(f64::NAN),
            V::A(_) => crate::grammar::format::date::parse_date(&to_text(v)).unwrap_or(f64::NAN),
            _ => f64::NAN,
        })),
    }
}

/// `Math.max` (NaN wins; +0 is above -0; no arguments give -Infinity).
fn max(xs: &[f64]) -> f64 {
    xs.iter()
        .try_fold(f64::NEG_INFINITY, |r, &x| {
            if x.is_nan() {
                None
            } else if x > r || (x == 0.0 && r == 0.0 && r.is_sign_negative()) {
                Some(x)
            } else {
                Some(r)
            }
        })
        .unwrap_or(f64::NAN)
}

/// `Math.min`.
fn min(xs: &[f64]) -> f64 {
    -max(&xs.iter().map(|x| -x).collect::<Vec<_>>())
}

/// `Math.hypot` (an infinite argument wins over NaN).
fn hypot(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let m = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if m == 0.0 {
        return 0.0;
    }
    m * xs.iter().map(|x| (x / m) * (x / m)).sum::<f64>().sqrt()
}

/// `Math.pow`, whose NaN rules differ from `powf` (`1 ** NaN` and `(-1) ** Infinity` are NaN).
fn pow(x: f64, y: f64) -> f64 {
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        return f64::NAN;
    }
    x.powf(y)
}

/// `Math.round`: halves round up (`-2.5` to `-2`).
fn round(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    if r == 0.0 && x.is_sign_negative() {
        -0.0
    } else {
        r
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn math_follows_javascript_edge_cases() {
        assert_eq!(round(-2.5), -2.0);
        assert_eq!(round(2.5), 3.0);
        assert_eq!(round(0.49999999999999994), 0.0);
        assert!(pow(1.0, f64::NAN).is_nan()); // vega 6.4.0: NaN
        assert_eq!(pow(2.0, 10.0), 1024.0);
        assert_eq!(max(&[]), f64::NEG_INFINITY); // vega 6.4.0: -Infinity
        assert!(max(&[1.0, f64::NAN]).is_nan());
        assert!(max(&[-0.0, 0.0]).is_sign_positive());
        assert!(min(&[0.0, -0.0]).is_sign_negative());
        assert_eq!(hypot(&[3.0, 4.0]), 5.0);
        assert_eq!(hypot(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
    }

    #[test]
    fn every_table_entry_resolves_with_its_arity() {
        for (name, f, lo, hi) in TABLE {
            assert!(matches!(lookup(name), Some(Lookup::Func(g)) if g == *f), "{name}");
            assert_eq!(f.arity(), (*lo, *hi));
        }
        assert!(matches!(lookup("now"), Some(Lookup::Refused(w)) if w.contains("deterministic")));
        assert!(lookup("nosuch").is_none());
    }
}
