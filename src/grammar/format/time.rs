//! d3-time-format's `utcFormat`: a specifier of `%` directives compiled once and applied to a
//! time (milliseconds since the epoch, UTC) in the English or Chinese locale. Invalid times
//! (NaN, beyond ±8.64e15 ms) write what d3 writes for an Invalid Date (`NaN` fields).

use super::locale::time_locale;
use super::Locale;

pub use super::multi::multi_format;

/// The longest specifier accepted (keeps work per value bounded).
pub const MAX_SPEC: usize = 1000;

/// One piece of a time specifier.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    /// Text copied as is.
    Lit(String),
    /// `%` + optional padding modifier (`-`, `_`, `0`) + directive (`None` at the end).
    Dir(Option<char>, Option<char>),
}

/// A compiled d3-time-format specifier, e.g. `TimeFormat::parse("%b %d, %Y")`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeFormat {
    pub(super) items: Vec<Item>,
}

/// Splits a specifier into literal text and directives, as d3's `newFormat` walks it.
pub(super) fn items(spec: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut it = spec.chars();
    while let Some(ch) = it.next() {
        if ch != '%' {
            lit.push(ch);
            continue;
        }
        if !lit.is_empty() {
            out.push(Item::Lit(std::mem::take(&mut lit)));
        }
        let c = it.next();
        match c {
            Some(p @ ('-' | '_' | '0')) => out.push(Item::Dir(Some(p), it.next())),
            _ => out.push(Item::Dir(None, c)),
        }
    }
    if !lit.is_empty() {
        out.push(Item::Lit(lit));
    }
    out
}

/// The UTC fields of a valid time.
struct Fields {
    t: i64,
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    minute: i64,
    second: i64,
    milli: i64,
    weekday: i64,
    /// Day of the year from 0; `None` when the year's start is outside the valid time range
    /// (d3's interval arithmetic then gives NaN).
    yday: Option<i64>,
    /// ISO week-numbering year and week, `None` as for `yday`.
    iso: Option<(i64, i64)>,
}

const DAY_MS: i64 = 86_400_000;

/// The day of the year (from 0) of a day number, if its year starts within the time range.
fn day_of_year(days: i64, year: i64) -> Option<i64> {
    let start = super::super::calendar::days_from_civil(year, 1, 1);
    (start.checked_mul(DAY_MS)?.abs() <= 8_640_000_000_000_000).then_some(days - start)
}

/// The time as JavaScript's `new Date(ms)` holds it (truncated, clipped), or `None`.
pub(super) fn time_value(ms: f64) -> Option<i64> {
    (ms.is_finite() && ms.abs() <= 8.64e15).then(|| ms.trunc() as i64)
}

fn fields(ms: f64) -> Option<Fields> {
    let t = time_value(ms)?;
    let (days, rem) = (t.div_euclid(DAY_MS), t.rem_euclid(DAY_MS));
    let (year, month, day) = super::super::calendar::civil_from_days(days);
    let weekday = (days + 4).rem_euclid(7);
    let thursday = days - (weekday + 6) % 7 + 3;
    let iso_year = super::super::calendar::civil_from_days(thursday).0;
    let thursday_ok = thursday.checked_mul(DAY_MS).is_some_and(|t| t.abs() <= 8_640_000_000_000_000);
    let iso = day_of_year(thursday, iso_year).filter(|_| thursday_ok).map(|d| (iso_year, d / 7 + 1));
    Some(Fields {
        t,
        year,
        month,
        day,
        hour: rem / 3_600_000,
        minute: rem / 60_000 % 60,
        second: rem / 1000 % 60,
        milli: rem % 1000,
        weekday,
        yday: day_of_year(days, year),
        iso,
    })
}

/// d3's `pad`: a number (`None` for NaN) left-padded to `width` with the fill (none for `-`).
fn pad(v: Option<i64>, fill: char, width: usize) -> String {
    let (sign, digits) = match v {
        Some(n) if n < 0 => ("-", n.unsigned_abs().to_string()),
        Some(n) => ("", n.to_string()),
        None => ("", "NaN".to_string()),
    };
    let n = digits.chars().count();
    if fill == '\0' || n >= width {
        format!("{sign}{digits}")
    } else {
        format!("{sign}{}{digits}", fill.to_string().repeat(width - n))
    }
}

