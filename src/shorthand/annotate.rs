//! Annotations on any kind with axes: a **note** (`text`) pinned to a data point or an x value
//! with a connector line; a labelled reference **line** at a value, or at the `mean` or
//! `median` of the values shown; a shaded, labelled **range** of values. `axis` is `"y"` (the y
//! column's axis, the default) or `"x"` (the x column's), whichever way the kind draws them.
//!
//! On small multiples, lines and ranges are drawn in every panel (a `mean` or `median` being
//! that panel's) and a note in one: the panel its `panel` names, else the first that has its
//! x value.
//!
//! This file reads and checks them and adds the grammar layers of lines and ranges on a value
//! axis (so the axis reaches them); [`super::place`] places every label after layout.

use super::{obj, s, values, Ctx, View};
use crate::error::Error;
use crate::format::num;
use crate::frame::Frame;
use crate::grammar::{Json, Value};
use crate::spec::{Mark, Spec};

/// A value on an axis: a number or a category.
#[derive(Debug, Clone, PartialEq)]
pub enum Pos {
    /// A number (or, for a reference line, a statistic's name).
    Num(f64),
    /// A category, date text, or `mean` / `median`.
    Text(String),
}

impl Pos {
    pub(super) fn value(&self) -> Value {
        match self {
            Pos::Num(n) => Value::Num(*n),
            Pos::Text(t) => t.parse::<f64>().map(Value::Num).unwrap_or_else(|_| Value::str(t)),
        }
    }
}

/// One annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum Annotation {
    /// A text note pinned to (x, y), or to x alone (then at the top of the plot).
    Note {
        /// The x column's value (a category, or a number on a numeric axis).
        x: Pos,
        /// The y value; without it, the chart's value at x (its total when stacked).
        y: Option<f64>,
        /// The note.
        text: String,
        /// In small multiples, the panel (the facet column's value) it belongs to; without it,
        /// the first panel that has its x value.
        panel: Option<String>,
    },
    /// A reference line.
    Line {
        /// `"y"` (default) or `"x"`.
        axis: Option<String>,
        /// A number, `"mean"` or `"median"` (of the values shown).
        value: Pos,
        /// Its label (default: the statistic and its value, or the value).
        label: String,
    },
    /// A shaded range.
    Range {
        /// `"y"` (default) or `"x"`.
        axis: Option<String>,
        /// One end.
        from: Pos,
        /// The other end.
        to: Pos,
        /// Its label.
        label: String,
    },
}

/// Reads the spec's annotations: `type` is `note`, `line` or `range`; unknown fields, a missing
/// field and a wrong type are refused with the annotation's path.
pub fn read(list: &[Json]) -> Result<Vec<Annotation>, Error> {
    let mut out = Vec::new();
    for (i, j) in list.iter().enumerate() {
        let at = |k: &str| format!("spec.annotations[{i}]{}{k}", if k.is_empty() { "" } else { "." });
        let bad = |k: &str, m: &str| Error::Invalid { path: at(k), message: m.to_string() };
        let Json::Obj(o) = j else { return Err(bad("", "is not an object")) };
        let get = |k: &str| o.iter().find(|(n, _)| n == k).map(|(_, v)| v);
        let text = |k: &str, need: bool| -> Result<Option<String>, Error> {
            match get(k) {
                Some(Json::Str(t)) => Ok(Some(t.clone())),
                None | Some(Json::Null) if !need => Ok(None),
                None | Some(Json::Null) => Err(bad(k, "missing")),
                Some(_) => Err(bad(k, "is not text")),
            }
        };
        let pos = |k: &str| -> Result<Pos, Error> {
            match get(k) {
                Some(Json::Num(n)) => Ok(Pos::Num(*n)),
                Some(Json::Str(t)) => Ok(Pos::Text(t.clone())),
                None | Some(Json::Null) => Err(bad(k, "missing")),
                Some(_) => Err(bad(k, "is not a number or text")),
            }
        };
        let ty = text("type", true)?.unwrap_or_default();
        let known: &[&str] = match ty.as_str() {
            "note" => &["type", "x", "y", "text", "panel"],
            "line" => &["type", "axis", "value", "label"],
            "range" => &["type", "axis", "from", "to", "label"],
            _ => return Err(bad("type", &format!("\"{ty}\" is not note, line or range"))),
        };
        if let Some((k, _)) = o.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(bad(k, &format!("unknown field `{k}` of a {ty} (fields: {})", known.join(", "))));
        }
        out.push(match ty.as_str() {
            "note" => Annotation::Note {
                x: pos("x")?,
                y: match get("y") {
                    Some(Json::Num(n)) => Some(*n),
                    None | Some(Json::Null) => None,
                    Some(_) => return Err(bad("y", "is not a number")),
                },
                text: text("text", true)?.unwrap_or_default(),
                panel: match get("panel") {
                    Some(Json::Num(n)) => Some(crate::format::exact(*n)),
                    Some(Json::Str(t)) => Some(t.clone()),
                    None | Some(Json::Null) => None,
                    Some(_) => return Err(bad("panel", "is not a number or text")),
                },
            },
            "line" => Annotation::Line {
                axis: text("axis", false)?,
                value: pos("value")?,
                label: text("label", false)?.unwrap_or_default(),
            },
            _ => Annotation::Range {
                axis: text("axis", false)?,
                from: pos("from")?,
                to: pos("to")?,
                label: text("label", false)?.unwrap_or_default(),
            },
        });
    }
    Ok(out)
}

