//! What the differential tests compare with Vega: every scale's type and domain, the marks
//! drawn per mark type (Vega-Lite's counting) and the rows the first mark reads, as JSON
//! (dates as milliseconds, NaN as null), in the shape `tests/differential/reference.mjs` writes.

use crate::grammar::compile::{Chart, Compiled};
use crate::grammar::scale::Domain;
use crate::grammar::{Json, Value};

fn value(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Num(n) | Value::Date(n) if n.is_finite() => Json::Num(*n),
        Value::Num(_) | Value::Date(_) => Json::Null,
        Value::Str(s) => Json::Str(s.to_string()),
    }
}

/// The dump of a chart laid out as `c`.
pub fn dump(chart: &Chart, c: &Compiled) -> Json {
    let scales = c
        .scales
        .list
        .iter()
        .map(|r| {
            let domain = match r.scale.domain() {
                Domain::Continuous(a, b) => vec![Json::Num(*a), Json::Num(*b)],
                Domain::Discrete(v) => v.iter().map(value).collect(),
                Domain::Samples(v) | Domain::Thresholds(v) => v.iter().map(|n| Json::Num(*n)).collect(),
            };
            (
                r.channel.name().to_string(),
                Json::Obj(vec![("type".into(), Json::Str(r.ty.name().into())), ("domain".into(), Json::Arr(domain))]),
            )
        })
        .collect();
    let marks = c.counts.iter().map(|(m, n)| (m.name().to_string(), Json::Num(*n as f64))).collect();
    let data = chart
        .units
        .first()
        .map(|(_, f)| {
            f.table
                .rows
                .iter()
                .map(|r| Json::Obj(f.table.fields.iter().zip(r).map(|(k, v)| (k.clone(), value(v))).collect()))
                .collect()
        })
        .unwrap_or_default();
    Json::Obj(vec![
        ("scales".into(), Json::Obj(scales)),
        ("marks".into(), Json::Obj(marks)),
        ("data".into(), Json::Arr(data)),
    ])
}
