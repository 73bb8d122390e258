//! How a channel's values are written on axes, legends, tooltips and in summaries: the
//! definition's `format` (d3-format or d3-time-format, as `formatType` says), else a default
//! by type: numbers in full with thousands separators, dates by their time unit.

use crate::grammar::encoding::{FieldDef, FieldType};
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::time::TimeFormat;
use crate::grammar::format::Locale;
use crate::grammar::Value;

/// The default d3-time-format for a time unit's values.
pub fn unit_format(unit: &str, loc: Locale) -> &'static str {
    let u = unit.strip_prefix("utc").unwrap_or(unit);
    match (loc, u) {
        (Locale::En, "year") => "%Y",
        (Locale::En, "yearquarter") => "Q%q %Y",
        (Locale::En, "quarter") => "Q%q",
        (Locale::En, "yearmonth") => "%b %Y",
        (Locale::En, "month") => "%b",
        (Locale::En, "monthdate") => "%b %d",
        (Locale::En, "day") => "%a",
        (Locale::En, "date") => "%d",
        (Locale::En, "hours") => "%H:00",
        (Locale::En, "hoursminutes") => "%H:%M",
        (Locale::En, _) => "%b %d, %Y",
        (Locale::Zh, "year") => "%Y年",
        (Locale::Zh, "yearquarter") => "%Y年第%q季度",
        (Locale::Zh, "quarter") => "第%q季度",
        (Locale::Zh, "yearmonth") => "%Y年%-m月",
        (Locale::Zh, "month") => "%-m月",
        (Locale::Zh, "monthdate") => "%-m月%-d日",
        (Locale::Zh, "day") => "%a",
        (Locale::Zh, "date") => "%-d日",
        (Locale::Zh, "hours") => "%H:00",
        (Locale::Zh, "hoursminutes") => "%H:%M",
        (Locale::Zh, _) => "%Y年%-m月%-d日",
    }
}

/// A number in full: thousands separators, up to 6 decimals, no trailing zeros.
pub fn full_number(v: f64, loc: Locale) -> String {
    NumberFormat::parse(",.6~f").map(|f| f.format(v, loc)).unwrap_or_else(|_| crate::grammar::value::js_number(v))
}

/// `v` written as `def` says (its `format`), or by the default for its type.
pub fn format_value(def: &FieldDef, v: &Value, loc: Locale) -> String {
    let temporal = def.ty == FieldType::Temporal || def.format_type.as_deref().is_some_and(|t| t != "number");
    if let Some(spec) = &def.format {
        if temporal {
            if let (Ok(f), Some(ms)) = (TimeFormat::parse(spec), crate::grammar::flow::date_of(v)) {
                return f.format(ms, loc);
            }
        } else if let (Ok(f), Some(n)) = (NumberFormat::parse(spec), v.finite()) {
            return f.format(n, loc);
        }
    }
    // A time unit makes dates of an ordinal or nominal field too ("Jan" for a month).
    let timed = temporal || def.time_unit.is_some();
    match v {
        // A number used as a category (a year, a code) is written as it is, without grouping.
        Value::Num(n) if def.ty.is_discrete() && def.time_unit.is_none() => crate::grammar::value::js_number(*n),
        Value::Num(n) if !timed => full_number(*n, loc),
        Value::Date(_) | Value::Num(_) if timed => match crate::grammar::flow::date_of(v) {
            Some(ms) => {
                let unit = def.time_unit.as_ref().map(|t| t.name()).unwrap_or_default();
                let spec = if unit.is_empty() { date_default(ms, loc) } else { unit_format(&unit, loc) };
                TimeFormat::parse(spec).map(|f| f.format(ms, loc)).unwrap_or_else(|_| crate::grammar::calendar::iso(ms))
            }
            None => v.to_text(),
        },
        Value::Str(_) if temporal => match crate::grammar::flow::date_of(v) {
            Some(ms) => format_value(def, &Value::Date(ms), loc),
            None => v.to_text(),
        },
        other => other.to_text(),
    }
}

/// A date without a unit: with the time of day only when it has one.
fn date_default(ms: f64, loc: Locale) -> &'static str {
    let p = crate::grammar::calendar::parts(ms);
    let timed = p.hours != 0 || p.minutes != 0 || p.seconds != 0;
    match (loc, timed) {
        (Locale::En, false) => "%b %-d, %Y",
        (Locale::En, true) => "%b %-d, %Y %H:%M",
        (Locale::Zh, false) => "%Y年%-m月%-d日",
        (Locale::Zh, true) => "%Y年%-m月%-d日 %H:%M",
    }
}