impl TimeFormat {
    /// Compiles a specifier. Every text is a valid d3 format (unknown directives write their
    /// letter); only specifiers longer than [`MAX_SPEC`] characters are refused.
    pub fn parse(spec: &str) -> Result<TimeFormat, String> {
        if spec.chars().count() > MAX_SPEC {
            return Err(format!("time format is longer than {MAX_SPEC} characters"));
        }
        Ok(TimeFormat { items: items(spec) })
    }

    /// Formats a time (ms since the epoch) in UTC, in the locale's names and forms.
    pub fn format(&self, ms: f64, loc: Locale) -> String {
        let f = fields(ms);
        let mut out = String::new();
        write_items(&self.items, f.as_ref(), loc, 0, &mut out);
        out
    }
}

fn write_items(list: &[Item], f: Option<&Fields>, loc: Locale, depth: u32, out: &mut String) {
    let l = time_locale(loc);
    for item in list {
        let (modifier, c) = match item {
            Item::Lit(s) => {
                out.push_str(s);
                continue;
            }
            Item::Dir(m, Some(c)) => (*m, *c),
            Item::Dir(_, None) => continue,
        };
        let fill = match modifier {
            Some('-') => '\0',
            Some('_') => ' ',
            Some(_) => '0',
            None if c == 'e' => ' ',
            None => '0',
        };
        let num = |g: fn(&Fields) -> i64, w: usize| pad(f.map(g), fill, w);
        let opt = |g: fn(&Fields) -> Option<i64>, w: usize| pad(f.and_then(g), fill, w);
        let name = |names: &[&'static str], g: fn(&Fields) -> i64| {
            f.and_then(|f| names.get(g(f) as usize)).copied().unwrap_or("").to_string()
        };
        let nested = |spec: &str, out: &mut String| {
            if depth < 2 {
                write_items(&items(spec), f, loc, depth + 1, out);
            }
        };
        let s = match c {
            'a' => name(&l.short_days, |f| f.weekday),
            'A' => name(&l.days, |f| f.weekday),
            'b' => name(&l.short_months, |f| f.month as i64 - 1),
            'B' => name(&l.months, |f| f.month as i64 - 1),
            'c' | 'x' | 'X' => {
                nested(
                    if c == 'c' {
                        l.date_time
                    } else if c == 'x' {
                        l.date
                    } else {
                        l.time
                    },
                    out,
                );
                continue;
            }
            'd' | 'e' => num(|f| f.day as i64, 2),
            'f' => num(|f| f.milli, 3) + "000",
            'g' => opt(|f| f.iso.map(|i| i.0 % 100), 2),
            'G' => opt(|f| f.iso.map(|i| i.0 % 10000), 4),
            'H' => num(|f| f.hour, 2),
            'I' => pad(Some(f.map_or(12, |f| if f.hour % 12 == 0 { 12 } else { f.hour % 12 })), fill, 2),
            'j' => opt(|f| f.yday.map(|d| d + 1), 3),
            'L' => num(|f| f.milli, 3),
            'm' => num(|f| f.month as i64, 2),
            'M' => num(|f| f.minute, 2),
            'p' => l.periods[usize::from(f.is_some_and(|f| f.hour >= 12))].to_string(),
            'q' => (1 + f.map_or(0, |f| (f.month as i64 - 1) / 3)).to_string(),
            'Q' => f.map_or("NaN".into(), |f| f.t.to_string()),
            's' => f.map_or("NaN".into(), |f| f.t.div_euclid(1000).to_string()),
            'S' => num(|f| f.second, 2),
            'u' => f.map_or("NaN".into(), |f| if f.weekday == 0 { 7 } else { f.weekday }.to_string()),
            'U' => opt(|f| f.yday.map(|d| (d + 7 - f.weekday) / 7), 2),
            'V' => opt(|f| f.iso.map(|i| i.1), 2),
            'w' => f.map_or("NaN".into(), |f| f.weekday.to_string()),
            'W' => opt(|f| f.yday.map(|d| (d + 7 - (f.weekday + 6) % 7) / 7), 2),
            'y' => num(|f| f.year % 100, 2),
            'Y' => num(|f| f.year % 10000, 4),
            'Z' => "+0000".into(),
            other => other.to_string(),
        };
        out.push_str(&s);
    }
}
