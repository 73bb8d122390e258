//! `dumbbell` and `arrow`: each x value (a row of the chart) has two values, one per value of
//! the `color` column (two years, two groups): a dot at each, joined by a line, and the change
//! written beside the pair ("+16", computed here). An arrow points from the first value to the
//! second instead of ending in a dot. The first is the smaller of two numbers (2021 before
//! 2023), else the first seen in the data. A pair with a value not reported shows the dot it has
//! and says the change is not reported.

use super::{field, members, obj, s, values, Ctx, Kind, View};
use crate::error::Error;
use crate::format::signed;
use crate::frame::{Cell, Frame};
use crate::grammar::Json;
use crate::spec::{Mark, Sort, Spec};

/// The paired kinds drawn as dumbbells.
pub const KIND: Kind = Kind { marks: &[Mark::Dumbbell, Mark::Arrow], check, view };

/// Two values of the colour column, and each x value's pair.
pub struct Pairs {
    /// The first and second colour values.
    pub ends: [String; 2],
    /// Per x value, in display order: its name and its two values.
    pub rows: Vec<(String, [Option<f64>; 2])>,
}

/// The paired kinds need a colour column with exactly two values.
pub fn check(spec: &Spec, f: &Frame) -> Result<(), Error> {
    let Some(c) = spec.color.as_deref().and_then(|c| f.column(c)) else {
        return Err(Error::Invalid {
            path: "spec.color".into(),
            message: format!("a {} chart needs a colour column with the two years or groups", spec.kind.name()),
        });
    };
    let mut seen: Vec<String> = Vec::new();
    for row in &f.rows {
        let t = row[c].text();
        if row[c] != Cell::Missing && !seen.contains(&t) {
            seen.push(t);
        }
    }
    if seen.len() != 2 {
        return Err(Error::Invalid {
            path: "spec.color".into(),
            message: format!(
                "a {} chart compares two values of `{}`; the data has {} ({})",
                spec.kind.name(),
                f.columns[c],
                seen.len(),
                seen.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            ),
        });
    }
    Ok(())
}

/// The two colour values, in the order the chart shows them: the smaller of two numbers
/// first (2021 before 2023), else the first seen in the data. Read from all the data, so every
/// panel of small multiples pairs the same two, even one with rows for only one of them.
pub fn ends(spec: &Spec, f: &Frame) -> [String; 2] {
    let mut seen: Vec<String> = Vec::new();
    if let Some(c) = spec.color.as_deref().and_then(|c| f.column(c)) {
        for row in &f.rows {
            let t = row[c].text();
            if row[c] != Cell::Missing && !seen.contains(&t) {
                seen.push(t);
            }
        }
    }
    seen.resize(2, String::new());
    let num = |t: &str| t.parse::<f64>().ok();
    if let (Some(a), Some(b)) = (num(&seen[0]), num(&seen[1])) {
        if b < a {
            seen.swap(0, 1);
        }
    }
    [seen[0].clone(), seen[1].clone()]
}

/// The pairs, from the series (x values in the spec's order; `y-*` sorts by the second value).
pub fn pairs(cx: &Ctx) -> Result<Pairs, Error> {
    let Some(sr) = cx.series else { return Err(Error::Invalid { path: "spec".into(), message: "no series".into() }) };
    let ends = ends(cx.spec, cx.whole);
    let g = ends.clone().map(|e| sr.groups.iter().position(|x| *x == e));
    let value = |g: Option<usize>, c: usize| g.and_then(|g| sr.values[g][c]);
    let mut rows: Vec<(String, [Option<f64>; 2])> =
        sr.categories.iter().enumerate().map(|(c, name)| (name.clone(), [value(g[0], c), value(g[1], c)])).collect();
    // The series is in the spec's x order already; y sorts go by the second value.
    match cx.spec.sort {
        Sort::YAscending => crate::order::sort_by(&mut rows, |a, b| {
            a.1[1].unwrap_or(f64::INFINITY).total_cmp(&b.1[1].unwrap_or(f64::INFINITY))
        }),
        Sort::YDescending => crate::order::sort_by(&mut rows, |a, b| {
            b.1[1].unwrap_or(f64::NEG_INFINITY).total_cmp(&a.1[1].unwrap_or(f64::NEG_INFINITY))
        }),
        Sort::X | Sort::Data => {}
    }
    Ok(Pairs { ends, rows })
}

