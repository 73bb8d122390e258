//! Calendar intervals as d3-time builds them (v3, UTC): a unit and an `every` step. The
//! boundaries of `every(k)` are the dates whose field is a multiple of k (seconds, minutes,
//! hours, day of the month minus one, months), whose day or Sunday-week count since the epoch
//! is (tick days, weeks), or whose year is (years); milliseconds count from the epoch. `floor`, `ceil` and `range` follow
//! d3's `interval.floor/ceil/range`, with calendar arithmetic from `crate::grammar::calendar`.

use super::linear::MAX_TICKS;
use crate::grammar::calendar::{self, Unit, DAY};

pub(crate) const SECOND: f64 = 1000.0;
pub(crate) const MINUTE: f64 = 60_000.0;
pub(crate) const HOUR: f64 = 3_600_000.0;
pub(crate) const WEEK: f64 = 7.0 * DAY;
/// The Sunday on or before the epoch (1969-12-28): d3's `utcSunday.floor(0)`.
const WEEK0: f64 = -4.0 * DAY;

/// A calendar interval with its `every` step (at least 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Interval {
    /// Every k milliseconds since the epoch.
    Millis(f64),
    /// Seconds whose number is a multiple of k.
    Second(i64),
    /// Minutes whose number is a multiple of k.
    Minute(i64),
    /// Hours whose number is a multiple of k.
    Hour(i64),
    /// Days whose count since the epoch is a multiple of k (d3's `unixDay`, used by ticks).
    Day(i64),
    /// Days whose day of the month minus one is a multiple of k (d3's `utcDay`, which Vega's
    /// `day` interval names).
    Date(i64),
    /// Sunday weeks whose count since 1969-12-28 is a multiple of k.
    Week(i64),
    /// Months whose index (January = 0) is a multiple of k.
    Month(i64),
    /// Years that are a multiple of k.
    Year(i64),
}

impl Interval {
    /// Vega's `utcInterval(unit).every(step)`: `None` unless the floored step is a positive
    /// finite number. Days are `utcDay` (day of the month); a quarter is three months.
    pub(crate) fn every(unit: Unit, step: f64) -> Option<Interval> {
        let k = step.floor();
        if !k.is_finite() || k <= 0.0 {
            return None;
        }
        let n = k.min(1e12) as i64;
        Some(match unit {
            Unit::Millisecond => Interval::Millis(k),
            Unit::Second => Interval::Second(n),
            Unit::Minute => Interval::Minute(n),
            Unit::Hour => Interval::Hour(n),
            Unit::Day => Interval::Date(n),
            Unit::Week => Interval::Week(n),
            Unit::Month => Interval::Month(n),
            Unit::Quarter => Interval::Month(n.saturating_mul(3)),
            Unit::Year => Interval::Year(n),
        })
    }

    /// The latest interval boundary at or before `ms`.
    pub(crate) fn floor(self, ms: f64) -> f64 {
        let cycle =
            |unit: Unit, size: f64, field: u32, k: i64| calendar::floor(ms, unit) - (field as i64 % k) as f64 * size;
        let p = calendar::parts(ms);
        match self {
            Interval::Millis(k) => (ms / k).floor() * k,
            Interval::Second(k) => cycle(Unit::Second, SECOND, p.seconds, k),
            Interval::Minute(k) => cycle(Unit::Minute, MINUTE, p.minutes, k),
            Interval::Hour(k) => cycle(Unit::Hour, HOUR, p.hours, k),
            Interval::Day(k) => {
                let d = calendar::floor(ms, Unit::Day);
                d - ((d / DAY) as i64).rem_euclid(k) as f64 * DAY
            }
            Interval::Date(k) => calendar::floor(ms, Unit::Day) - ((p.day as i64 - 1) % k) as f64 * DAY,
            Interval::Week(k) => {
                let w = calendar::floor(ms, Unit::Week);
                w - (((w - WEEK0) / WEEK) as i64).rem_euclid(k) as f64 * WEEK
            }
            Interval::Month(k) => {
                let m0 = p.month as i64 - 1;
                calendar::from_parts(p.year, m0 - m0 % k, 1, 0, 0, 0, 0)
            }
            Interval::Year(k) => calendar::from_parts(p.year.div_euclid(k) * k, 0, 1, 0, 0, 0, 0),
        }
    }

