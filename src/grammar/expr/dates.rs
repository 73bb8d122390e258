//! Date functions: `datetime` and `utc` (JavaScript's `new Date(y, m, ...)` and `Date.UTC`,
//! both in UTC here), `time`, and the part getters (`year` ... `milliseconds`, `quarter`,
//! `dayofyear`, `week`) with their `utc*` twins, which are the same functions in a UTC engine.

use super::functions::Func;
use super::js::{to_number, to_text, V};
use crate::grammar::calendar::{self, days_from_civil, Unit, DAY};
use crate::grammar::format::date::parse_date;
use crate::grammar::value::Value;

/// Largest time JavaScript dates hold (`TimeClip`), in milliseconds either side of 1970.
const MAX_TIME: f64 = 8.64e15;

/// `TimeClip`: NaN beyond ±8.64e15, otherwise truncated to whole milliseconds.
pub(super) fn time_clip(t: f64) -> f64 {
    if !t.is_finite() || t.abs() > MAX_TIME {
        f64::NAN
    } else {
        t.trunc() + 0.0
    }
}

/// The time of `new Date(v)`: dates as they are, text parsed, anything else as a number.
pub(super) fn to_time(v: &V) -> f64 {
    time_clip(match v {
        V::P(Value::Date(t)) => *t,
        V::P(Value::Str(s)) => parse_date(s).unwrap_or(f64::NAN),
        V::A(_) => parse_date(&to_text(v)).unwrap_or(f64::NAN),
        _ => to_number(v),
    })
}

/// `Date.UTC(y, m0 = 0, d = 1, h = 0, mi = 0, s = 0, ms = 0)`: months and days out of range
/// roll over; years 0-99 mean 1900-1999, as in JavaScript.
pub(super) fn make_time(args: &[f64]) -> f64 {
    let get = |i: usize, default: f64| args.get(i).copied().unwrap_or(default);
    let parts = [get(0, f64::NAN), get(1, 0.0), get(2, 1.0), get(3, 0.0), get(4, 0.0), get(5, 0.0), get(6, 0.0)];
    if parts.iter().any(|x| !x.is_finite()) {
        return f64::NAN;
    }
    let [y, m, d, h, mi, s, ms] = parts.map(f64::trunc);
    let y = if (0.0..=99.0).contains(&y) { 1900.0 + y } else { y };
    let ym = y + (m / 12.0).floor();
    if ym.abs() > 400_000.0 || d.abs() > 1e9 {
        return f64::NAN;
    }
    let mn = m.rem_euclid(12.0) as u32 + 1;
    let days = days_from_civil(ym as i64, mn, 1) as f64 + d - 1.0;
    time_clip(days * DAY + h * 3_600_000.0 + mi * 60_000.0 + s * 1000.0 + ms)
}

/// Calls date function `f` on evaluated arguments (arity already checked).
pub(super) fn call(f: Func, a: &[V]) -> V {
    use Func::*;
    match f {
        Datetime if a.len() == 1 => V::P(Value::Date(a.first().map_or(f64::NAN, to_time))),
        Datetime => V::P(Value::Date(make_time(&a.iter().map(to_number).collect::<Vec<_>>()))),
        Utc => V::num(make_time(&a.iter().map(to_number).collect::<Vec<_>>())),
        _ => {
            let t = a.first().map_or(f64::NAN, to_time);
            V::num(if t.is_nan() { f64::NAN } else { part(f, t) })
        }
    }
}

/// One part of the (valid) time `t`.
fn part(f: Func, t: f64) -> f64 {
    use Func::*;
    let p = calendar::parts(t);
    let year_start = days_from_civil(p.year, 1, 1) as f64 * DAY;
    f64::from(match f {
        Time => return t,
        TimezoneOffset => 0,
        Year | UtcYear => return p.year as f64,
        Quarter | UtcQuarter => 1 + (p.month - 1) / 3,
        Month | UtcMonth => p.month - 1,
        Date | UtcDate => p.day,
        Day | UtcDay => p.weekday,
        DayOfYear | UtcDayOfYear => return ((t - year_start) / DAY).floor() + 1.0,
        Week | UtcWeek => {
            let w = calendar::floor(t, Unit::Week) - calendar::floor(year_start - 1.0, Unit::Week);
            return (w / (7.0 * DAY)).round();
        }
        Hours | UtcHours => p.hours,
        Minutes | UtcMinutes => p.minutes,
        Seconds | UtcSeconds => p.seconds,
        Milliseconds | UtcMilliseconds => p.millis,
        _ => return f64::NAN,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn get(f: Func, t: f64) -> f64 {
        match call(f, &[V::P(Value::Date(t))]) {
            V::P(Value::Num(n)) => n,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn make_time_is_date_utc() {
        assert_eq!(make_time(&[2020.0, 0.0]), 1_577_836_800_000.0); // vega 6.4.0: utc(2020,0)
        assert_eq!(make_time(&[99.0, 0.0, 1.0]), 915_148_800_000.0); // vega 6.4.0: 1999-01-01
        assert_eq!(make_time(&[2020.0, 12.0, 1.0]), make_time(&[2021.0, 0.0, 1.0]));
        assert_eq!(make_time(&[2021.0, 0.0, 0.0]), make_time(&[2020.0, 11.0, 31.0]));
        assert!(make_time(&[2020.0, f64::NAN]).is_nan());
        assert!(make_time(&[1e15, 0.0]).is_nan());
        assert!(make_time(&[2020.0, 0.0, 1.0, 1e300]).is_nan());
    }

    #[test]
    fn parts_of_a_time() {
        let t = make_time(&[2021.0, 4.0, 19.0, 13.0, 45.0, 10.0, 5.0]); // a Wednesday
        assert_eq!(get(Func::Year, t), 2021.0);
        assert_eq!(get(Func::Month, t), 4.0);
        assert_eq!(get(Func::Quarter, t), 2.0);
        assert_eq!(get(Func::Date, t), 19.0);
        assert_eq!(get(Func::UtcDay, t), 3.0);
        assert_eq!(get(Func::Hours, t), 13.0);
        assert_eq!(get(Func::Minutes, t), 45.0);
        assert_eq!(get(Func::Seconds, t), 10.0);
        assert_eq!(get(Func::Milliseconds, t), 5.0);
        assert_eq!(get(Func::Time, t), t);
        assert_eq!(get(Func::DayOfYear, make_time(&[2021.0, 1.0, 1.0])), 32.0); // vega 6.4.0
        assert_eq!(get(Func::Week, make_time(&[2017.0, 0.0, 1.0])), 1.0); // vega 6.4.0 (a Sunday)
        assert_eq!(get(Func::Week, make_time(&[2021.0, 0.0, 1.0])), 0.0); // vega 6.4.0
        assert!(get(Func::Year, f64::NAN).is_nan());
        assert_eq!(call(Func::Year, &[V::null()]), V::num(1970.0)); // vega 6.4.0: year(null)
    }
}
