//! Time and UTC scales' ticks and nice (d3-time's `utcTicks` / `utcTickInterval`, v3): the
//! tick interval is the one nearest to span/count among 1, 5, 15, 30 seconds; 1, 5, 15, 30
//! minutes; 1, 3, 6, 12 hours; 1, 2 days; 1 week (Sunday); 1, 3 months; shorter spans use
//! milliseconds and longer ones years, both stepped by d3-array's `tickStep`. Nice floors and
//! ceils the domain to the interval (or to a given one). Everything is UTC.

use super::interval::{Interval, HOUR, MINUTE, SECOND, WEEK};
use super::jsmath;
use super::linear::tick_step;
use crate::grammar::calendar::{Unit, DAY};

const MONTH: f64 = 30.0 * DAY;
const YEAR: f64 = 365.0 * DAY;

/// The largest time JavaScript's `Date` holds, in ms either side of the epoch.
pub(crate) const MAX_TIME: f64 = 8.64e15;

const TICK_INTERVALS: [(Interval, f64); 18] = [
    (Interval::Second(1), SECOND),
    (Interval::Second(5), 5.0 * SECOND),
    (Interval::Second(15), 15.0 * SECOND),
    (Interval::Second(30), 30.0 * SECOND),
    (Interval::Minute(1), MINUTE),
    (Interval::Minute(5), 5.0 * MINUTE),
    (Interval::Minute(15), 15.0 * MINUTE),
    (Interval::Minute(30), 30.0 * MINUTE),
    (Interval::Hour(1), HOUR),
    (Interval::Hour(3), 3.0 * HOUR),
    (Interval::Hour(6), 6.0 * HOUR),
    (Interval::Hour(12), 12.0 * HOUR),
    (Interval::Day(1), DAY),
    (Interval::Day(2), 2.0 * DAY),
    (Interval::Week(1), WEEK),
    (Interval::Month(1), MONTH),
    (Interval::Month(3), 3.0 * MONTH),
    (Interval::Year(1), YEAR),
];

/// d3-time's `utcTickInterval(start, stop, count)`.
pub(crate) fn tick_interval(start: f64, stop: f64, count: f64) -> Option<Interval> {
    let target = (stop - start).abs() / count;
    let steps: Vec<f64> = TICK_INTERVALS.iter().map(|t| t.1).collect();
    let i = jsmath::bisect_right(&steps, target, 0, steps.len());
    if i == steps.len() {
        return Interval::every(Unit::Year, tick_step(start / YEAR, stop / YEAR, count));
    }
    if i == 0 {
        return Interval::every(Unit::Millisecond, jsmath::max(tick_step(start, stop, count), 1.0));
    }
    let (lower, upper) = (steps.get(i - 1).copied()?, steps.get(i).copied()?);
    let pick = if target / lower < upper / target { i - 1 } else { i };
    TICK_INTERVALS.get(pick).map(|t| t.0)
}

/// d3's UTC scale `ticks(count)` for the domain `[d0, d1]` in ms (descending if it is).
pub(crate) fn time_ticks(d0: f64, d1: f64, count: f64) -> Vec<f64> {
    if count.is_nan() || count <= 0.0 {
        return Vec::new();
    }
    let reverse = d1 < d0;
    let (start, stop) = if reverse { (d1, d0) } else { (d0, d1) };
    let mut ticks = match tick_interval(start, stop, count) {
        Some(iv) => iv.range(start, stop + 1.0),
        None => Vec::new(),
    };
    if reverse {
        ticks.reverse();
    }
    ticks
}

