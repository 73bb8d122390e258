//! Time units (`year`, `yearmonth`, `utcmonthdate`, `{"unit": "yearmonth", "step": 3}` ...) and
//! the `timeUnit` transform. Flooring follows Vega's `timeFloor` (vega-time): a unit without a
//! year part lands in the reference year 2012 (a leap year starting on a Sunday), so `month`
//! of 2021-05-19 is 2012-05-01 and `day` of a Wednesday is 2012-01-04; `week` numbers weeks
//! from the first Sunday as d3's `utcWeek` does. The engine works in UTC, so `utc` prefixes
//! change nothing but the name. The transform writes `as` (the floored time, a date) and
//! `as_end` (one step of the smallest unit later), as Vega-Lite's `timeunit` does.

use crate::error::{Error, Path};
use crate::grammar::calendar::{self, Unit, DAY};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::util::{self, var_name};

/// One part of a time unit, in Vega's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Year,
    Quarter,
    Month,
    Week,
    Date,
    Day,
    DayOfYear,
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
}

/// Vega-Lite's time units without the `utc` prefix.
const UNITS: &[&str] = &[
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "dayofyear",
    "date",
    "hours",
    "minutes",
    "seconds",
    "milliseconds",
    "yearquarter",
    "yearquartermonth",
    "yearmonth",
    "yearmonthdate",
    "yearmonthdatehours",
    "yearmonthdatehoursminutes",
    "yearmonthdatehoursminutesseconds",
    "yearweek",
    "yearweekday",
    "yearweekdayhours",
    "yearweekdayhoursminutes",
    "yearweekdayhoursminutesseconds",
    "yeardayofyear",
    "quartermonth",
    "monthdate",
    "monthdatehours",
    "monthdatehoursminutes",
    "monthdatehoursminutesseconds",
    "weekday",
    "weekdayhours",
    "weekdayhoursminutes",
    "weekdayhoursminutesseconds",
    "dayhours",
    "dayhoursminutes",
    "dayhoursminutesseconds",
    "hoursminutes",
    "hoursminutesseconds",
    "minutesseconds",
    "secondsmilliseconds",
];

/// The parts of a unit name, by Vega-Lite's `containsTimeUnit` rules.
fn parts_of(unit: &str) -> Vec<Part> {
    let has = |p: &str| -> bool {
        let Some(i) = unit.find(p) else { return false };
        let b = unit.as_bytes();
        !((p == "seconds" && i > 0 && b[i - 1] == b'i')
            || (p == "day" && b.get(i + 3) == Some(&b'o'))
            || (p == "year" && i > 0 && b[i - 1] == b'f'))
    };
    let table = [
        ("year", Part::Year),
        ("quarter", Part::Quarter),
        ("month", Part::Month),
        ("week", Part::Week),
        ("day", Part::Day),
        ("dayofyear", Part::DayOfYear),
        ("date", Part::Date),
        ("hours", Part::Hours),
        ("minutes", Part::Minutes),
        ("seconds", Part::Seconds),
        ("milliseconds", Part::Milliseconds),
    ];
    let mut out: Vec<Part> = table.iter().filter(|(n, _)| has(n)).map(|(_, p)| *p).collect();
    crate::order::sort_by(&mut out, |a, b| a.cmp(b));
    out
}

/// A time unit with its step.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeUnit {
    parts: Vec<Part>,
    unit: &'static str,
    utc: bool,
    step: i64,
    name: String,
}