/// Most annotations on one chart.
const MAX_ANNOTATIONS: usize = 20;

/// The Vega-Lite channel drawing the spec's `x` or `y` column for this kind.
pub(super) fn channel(kind: Mark, axis: &str) -> &'static str {
    let across = matches!(kind, Mark::Bar | Mark::StackedBar | Mark::GroupedBar | Mark::Dumbbell | Mark::Arrow);
    match (axis, across) {
        ("x", false) | ("y", true) => "x",
        _ => "y",
    }
}

/// Whether the spec's `x` column is drawn on a numeric (continuous) axis.
fn numeric_x(kind: Mark) -> bool {
    matches!(kind, Mark::Scatter | Mark::Bubble | Mark::Histogram)
}

/// Checks the annotations: known axes and statistics, texts, and a kind with axes.
pub fn check(spec: &Spec, _: &Frame) -> Result<(), Error> {
    if spec.annotations.is_empty() {
        return Ok(());
    }
    let path = |i: usize, k: &str| format!("spec.annotations[{i}].{k}");
    if matches!(spec.kind, Mark::Pie | Mark::Donut | Mark::Waffle) {
        return Err(Error::Invalid {
            path: "spec.annotations".into(),
            message: format!("a {} chart has no axes to pin notes to: write them in `notes`", spec.kind.name()),
        });
    }
    if spec.annotations.len() > MAX_ANNOTATIONS {
        return Err(Error::Invalid {
            path: "spec.annotations".into(),
            message: format!("more than {MAX_ANNOTATIONS}"),
        });
    }
    for (i, a) in read(&spec.annotations)?.iter().enumerate() {
        let (axis, text) = match a {
            Annotation::Note { text, .. } => (None, text),
            Annotation::Line { axis, label, .. } | Annotation::Range { axis, label, .. } => (axis.as_deref(), label),
        };
        crate::data::check_text(|| path(i, if matches!(a, Annotation::Note { .. }) { "text" } else { "label" }), text)?;
        if let Some(ax) = axis {
            if ax != "x" && ax != "y" {
                return Err(Error::Invalid {
                    path: path(i, "axis"),
                    message: format!("\"{ax}\" is not \"x\" or \"y\""),
                });
            }
        }
        match a {
            Annotation::Note { text, .. } if text.trim().is_empty() => {
                return Err(Error::Invalid { path: path(i, "text"), message: "is empty".into() })
            }
            Annotation::Line { value: Pos::Text(t), axis, .. }
                if axis.as_deref() == Some("x") || !matches!(t.as_str(), "mean" | "median") =>
            {
                return Err(Error::Invalid {
                    path: path(i, "value"),
                    message: format!("\"{t}\" is not a number, \"mean\" or \"median\" of the y values"),
                });
            }
            Annotation::Range { axis, from, to, .. } if axis.as_deref() != Some("x") || numeric_x(spec.kind) => {
                for (k, p) in [("from", from), ("to", to)] {
                    if let Pos::Text(t) = p {
                        if t.parse::<f64>().is_err() {
                            return Err(Error::Invalid {
                                path: path(i, k),
                                message: format!("\"{t}\" is not a number"),
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The values shown on the value axis (aggregated when the kind aggregates), for statistics.
fn shown(cx: &Ctx) -> Vec<f64> {
    match cx.series {
        Some(sr) if matches!(cx.spec.kind, Mark::StackedBar | Mark::StackedColumn | Mark::StackedArea) => {
            (0..sr.categories.len()).filter_map(|c| sr.total(c)).collect()
        }
        Some(sr) => sr.values.iter().flatten().flatten().copied().collect(),
        None => {
            let Some(i) = cx.frame.column(&cx.spec.y) else { return Vec::new() };
            cx.frame
                .rows
                .iter()
                .filter_map(|r| if let crate::frame::Cell::Num(v) = r[i] { Some(v) } else { None })
                .collect()
        }
    }
}

/// A line's value and label, the statistic computed from the values shown.
pub(super) fn line_value(cx: &Ctx, value: &Pos, label: &str) -> Option<(f64, String)> {
    let (v, name) = match value {
        Pos::Num(n) => (*n, None),
        Pos::Text(t) if t == "mean" || t == "median" => {
            let mut vals = shown(cx);
            if vals.is_empty() {
                return None;
            }
            let v = if t == "mean" {
                vals.iter().sum::<f64>() / vals.len() as f64
            } else {
                crate::order::sort_by(&mut vals, |a, b| a.total_cmp(b));
                let n = vals.len();
                if n % 2 == 1 {
                    vals[n / 2]
                } else {
                    (vals[n / 2 - 1] + vals[n / 2]) / 2.0
                }
            };
            (v, Some(if t == "mean" { "Mean" } else { "Median" }))
        }
        Pos::Text(t) => (t.parse().ok()?, None),
    };
    let label = match (label.is_empty(), name) {
        (false, _) => label.to_string(),
        (true, Some(n)) => format!("{n}: {}", num(v, 2)),
        (true, None) => num(v, 2),
    };
    Some((v, label))
}

fn num_of(p: &Pos) -> Option<f64> {
    match p {
        Pos::Num(n) => Some(*n),
        Pos::Text(t) => t.parse().ok(),
    }
}

/// How many layers [`add`] puts under the kind's own (the value-axis ranges).
pub fn layers_below(cx: &Ctx) -> usize {
    read(&cx.spec.annotations)
        .unwrap_or_default()
        .iter()
        .filter(|a| match a {
            Annotation::Range { axis, from, to, .. } => {
                (axis.as_deref() != Some("x") || numeric_x(cx.spec.kind))
                    && num_of(from).is_some()
                    && num_of(to).is_some()
            }
            _ => false,
        })
        .count()
}

/// Adds the grammar layers of the value-axis lines and ranges (turning a single view into a
/// layer first): they are drawn under nothing else and stretch the axis to reach them.
pub fn add(cx: &Ctx, body: &mut View) -> Result<(), Error> {
    let mut layers = Vec::new();
    for a in &read(&cx.spec.annotations)? {
        match a {
            Annotation::Line { axis, value, label } => {
                let ch = channel(cx.spec.kind, axis.as_deref().unwrap_or("y"));
                let Some((v, _)) = line_value(cx, value, label) else { continue };
                layers.push(obj(vec![
                    ("data", values(vec![vec![("reference", Json::Num(v))]])),
                    (
                        "mark",
                        obj(vec![
                            ("type", s("rule")),
                            ("strokeDash", Json::Arr(vec![Json::Num(5.0), Json::Num(4.0)])),
                            ("color", s("#6b6b6b")),
                            ("strokeWidth", Json::Num(1.5)),
                        ]),
                    ),
                    (
                        "encoding",
                        obj(vec![
                            (
                                ch,
                                obj(vec![
                                    ("field", s("reference")),
                                    ("type", s("quantitative")),
                                    ("title", s(&cx.spec.y)),
                                ]),
                            ),
                            ("tooltip", Json::Null),
                        ]),
                    ),
                ]));
            }
            Annotation::Range { axis, from, to, .. } => {
                let ax = axis.as_deref().unwrap_or("y");
                if ax == "x" && !numeric_x(cx.spec.kind) {
                    continue; // categories: shaded by `place`
                }
                let ch = channel(cx.spec.kind, ax);
                let (Some(a), Some(b)) = (num_of(from), num_of(to)) else { continue };
                let ch2 = if ch == "x" { "x2" } else { "y2" };
                let title = if ax == "x" { &cx.spec.x } else { &cx.spec.y };
                layers.push(obj(vec![
                    ("data", values(vec![vec![("from", Json::Num(a.min(b))), ("to", Json::Num(a.max(b)))]])),
                    ("mark", obj(vec![("type", s("rect")), ("color", s("#8a8a8a")), ("opacity", Json::Num(0.16))])),
                    (
                        "encoding",
                        obj(vec![
                            (ch, obj(vec![("field", s("from")), ("type", s("quantitative")), ("title", s(title))])),
                            (ch2, obj(vec![("field", s("to"))])),
                            ("tooltip", Json::Null),
                        ]),
                    ),
                ]));
            }
            Annotation::Note { .. } => {}
        }
    }
    if layers.is_empty() {
        return Ok(());
    }
    let take = |body: &mut View, k: &str| body.iter().position(|(n, _)| n == k).map(|i| body.remove(i).1);
    let mut first = match take(body, "layer") {
        Some(Json::Arr(l)) => l,
        _ => {
            let mut unit = Vec::new();
            // The kind's own data and transforms go with its marks: the annotation layers
            // bring their own data.
            for k in ["data", "transform", "mark", "encoding"] {
                if let Some(v) = take(body, k) {
                    unit.push((k.to_string(), v));
                }
            }
            vec![Json::Obj(unit)]
        }
    };
    // Ranges go under the marks; lines over them.
    let (ranges, lines): (Vec<Json>, Vec<Json>) = layers
        .into_iter()
        .partition(|l| matches!(l.get("mark").and_then(|m| m.get("type")), Some(Json::Str(t)) if t == "rect"));
    let mut all = ranges;
    all.append(&mut first);
    all.extend(lines);
    body.push(("layer".into(), Json::Arr(all)));
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::shorthand::tests::{chart_of, laid, try_chart};

    #[test]
    fn annotations_are_read_with_their_paths() {
        let j = |t: &str| Json::parse(t).unwrap();
        let e = read(&[j(r#"{"type": "arrow"}"#)]).unwrap_err().to_string();
        assert!(e.contains("`spec.annotations[0].type`"), "{e}");
        let e = read(&[j(r#"{"type": "note", "x": 1, "text": "t", "colour": 2}"#)]).unwrap_err().to_string();
        assert!(e.contains("`spec.annotations[0].colour`"), "{e}");
        let e = read(&[j(r#"{"type": "line", "value": 1}"#), j(r#"{"type": "range", "from": 1}"#)])
            .unwrap_err()
            .to_string();
        assert!(e.contains("`spec.annotations[1].to`: missing"), "{e}");
        let e = try_chart(
            "k,v\na,1\n",
            r#"{"kind": "pie", "x": "k", "y": "v", "annotations": [{"type": "line", "value": 1}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("`spec.annotations`"), "{e}");
        let e = try_chart(
            "k,v\na,1\n",
            r#"{"kind": "column", "x": "k", "y": "v", "annotations": [{"type": "line", "value": "avg"}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("`spec.annotations[0].value`"), "{e}");
    }

    #[test]
    fn a_mean_line_is_computed_and_labelled() {
        // Mean of 2, 4 and 9 = 5.
        let c = chart_of(
            "k,v\na,2\nb,4\nc,9\n",
            r#"{"kind": "column", "x": "k", "y": "v", "annotations": [{"type": "line", "value": "mean"}]}"#,
        );
        let l = laid(&c, 640.0);
        assert!(l.labels.iter().any(|l| l.text == "Mean: 5"), "{:?}", l.labels);
        let dashed = l.shapes.iter().filter(|s| !s.dash.is_empty()).count();
        assert_eq!(dashed, 1, "one dashed reference line");
    }

    #[test]
    fn notes_never_overlap_and_move_under_the_chart_when_nothing_is_clear() {
        let spec = r#"{"kind": "column", "x": "k", "y": "v", "annotations": [
            {"type": "note", "x": "a", "text": "The first note, which is long enough to wrap over lines"},
            {"type": "note", "x": "b", "text": "A second note"},
            {"type": "note", "x": "c", "text": "A third note near the others"}]}"#;
        let c = chart_of("k,v\na,5\nb,6\nc,5.5\n", spec);
        for w in [320.0, 640.0, 1280.0] {
            let l = laid(&c, w);
            assert!(l.overlapping_labels().is_empty(), "{w}: {:?}", l.overlapping_labels());
            assert!(l.clipped_labels().is_empty(), "{w}");
            let def = crate::chart::ChartDef::Custom(std::rc::Rc::new(c.clone()));
            let credits = def.credits(crate::data::Lang::En).join(" | ");
            // Each note is on the chart at this width or written under it.
            for t in ["first note", "second note", "third note"] {
                let on_chart = l.labels.iter().any(|l| l.text.to_lowercase().contains(&t[..5]));
                assert!(on_chart || credits.contains(t), "{w}: {t} is nowhere: {credits}");
            }
        }
    }
}
