//! Type parsing of loaded fields: `format.parse` types and Vega's converters (vega-util
//! `toNumber`, `toBoolean`, `toString`, `toDate`; d3 `timeParse`/`utcParse` for
//! `date:'...'`/`utc:'...'`), applied with the implicit parse the caller derived from the spec.
//! Every conversion keeps Vega's result and lists cells that did not convert cleanly.

use super::number::js_to_number;
use super::problems::Problems;
use super::source::ParseSpec;
use crate::error::{Error, Path};
use crate::grammar::format::{date::parse_date, parse_date_with};
use crate::grammar::value::{field_key, js_number};
use crate::grammar::{Table, Value};

/// What to parse a field as.
#[derive(Debug, Clone, PartialEq)]
pub enum Parse {
    /// `"number"` (also Vega's `"integer"`): `+v`; `null`/`""` give null.
    Number,
    /// `"boolean"`: `false`, `0`, `"false"`, `"0"` are false, other values true.
    Boolean,
    /// `"date"` (`None`: JavaScript's `Date.parse`; numbers are taken as milliseconds) or
    /// `"date:'%d.%m.%Y'"` / `"utc:'...'"` (a d3-time-format pattern; `true` for `utc:`; both
    /// are UTC in this engine).
    Date(Option<String>, bool),
    /// `"string"`: the value's text.
    String,
    /// A field's `null` in `format.parse`: left as loaded (and not parsed implicitly).
    Auto,
}

impl Parse {
    /// Reads a `format.parse` value (`spec`) at `path`.
    pub fn from_spec(spec: &str, path: &Path) -> Result<Parse, Error> {
        let pattern = |utc: bool, rest: &str| -> Result<Parse, Error> {
            let p = unquote(rest);
            if p.is_empty() {
                return Err(Error::spec(path, format!("\"{spec}\" has an empty date pattern")));
            }
            parse_date_with(p, "").map_err(|e| Error::spec(path, format!("date pattern \"{p}\": {e}")))?;
            Ok(Parse::Date(Some(p.to_string()), utc))
        };
        match spec {
            "number" | "integer" => Ok(Parse::Number),
            "boolean" => Ok(Parse::Boolean),
            "date" => Ok(Parse::Date(None, false)),
            "string" => Ok(Parse::String),
            s if s.starts_with("date:") => pattern(false, &s[5..]),
            s if s.starts_with("utc:") => pattern(true, &s[4..]),
            _ => Err(Error::spec(
                path,
                format!("\"{spec}\" is not a parse type (number, boolean, date, string, \"date:'<format>'\", \"utc:'<format>'\", null)"),
            )),
        }
    }
}

/// Removes one pair of matching quotes around a pattern, as Vega-Lite's `unquote` does.
fn unquote(p: &str) -> &str {
    for q in ['\'', '"'] {
        if p.len() >= 2 && p.starts_with(q) && p.ends_with(q) {
            return &p[1..p.len() - 1];
        }
    }
    p
}

/// Applies the explicit parse and then the implicit one (fields the explicit one names, even
/// with `null`, are left to it; the first implicit entry per field counts; implicit fields
/// absent from the table are skipped, explicit ones are added as null, as Vega does).
pub(crate) fn apply(
    table: &mut Table,
    spec: &ParseSpec,
    implicit: &[(String, Parse)],
    data_path: &Path,
    problems: &mut Problems,
) -> Result<(), Error> {
    let explicit: &[(String, Parse)] = match spec {
        ParseSpec::Off => return Ok(()),
        ParseSpec::Default => &[],
        ParseSpec::Fields(f) => f,
    };
    let mut done: Vec<String> = Vec::new();
    for (is_explicit, list) in [(true, explicit), (false, implicit)] {
        for (field, parse) in list {
            let key = field_key(field);
            if done.contains(&key) {
                continue;
            }
            done.push(key.clone());
            let col = match table.col(&key) {
                Some(c) => c,
                // Vega parses a field the rows lack into null (when there are rows at all).
                None if is_explicit && !table.is_empty() && *parse != Parse::Auto => {
                    problems.push(
                        0,
                        &key,
                        "",
                        "format.parse names a field the data does not have: it is null in every row",
                    );
                    table.field_index_or_add(&key)
                }
                None => continue,
            };
            let path = if is_explicit { data_path.key("format").key("parse").key(field) } else { data_path.clone() };
            for (r, row) in table.rows.iter_mut().enumerate() {
                if let Some(cell) = row.get_mut(col) {
                    let v = std::mem::replace(cell, Value::Null);
                    *cell = convert(v, parse, &path, r, &key, problems)?;
                }
            }
        }
    }
    Ok(())
}

