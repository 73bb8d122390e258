//! `slope`: two columns of values, one per value of the `color` column (two years, two
//! groups), each x value a line from its first value to its second, labelled at both ends
//! ("Chemicals 8" on the left, "12 Chemicals" on the right). Labels never collide: after layout,
//! [`dodge`] spreads each column's labels apart (at least a line apart, in value order, inside
//! the plot) and shortens those that would run past the chart's edge.

use super::dumbbell::{check, pairs};
use super::{field, highlight, members, obj, s, values, Ctx, Kind, View};
use crate::error::Error;
use crate::format::num;
use crate::grammar::Json;
use crate::layout::{Anchor, Label, Layout, Rect};
use crate::spec::Mark;

/// The slope kind.
pub const KIND: Kind = Kind { marks: &[Mark::Slope], check, view };

/// A panel's width in small multiples: narrower, the panels wrap to fewer columns.
pub const PANEL_WIDTH: f64 = 260.0;

/// The layers holding the left and the right labels.
pub const LABEL_LAYERS: [usize; 2] = [2, 3];

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let p = pairs(cx)?;
    let end = spec.color.clone().unwrap_or_default();
    let mut long = Vec::new();
    let mut labels = [Vec::new(), Vec::new()];
    for (name, v) in &p.rows {
        for i in 0..2 {
            long.push(vec![
                (spec.x.as_str(), s(name)),
                (end.as_str(), s(&p.ends[i])),
                (spec.y.as_str(), v[i].map(Json::Num).unwrap_or(Json::Null)),
            ]);
            if let Some(val) = v[i] {
                let text = if i == 0 { format!("{name} {}", num(val, 2)) } else { format!("{} {name}", num(val, 2)) };
                labels[i].push(vec![
                    (spec.x.as_str(), s(name)),
                    (end.as_str(), s(&p.ends[i])),
                    (spec.y.as_str(), Json::Num(val)),
                    ("label", s(&text)),
                ]);
            }
        }
    }
    let orient = if spec.facet.is_some() { "bottom" } else { "top" };
    let x = obj(vec![
        ("field", field(&end)),
        ("type", s("ordinal")),
        ("sort", Json::Arr(p.ends.iter().map(|e| s(e)).collect())),
        ("scale", obj(vec![("type", s("point")), ("padding", Json::Num(1.1))])),
        // Above the plot, where the eye starts; under it for small multiples, whose panels carry
        // their headers above.
        ("axis", obj(vec![("orient", s(orient)), ("title", Json::Null), ("grid", Json::Bool(false))])),
    ]);
    let y =
        obj(vec![("field", field(&spec.y)), ("type", s("quantitative")), ("title", s(&spec.y)), ("axis", Json::Null)]);
    let few = p.rows.len() <= crate::series::MAX_GROUPS;
    let mut enc = vec![("x", x.clone()), ("y", y.clone()), ("detail", obj(vec![("field", field(&spec.x))]))];
    if few {
        enc.push((
            "color",
            obj(vec![("field", field(&spec.x)), ("type", s("nominal")), ("legend", Json::Null), ("sort", Json::Null)]),
        ));
    }
    if let Some(o) = highlight(spec, &[spec.x.as_str()]) {
        enc.push(("opacity", o));
    }
    let label = |i: usize, rows: Vec<Vec<(&str, Json)>>| {
        let (align, dx) = if i == 0 { ("right", -9.0) } else { ("left", 9.0) };
        obj(vec![
            ("data", values(rows)),
            ("mark", obj(vec![("type", s("text")), ("align", s(align)), ("dx", Json::Num(dx))])),
            (
                "encoding",
                obj(vec![
                    ("x", x.clone()),
                    ("y", y.clone()),
                    ("text", obj(vec![("field", s("label"))])),
                    ("tooltip", Json::Null),
                ]),
            ),
        ])
    };
    let [left, right] = labels;
    let mut view = members(vec![
        ("data", values(long)),
        (
            "layer",
            Json::Arr(vec![
                obj(vec![
                    ("mark", obj(vec![("type", s("line")), ("strokeWidth", Json::Num(2.0))])),
                    ("encoding", obj(enc.clone())),
                ]),
                obj(vec![
                    ("mark", obj(vec![("type", s("circle")), ("size", Json::Num(50.0)), ("opacity", Json::Num(1.0))])),
                    ("encoding", obj(enc)),
                ]),
                label(0, left),
                label(1, right),
            ]),
        ),
    ]);
    if spec.facet.is_some() {
        // Small multiples: a panel has room for its labels on both sides, or the panels wrap.
        view.push(("width".into(), Json::Num(PANEL_WIDTH)));
    }
    Ok(view)
}