    /// d3's `offset(date, 1)`: the next date (after `ms`) that passes the interval's test,
    /// stepping by the base unit.
    fn next(self, ms: f64) -> f64 {
        // Next multiple of k of a field cycling through 0..len, in base units to add.
        let ahead = |field: i64, k: i64, len: i64| {
            let f = (field / k + 1).saturating_mul(k);
            if f < len {
                f - field
            } else {
                len - field
            }
        };
        let p = calendar::parts(ms);
        match self {
            Interval::Millis(k) => ms + k,
            Interval::Second(k) => ms + ahead(p.seconds as i64, k, 60) as f64 * SECOND,
            Interval::Minute(k) => ms + ahead(p.minutes as i64, k, 60) as f64 * MINUTE,
            Interval::Hour(k) => ms + ahead(p.hours as i64, k, 24) as f64 * HOUR,
            Interval::Day(k) => {
                let d = (ms / DAY).floor() as i64;
                ms + ((d.div_euclid(k) + 1) * k - d) as f64 * DAY
            }
            Interval::Date(k) => {
                let m0 = p.month as i64 - 1;
                let len = (calendar::from_parts(p.year, m0 + 1, 1, 0, 0, 0, 0)
                    - calendar::from_parts(p.year, m0, 1, 0, 0, 0, 0))
                    / DAY;
                ms + ahead(p.day as i64 - 1, k, len as i64) as f64 * DAY
            }
            Interval::Week(k) => {
                let w = ((calendar::floor(ms, Unit::Week) - WEEK0) / WEEK) as i64;
                ms + ((w.div_euclid(k) + 1) * k - w) as f64 * WEEK
            }
            Interval::Month(k) => calendar::offset(ms, Unit::Month, ahead(p.month as i64 - 1, k, 12)),
            Interval::Year(k) => calendar::offset(ms, Unit::Year, k),
        }
    }

    /// The earliest interval boundary at or after `ms`.
    pub(crate) fn ceil(self, ms: f64) -> f64 {
        self.floor(self.next(self.floor(ms - 1.0)))
    }