/// One value converted as Vega converts it, with a problem listed when it did not convert.
fn convert(
    v: Value,
    parse: &Parse,
    path: &Path,
    row: usize,
    field: &str,
    problems: &mut Problems,
) -> Result<Value, Error> {
    if matches!(parse, Parse::Auto) {
        return Ok(v);
    }
    // toNumber, toBoolean, toString, toDate: null and "" are null.
    let empty = matches!(&v, Value::Null) || matches!(&v, Value::Str(s) if s.is_empty());
    if empty {
        return Ok(Value::Null);
    }
    Ok(match parse {
        Parse::Auto => v,
        Parse::Number => match &v {
            Value::Str(s) => {
                let n = js_to_number(s);
                if n.is_nan() && s.trim() != "NaN" {
                    problems.push(row, field, s, "not a number: read as NaN, as Vega does");
                } else if s.trim().is_empty() {
                    problems.push(row, field, s, "blank text: read as 0, as JavaScript does");
                }
                Value::Num(n)
            }
            other => Value::Num(other.as_num().unwrap_or(f64::NAN)),
        },
        Parse::Boolean => match &v {
            Value::Bool(b) => Value::Bool(*b),
            Value::Num(n) => Value::Bool(*n != 0.0 && !n.is_nan()),
            Value::Str(s) => match &**s {
                "false" | "0" => Value::Bool(false),
                "true" | "1" => Value::Bool(true),
                _ => {
                    problems.push(row, field, s, "not true, false, 1 or 0: read as true, as Vega does");
                    Value::Bool(true)
                }
            },
            _ => Value::Bool(true),
        },
        Parse::String => match v {
            Value::Str(_) => v,
            Value::Num(n) => Value::str(&js_number(n)),
            other => Value::str(&other.to_text()),
        },
        Parse::Date(None, _) => match &v {
            Value::Num(n) | Value::Date(n) => Value::Date(*n),
            other => {
                let text = other.to_text();
                match parse_date(&text) {
                    Some(ms) => Value::Date(ms),
                    None => {
                        problems.push(
                            row,
                            field,
                            &text,
                            "not a date Date.parse reads: an Invalid Date (NaN), as in Vega",
                        );
                        Value::Date(f64::NAN)
                    }
                }
            }
        },
        Parse::Date(Some(pattern), _) => {
            // d3's parsers read the value's text and give null when it does not match.
            let text = match &v {
                Value::Num(n) => js_number(*n),
                other => other.to_text(),
            };
            match parse_date_with(pattern, &text)
                .map_err(|e| Error::spec(path, format!("date pattern \"{pattern}\": {e}")))?
            {
                Some(ms) => Value::Date(ms),
                None => {
                    problems.push(
                        row,
                        field,
                        &text,
                        format!("does not match the date pattern \"{pattern}\": null, as in Vega"),
                    );
                    Value::Null
                }
            }
        }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn conv(v: Value, p: &Parse) -> (Value, usize) {
        let mut pr = Problems::default();
        let out = convert(v, p, &Path::root(), 0, "f", &mut pr).unwrap();
        (out, pr.finish().len())
    }

    #[test]
    fn reads_parse_types_as_vega_lite_writes_them() {
        let p = Path::of(&["data", "format", "parse", "d"]);
        assert_eq!(Parse::from_spec("integer", &p).unwrap(), Parse::Number);
        assert_eq!(Parse::from_spec("date:'%d.%m.%Y'", &p).unwrap(), Parse::Date(Some("%d.%m.%Y".into()), false));
        assert_eq!(Parse::from_spec("utc:\"%Y\"", &p).unwrap(), Parse::Date(Some("%Y".into()), true));
        assert_eq!(Parse::from_spec("date:%Y", &p).unwrap(), Parse::Date(Some("%Y".into()), false));
        for bad in ["utc", "date:", "date:''", "flatten", "auto", "Number"] {
            let e = Parse::from_spec(bad, &p).unwrap_err();
            assert_eq!(e.path(), Some(&p), "{bad}");
        }
    }

    #[test]
    fn numbers_follow_to_number() {
        assert_eq!(conv(Value::str("12.5"), &Parse::Number), (Value::Num(12.5), 0));
        assert_eq!(conv(Value::str(""), &Parse::Number), (Value::Null, 0));
        assert_eq!(conv(Value::Null, &Parse::Number), (Value::Null, 0));
        assert_eq!(conv(Value::Num(3.0), &Parse::Number), (Value::Num(3.0), 0));
        assert_eq!(conv(Value::Bool(true), &Parse::Number), (Value::Num(1.0), 0));
        assert_eq!(conv(Value::str(" "), &Parse::Number), (Value::Num(0.0), 1));
        let (v, n) = conv(Value::str("1,234"), &Parse::Number);
        assert!(matches!(v, Value::Num(x) if x.is_nan()) && n == 1);
        let (v, n) = conv(Value::str("NaN"), &Parse::Number);
        assert!(matches!(v, Value::Num(x) if x.is_nan()) && n == 0, "the text says NaN");
    }

    #[test]
    fn booleans_and_strings_follow_vega_util() {
        let b = Parse::Boolean;
        assert_eq!(conv(Value::str("false"), &b), (Value::Bool(false), 0));
        assert_eq!(conv(Value::str("0"), &b), (Value::Bool(false), 0));
        assert_eq!(conv(Value::str("1"), &b), (Value::Bool(true), 0));
        assert_eq!(conv(Value::str("no"), &b), (Value::Bool(true), 1), "toBoolean('no') is true");
        assert_eq!(conv(Value::Num(0.0), &b), (Value::Bool(false), 0));
        assert_eq!(conv(Value::str(""), &b), (Value::Null, 0));
        assert_eq!(conv(Value::Num(2.5), &Parse::String), (Value::str("2.5"), 0));
        assert_eq!(conv(Value::Bool(false), &Parse::String), (Value::str("false"), 0));
        assert_eq!(conv(Value::str(""), &Parse::String), (Value::Null, 0));
        assert_eq!(conv(Value::str("x"), &Parse::Auto), (Value::str("x"), 0));
    }

    #[test]
    fn dates_follow_to_date_and_time_parse() {
        let jan15 = 1_579_046_400_000.0; // Date.UTC(2020, 0, 15)
        let d = Parse::Date(None, false);
        assert_eq!(conv(Value::str("2020-01-15"), &d), (Value::Date(jan15), 0));
        assert_eq!(conv(Value::Num(jan15), &d), (Value::Date(jan15), 0), "numbers are milliseconds");
        let (v, n) = conv(Value::str("someday"), &d);
        assert!(matches!(v, Value::Date(x) if x.is_nan()) && n == 1);
        let custom = Parse::Date(Some("%d.%m.%Y".into()), false);
        assert_eq!(conv(Value::str("15.01.2020"), &custom), (Value::Date(jan15), 0));
        assert_eq!(conv(Value::str("2020-01-15"), &custom), (Value::Null, 1), "d3 gives null");
        assert_eq!(conv(Value::str(""), &custom), (Value::Null, 0));
        let ymd = Parse::Date(Some("%Y%m%d".into()), true);
        assert_eq!(conv(Value::Num(20200115.0), &ymd), (Value::Date(jan15), 0), "d3 reads the number's text");
    }
}