impl TimeUnit {
    /// A unit from its Vega-Lite name (`"yearmonth"`, `"utcquarter"`); `None` for anything else
    /// (including `binned...` units, which are not floored).
    pub fn parse(s: &str) -> Option<TimeUnit> {
        let (utc, local) = match s.strip_prefix("utc") {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let unit = *UNITS.iter().find(|u| **u == local)?;
        Some(TimeUnit { parts: parts_of(unit), unit, utc, step: 1, name: s.to_string() })
    }

    /// A unit from a spec's `timeUnit`: a name or `{"unit", "step", "utc"}`.
    pub fn parse_json(json: &Json, path: &Path) -> Result<TimeUnit, Error> {
        let bad = |p: &Path, s: &str| {
            Error::unsupported(
                p,
                format!("\"{s}\""),
                "a Vega-Lite time unit such as year, yearmonth, monthdate, hours, utcyearmonthdate",
            )
        };
        match json {
            Json::Str(s) => TimeUnit::parse(s).ok_or_else(|| bad(path, s)),
            Json::Obj(o) => {
                check_keys(json, path, &["unit", "step", "utc"], &["maxbins", "binned"])?;
                let up = path.key("unit");
                let s = util::req(json, "unit", path)?.str(&up)?;
                let mut tu = TimeUnit::parse(s).ok_or_else(|| bad(&up, s))?;
                if let Some(u) = json.get("utc") {
                    tu.utc |= u.bool(&path.key("utc"))?;
                }
                let mut name = String::new();
                for (k, v) in o {
                    match k.as_str() {
                        "unit" => name.push_str(tu.unit),
                        "step" => {
                            let sp = path.key("step");
                            let n = v.num(&sp)?;
                            if !(n >= 1.0 && n.fract() == 0.0 && n <= 1e6) {
                                return Err(Error::spec(&sp, "step must be a whole number from 1"));
                            }
                            tu.step = n as i64;
                            name.push_str(&var_name(&format!("_step_{}", v.to_text())));
                        }
                        _ => {}
                    }
                }
                tu.name = if tu.utc { format!("utc{name}") } else { name };
                Ok(tu)
            }
            other => Err(Error::spec(path, format!("expected a time unit name or object, found {}", other.kind()))),
        }
    }

    /// Vega-Lite's name of the unit (`timeUnitToString`), the prefix of its output field:
    /// `month`, `utcyearmonth`, `yearmonth_step_3`.
    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// The unit as Vega-Lite's titles write it: its parts joined by "-", without `utc`
    /// (`"year-month"` for `utcyearmonth`).
    pub fn title(&self) -> String {
        let name = |p: &Part| match p {
            Part::Year => "year",
            Part::Quarter => "quarter",
            Part::Month => "month",
            Part::Week => "week",
            Part::Day => "day",
            Part::DayOfYear => "dayofyear",
            Part::Date => "date",
            Part::Hours => "hours",
            Part::Minutes => "minutes",
            Part::Seconds => "seconds",
            Part::Milliseconds => "milliseconds",
        };
        self.parts.iter().map(name).collect::<Vec<_>>().join("-")
    }

    /// The unit name without `utc` and step (`"yearmonth"`).
    pub fn unit(&self) -> &'static str {
        self.unit
    }

    /// True for `utc...` units (the engine is UTC throughout; kept for names and formats).
    pub fn is_utc(&self) -> bool {
        self.utc
    }

    /// The step in the smallest unit (1 unless given).
    pub fn step(&self) -> i64 {
        self.step
    }

