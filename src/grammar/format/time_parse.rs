//! d3-time-format's `utcParse`: reading a time from text with a `%` specifier, strptime-style.
//! The whole text must match; fields default to 1900-01-01T00:00:00.000Z; day and month values
//! out of range roll over as `Date.UTC` rolls them (d3 does not validate them).

use super::locale::{time_locale, TimeLocale};
use super::time::{items, time_value, Item, TimeFormat};
use super::Locale;
use crate::grammar::calendar::{days_from_civil, from_parts, parts};

/// The fields read so far (d3's `newDate(1900, undefined, 1)` and the optional extras).
#[derive(Default)]
struct Read {
    y: i64,
    m: Option<i64>,
    d: i64,
    h: i64,
    min: i64,
    s: i64,
    l: i64,
    p: Option<i64>,
    q: Option<i64>,
    big_q: Option<f64>,
    secs: Option<f64>,
    z: Option<i64>,
    w: Option<i64>,
    u: Option<i64>,
    big_u: Option<i64>,
    big_w: Option<i64>,
    v: Option<i64>,
}

fn is_js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// d3's `numberRe` (`^\s*\d+`) on the next `max` characters: the digits and the length read.
fn number(t: &[char], i: usize, max: usize) -> Option<(String, usize)> {
    let end = t.len().min(i.saturating_add(max));
    let s = t.get(i..end)?;
    let ws = s.iter().take_while(|c| is_js_space(**c)).count();
    let digits: String = s[ws..].iter().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty()).then(|| (digits.clone(), ws + digits.len()))
}

fn small(t: &[char], i: usize, max: usize) -> Option<(i64, usize)> {
    number(t, i, max).map(|(d, n)| (d.parse().unwrap_or(0), i + n))
}

/// The first name that starts the text (ASCII case-insensitive), as d3's alternation regex.
fn name(t: &[char], i: usize, names: &[&str]) -> Option<(i64, usize)> {
    let rest = t.get(i..)?;
    names.iter().enumerate().find_map(|(k, n)| {
        let n: Vec<char> = n.chars().collect();
        let ok = n.len() <= rest.len() && n.iter().zip(rest).all(|(a, b)| a.eq_ignore_ascii_case(b));
        ok.then_some((k as i64, i + n.len()))
    })
}

/// d3's zone pattern `^(Z)|([+-]\d\d)(?::?(\d\d))?` on the next six characters (the second
/// alternative is unanchored in d3, so it may match after a few characters; kept as is).
fn zone(t: &[char], i: usize) -> Option<(i64, usize)> {
    let s = t.get(i..t.len().min(i + 6))?;
    if s.first() == Some(&'Z') {
        return Some((0, i + 1));
    }
    let dig = |k: usize| s.get(k).and_then(|c| c.to_digit(10)).map(i64::from);
    (0..s.len()).find_map(|k| {
        let sign = match s.get(k) {
            Some('+') => -1,
            Some('-') => 1,
            _ => return None,
        };
        let hh = dig(k + 1)? * 10 + dig(k + 2)?;
        let colon = usize::from(s.get(k + 3) == Some(&':'));
        let mm = dig(k + 3 + colon).and_then(|a| Some(a * 10 + dig(k + 4 + colon)?));
        let len = if mm.is_some() { 5 + colon } else { 3 };
        Some((sign * (hh * 100 + mm.unwrap_or(0)), i + len))
    })
}

/// d3's `parseSpecifier`: the position after the match, or `None`.
fn read(r: &mut Read, list: &[Item], t: &[char], mut j: usize, l: &TimeLocale, depth: u32) -> Option<usize> {
    for item in list {
        match item {
            Item::Lit(s) => {
                for c in s.chars() {
                    if j >= t.len() || t[j] != c {
                        return None;
                    }
                    j += 1;
                }
            }
            Item::Dir(_, c) => {
                if j >= t.len() {
                    return None;
                }
                j = directive(r, (*c)?, t, j, l, depth)?;
            }
        }
    }
    Some(j)
}

fn set(slot: &mut i64, v: Option<(i64, usize)>) -> Option<usize> {
    let (n, end) = v?;
    *slot = n;
    Some(end)
}