/// d3's `nice(domain, interval)`: the lower end floored and the upper end ceiled.
pub(crate) fn time_nice(d0: f64, d1: f64, iv: Interval) -> (f64, f64) {
    if d1 < d0 {
        (iv.ceil(d0), iv.floor(d1))
    } else {
        (iv.floor(d0), iv.ceil(d1))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::calendar::iso;

    /// `"2020-01-01T10:07"` or with seconds, as ms.
    pub(crate) fn at(s: &str) -> f64 {
        let n = |a: usize, b: usize| s.get(a..b).and_then(|t| t.parse::<i64>().ok()).unwrap_or(0);
        crate::grammar::calendar::from_parts(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), 0)
    }

    /// ISO text without zero seconds, as the reference script printed it.
    fn short(ms: f64) -> String {
        iso(ms).replace(":00.000Z", "").replace(".000Z", "")
    }

    fn ticks(a: &str, b: &str, count: f64) -> Vec<String> {
        time_ticks(at(a), at(b), count).into_iter().map(short).collect()
    }

    fn nice(a: &str, b: &str, count: f64) -> [String; 2] {
        let (x, y) = tick_interval(at(a), at(b), count).map_or((f64::NAN, f64::NAN), |iv| time_nice(at(a), at(b), iv));
        [short(x), short(y)]
    }

    // All expected values below: node 20, d3-scale 4.0.3 / d3-time 3.1.1, scaleUtc().ticks(count).
    #[test]
    fn one_hour_ticks_every_five_minutes() {
        let t = ticks("2020-01-01T10:07", "2020-01-01T11:07", 10.0);
        assert_eq!(t.len(), 12);
        assert_eq!(t[0], "2020-01-01T10:10");
        assert_eq!(t[11], "2020-01-01T11:05");
        assert_eq!(ticks("2020-01-01T00:01", "2020-01-01T00:06", 5.0).len(), 6);
        let s = ticks("2020-01-01T00:00:03", "2020-01-01T00:00:33", 10.0);
        assert_eq!(
            s,
            [
                "2020-01-01T00:00:05",
                "2020-01-01T00:00:10",
                "2020-01-01T00:00:15",
                "2020-01-01T00:00:20",
                "2020-01-01T00:00:25",
                "2020-01-01T00:00:30"
            ]
        );
        let s = ticks("2020-01-01T00:00:07", "2020-01-01T00:02:10", 10.0);
        assert_eq!(s[2..5], ["2020-01-01T00:00:45", "2020-01-01T00:01", "2020-01-01T00:01:15"]);
    }

    #[test]
    fn days_weeks_and_months() {
        let t = ticks("2021-03-01T05:00", "2021-03-04T05:00", 10.0);
        assert_eq!(t.len(), 12);
        assert_eq!(t[..2], ["2021-03-01T06:00", "2021-03-01T12:00"]);
        assert_eq!(t[11], "2021-03-04T00:00");
        let t = ticks("2021-01-15T00:00", "2021-03-15T00:00", 10.0);
        assert_eq!(
            t,
            [
                "2021-01-17T00:00",
                "2021-01-24T00:00",
                "2021-01-31T00:00",
                "2021-02-07T00:00",
                "2021-02-14T00:00",
                "2021-02-21T00:00",
                "2021-02-28T00:00",
                "2021-03-07T00:00",
                "2021-03-14T00:00"
            ]
        );
        assert_eq!(
            ticks("2021-02-03T00:00", "2021-02-24T00:00", 5.0),
            ["2021-02-07T00:00", "2021-02-14T00:00", "2021-02-21T00:00"]
        );
        assert_eq!(
            ticks("1968-03-01T05:00", "1968-03-08T00:00", 4.0),
            ["1968-03-02T00:00", "1968-03-04T00:00", "1968-03-06T00:00", "1968-03-08T00:00"]
        );
        let t = ticks("2020-02-01T07:00", "2020-02-06T00:00", 9.0);
        assert_eq!((t.len(), t[0].as_str(), t[9].as_str()), (10, "2020-02-01T12:00", "2020-02-06T00:00"));
        let t = ticks("2020-02-01T00:00", "2021-08-10T00:00", 6.0);
        assert_eq!(
            t,
            [
                "2020-04-01T00:00",
                "2020-07-01T00:00",
                "2020-10-01T00:00",
                "2021-01-01T00:00",
                "2021-04-01T00:00",
                "2021-07-01T00:00"
            ]
        );
    }

    #[test]
    fn years_decades_and_centuries() {
        let t = ticks("2015-06-01T00:00", "2020-06-01T00:00", 10.0);
        assert_eq!(
            t,
            ["2016-01-01T00:00", "2017-01-01T00:00", "2018-01-01T00:00", "2019-01-01T00:00", "2020-01-01T00:00"]
        );
        let t = ticks("1931-03-01T00:00", "2011-03-01T00:00", 10.0);
        assert_eq!(t.len(), 8);
        assert_eq!((t[0].as_str(), t[7].as_str()), ("1940-01-01T00:00", "2010-01-01T00:00"));
        assert_eq!(
            ticks("2019-01-01T00:00", "2021-01-01T00:00", 3.0),
            ["2019-01-01T00:00", "2020-01-01T00:00", "2021-01-01T00:00"]
        );
        let t = ticks("1500-02-01T07:00", "2000-02-06T00:00", 5.0);
        assert_eq!(
            t,
            ["1600-01-01T00:00", "1700-01-01T00:00", "1800-01-01T00:00", "1900-01-01T00:00", "2000-01-01T00:00"]
        );
    }

    #[test]
    fn milliseconds_reverse_and_empty() {
        assert_eq!(time_ticks(3.0, 47.0, 4.0), vec![10.0, 20.0, 30.0, 40.0]);
        assert_eq!(time_ticks(1000.0, 1100.0, 5.0).len(), 6);
        assert_eq!(time_ticks(5.0, 5.0, 10.0), vec![5.0]);
        assert_eq!(
            ticks("2020-01-03T00:00", "2020-01-01T00:00", 2.0),
            ["2020-01-03T00:00", "2020-01-02T00:00", "2020-01-01T00:00"]
        );
        assert!(time_ticks(0.0, 1e9, 0.0).is_empty());
    }

    #[test]
    fn nice_matches_d3() {
        assert_eq!(nice("2020-01-01T10:07", "2020-01-01T11:07", 10.0), ["2020-01-01T10:05", "2020-01-01T11:10"]);
        assert_eq!(nice("2021-03-01T05:00", "2021-03-04T05:00", 10.0), ["2021-03-01T00:00", "2021-03-04T06:00"]);
        assert_eq!(nice("2021-01-15T00:00", "2021-03-15T00:00", 10.0), ["2021-01-10T00:00", "2021-03-21T00:00"]);
        assert_eq!(nice("2015-06-01T00:00", "2020-06-01T00:00", 10.0), ["2015-01-01T00:00", "2021-01-01T00:00"]);
        assert_eq!(nice("1931-03-01T00:00", "2011-03-01T00:00", 10.0), ["1930-01-01T00:00", "2020-01-01T00:00"]);
        assert_eq!(nice("2021-02-03T12:00", "2021-02-24T00:00", 5.0), ["2021-01-31T00:00", "2021-02-28T00:00"]);
        assert_eq!(nice("1968-03-01T05:00", "1968-03-21T00:00", 10.0), ["1968-02-29T00:00", "1968-03-22T00:00"]);
        // d3: utcSecond for a zero-length domain at 5 ms
        assert_eq!(tick_interval(5.0, 5.0, 10.0).map(|iv| time_nice(5.0, 5.0, iv)), Some((5.0, 5.0)));
    }
}