    /// The unit's name when it has one part (`"month"`), used for predicate values.
    pub(crate) fn single(&self) -> Option<&'static str> {
        (self.parts.len() == 1).then_some(self.unit)
    }

    fn last(&self) -> Part {
        self.parts.last().copied().unwrap_or(Part::Milliseconds)
    }

    fn stepped(&self, p: Part, v: i64, phase: i64) -> i64 {
        if p != self.last() || self.step <= 1 {
            return v;
        }
        phase + self.step * (v - phase).div_euclid(self.step)
    }

    /// `ms` floored to the unit (Vega's `utcFloor(units, step)`); NaN stays NaN.
    pub fn floor(&self, ms: f64) -> f64 {
        if !ms.is_finite() || ms.abs() > 8.64e15 {
            return f64::NAN;
        }
        let p = calendar::parts(ms);
        let has = |x: Part| self.parts.contains(&x);
        let year = if has(Part::Year) { self.stepped(Part::Year, p.year, 0) } else { 2012 };
        let m0 = p.month as i64 - 1;
        let month = if has(Part::Month) {
            self.stepped(Part::Month, m0, 0)
        } else if has(Part::Quarter) {
            3 * self.stepped(Part::Quarter, m0.div_euclid(3), 0)
        } else {
            0
        };
        let first = first_weekday(year);
        let wd = p.weekday as i64;
        let day = if has(Part::Week) && has(Part::Day) {
            self.stepped(Part::Day, weekday(week_number(ms, p.year), wd, first), 1)
        } else if has(Part::Week) {
            weekday(self.stepped(Part::Week, week_number(ms, p.year), 1), 0, first)
        } else if has(Part::Day) {
            self.stepped(Part::Day, weekday(1, wd, first), 1)
        } else if has(Part::Date) {
            self.stepped(Part::Date, p.day as i64, 1)
        } else if has(Part::DayOfYear) {
            let doy = calendar::days_from_civil(p.year, p.month, p.day) - calendar::days_from_civil(p.year, 1, 1) + 1;
            self.stepped(Part::DayOfYear, doy, 1)
        } else {
            1
        };
        let part = |x: Part, v: u32| if has(x) { self.stepped(x, v as i64, 0) } else { 0 };
        calendar::from_parts(
            year,
            month,
            day,
            part(Part::Hours, p.hours),
            part(Part::Minutes, p.minutes),
            part(Part::Seconds, p.seconds),
            part(Part::Milliseconds, p.millis),
        )
    }

    /// The end of the unit step that starts at `floor(ms)`: one step of the smallest unit
    /// later (Vega's `offset(floor, step)`).
    pub fn step_end(&self, ms: f64) -> f64 {
        let start = self.floor(ms);
        if start.is_nan() {
            return f64::NAN;
        }
        let unit = match self.last() {
            Part::Year => Unit::Year,
            Part::Quarter => Unit::Quarter,
            Part::Month => Unit::Month,
            Part::Week => Unit::Week,
            Part::Date | Part::Day | Part::DayOfYear => Unit::Day,
            Part::Hours => Unit::Hour,
            Part::Minutes => Unit::Minute,
            Part::Seconds => Unit::Second,
            Part::Milliseconds => Unit::Millisecond,
        };
        calendar::offset(start, unit, self.step)
    }
}

/// Day of the week of January 1 of `year` (0 = Sunday).
fn first_weekday(year: i64) -> i64 {
    (calendar::days_from_civil(year, 1, 1) + 4).rem_euclid(7)
}

/// d3's `utcWeek.count(Jan 1 - 1ms, d)`: Sunday-based week number, 0 before the first Sunday.
fn week_number(ms: f64, year: i64) -> i64 {
    let sunday = |days: i64| days - (days + 4).rem_euclid(7);
    let d = (ms / DAY).floor() as i64;
    let start = calendar::days_from_civil(year, 1, 1) - 1; // the day holding Jan 1 - 1ms
    (sunday(d) - sunday(start)) / 7
}

/// Vega's `weekday(week, day, firstDay)`: a day of January (may roll back into December).
fn weekday(week: i64, day: i64, first: i64) -> i64 {
    day + week * 7 - (first + 6) % 7
}

/// A time value for flooring: dates and numbers as milliseconds, text parsed as a date.
pub(crate) fn to_ms(v: &Value) -> Option<f64> {
    match v {
        Value::Null => None,
        Value::Str(s) if s.is_empty() => None,
        Value::Str(s) => Some(crate::grammar::format::date::parse_date(s).unwrap_or(f64::NAN)),
        other => Some(other.as_num().unwrap_or(f64::NAN)),
    }
}

/// The `timeUnit` transform: `{"timeUnit": ..., "field": ..., "as": ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeUnitTransform {
    /// The unit.
    pub unit: TimeUnit,
    /// Table key of the input field.
    pub field: String,
    /// Output field of the floored time.
    pub as_: String,
    /// Output field of the step end (`as` + `_end`).
    pub as_end: String,
}

impl TimeUnitTransform {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<TimeUnitTransform, Error> {
        check_keys(json, path, &["timeUnit", "field", "as"], &[])?;
        let unit = TimeUnit::parse_json(util::req(json, "timeUnit", path)?, &path.key("timeUnit"))?;
        let raw = util::req(json, "field", path)?.str(&path.key("field"))?;
        let field = crate::grammar::value::field_key(raw);
        let as_ = match json.get("as") {
            Some(a) => a.str(&path.key("as"))?.to_string(),
            None => format!("{}_{}", unit.name(), raw),
        };
        let as_end = format!("{as_}_end");
        Ok(TimeUnitTransform { unit, field, as_, as_end })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        vec![self.as_.clone(), self.as_end.clone()]
    }