fn opt(slot: &mut Option<i64>, v: Option<(i64, usize)>) -> Option<usize> {
    let (n, end) = v?;
    *slot = Some(n);
    Some(end)
}

fn directive(r: &mut Read, c: char, t: &[char], j: usize, l: &TimeLocale, depth: u32) -> Option<usize> {
    let year2 = |v: Option<(i64, usize)>| v.map(|(n, e)| (n + if n > 68 { 1900 } else { 2000 }, e));
    match c {
        'a' => opt(&mut r.w, name(t, j, &l.short_days)),
        'A' => opt(&mut r.w, name(t, j, &l.days)),
        'b' => opt(&mut r.m, name(t, j, &l.short_months)),
        'B' => opt(&mut r.m, name(t, j, &l.months)),
        'c' | 'x' | 'X' if depth < 2 => {
            let spec = if c == 'c' {
                l.date_time
            } else if c == 'x' {
                l.date
            } else {
                l.time
            };
            read(r, &items(spec), t, j, l, depth + 1)
        }
        'd' | 'e' => set(&mut r.d, small(t, j, 2)),
        'f' => set(&mut r.l, small(t, j, 6).map(|(n, e)| (n / 1000, e))),
        'g' | 'y' => set(&mut r.y, year2(small(t, j, 2))),
        'G' | 'Y' => set(&mut r.y, small(t, j, 4)),
        'H' | 'I' => set(&mut r.h, small(t, j, 2)),
        'j' => {
            r.m = Some(0);
            set(&mut r.d, small(t, j, 3))
        }
        'L' => set(&mut r.l, small(t, j, 3)),
        'm' => opt(&mut r.m, small(t, j, 2).map(|(n, e)| (n - 1, e))),
        'M' => set(&mut r.min, small(t, j, 2)),
        'p' => opt(&mut r.p, name(t, j, &l.periods)),
        'q' => opt(&mut r.q, small(t, j, 1).map(|(n, e)| (n * 3 - 3, e))),
        'Q' | 's' => {
            let (digits, n) = number(t, j, usize::MAX)?;
            let v = digits.parse::<f64>().ok()?;
            *(if c == 'Q' { &mut r.big_q } else { &mut r.secs }) = Some(v);
            Some(j + n)
        }
        'S' => set(&mut r.s, small(t, j, 2)),
        'u' => opt(&mut r.u, small(t, j, 1)),
        'U' => opt(&mut r.big_u, small(t, j, 2)),
        'V' => opt(&mut r.v, small(t, j, 2)),
        'w' => opt(&mut r.w, small(t, j, 1)),
        'W' => opt(&mut r.big_w, small(t, j, 2)),
        'Z' => opt(&mut r.z, zone(t, j)),
        '%' => (t.get(j) == Some(&'%')).then_some(j + 1),
        _ => None,
    }
}

/// d3's `utcDate`: `Date.UTC`, with years 0-99 taken literally (not as 1900-1999).
fn utc_date(y: i64, m: i64, d: i64, h: i64, min: i64, s: i64, l: i64) -> Option<f64> {
    let t = if (0..100).contains(&y) {
        let p = parts(from_parts(-1, m, d, h, min, s, l));
        let (ph, pm, ps, pl) = (p.hours as i64, p.minutes as i64, p.seconds as i64, p.millis as i64);
        from_parts(y, p.month as i64 - 1, p.day as i64, ph, pm, ps, pl)
    } else {
        from_parts(y, m, d, h, min, s, l)
    };
    time_value(t).map(|t| t as f64)
}

fn weekday_of_jan1(y: i64) -> i64 {
    (days_from_civil(y, 1, 1) + 4).rem_euclid(7)
}

