//! Reading dates from data text, as Vega-Lite's `format.parse`: `"date"` (JavaScript's
//! `Date.parse`, for the unambiguous forms: ISO 8601 and the common written forms in
//! `written.rs`) and `"date:'%d.%m.%Y'"` / `"utc:'…'"` (a d3 `utcParse` pattern).
//! Local time is UTC here, so ISO date-times without an offset read as UTC.

use super::time::TimeFormat;
use super::written::parse_written;
use crate::grammar::calendar::from_parts;

/// Longest text read as a date; longer text is not a date.
const MAX_TEXT: usize = 200;

/// Days in a month (1-12) of a proleptic Gregorian year.
pub(super) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The time of checked civil fields (month 1-12, day within the month, 24:00 allowed only as
/// the end of a day), minus a zone offset in minutes east of UTC.
pub(super) fn checked_time(ymd: (i64, i64, i64), hms: (i64, i64, i64, i64), offset_min: i64) -> Option<f64> {
    let ((y, m, d), (h, mi, s, ms)) = (ymd, hms);
    let ok = (0..=9999).contains(&y)
        && (1..=12).contains(&m)
        && (1..=days_in_month(y, m)).contains(&d)
        && ((0..=23).contains(&h) || (h == 24 && mi == 0 && s == 0 && ms == 0))
        && (0..=59).contains(&mi)
        && (0..=59).contains(&s);
    ok.then(|| from_parts(y, m - 1, d, h, mi, s, ms) - offset_min as f64 * 60_000.0)
}

/// A run of ASCII digits at `i` of at least `min` and at most `max` characters.
fn digits(b: &[u8], i: &mut usize, min: usize, max: usize) -> Option<i64> {
    let start = *i;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        *i += 1;
    }
    let n = *i - start;
    (n >= min).then(|| b[start..*i].iter().fold(0i64, |a, &c| a.saturating_mul(10).saturating_add(i64::from(c - b'0'))))
}

fn eat(b: &[u8], i: &mut usize, c: u8) -> bool {
    let hit = b.get(*i) == Some(&c);
    *i += usize::from(hit);
    hit
}

/// ISO 8601 as `Date.parse` reads it: `YYYY[-MM[-DD]][(T| )HH:mm[:ss[.sss]][Z|±hh:mm|±hhmm]]`.
fn parse_iso(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let y = digits(b, &mut i, 4, 4)?;
    let (mut m, mut d) = (1, 1);
    if eat(b, &mut i, b'-') {
        m = digits(b, &mut i, 1, 2)?;
        if eat(b, &mut i, b'-') {
            d = digits(b, &mut i, 1, 2)?;
        }
    }
    let (mut h, mut mi, mut s, mut ms, mut off) = (0, 0, 0, 0, 0);
    if i < b.len() {
        if !matches!(b[i], b'T' | b't' | b' ') {
            return None;
        }
        i += 1;
        h = digits(b, &mut i, 2, 2)?;
        if !eat(b, &mut i, b':') {
            return None;
        }
        mi = digits(b, &mut i, 2, 2)?;
        if eat(b, &mut i, b':') {
            s = digits(b, &mut i, 2, 2)?;
            if eat(b, &mut i, b'.') {
                let start = i;
                digits(b, &mut i, 1, 30)?;
                let frac: String = text[start..i].chars().chain("00".chars()).take(3).collect();
                ms = frac.parse().ok()?;
            }
        }
        if eat(b, &mut i, b'Z') || eat(b, &mut i, b'z') {
        } else if let Some(&sign @ (b'+' | b'-')) = b.get(i) {
            i += 1;
            let oh = digits(b, &mut i, 2, 2)?;
            eat(b, &mut i, b':');
            let om = digits(b, &mut i, 2, 2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            off = (oh * 60 + om) * if sign == b'-' { -1 } else { 1 };
        }
    }
    if i != b.len() {
        return None;
    }
    checked_time((y, m, d), (h, mi, s, ms), off)
}

/// Vega-Lite's `format.parse: "date"`: ISO 8601 or a common written form ("Jan 1 2000",
/// "January 1, 2000", "1 Jan 2000", "2000/01/02", "01/02/2000" (month first),
/// "Sat, 01 Jan 2000 00:00:00 GMT"); `None` for anything else or an impossible date
/// (JavaScript would roll "Feb 30" over; this never guesses). Years 0-9999.
pub fn parse_date(text: &str) -> Option<f64> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() || t.len() > MAX_TEXT {
        return None;
    }
    parse_iso(t).or_else(|| parse_written(t))
}

