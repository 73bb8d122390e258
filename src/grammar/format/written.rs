//! The written date forms `Date.parse` reads besides ISO 8601, limited to unambiguous ones:
//! `[Weekday[,]] Month D[,] YYYY`, `D Month[,] YYYY`, `Month YYYY`, `YYYY/MM/DD` (or with `-`),
//! `MM/DD/YYYY` (US order, as JavaScript; two-digit years as V8: 00-49 = 20xx, 50-99 = 19xx),
//! each optionally followed by `HH:mm[:ss[.sss]] [AM|PM]` and a zone (`GMT`, `UTC`, `UT`, `Z`,
//! `GMT+0100`, `GMT-05:00`, `±hhmm` after a time, or the US zones V8 knows: `EST`, `EDT`,
//! `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`); text in parentheses is a comment, as V8 reads
//! it. Anything else is not a date.

use super::date::checked_time;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Digits: value and count.
    Num(i64, usize),
    /// Letters, lower-cased.
    Word(String),
    /// One of `, / - . : +`.
    Punct(char),
}

fn lex(text: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut it = text.chars().peekable();
    while let Some(&c) = it.peek() {
        if c.is_ascii_digit() {
            let mut s = String::new();
            while let Some(d) = it.peek().filter(|d| d.is_ascii_digit()) {
                s.push(*d);
                it.next();
            }
            if s.len() > 9 {
                return None;
            }
            out.push(Tok::Num(s.parse().ok()?, s.len()));
        } else if c.is_ascii_alphabetic() {
            let mut s = String::new();
            while let Some(d) = it.peek().filter(|d| d.is_ascii_alphabetic()) {
                s.push(d.to_ascii_lowercase());
                it.next();
            }
            out.push(Tok::Word(s));
        } else if c.is_whitespace() {
            it.next();
        } else if c == '(' {
            // A comment, as in `Date.prototype.toString`'s "(Central European Standard Time)".
            it.find(|&d| d == ')')?;
        } else if ",/-.:+".contains(c) {
            out.push(Tok::Punct(c));
            it.next();
        } else {
            return None;
        }
    }
    Some(out)
}