fn finish(mut r: Read) -> Option<f64> {
    if let Some(q) = r.big_q {
        return time_value(q).map(|t| t as f64);
    }
    if let Some(s) = r.secs {
        return time_value(s * 1000.0 + r.l as f64).map(|t| t as f64);
    }
    let z = r.z.unwrap_or(0);
    if let Some(p) = r.p {
        r.h = r.h % 12 + p * 12;
    }
    let mut m = r.m.unwrap_or(r.q.unwrap_or(0));
    if let Some(v) = r.v {
        if !(1..=53).contains(&v) {
            return None;
        }
        let w = r.w.unwrap_or(1);
        let jan1 = days_from_civil(r.y, 1, 1);
        let day = weekday_of_jan1(r.y);
        let monday = if day > 4 || day == 0 { jan1 + (8 - day) % 7 } else { jan1 - (day + 6) % 7 };
        let p = parts((monday + (v - 1) * 7) as f64 * 86_400_000.0);
        (r.y, m, r.d) = (p.year, p.month as i64 - 1, p.day as i64 + (w + 6) % 7);
    } else if r.big_w.is_some() || r.big_u.is_some() {
        let w = r.w.unwrap_or(match r.u {
            Some(u) => u % 7,
            None => i64::from(r.big_w.is_some()),
        });
        let day = weekday_of_jan1(r.y);
        m = 0;
        r.d = match (r.big_w, r.big_u) {
            (Some(big_w), _) => (w + 6) % 7 + big_w * 7 - (day + 5) % 7,
            (None, big_u) => w + big_u.unwrap_or(0) * 7 - (day + 6) % 7,
        };
    }
    r.h += z / 100;
    r.min += z % 100;
    utc_date(r.y, m, r.d, r.h, r.min, r.s, r.l)
}

impl TimeFormat {
    /// Reads a time as d3's `utcParse` does in the locale's names; `None` unless the whole text
    /// matches (or when the result is not a valid date).
    pub fn parse_date_in(&self, text: &str, loc: Locale) -> Option<f64> {
        let t: Vec<char> = text.chars().collect();
        let mut r = Read { y: 1900, d: 1, ..Read::default() };
        let end = read(&mut r, &self.items, &t, 0, time_locale(loc), 0)?;
        if end != t.len() {
            return None;
        }
        finish(r)
    }

    /// Reads a time as d3's `utcParse` does: English names first, then Chinese ones.
    pub fn parse_date(&self, text: &str) -> Option<f64> {
        self.parse_date_in(text, Locale::En).or_else(|| self.parse_date_in(text, Locale::Zh))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn formatted_text_reads_back() {
        let specs = [
            "%Y-%m-%dT%H:%M:%S.%LZ",
            "%c",
            "%x %X",
            "%A, %B %-d, %Y %I:%M:%S.%L %p",
            "%a %b %e %Y %H:%M:%S.%f",
            "%Q",
            "%s.%L",
            "%Y %j %H:%M:%S.%L",
            "%d/%m/%Y %H:%M:%S.%L %Z",
        ];
        let times: [f64; 6] =
            [0.0, 946_684_800_000.0, 1_621_431_910_005.0, -43_199_999.0, 253_402_300_799_999.0, -59_042_995_200_000.0];
        for spec in specs {
            let f = TimeFormat::parse(spec).unwrap();
            for t in times {
                // Without %L, %f or %Q the text carries whole seconds only.
                let want = if spec.contains(['L', 'Q', 'f']) { t } else { (t / 1000.0).floor() * 1000.0 };
                // d3 reads no sign in %Q and %s.
                let want = Some(want).filter(|_| t >= 0.0 || !(spec == "%Q" || spec.starts_with("%s")));
                for loc in [Locale::En, Locale::Zh] {
                    let text = f.format(t, loc);
                    assert_eq!(f.parse_date_in(&text, loc), want, "{spec} {text}");
                }
            }
        }
    }

    #[test]
    fn whole_text_must_match() {
        let f = TimeFormat::parse("%Y-%m-%d").unwrap();
        assert_eq!(f.parse_date("2000-01-02"), Some(946_771_200_000.0));
        assert_eq!(f.parse_date("2000-01-02 "), None);
        assert_eq!(f.parse_date("2000-01"), None);
        assert_eq!(f.parse_date(""), None);
        assert_eq!(TimeFormat::parse("%Q").unwrap().parse_date("99999999999999999999"), None);
        assert_eq!(TimeFormat::parse("%").unwrap().parse_date("%"), None);
        assert_eq!(TimeFormat::parse("%-").unwrap().parse_date("x"), None);
        assert!(TimeFormat::parse(&"%Y".repeat(600)).is_err());
    }
}