    /// Floors every row's field.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let src = table.col(&self.field);
        let a = table.field_index_or_add(&self.as_);
        let b = table.field_index_or_add(&self.as_end);
        for row in &mut table.rows {
            let (start, end) = match to_ms(util::cell_ref(row, src)) {
                None => (Value::Null, Value::Null),
                Some(ms) => (Value::Date(self.unit.floor(ms)), Value::Date(self.unit.step_end(ms))),
            };
            util::set(row, a, start);
            util::set(row, b, end);
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::calendar::iso;
    use crate::grammar::format::date::parse_date;

    #[test]
    fn titles_name_the_parts_as_vega_lite_does() {
        let t = |u: &str| TimeUnit::parse(u).unwrap().title();
        // Vega-Lite titles a utcyear field "day (year)" (checked with vega-lite 6.5).
        assert_eq!(t("utcyear"), "year");
        assert_eq!(t("yearmonthdate"), "year-month-date");
        assert_eq!(t("utchoursminutes"), "hours-minutes");
        assert_eq!(t("dayofyear"), "dayofyear");
    }

    fn fl(unit: &str, t: &str) -> (String, String) {
        let tu = TimeUnit::parse(unit).unwrap();
        let ms = parse_date(t).unwrap();
        (iso(tu.floor(ms)), iso(tu.step_end(ms)))
    }

    fn stepped(unit: &str, step: f64, t: &str) -> (String, String) {
        let j = Json::Obj(vec![("unit".into(), Json::Str(unit.into())), ("step".into(), Json::Num(step))]);
        let tu = TimeUnit::parse_json(&j, &Path::root()).unwrap();
        let ms = parse_date(t).unwrap();
        (iso(tu.floor(ms)), iso(tu.step_end(ms)))
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    // Reference values: vega-lite 6.4.3 + vega 6.4.0 timeunit transform, TZ=UTC.
    #[test]
    fn floors_match_vega() {
        let t = "2021-05-19T13:45:10.005Z";
        assert_eq!(fl("yearmonth", t), pair("2021-05-01T00:00:00.000Z", "2021-06-01T00:00:00.000Z"));
        assert_eq!(fl("month", t), pair("2012-05-01T00:00:00.000Z", "2012-06-01T00:00:00.000Z"));
        assert_eq!(fl("utcquarter", t), pair("2012-04-01T00:00:00.000Z", "2012-07-01T00:00:00.000Z"));
        assert_eq!(fl("week", t), pair("2012-05-13T00:00:00.000Z", "2012-05-20T00:00:00.000Z"));
        assert_eq!(fl("day", t), pair("2012-01-04T00:00:00.000Z", "2012-01-05T00:00:00.000Z"));
        assert_eq!(fl("dayofyear", t), pair("2012-05-18T00:00:00.000Z", "2012-05-19T00:00:00.000Z"));
        assert_eq!(fl("yearweekday", t), pair("2021-05-19T00:00:00.000Z", "2021-05-20T00:00:00.000Z"));
        assert_eq!(fl("hoursminutes", t), pair("2012-01-01T13:45:00.000Z", "2012-01-01T13:46:00.000Z"));
        assert_eq!(fl("secondsmilliseconds", t), pair("2012-01-01T00:00:10.005Z", "2012-01-01T00:00:10.006Z"));
        assert_eq!(stepped("yearmonth", 3.0, t), pair("2021-04-01T00:00:00.000Z", "2021-07-01T00:00:00.000Z"));
        assert_eq!(stepped("date", 5.0, t), pair("2012-01-16T00:00:00.000Z", "2012-01-21T00:00:00.000Z"));
        let t = "2020-12-31T23:59:59Z";
        assert_eq!(fl("month", t), pair("2012-12-01T00:00:00.000Z", "2013-01-01T00:00:00.000Z"));
        assert_eq!(fl("week", t), pair("2012-12-23T00:00:00.000Z", "2012-12-30T00:00:00.000Z"));
        assert_eq!(fl("day", t), pair("2012-01-05T00:00:00.000Z", "2012-01-06T00:00:00.000Z"));
        assert_eq!(fl("dayofyear", t), pair("2012-12-31T00:00:00.000Z", "2013-01-01T00:00:00.000Z"));
        assert_eq!(fl("hoursminutes", t), pair("2012-01-01T23:59:00.000Z", "2012-01-02T00:00:00.000Z"));
        assert_eq!(stepped("date", 5.0, t), pair("2012-01-31T00:00:00.000Z", "2012-02-05T00:00:00.000Z"));
        let t = "2021-01-02";
        assert_eq!(fl("week", t), pair("2011-12-25T00:00:00.000Z", "2012-01-01T00:00:00.000Z"));
        assert_eq!(fl("day", t), pair("2012-01-07T00:00:00.000Z", "2012-01-08T00:00:00.000Z"));
        assert_eq!(fl("yearweekday", t), pair("2021-01-02T00:00:00.000Z", "2021-01-03T00:00:00.000Z"));
    }

    // Reference: vega-lite 6.4.3 + vega 6.4.0 timeunit transform, TZ=UTC.
    #[test]
    fn stepped_weeks_and_combined_units() {
        let t = "2021-05-19T13:45:10Z";
        assert_eq!(fl("yearquarter", t), pair("2021-04-01T00:00:00.000Z", "2021-07-01T00:00:00.000Z"));
        assert_eq!(stepped("week", 2.0, t), pair("2012-05-06T00:00:00.000Z", "2012-05-20T00:00:00.000Z"));
        assert_eq!(fl("utcquartermonth", t), pair("2012-05-01T00:00:00.000Z", "2012-06-01T00:00:00.000Z"));
        assert_eq!(stepped("yearweek", 4.0, t), pair("2021-04-25T00:00:00.000Z", "2021-05-23T00:00:00.000Z"));
        assert_eq!(fl("monthdatehours", t), pair("2012-05-19T13:00:00.000Z", "2012-05-19T14:00:00.000Z"));
        let t = "2021-01-01";
        assert_eq!(stepped("week", 2.0, t), pair("2011-12-18T00:00:00.000Z", "2012-01-01T00:00:00.000Z"));
        assert_eq!(stepped("yearweek", 4.0, t), pair("2020-12-06T00:00:00.000Z", "2021-01-03T00:00:00.000Z"));
    }

    #[test]
    fn names_and_refusals() {
        assert_eq!(TimeUnit::parse("utcyearmonthdate").unwrap().name(), "utcyearmonthdate");
        assert!(TimeUnit::parse("yearmonthday").is_none());
        assert!(TimeUnit::parse("binnedyear").is_none());
        let j = Json::parse(r#"{"unit": "utcmonth", "step": 2}"#).unwrap();
        assert_eq!(TimeUnit::parse_json(&j, &Path::root()).unwrap().name(), "utcmonth_step_2");
        let j = Json::parse(r#"{"unit": "month", "maxbins": 2}"#).unwrap();
        let e = TimeUnit::parse_json(&j, &Path::of(&["timeUnit"])).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["timeUnit", "maxbins"])));
        assert!(TimeUnit::parse("month").unwrap().floor(f64::NAN).is_nan());
    }

    #[test]
    fn transform_writes_start_and_end_and_keeps_nulls() {
        let j = Json::parse(r#"{"timeUnit": "year", "field": "t", "as": "y"}"#).unwrap();
        let t = TimeUnitTransform::parse(&j, &Path::root()).unwrap();
        let mut table = Table::with_fields(vec!["t".into()]);
        table.rows.push(vec![Value::str("2021-05-19")]);
        table.rows.push(vec![Value::Null]);
        table.rows.push(vec![Value::Num(1609459199000.0)]);
        let out = t.run(table).unwrap();
        assert_eq!(out.fields, vec!["t", "y", "y_end"]);
        assert_eq!(out.rows[0][1], Value::Date(parse_date("2021-01-01").unwrap()));
        assert_eq!(out.rows[0][2], Value::Date(parse_date("2022-01-01").unwrap()));
        assert_eq!(out.rows[1][1], Value::Null);
        assert_eq!(out.rows[2][1], Value::Date(parse_date("2020-01-01").unwrap()));
        let j = Json::parse(r#"{"timeUnit": "month", "field": "t"}"#).unwrap();
        assert_eq!(TimeUnitTransform::parse(&j, &Path::root()).unwrap().as_, "month_t");
    }
}