    /// d3's `interval.range(start, stop)`: boundaries from `ceil(start)` up to, not
    /// including, `stop` (at most [`MAX_TICKS`]).
    pub(crate) fn range(self, start: f64, stop: f64) -> Vec<f64> {
        let mut out = Vec::new();
        let mut t = self.ceil(start);
        if t.is_nan() || stop.is_nan() || t >= stop {
            return out;
        }
        loop {
            out.push(t);
            let prev = t;
            t = self.floor(self.next(t));
            let more = prev < t && t < stop;
            if !more || out.len() >= MAX_TICKS {
                return out;
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::calendar::iso;

    fn at(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> f64 {
        calendar::from_parts(y, mo - 1, d, h, mi, 0, 0)
    }

    fn nice(iv: Interval, a: f64, b: f64) -> [String; 2] {
        [iso(iv.floor(a)), iso(iv.ceil(b))]
    }

    // node 20, d3-scale 4.0.3 / d3-time 3.1.1: scaleUtc().domain([a, b]).nice(interval) with
    // utcMonth.every(3), utcWeek, utcWeek.every(2), utcHour.every(5), utcDay.every(3),
    // utcYear.every(25)
    #[test]
    fn every_step_aligns_like_d3_time() {
        let iv = |u, k| Interval::every(u, k).unwrap();
        let (a, b) = (at(2021, 2, 10, 0, 0), at(2021, 8, 20, 0, 0));
        assert_eq!(nice(iv(Unit::Month, 3.0), a, b), ["2021-01-01T00:00:00.000Z", "2021-10-01T00:00:00.000Z"]);
        let (a, b) = (at(2021, 2, 10, 0, 0), at(2021, 2, 20, 0, 0));
        assert_eq!(nice(iv(Unit::Week, 1.0), a, b), ["2021-02-07T00:00:00.000Z", "2021-02-21T00:00:00.000Z"]);
        assert_eq!(nice(iv(Unit::Week, 2.0), a, b), ["2021-01-31T00:00:00.000Z", "2021-02-28T00:00:00.000Z"]);
        let (a, b) = (at(2021, 2, 10, 3, 10), at(2021, 2, 10, 22, 20));
        assert_eq!(nice(iv(Unit::Hour, 5.0), a, b), ["2021-02-10T00:00:00.000Z", "2021-02-11T00:00:00.000Z"]);
        let (a, b) = (at(2021, 2, 10, 3, 10), at(2021, 2, 12, 22, 20));
        assert_eq!(nice(iv(Unit::Day, 3.0), a, b), ["2021-02-10T00:00:00.000Z", "2021-02-13T00:00:00.000Z"]);
        let (a, b) = (at(1901, 2, 10, 3, 10), at(1990, 2, 12, 22, 20));
        assert_eq!(nice(iv(Unit::Year, 25.0), a, b), ["1900-01-01T00:00:00.000Z", "2000-01-01T00:00:00.000Z"]);
    }

    // d3: scaleUtc().domain([2021-02-10T03:10, 2021-02-11T22:20]).ticks(utcHour.every(5));
    // utcDay.every(7) nice of [2021-02-20T03:10, 2021-02-27T22:20] -> [02-15, 03-01];
    // ticks(utcDay.every(2)) over [2021-01-27T03:10, 2021-02-04T22:20] -> 01-29, 01-31, 02-01, 02-03
    #[test]
    fn ranges_roll_over_the_cycle() {
        let iv = Interval::every(Unit::Hour, 5.0).unwrap();
        let r = iv.range(at(2021, 2, 10, 3, 10), at(2021, 2, 11, 22, 20) + 1.0);
        let want = ["05", "10", "15", "20", "00", "05", "10", "15", "20"];
        let got: Vec<String> = r.iter().map(|&t| iso(t)[11..13].to_string()).collect();
        assert_eq!(got, want);
        assert_eq!(iso(r[4]), "2021-02-11T00:00:00.000Z");
        let d7 = Interval::every(Unit::Day, 7.0).unwrap();
        assert_eq!(
            nice(d7, at(2021, 2, 20, 3, 10), at(2021, 2, 27, 22, 20)),
            ["2021-02-15T00:00:00.000Z", "2021-03-01T00:00:00.000Z"]
        );
        let d2 = Interval::every(Unit::Day, 2.0).unwrap();
        let days: Vec<String> = d2
            .range(at(2021, 1, 27, 3, 10), at(2021, 2, 4, 22, 20) + 1.0)
            .iter()
            .map(|&t| iso(t)[5..10].to_string())
            .collect();
        assert_eq!(days, ["01-29", "01-31", "02-01", "02-03"]);
    }

    #[test]
    fn invalid_steps_give_no_interval() {
        assert_eq!(Interval::every(Unit::Day, 0.5), None);
        assert_eq!(Interval::every(Unit::Day, f64::NAN), None);
        assert_eq!(Interval::every(Unit::Day, -2.0), None);
        assert_eq!(Interval::every(Unit::Quarter, 1.0), Some(Interval::Month(3)));
        assert_eq!(Interval::every(Unit::Day, 2.0), Some(Interval::Date(2)));
        assert_eq!(Interval::every(Unit::Minute, 1.7), Some(Interval::Minute(1)));
    }
}
