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

/// Where a band or point scale puts its values, as fractions of its range: the first and the
/// last domain value's start and the band's width (so that the order, the direction and the
/// paddings are compared, whatever the plot's size).
fn geometry(r: &crate::grammar::scales::Resolved) -> Option<Json> {
    let Domain::Discrete(values) = r.scale.domain() else { return None };
    let (a, b) = r.scale.range_ends()?;
    let (lo, span) = (a.min(b), (b - a).abs());
    if span <= 0.0 || values.is_empty() {
        return None;
    }
    let at = |v: &Value| r.scale.map(v).map(|x| (x - lo) / span);
    Some(Json::Obj(vec![
        ("first".into(), at(&values[0]).map_or(Json::Null, Json::Num)),
        ("last".into(), at(&values[values.len() - 1]).map_or(Json::Null, Json::Num)),
        ("band".into(), Json::Num(r.scale.bandwidth() / span)),
    ]))
}

/// A unit's rows as JSON objects, with extra fields (a panel's facet values) where absent.
type RowsOf = dyn Fn(&crate::grammar::flow::Flowed, &[(String, Json)]) -> Vec<Json>;

/// The dump of a chart laid out as `c`.
pub fn dump(chart: &Chart, c: &Compiled) -> Json {
    // Scales a facet resolves per panel are not top-level scales (in Vega either).
    let independent = |ch: crate::grammar::encoding::Channel| {
        chart.spec.facet.as_ref().is_some_and(|f| match ch {
            crate::grammar::encoding::Channel::X => f.independent_x.0,
            crate::grammar::encoding::Channel::Y => f.independent_y.0,
            crate::grammar::encoding::Channel::Theta => f.independent_theta,
            crate::grammar::encoding::Channel::Color => f.independent_color,
            _ => false,
        }) || chart.spec.layer_own.contains(&ch)
    };
    let entry = |r: &crate::grammar::scales::Resolved, all: &crate::grammar::scales::Scales, name: String| {
        let domain = match r.scale.domain() {
            Domain::Continuous(a, b) => vec![Json::Num(*a), Json::Num(*b)],
            Domain::Discrete(v) => v.iter().map(value).collect(),
            Domain::Samples(v) | Domain::Thresholds(v) => v.iter().map(|n| Json::Num(*n)).collect(),
        };
        let mut fields = vec![("type".into(), Json::Str(r.ty.name().into())), ("domain".into(), Json::Arr(domain))];
        let mut g = geometry(r);
        let parent = match r.channel {
            crate::grammar::encoding::Channel::XOffset => all.get(crate::grammar::encoding::Channel::X),
            crate::grammar::encoding::Channel::YOffset => all.get(crate::grammar::encoding::Channel::Y),
            _ => None,
        };
        if let (Some(Json::Obj(o)), Some(p), Some((a, b))) = (&mut g, parent, r.scale.range_ends()) {
            if p.scale.bandwidth() > 0.0 {
                o.push(("ofParentBand".into(), Json::Num((b - a).abs() / p.scale.bandwidth())));
            }
        }
        fields.extend(g.map(|g| ("geometry".to_string(), g)));
        (name, Json::Obj(fields))
    };
    let mut scales: Vec<(String, Json)> = c
        .scales
        .list
        .iter()
        .filter(|r| !independent(r.channel))
        .map(|r| entry(r, &c.scales, r.channel.name().to_string()))
        .collect();
    // Concatenated views: each view's position scales (and those `resolve` makes
    // independent), named as Vega-Lite names them.
    let own = chart.arrange.as_ref().map(|a| a.resolve.own_scales.clone()).unwrap_or_default();
    let shared = chart.arrange.as_ref().map(|a| a.resolve.shared_positions.clone()).unwrap_or_default();
    for (prefix, sc) in &c.views {
        let listed = |c| crate::grammar::concat::positional(c) || own.contains(&c) || chart.spec.layer_own.contains(&c);
        for r in sc.list.iter().filter(|r| listed(r.channel)) {
            // A shared position scale is one top-level scale, named by its channel alone.
            if shared.contains(&r.channel) {
                if !scales.iter().any(|(n, _)| n == r.channel.name()) {
                    scales.push(entry(r, sc, r.channel.name().to_string()));
                }
                continue;
            }
            scales.push(entry(r, sc, format!("{prefix}_{}", r.channel.name())));
        }
    }
    let marks = c.counts.iter().map(|(m, n)| (m.name().to_string(), Json::Num(*n as f64))).collect();
    let rows = |f: &crate::grammar::flow::Flowed, extra: &[(String, Json)]| -> Vec<Json> {
        f.table
            .rows
            .iter()
            .map(|r| {
                let mut o: Vec<(String, Json)> =
                    f.table.fields.iter().zip(r).map(|(k, v)| (k.clone(), value(v))).collect();
                o.extend(extra.iter().filter(|(k, _)| f.table.col(k).is_none()).cloned());
                Json::Obj(o)
            })
            .collect()
    };
    // The first mark's rows; in a facet, in every panel, each with its panel's facet values;
    // in a concatenation, the first view's.
    fn first_rows(chart: &Chart, rows: &RowsOf) -> Vec<Json> {
        if let Some((first, _)) = chart.parts.first() {
            return first_rows(first, rows);
        }
        match (&chart.spec.facet, chart.panels.is_empty()) {
            (Some(fc), false) => chart
                .panels
                .iter()
                .flat_map(|p| {
                    let extra: Vec<(String, Json)> = fc
                        .fields()
                        .iter()
                        .zip(&p.key.values)
                        .filter_map(|(ff, v)| ff.def.field.clone().map(|k| (k, value(v))))
                        .collect();
                    rows(&chart.units[p.units.start].1, &extra)
                })
                .collect(),
            _ => chart.units.first().map(|(_, f)| rows(f, &[])).unwrap_or_default(),
        }
    }
    let data = first_rows(chart, &rows);
    Json::Obj(vec![
        ("scales".into(), Json::Obj(scales)),
        ("marks".into(), Json::Obj(marks)),
        ("data".into(), Json::Arr(data)),
    ])
}