/// Spreads the labels at `idx` apart vertically: in their order by height, each at least
/// `gap` below the one above, the whole column kept inside `top..bottom` and as near as it can
/// be to where each label wants to be (a least-squares shift of each run that had to move).
pub fn spread(wanted: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    let n = wanted.len();
    let order = crate::order::indices(n, &mut |a, b| wanted[a].total_cmp(&wanted[b]));
    // Runs of labels that touch, each a gap apart and placed where the sum of squared moves is
    // least: its start is the mean of (wanted position - its index in the run x gap).
    let mut runs: Vec<(f64, usize)> = Vec::new(); // (sum of wanted - index x gap, count)
    for &i in &order {
        runs.push((wanted[i], 1));
        while runs.len() > 1 {
            let (sb, nb) = runs[runs.len() - 1];
            let (sa, na) = runs[runs.len() - 2];
            if sa / na as f64 + na as f64 * gap <= sb / nb as f64 {
                break;
            }
            runs.truncate(runs.len() - 2);
            runs.push((sa + sb - (nb * na) as f64 * gap, na + nb));
        }
    }
    let mut pos = Vec::with_capacity(n);
    for (sum, count) in runs {
        for k in 0..count {
            pos.push(sum / count as f64 + k as f64 * gap);
        }
    }
    // Inside the plot: shift the column down from the top, then up from the bottom.
    let mut lo = top;
    for p in pos.iter_mut() {
        *p = p.max(lo);
        lo = *p + gap;
    }
    let mut hi = bottom;
    for p in pos.iter_mut().rev() {
        *p = p.min(hi);
        hi = *p - gap;
    }
    let mut out = vec![0.0; n];
    for (k, &i) in order.iter().enumerate() {
        out[i] = pos[k];
    }
    out
}

/// Places the labels of the slope's two label layers (`ranges` into `layout.labels`): spread
/// apart, and shortened with "…" where they would run past `edges` (left, right: the chart's,
/// or a panel's for small multiples). `plot` is the plot area they drew in.
pub fn dodge(layout: &mut Layout, ranges: &[std::ops::Range<usize>], plot: Rect, edges: (f64, f64)) {
    for r in ranges {
        let labels: &mut [Label] = &mut layout.labels[r.clone()];
        if labels.is_empty() {
            continue;
        }
        let gap = labels.iter().map(|l| l.size).fold(0.0, f64::max) * 1.25;
        // Inside the plot, clear of the axis labels above it.
        let (top, bottom) = (plot.y + gap / 2.0, plot.bottom() - gap / 2.0);
        let wanted: Vec<f64> = labels.iter().map(|l| l.y).collect();
        for (l, y) in labels.iter_mut().zip(spread(&wanted, gap, top, bottom)) {
            l.y = y;
            let room = match l.anchor {
                Anchor::End => l.x - edges.0 - 4.0,
                Anchor::Start => edges.1 - l.x - 4.0,
                Anchor::Middle => edges.1 - edges.0,
            };
            // A left label is "name value": its name is shortened, never its number.
            match (l.anchor, l.text.rsplit_once(' ')) {
                (Anchor::End, Some((name, value))) => {
                    let value = format!(" {value}");
                    let mut probe = l.clone();
                    probe.text = value.clone();
                    let mut head = l.clone();
                    head.text = name.to_string();
                    shorten(&mut head, room - probe.bbox().w);
                    l.text = head.text + &value;
                }
                _ => shorten(l, room),
            }
        }
    }
}

/// Cuts `l`'s text (with "…") until it is at most `room` px wide.
pub fn shorten(l: &mut Label, room: f64) {
    while l.bbox().w > room && l.text.chars().count() > 2 {
        let mut t: Vec<char> = l.text.trim_end_matches('…').chars().collect();
        t.pop();
        l.text = t.into_iter().collect::<String>().trim_end().to_string() + "…";
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn spread_labels_keep_their_order_and_a_line_apart() {
        // Three labels wanting nearly the same place: centred on their mean, a gap apart.
        let p = spread(&[50.0, 51.0, 52.0], 10.0, 0.0, 200.0);
        assert_eq!(p, [41.0, 51.0, 61.0]);
        // Far apart ones stay where they are.
        assert_eq!(spread(&[10.0, 100.0], 10.0, 0.0, 200.0), [10.0, 100.0]);
        // Crowded at the top edge: pushed down inside.
        let p = spread(&[0.0, 1.0, 2.0], 10.0, 5.0, 200.0);
        assert_eq!(p, [5.0, 15.0, 25.0]);
        // Order by wanted height, whatever the input order.
        let p = spread(&[52.0, 50.0], 10.0, 0.0, 200.0);
        assert!(p[0] > p[1] && (p[0] - p[1] - 10.0).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn slope_labels_never_collide_at_any_width() {
        let mut csv = String::from("k,year,v\n");
        for (i, name) in ["Chemicals", "Machinery", "Textiles", "Food", "Metals", "Paper"].iter().enumerate() {
            csv += &format!("{name},2021,{}\n{name},2023,{}\n", 10 + i % 2, 20 + i);
        }
        let c = crate::shorthand::tests::chart_of(&csv, r#"{"kind": "slope", "x": "k", "y": "v", "color": "year"}"#);
        for w in [320.0, 480.0, 1280.0] {
            let l = crate::shorthand::tests::laid(&c, w);
            // Six names at each end, none dropped.
            assert_eq!(l.labels.iter().filter(|l| l.text.contains("Chem") || l.text.contains("Pap")).count(), 4, "{w}");
            let boxes: Vec<_> = l.labels.iter().map(|l| l.bbox()).collect();
            for i in 0..boxes.len() {
                assert!(boxes[i].x >= -0.5 && boxes[i].right() <= w + 0.5, "{w}: {:?} outside", l.labels[i]);
                for j in i + 1..boxes.len() {
                    assert!(!boxes[i].intersects(&boxes[j]), "{w}: {:?} and {:?}", l.labels[i], l.labels[j]);
                }
            }
        }
    }
}
