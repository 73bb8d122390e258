//! `pie` and `donut`: one slice per x value, its angle its share of the whole. Slices under
//! `otherBelow` percent (default 2) are merged into one "Other" slice, and so are the smallest
//! beyond six, so a reader never has to tell apart more than seven. The printed shares are whole
//! percentages that always add up to 100 (largest remainders); each slice's tooltip gives its
//! value, its share and, for "Other", what it holds. Slices run clockwise from 12 o'clock,
//! largest first, "Other" last.

use super::{members, obj, s, values, Ctx, Kind, View};
use crate::error::Error;
use crate::frame::Frame;
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// The pie kinds.
pub const KIND: Kind = Kind { marks: &[Mark::Pie, Mark::Donut], check, view };

/// Most slices drawn (the rest are merged into "Other").
pub const MAX_SLICES: usize = 7;
/// Slices under this share (percent) are merged unless the spec says otherwise.
pub const OTHER_BELOW: f64 = 2.0;
/// Slices under this share (percent) are not labelled on the chart (the legend and tooltip are).
const LABEL_BELOW: f64 = 5.0;

fn check(spec: &Spec, _: &Frame) -> Result<(), Error> {
    if spec.color.is_some() {
        return Err(Error::Invalid {
            path: "spec.color".into(),
            message: "a pie's slices are its x values: leave color out (or draw one pie per group with \"facet\")"
                .into(),
        });
    }
    if let Some(t) = spec.other_below {
        if !(0.0..=50.0).contains(&t) {
            return Err(Error::Invalid {
                path: "spec.otherBelow".into(),
                message: format!("{t} is not a percentage from 0 to 50"),
            });
        }
    }
    Ok(())
}

/// A slice: its name, value, the rows' x values it holds, and its printed whole percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    /// The x value, or "Other".
    pub name: String,
    /// The value (the sum of what it holds).
    pub value: f64,
    /// What an "Other" slice holds (empty for the rest).
    pub members: Vec<String>,
    /// The share of the whole as printed: whole percentages adding up to 100.
    pub percent: u32,
}

/// Whole percentages for `values` that add up to exactly 100: each share rounded down, then
/// the points left over go to the largest remainders (ties to the first).
pub fn whole_percents(values: &[f64]) -> Vec<u32> {
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return vec![0; values.len()];
    }
    let exact: Vec<f64> = values.iter().map(|v| v / total * 100.0).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let left = 100 - out.iter().sum::<u32>().min(100);
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b))
    });
    for &i in order.iter().take(left as usize) {
        out[i] += 1;
    }
    out
}

/// The slices of the pie, from the totals per x value (not reported ones refused first).
pub fn slices(names: &[String], totals: &[f64], other_below: f64, other: &str) -> Vec<Slice> {
    let total: f64 = totals.iter().sum();
    let mut order: Vec<usize> = (0..names.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| totals[b].total_cmp(&totals[a]).then(a.cmp(&b)));
    let small = |i: usize| total > 0.0 && totals[i] / total * 100.0 < other_below;
    let mut kept: Vec<usize> = order.iter().copied().filter(|&i| !small(i)).collect();
    let mut merged: Vec<usize> = order.iter().copied().filter(|&i| small(i)).collect();
    if kept.len() > MAX_SLICES || (kept.len() == MAX_SLICES && !merged.is_empty()) {
        merged.splice(0..0, kept.drain(MAX_SLICES - 1..));
    }
    // "Other" holding one slice would hide its name for nothing.
    if merged.len() == 1 {
        kept.push(merged.pop().unwrap_or_default());
    }
    let mut out: Vec<Slice> = kept
        .iter()
        .map(|&i| Slice { name: names[i].clone(), value: totals[i], members: Vec::new(), percent: 0 })
        .collect();
    if !merged.is_empty() {
        out.push(Slice {
            name: other.to_string(),
            value: merged.iter().map(|&i| totals[i]).sum(),
            members: merged.iter().map(|&i| names[i].clone()).collect(),
            percent: 0,
        });
    }
    let p = whole_percents(&out.iter().map(|s| s.value).collect::<Vec<_>>());
    for (s, p) in out.iter_mut().zip(p) {
        s.percent = p;
    }
    out
}