const MONTHS: [&str; 12] = [
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
const DAYS: [&str; 7] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/// A month name, full or abbreviated to three letters (or "sept"): 1-12.
fn month(t: Option<&Tok>) -> Option<i64> {
    let Some(Tok::Word(w)) = t else { return None };
    let hit = |n: &&str| *n == w || (w.len() == 3 && n.starts_with(w.as_str())) || (w == "sept" && *n == "september");
    MONTHS.iter().position(hit).map(|i| i as i64 + 1)
}

fn is_weekday(t: Option<&Tok>) -> bool {
    matches!(t, Some(Tok::Word(w)) if DAYS.iter().any(|d| *d == w || (w.len() == 3 && d.starts_with(w.as_str()))))
}

fn num(t: Option<&Tok>) -> Option<(i64, usize)> {
    match t {
        Some(Tok::Num(v, n)) => Some((*v, *n)),
        _ => None,
    }
}

/// A year of four digits, or two digits read as V8 reads them.
fn year(t: Option<&Tok>) -> Option<i64> {
    match num(t)? {
        (v, 4) => Some(v),
        (v, 1 | 2) if v < 50 => Some(2000 + v),
        (v, 1 | 2) => Some(1900 + v),
        _ => None,
    }
}

fn day(t: Option<&Tok>) -> Option<i64> {
    num(t).filter(|&(_, n)| n <= 2).map(|(v, _)| v)
}

/// The date part: year, month, day.
fn date(t: &[Tok]) -> Option<(i64, i64, i64)> {
    let mut t = t;
    if is_weekday(t.first()) {
        t = &t[1..];
        if t.first() == Some(&Tok::Punct(',')) {
            t = &t[1..];
        }
    }
    let comma = Tok::Punct(',');
    let slash = Tok::Punct('/');
    if let Some(m) = month(t.first()) {
        // Month D YYYY, Month D, YYYY, Month YYYY
        return match t.len() {
            2 if num(t.get(1))?.1 == 4 => Some((year(t.get(1))?, m, 1)),
            3 => Some((year(t.get(2))?, m, day(t.get(1))?)),
            4 if t.get(2) == Some(&comma) => Some((year(t.get(3))?, m, day(t.get(1))?)),
            _ => None,
        };
    }
    if let Some(m) = month(t.get(1)) {
        // D Month YYYY, D Month, YYYY
        let ok = t.len() == 3 || (t.len() == 4 && t.get(2) == Some(&comma));
        return if ok { Some((year(t.last())?, m, day(t.first())?)) } else { None };
    }
    let dash = Tok::Punct('-');
    let sep = t.get(1).filter(|s| **s == slash || **s == dash);
    if t.len() == 5 && sep.is_some() && t.get(3) == sep {
        let (a, b, c) = (num(t.first())?, num(t.get(2))?, num(t.get(4))?);
        if a.1 == 4 && b.1 <= 2 && c.1 <= 2 {
            return Some((a.0, b.0, c.0));
        }
        if a.1 <= 2 && b.1 <= 2 && sep == Some(&slash) {
            return Some((year(t.get(4))?, a.0, b.0));
        }
    }
    None
}

fn is_utc(t: &Tok) -> bool {
    matches!(t, Tok::Word(w) if ["gmt", "utc", "ut", "z"].contains(&w.as_str()))
}

/// The offset in hours of a US zone abbreviation.
fn us_zone(w: &str) -> Option<i64> {
    let zones =
        [("est", -5), ("edt", -4), ("cst", -6), ("cdt", -5), ("mst", -7), ("mdt", -6), ("pst", -8), ("pdt", -7)];
    zones.iter().find(|z| z.0 == w).map(|z| z.1)
}

/// The time and zone part: hours, minutes, seconds, ms and the offset in minutes east of UTC.
fn time_zone(t: &[Tok]) -> Option<((i64, i64, i64, i64), i64)> {
    let (mut hms, mut i, mut timed) = ((0, 0, 0, 0), 0, false);
    if let (Some((h, _)), Some(Tok::Punct(':')), Some((mi, 2))) = (num(t.first()), t.get(1), num(t.get(2))) {
        (hms.0, hms.1, i, timed) = (h, mi, 3, true);
        if let (Some(Tok::Punct(':')), Some((s, 2))) = (t.get(3), num(t.get(4))) {
            (hms.2, i) = (s, 5);
            if let (Some(Tok::Punct('.')), Some((f, n))) = (t.get(5), num(t.get(6))) {
                let scale = [100, 10, 1].get(n.saturating_sub(1)).copied().unwrap_or(1);
                hms.3 = if n <= 3 { f * scale } else { f / 10i64.pow(n as u32 - 3) };
                i = 7;
            }
        }
        let meridiem = match t.get(i) {
            Some(Tok::Word(w)) if w == "am" => Some(0),
            Some(Tok::Word(w)) if w == "pm" => Some(12),
            _ => None,
        };
        if let Some(add) = meridiem {
            if !(1..=12).contains(&hms.0) {
                return None;
            }
            hms.0 = hms.0 % 12 + add;
            i += 1;
        }
    }
    let mut off = 0;
    if let Some(h) = t.get(i).and_then(|w| if let Tok::Word(w) = w { us_zone(w) } else { None }) {
        return (i + 1 == t.len()).then_some((hms, h * 60));
    }
    let zoned = t.get(i).is_some_and(is_utc);
    i += usize::from(zoned);
    if let Some(Tok::Punct(sign @ ('+' | '-'))) = t.get(i).filter(|_| zoned || timed) {
        let (hh, mm, used) = match (num(t.get(i + 1)), t.get(i + 2), num(t.get(i + 3))) {
            (Some((v, 4)), _, _) => (v / 100, v % 100, 2),
            (Some((h, 1 | 2)), Some(Tok::Punct(':')), Some((m, 2))) => (h, m, 4),
            _ => return None,
        };
        if hh > 23 || mm > 59 {
            return None;
        }
        off = (hh * 60 + mm) * if *sign == '-' { -1 } else { 1 };
        i += used;
    }
    (i == t.len()).then_some((hms, off))
}

/// Reads one of the written forms; `None` when the text is none of them.
pub fn parse_written(text: &str) -> Option<f64> {
    let toks = lex(text)?;
    let is_zone = |t: &Tok| is_utc(t) || matches!(t, Tok::Word(w) if us_zone(w).is_some());
    let split = (0..toks.len())
        .find(|&k| (matches!(toks[k], Tok::Num(..)) && toks.get(k + 1) == Some(&Tok::Punct(':'))) || is_zone(&toks[k]))
        .unwrap_or(toks.len());
    let ymd = date(&toks[..split])?;
    let (hms, off) = time_zone(&toks[split..])?;
    checked_time(ymd, hms, off)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::date::parse_date;

    #[test]
    fn reads_written_forms_like_date_parse() {
        // Date.parse results in node 20 (V8) with TZ=UTC.
        let cases: [(&str, f64); 27] = [
            ("Jan 1 2000", 946684800000.0),
            ("January 1, 2000", 946684800000.0),
            ("jan 01, 2000", 946684800000.0),
            ("1 Jan 2000", 946684800000.0),
            ("2000/01/02", 946771200000.0),
            ("01/02/2000", 946771200000.0),
            ("12/31/2000", 978220800000.0),
            ("Sat, 01 Jan 2000 00:00:00 GMT", 946684800000.0),
            ("Tue Jan 01 2000", 946684800000.0),
            ("1/2/00", 946771200000.0),
            ("1/2/49", 2493158400000.0),
            ("1/2/50", -631065600000.0),
            ("Jan 1 49", 2493072000000.0),
            ("Jan 2000", 946684800000.0),
            ("1 January 2000 10:00 PM", 946764000000.0),
            ("Jan 1, 2000 10:00:00 pm", 946764000000.0),
            ("Jan 1, 2000 12:30 AM", 946686600000.0),
            ("2000/01/02 03:04", 946782240000.0),
            ("Sat Jan 01 2000 00:00:00 GMT+0100", 946681200000.0),
            ("Jan 1 2000 UTC", 946684800000.0),
            ("Jan 1 2000 Z", 946684800000.0),
            ("Jan 1 2000 GMT-05:00", 946702800000.0),
            ("Jan 1 2000 EST", 946702800000.0),
            ("Sept 3 2001 10:00:00.5", 999511200500.0),
            ("Sat Jan 01 2000 00:00:00 GMT+0100 (Central European Standard Time)", 946681200000.0),
            ("2000-01-02 03:04:05 UTC", 946782245000.0),
            ("Sat, 01 Jan 2000 10:00:00 -0800", 946749600000.0),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), Some(want), "{text:?}");
        }
    }

    #[test]
    fn refuses_unclear_written_forms() {
        // V8 refuses these too: "Jan 32 2000", "31/12/2000", "Jan 1 2000 +0100", "Jan 1 2000 13:00 PM",
        // "Monday", "Jan", "1/2/3/4". It guesses at the rest ("Feb 30 2000" is March 1, "hello 2000"
        // is 2000-01-01, "Jan 1 2000 10:61" is 10:00, "1/2" is 2001-01-02).
        for text in [
            "Jan 32 2000",
            "31/12/2000",
            "Jan 1 2000 +0100",
            "Feb 30 2000",
            "hello 2000",
            "Janu 1 2000",
            "1 2 2000",
            "2000 1 2",
            "2000.01.02",
            "01.02.2000",
            "Jan, 1 2000",
            "Jan 1 2000 13:00 PM",
            "Jan 1 2000 10:61",
            "Jan 1 2000 GMT+2400",
            "Jan 1 2000 (CET",
            "Jan 1 2000 10:00 foo",
            "Monday",
            "Jan",
            "1/2",
            "1/2/3/4",
            "Jan 1 12345",
            "Jan 1 1234567890123",
            "01-02-2000",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }
}