/// The parser of a `format.parse` date type: `Ok(None)` for plain `"date"` (read with
/// [`parse_date`]), `Ok(Some(pattern))` for `"date:'…'"` / `"utc:'…'"` (quotes optional) or a
/// bare d3 pattern containing `%`; `Err` for anything else or an empty pattern.
pub fn date_pattern(spec: &str) -> Result<Option<TimeFormat>, String> {
    if spec == "date" {
        return Ok(None);
    }
    let pattern = match spec.strip_prefix("date:").or_else(|| spec.strip_prefix("utc:")) {
        Some(p) => p,
        None if spec.contains('%') => spec,
        None => return Err(format!("illegal date format pattern: {spec:?}")),
    };
    let unquoted =
        ['\'', '"'].iter().find_map(|q| pattern.strip_prefix(*q).and_then(|p| p.strip_suffix(*q))).unwrap_or(pattern);
    if unquoted.is_empty() {
        return Err(format!("empty date format pattern: {spec:?}"));
    }
    TimeFormat::parse(unquoted).map(Some)
}

/// Reads `text` with a `format.parse` date type (see [`date_pattern`]): `Ok(None)` when the
/// text is not such a date, `Err` when the type itself is not valid.
pub fn parse_date_with(spec: &str, text: &str) -> Result<Option<f64>, String> {
    Ok(match date_pattern(spec)? {
        None => parse_date(text),
        Some(f) => f.parse_date(text),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_like_date_parse() {
        // Date.parse results in node 20 (V8) with TZ=UTC (no-offset date-times are local = UTC).
        let cases: [(&str, f64); 18] = [
            ("2000", 946684800000.0),
            ("2000-01", 946684800000.0),
            ("2000-01-02", 946771200000.0),
            ("2000-1-2", 946771200000.0),
            ("2000-01-02T03:04", 946782240000.0),
            ("2000-01-02T03:04:05", 946782245000.0),
            ("2000-01-02T03:04:05.6", 946782245600.0),
            ("2000-01-02T03:04:05.123456Z", 946782245123.0),
            ("2000-01-02T03:04:05+05:30", 946762445000.0),
            ("2000-01-02T03:04:05+0530", 946762445000.0),
            ("2000-01-02T03:04:05.1234+01:00", 946778645123.0),
            ("2000-01-02T03:04:05.000-00:00", 946782245000.0),
            ("2000-01-02 03:04:05", 946782245000.0),
            ("2000-01-02t03:04z", 946782240000.0),
            ("2000-01-02T24:00", 946857600000.0),
            ("0099-01-01", -59042995200000.0),
            ("  2000-01-02 ", 946771200000.0),
            ("0000-01-01", -62167219200000.0),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), Some(want), "{text:?}");
        }
        assert_eq!(parse_date("9999-12-31T23:59:59.999Z"), Some(253402300799999.0));
        let long = format!("2000-01-02T03:04:05.{}Z", "9".repeat(30));
        assert_eq!(parse_date(&long), Some(946782245999.0));
    }

    #[test]
    fn refuses_bad_iso() {
        // V8 refuses the first seven and the last six; it rolls "2000-02-30" over to March 1,
        // reads bare numbers ("99", "0"), expanded years ("+002000-01-01") and "2000-" - this
        // parser does not.
        for text in [
            "2000-13-01",
            "2000-01-32",
            "2000-01-02T24:00:01",
            "2000-01-02T25:00",
            "2000-01-02T03",
            "20000101",
            "2000-01-02T03:04:05+24:00",
            "2000-02-30",
            "1999-02-29",
            "99",
            "0",
            "+002000-01-01",
            "-000001-01-01",
            "2000-",
            "",
            "   ",
            "2000-01-02T03:04:05.Z",
            "2000-01-02T03:60",
            "2000-01-02T",
            "2000-01-02T3:04",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
        assert_eq!(parse_date("2000-02-29"), Some(951782400000.0));
        assert_eq!(parse_date(&"2".repeat(300)), None);
    }

    #[test]
    fn reads_format_parse_patterns() {
        // utcParse("%d.%m.%Y")("31.12.1999") in d3-time-format 4.1.1 is 946598400000.
        for spec in ["date:'%d.%m.%Y'", "date:\"%d.%m.%Y\"", "date:%d.%m.%Y", "utc:'%d.%m.%Y'", "%d.%m.%Y"] {
            assert_eq!(parse_date_with(spec, "31.12.1999"), Ok(Some(946598400000.0)), "{spec}");
            assert_eq!(parse_date_with(spec, "1999-12-31"), Ok(None), "{spec}");
        }
        assert_eq!(parse_date_with("date", "Jan 1 2000"), Ok(Some(946684800000.0)));
        assert_eq!(parse_date_with("date", "nonsense"), Ok(None));
        assert!(parse_date_with("date:", "x").is_err());
        assert!(parse_date_with("date:''", "x").is_err());
        assert!(parse_date_with("number", "1").is_err());
        assert!(date_pattern("date").unwrap().is_none());
    }
}