/// A pie's panel (width and height, px) in small multiples; narrower, the panels wrap.
pub const PANEL: f64 = 230.0;

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let Some(sr) = cx.series else { return Err(Error::Invalid { path: "spec".into(), message: "no series".into() }) };
    let mut totals = Vec::new();
    for (c, name) in sr.categories.iter().enumerate() {
        match sr.total(c) {
            Some(v) => totals.push(v),
            None => {
                return Err(Error::Invalid {
                    path: "data".into(),
                    message: format!(
                        "field `{}` of \"{name}\" is not reported: a pie shows parts of a whole, and the whole is not known",
                        spec.y
                    ),
                })
            }
        }
    }
    if totals.iter().sum::<f64>() <= 0.0 {
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!("field `{}` adds up to 0: there is no whole to divide", spec.y),
        });
    }
    let other = if spec.x == "Other" { "Other values" } else { "Other" };
    let list = slices(&sr.categories, &totals, spec.other_below.unwrap_or(OTHER_BELOW), other);
    let share = format!("share of {} (%)", spec.y);
    let rows = list
        .iter()
        .map(|sl| {
            vec![
                (spec.x.as_str(), s(&sl.name)),
                (spec.y.as_str(), Json::Num(sl.value)),
                (share.as_str(), Json::Num(sl.percent as f64)),
                (
                    "label",
                    s(&if (sl.percent as f64) < LABEL_BELOW { String::new() } else { format!("{}%", sl.percent) }),
                ),
                ("holds", s(&sl.members.join(", "))),
            ]
        })
        .collect();
    let names: Vec<Json> = list.iter().map(|sl| s(&sl.name)).collect();
    let color = obj(vec![
        ("field", super::field(&spec.x)),
        ("type", s("nominal")),
        ("title", s(&spec.x)),
        ("scale", obj(vec![("domain", Json::Arr(names))])),
        ("sort", Json::Null),
    ]);
    let mut tooltip = vec![
        obj(vec![("field", super::field(&spec.x)), ("type", s("nominal"))]),
        obj(vec![("field", super::field(&spec.y)), ("type", s("quantitative"))]),
        obj(vec![("field", super::field(&share)), ("type", s("quantitative"))]),
    ];
    if list.iter().any(|sl| !sl.members.is_empty()) {
        tooltip.push(obj(vec![("field", s("holds")), ("type", s("nominal"))]));
    }
    // In small multiples each panel has its own theta scale (Vega-Lite's default in a facet),
    // so each pie is a whole of its own panel's values.
    let theta = obj(vec![("field", super::field(&spec.y)), ("type", s("quantitative")), ("stack", Json::Bool(true))]);
    let donut = spec.kind == Mark::Donut;
    // A panel of small multiples is a fixed square, a little smaller than a single pie.
    let scale = if spec.facet.is_some() { PANEL / 260.0 } else { 1.0 };
    let arc = obj(vec![
        ("type", s("arc")),
        ("innerRadius", Json::Num(if donut { 60.0 * scale } else { 0.0 })),
        ("outerRadius", Json::Num(120.0 * scale)),
        ("stroke", s("#ffffff")),
        ("strokeWidth", Json::Num(1.0)),
    ]);
    let label = obj(vec![
        ("type", s("text")),
        ("radius", Json::Num(if donut { 90.0 } else { 78.0 } * scale)),
        ("fill", s("#ffffff")),
        ("fontWeight", s("bold")),
        ("fontSize", Json::Num(13.0)),
    ]);
    let mut view = members(vec![
        ("data", values(rows)),
        (
            "encoding",
            obj(vec![
                ("theta", theta),
                (
                    "order",
                    obj(vec![("field", super::field(&share)), ("type", s("quantitative")), ("sort", s("descending"))]),
                ),
            ]),
        ),
        (
            "layer",
            Json::Arr(vec![
                obj(vec![("mark", arc), ("encoding", obj(vec![("color", color), ("tooltip", Json::Arr(tooltip))]))]),
                obj(vec![
                    ("mark", label),
                    ("encoding", obj(vec![("text", obj(vec![("field", s("label"))])), ("tooltip", Json::Null)])),
                ]),
            ]),
        ),
    ]);
    if spec.facet.is_some() {
        view.push(("width".into(), Json::Num(PANEL)));
        view.push(("height".into(), Json::Num(PANEL)));
    }
    Ok(view)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn printed_shares_always_make_100() {
        assert_eq!(whole_percents(&[1.0, 1.0, 1.0]), [34, 33, 33]);
        assert_eq!(whole_percents(&[15.0, 38.0]), [28, 72]); // 28.30 and 71.70
        assert_eq!(whole_percents(&[50.0, 50.0]), [50, 50]);
        for n in 1..40 {
            let v: Vec<f64> = (1..=n).map(|i| (i * i % 17 + 1) as f64 * 1.37).collect();
            assert_eq!(whole_percents(&v).iter().sum::<u32>(), 100, "{v:?}");
        }
    }

    #[test]
    fn small_and_extra_slices_merge_into_other() {
        let names: Vec<String> = ["a", "b", "c", "d"].map(String::from).into();
        // c (1 of 100) and d (0.5) are under 2 %: merged; a and b stay.
        let s = slices(&names, &[60.0, 38.5, 1.0, 0.5], 2.0, "Other");
        assert_eq!(s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["a", "b", "Other"]);
        assert_eq!(s[2].members, ["c", "d"]);
        assert_eq!(s[2].value, 1.5);
        assert_eq!(s.iter().map(|s| s.percent).sum::<u32>(), 100);
        // One small slice alone keeps its name.
        let s = slices(&names[..3], &[60.0, 39.0, 1.0], 2.0, "Other");
        assert_eq!(s.last().unwrap().name, "c");
        // Ten equal slices: six kept, four in Other (seven in all).
        let names: Vec<String> = (0..10).map(|i| format!("n{i}")).collect();
        let s = slices(&names, &[1.0; 10], 2.0, "Other");
        assert_eq!(s.len(), MAX_SLICES);
        assert_eq!(s[6].members.len(), 4);
        assert_eq!(s.iter().map(|s| s.percent).collect::<Vec<_>>(), [10, 10, 10, 10, 10, 10, 40]);
    }

    #[test]
    fn a_pie_needs_every_part_and_a_whole() {
        let e =
            crate::shorthand::tests::try_chart("k,v\na,1\nb,\n", r#"{"kind": "pie", "x": "k", "y": "v"}"#).unwrap_err();
        assert!(e.contains("\"b\" is not reported"), "{e}");
        let e = crate::shorthand::tests::try_chart("k,v\na,1\nb,-1\n", r#"{"kind": "pie", "x": "k", "y": "v"}"#)
            .unwrap_err();
        assert!(e.contains("row 2, field `v`: a part of a whole cannot be negative"), "{e}");
    }

    #[test]
    fn slices_are_drawn_largest_first_with_their_shares() {
        let c = crate::shorthand::tests::chart_of("k,v\na,15\nb,38\n", r#"{"kind": "donut", "x": "k", "y": "v"}"#);
        let l = crate::shorthand::tests::laid(&c, 640.0);
        let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"72%") && texts.contains(&"28%"), "{texts:?}");
        // b (72 %) starts at 12 o'clock: its label is right of the centre, a's left of it.
        let at = |t: &str| l.labels.iter().find(|l| l.text == t).unwrap().x;
        let cx = l.plot.x + l.plot.w / 2.0;
        assert!(at("72%") > cx && at("28%") < cx, "{:?}", l.labels);
    }
}
