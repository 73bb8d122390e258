//! UTC calendar arithmetic on milliseconds since the epoch: civil dates, flooring to a time
//! unit and stepping by one. The grammar works in UTC throughout (Vega-Lite's `utc` variants);
//! local time is taken to be UTC, so output does not depend on the reader's time zone.

/// Milliseconds in a day.
pub const DAY: f64 = 86_400_000.0;

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12, day 1-31).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month 1-12, day 1-31) of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The parts of a UTC time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Year.
    pub year: i64,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
    /// Hours, 0-23.
    pub hours: u32,
    /// Minutes, 0-59.
    pub minutes: u32,
    /// Seconds, 0-59.
    pub seconds: u32,
    /// Milliseconds, 0-999.
    pub millis: u32,
    /// Day of the week, 0 = Sunday.
    pub weekday: u32,
}

/// Splits a time into its UTC parts.
pub fn parts(ms: f64) -> Parts {
    let days = (ms / DAY).floor() as i64;
    let rem = (ms - days as f64 * DAY).round() as i64;
    let (year, month, day) = civil_from_days(days);
    Parts {
        year,
        month,
        day,
        hours: (rem / 3_600_000) as u32,
        minutes: (rem / 60_000 % 60) as u32,
        seconds: (rem / 1000 % 60) as u32,
        millis: (rem % 1000) as u32,
        weekday: (days + 4).rem_euclid(7) as u32,
    }
}

/// The time of UTC parts (months and days out of range roll over, as `Date.UTC` does).
pub fn from_parts(year: i64, month0: i64, day: i64, h: i64, mi: i64, s: i64, ms: i64) -> f64 {
    let y = year + month0.div_euclid(12);
    let m = month0.rem_euclid(12) as u32 + 1;
    let days = days_from_civil(y, m, 1) + day - 1;
    days as f64 * DAY + (h * 3_600_000 + mi * 60_000 + s * 1000 + ms) as f64
}

/// A calendar unit to floor to or step by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Milliseconds.
    Millisecond,
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks starting on Sunday.
    Week,
    /// Months.
    Month,
    /// Quarters (Jan, Apr, Jul, Oct).
    Quarter,
    /// Years.
    Year,
}

/// `ms` floored to the start of its `unit`.
pub fn floor(ms: f64, unit: Unit) -> f64 {
    let p = parts(ms);
    let (y, m0, d) = (p.year, p.month as i64 - 1, p.day as i64);
    match unit {
        Unit::Millisecond => ms.floor(),
        Unit::Second => (ms / 1000.0).floor() * 1000.0,
        Unit::Minute => (ms / 60_000.0).floor() * 60_000.0,
        Unit::Hour => (ms / 3_600_000.0).floor() * 3_600_000.0,
        Unit::Day => (ms / DAY).floor() * DAY,
        Unit::Week => from_parts(y, m0, d - p.weekday as i64, 0, 0, 0, 0),
        Unit::Month => from_parts(y, m0, 1, 0, 0, 0, 0),
        Unit::Quarter => from_parts(y, m0 - m0 % 3, 1, 0, 0, 0, 0),
        Unit::Year => from_parts(y, 0, 1, 0, 0, 0, 0),
    }
}

/// `ms` moved by `n` units (months and years keep the day of the month, rolling over).
pub fn offset(ms: f64, unit: Unit, n: i64) -> f64 {
    let p = parts(ms);
    let (y, m0, d) = (p.year, p.month as i64 - 1, p.day as i64);
    let rest = (p.hours as i64, p.minutes as i64, p.seconds as i64, p.millis as i64);
    match unit {
        Unit::Millisecond => ms + n as f64,
        Unit::Second => ms + n as f64 * 1000.0,
        Unit::Minute => ms + n as f64 * 60_000.0,
        Unit::Hour => ms + n as f64 * 3_600_000.0,
        Unit::Day => ms + n as f64 * DAY,
        Unit::Week => ms + n as f64 * 7.0 * DAY,
        Unit::Month => from_parts(y, m0 + n, d, rest.0, rest.1, rest.2, rest.3),
        Unit::Quarter => from_parts(y, m0 + 3 * n, d, rest.0, rest.1, rest.2, rest.3),
        Unit::Year => from_parts(y + n, m0, d, rest.0, rest.1, rest.2, rest.3),
    }
}

/// ISO 8601 text of a time, as JavaScript's `Date.prototype.toISOString` writes it.
pub fn iso(ms: f64) -> String {
    if !ms.is_finite() {
        return "Invalid Date".into();
    }
    let p = parts(ms);
    let year = if (0..=9999).contains(&p.year) {
        format!("{:04}", p.year)
    } else {
        format!("{}{:06}", if p.year < 0 { '-' } else { '+' }, p.year.abs())
    };
    format!("{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", p.month, p.day, p.hours, p.minutes, p.seconds, p.millis)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-800_000, -1, 0, 59, 11_016, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn floors_and_offsets() {
        let t = from_parts(2021, 4, 19, 13, 45, 10, 5); // 2021-05-19, a Wednesday
        assert_eq!(iso(t), "2021-05-19T13:45:10.005Z");
        assert_eq!(parts(t).weekday, 3);
        assert_eq!(iso(floor(t, Unit::Year)), "2021-01-01T00:00:00.000Z");
        assert_eq!(iso(floor(t, Unit::Quarter)), "2021-04-01T00:00:00.000Z");
        assert_eq!(iso(floor(t, Unit::Week)), "2021-05-16T00:00:00.000Z");
        assert_eq!(iso(offset(floor(t, Unit::Month), Unit::Month, 8)), "2022-01-01T00:00:00.000Z");
        assert_eq!(iso(from_parts(2021, 0, 31, 0, 0, 0, 0) + 0.0), "2021-01-31T00:00:00.000Z");
        assert_eq!(iso(-1.0), "1969-12-31T23:59:59.999Z");
    }
}