/// The change from the first value to the second, as written beside the pair.
pub fn change_text(v: [Option<f64>; 2]) -> String {
    match v {
        [Some(a), Some(b)] if a == b => "no change".into(),
        [Some(a), Some(b)] => signed(b - a, 2),
        _ => "change not reported".into(),
    }
}

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let color = spec.color.clone().unwrap_or_default();
    let p = pairs(cx)?;
    let order: Vec<Json> = p.rows.iter().map(|r| s(&r.0)).collect();
    let y = || {
        obj(vec![
            ("field", field(&spec.x)),
            ("type", s("nominal")),
            ("sort", Json::Arr(order.clone())),
            ("title", Json::Null),
        ])
    };
    let x = |f: &str| obj(vec![("field", field(f)), ("type", s("quantitative")), ("title", s(&spec.y))]);
    let (from, to) = (format!("{} {}", spec.y, p.ends[0]), format!("{} {}", spec.y, p.ends[1]));
    let change = "change";
    let wide = values(
        p.rows
            .iter()
            .map(|(name, v)| {
                let far = match v {
                    [Some(a), Some(b)] => Json::Num(a.max(*b)),
                    [Some(a), None] | [None, Some(a)] => Json::Num(*a),
                    _ => Json::Null,
                };
                let dir = match v {
                    [Some(a), Some(b)] if b < a => "triangle-left",
                    _ => "triangle-right",
                };
                vec![
                    (spec.x.as_str(), s(name)),
                    (from.as_str(), v[0].map(Json::Num).unwrap_or(Json::Null)),
                    (to.as_str(), v[1].map(Json::Num).unwrap_or(Json::Null)),
                    (change, s(&change_text(*v))),
                    ("far end", far),
                    ("head", s(dir)),
                ]
            })
            .collect(),
    );
    // One row per dot: both ends, or (arrows) the first end only.
    let ends = if spec.kind == Mark::Arrow { 1 } else { 2 };
    let long = values(
        p.rows
            .iter()
            .flat_map(|(name, v)| (0..ends).map(move |i| (name, i, v[i])))
            .map(|(name, i, v)| {
                vec![
                    (spec.x.as_str(), s(name)),
                    (color.as_str(), s(&p.ends[i])),
                    (spec.y.as_str(), v.map(Json::Num).unwrap_or(Json::Null)),
                ]
            })
            .collect(),
    );
    let colour = obj(vec![
        ("field", field(&color)),
        ("type", s("nominal")),
        ("title", s(&color)),
        ("scale", obj(vec![("domain", Json::Arr(p.ends.iter().map(|e| s(e)).collect()))])),
    ]);
    let rule = obj(vec![
        ("data", wide.clone()),
        ("mark", obj(vec![("type", s("rule")), ("color", s("#9a9a9a")), ("strokeWidth", Json::Num(2.0))])),
        (
            "encoding",
            obj(vec![("y", y()), ("x", x(&from)), ("x2", obj(vec![("field", field(&to))])), ("tooltip", Json::Null)]),
        ),
    ]);
    let dots = obj(vec![
        ("data", long),
        ("mark", obj(vec![("type", s("circle")), ("size", Json::Num(110.0)), ("opacity", Json::Num(1.0))])),
        ("encoding", obj(vec![("y", y()), ("x", x(&spec.y)), ("color", colour.clone())])),
    ]);
    let label = obj(vec![
        ("data", wide.clone()),
        ("mark", obj(vec![("type", s("text")), ("align", s("left")), ("dx", Json::Num(10.0))])),
        (
            "encoding",
            obj(vec![
                ("y", y()),
                ("x", x("far end")),
                ("text", obj(vec![("field", s(change))])),
                ("tooltip", Json::Null),
            ]),
        ),
    ]);
    let mut layers = vec![rule, dots];
    if spec.kind == Mark::Arrow {
        // Arrowheads at the second value, pointing the way the value moved.
        for head in ["triangle-right", "triangle-left"] {
            let rows: Vec<Json> = match &wide {
                Json::Obj(o) => match o.first().map(|(_, v)| v) {
                    Some(Json::Arr(a)) => {
                        a.iter().filter(|r| matches!(r.get("head"), Some(Json::Str(h)) if h == head)).cloned().collect()
                    }
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            if rows.is_empty() {
                continue;
            }
            layers.push(obj(vec![
                ("data", obj(vec![("values", Json::Arr(rows))])),
                (
                    "mark",
                    obj(vec![
                        ("type", s("point")),
                        ("shape", s(head)),
                        ("filled", Json::Bool(true)),
                        ("size", Json::Num(130.0)),
                        ("opacity", Json::Num(1.0)),
                    ]),
                ),
                (
                    "encoding",
                    obj(vec![
                        ("y", y()),
                        ("x", x(&to)),
                        ("color", obj(vec![("datum", s(&p.ends[1])), ("type", s("nominal"))])),
                        (
                            "tooltip",
                            Json::Arr(vec![
                                obj(vec![("field", field(&spec.x))]),
                                obj(vec![("field", field(&to)), ("type", s("quantitative"))]),
                                obj(vec![("field", s(change))]),
                            ]),
                        ),
                    ]),
                ),
            ]));
        }
    }
    layers.push(label);
    Ok(members(vec![("layer", Json::Arr(layers))]))
}

/// Keeps the change labels (the last layer's, `range` into `layout.labels`) inside the chart:
/// one that would run past the right edge goes to the left of its pair instead, 10 px before
/// its nearer end (found from the pair's values through the x scale), or, with no room there,
/// against the right edge. `plot` is the plot area the labels' layer drew in (a panel's, for
/// small multiples) and `right` the edge they must stay left of.
pub fn fit_labels(
    cx: &Ctx,
    c: &mut crate::grammar::Compiled,
    range: std::ops::Range<usize>,
    plot: crate::layout::Rect,
    right: f64,
) {
    let Ok(p) = pairs(cx) else { return };
    let (Some(xs), Some(ys)) =
        (c.scales.get(crate::grammar::encoding::Channel::X), c.scales.get(crate::grammar::encoding::Channel::Y))
    else {
        return;
    };
    let band = ys.scale.bandwidth() / 2.0;
    // The other labels (axes, legend) the change labels must keep clear of.
    let others: Vec<crate::layout::Rect> =
        c.layout.labels.iter().enumerate().filter(|(i, _)| !range.contains(i)).map(|(_, l)| l.bbox()).collect();
    for l in &mut c.layout.labels[range] {
        let b = l.bbox();
        if b.right() <= right - 2.0 && !others.iter().any(|o| o.intersects(&b)) {
            continue;
        }
        let row = p.rows.iter().find(|(name, _)| {
            ys.scale.map(&crate::grammar::Value::str(name)).is_some_and(|y| (plot.y + y + band - l.y).abs() < 1.0)
        });
        let Some((_, v)) = row else { continue };
        let near = v.iter().flatten().copied().fold(f64::INFINITY, f64::min);
        l.anchor = crate::layout::Anchor::End;
        l.x = match xs.scale.map(&crate::grammar::Value::Num(near)) {
            Some(px) if plot.x + px - 10.0 - l.bbox().w >= plot.x + 2.0 => plot.x + px - 10.0,
            // No room on the left either: against the right edge, over the pair's line.
            _ => plot.right() - 2.0,
        };
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::shorthand::tests::{chart_of, laid, try_chart};

    #[test]
    fn the_change_is_written_beside_each_pair() {
        let csv = "industry,year,n\nChemicals,2023,12\nChemicals,2021,8\nMetals,2021,5\nMetals,2023,\n";
        let c = chart_of(csv, r#"{"kind": "dumbbell", "x": "industry", "y": "n", "color": "year"}"#);
        let l = laid(&c, 640.0);
        let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"+4"), "2021 (8) to 2023 (12): {texts:?}");
        assert!(texts.contains(&"change not reported"), "{texts:?}");
        assert_eq!(change_text([Some(5.0), Some(2.0)]), "-3");
        assert_eq!(change_text([Some(5.0), Some(5.0)]), "no change");
    }

    #[test]
    fn paired_kinds_need_two_colour_values() {
        let e = try_chart("k,g,v\na,x,1\na,y,2\na,z,3\n", r#"{"kind": "arrow", "x": "k", "y": "v", "color": "g"}"#)
            .unwrap_err();
        assert!(e.contains("`spec.color`") && e.contains("the data has 3 (x, y, z)"), "{e}");
        let e = try_chart("k,v\na,1\n", r#"{"kind": "slope", "x": "k", "y": "v"}"#).unwrap_err();
        assert!(e.contains("`spec.color`"), "{e}");
    }
}
