//! The line mark: one polyline per series (colour, stroke dash, size, detail), points ordered
//! by `order` or by x, broken (never bridged) at missing values; `interpolate` linear,
//! monotone, step, step-before, step-after; `point: true` overlays points. Each point is a
//! hit item, so the keyboard steps along the line.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::grammar::Value;
use crate::layout::{Geom, Hit, Paint, Rect};

/// Most points that get a hit item of their own per chart.
pub const MAX_ITEMS: usize = 5000;

/// Rows grouped into series (in first-seen order), each sorted along the line.
pub fn series<'a>(ctx: &Ctx<'a>, horizontal: bool) -> Vec<Vec<&'a [Value]>> {
    series_by(ctx, horizontal, true)
}

/// [`series`], with `size` splitting series or not (a trail's width varies along it).
pub fn series_by<'a>(ctx: &Ctx<'a>, horizontal: bool, size_splits: bool) -> Vec<Vec<&'a [Value]>> {
    let keys: Vec<String> = [
        Channel::Color,
        Channel::Fill,
        Channel::Stroke,
        Channel::StrokeDash,
        Channel::Size,
        Channel::Opacity,
        Channel::Shape,
    ]
    .iter()
    .filter(|c| size_splits || **c != Channel::Size)
    .filter_map(|c| ctx.def(*c))
    .filter(|d| d.aggregate.is_none())
    .filter_map(|d| d.column())
    .chain(ctx.unit.encoding.detail.iter().filter_map(|d| d.column()))
    .collect();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<&[Value]>> = Vec::new();
    for row in ctx.rows() {
        let k: String = keys.iter().map(|c| ctx.cell(row, c).key()).collect::<Vec<_>>().join("\u{1}");
        let g = *index.entry(k).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(row.as_slice());
    }
    let order: Vec<String> = ctx.unit.encoding.order.iter().filter_map(|d| d.column()).collect();
    let along = if horizontal { Channel::Y } else { Channel::X };
    for g in &mut groups {
        if !order.is_empty() {
            crate::order::sort_by(g, |a, b| {
                order
                    .iter()
                    .map(|c| ctx.cell(a, c).cmp_total(&ctx.cell(b, c)))
                    .find(|o| o.is_ne())
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        } else if ctx.scales.get(along).is_some_and(|s| s.ty.is_continuous()) {
            crate::order::sort_by(g, |a, b| {
                let (pa, pb) = (ctx.pos(along, a).unwrap_or(f64::NAN), ctx.pos(along, b).unwrap_or(f64::NAN));
                pa.partial_cmp(&pb).unwrap_or(std::cmp::Ordering::Equal)
            });
        }
    }
    groups
}

/// A point's position (band scales give the band's centre).
pub fn point_at(ctx: &Ctx, row: &[Value]) -> Option<(f64, f64)> {
    let x = ctx.pos(Channel::X, row).map(|x| x + ctx.band(Channel::X) / 2.0);
    let y = ctx.pos(Channel::Y, row).map(|y| y + ctx.band(Channel::Y) / 2.0);
    let x = x.or_else(|| ctx.def(Channel::X).is_none().then(|| ctx.plot.x + ctx.plot.w / 2.0));
    let y = y.or_else(|| ctx.def(Channel::Y).is_none().then(|| ctx.plot.y + ctx.plot.h / 2.0));
    Some((x?, y?))
}

/// The path through `pts` as `interpolate` says.
pub fn interpolate(pts: &[(f64, f64)], how: &str, horizontal: bool) -> Vec<(f64, f64)> {
    if pts.len() < 2 {
        return pts.to_vec();
    }
    match how {
        "step" | "step-after" | "step-before" => {
            let mut out = vec![pts[0]];
            for w in pts.windows(2) {
                let (a, b) = (w[0], w[1]);
                let mid = match (how, horizontal) {
                    ("step", false) => {
                        let m = (a.0 + b.0) / 2.0;
                        out.push((m, a.1));
                        (m, b.1)
                    }
                    ("step", true) => {
                        let m = (a.1 + b.1) / 2.0;
                        out.push((a.0, m));
                        (b.0, m)
                    }
                    ("step-after", false) => (b.0, a.1),
                    ("step-after", true) => (a.0, b.1),
                    (_, false) => (a.0, b.1),
                    (_, true) => (b.0, a.1),
                };
                out.push(mid);
                out.push(b);
            }
            out
        }
        "monotone" => monotone(pts),
        _ => pts.to_vec(),
    }
}

/// Monotone cubic interpolation (Fritsch-Carlson, as d3's curveMonotoneX), sampled.
fn monotone(p: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let n = p.len();
    let d: Vec<f64> =
        p.windows(2).map(|w| if w[1].0 != w[0].0 { (w[1].1 - w[0].1) / (w[1].0 - w[0].0) } else { 0.0 }).collect();
    let sign = |v: f64| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let mut m = vec![0.0; n];
    for i in 1..n - 1 {
        let (h0, h1) = (p[i].0 - p[i - 1].0, p[i + 1].0 - p[i].0);
        let (s0, s1) = (d[i - 1], d[i]);
        let q = if h0 + h1 != 0.0 { (s0 * h1 + s1 * h0) / (h0 + h1) } else { 0.0 };
        m[i] = (sign(s0) + sign(s1)) * s0.abs().min(s1.abs()).min(0.5 * q.abs());
    }
    if n > 2 {
        m[0] = (3.0 * d[0] - m[1]) / 2.0;
        m[n - 1] = (3.0 * d[n - 2] - m[n - 2]) / 2.0;
    } else {
        m[0] = d[0];
        m[n - 1] = d[0];
    }
    let mut out = Vec::with_capacity(n * 8);
    for i in 0..n - 1 {
        let (x0, y0, x1, y1) = (p[i].0, p[i].1, p[i + 1].0, p[i + 1].1);
        let h = x1 - x0;
        for k in 0..8 {
            let t = k as f64 / 8.0;
            let (h00, h10, h01, h11) = (
                2.0 * t.powi(3) - 3.0 * t * t + 1.0,
                t.powi(3) - 2.0 * t * t + t,
                -2.0 * t.powi(3) + 3.0 * t * t,
                t.powi(3) - t * t,
            );
            out.push((x0 + h * t, h00 * y0 + h10 * h * m[i] + h01 * y1 + h11 * h * m[i + 1]));
        }
    }
    out.push(p[n - 1]);
    out
}

/// Draws the unit's lines.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let horizontal = crate::grammar::scales::orient(ctx.unit) == Some(true)
        && ctx.def(Channel::Y).is_some_and(|d| !d.ty.is_discrete());
    let how = ctx.prop_text("interpolate").unwrap_or_else(|| "linear".into());
    let points = ctx.unit.mark.flag("point").ok().flatten().unwrap_or(false);
    out.layout.across = true;
    let mut items = 0usize;
    let total: usize = ctx.rows().len();
    let every = total.div_ceil(MAX_ITEMS).max(1);
    for g in series(ctx, horizontal) {
        let Some(first) = g.first() else { continue };
        let (_, stroke) = ctx.paints(first, false);
        let stroke = stroke.unwrap_or(Paint { color: ctx.accent, opacity: 1.0 });
        let width = ctx
            .number(Channel::StrokeWidth, first, "strokeWidth")
            .or_else(|| ctx.number(Channel::Size, first, ""))
            .unwrap_or(2.0);
        let dash = ctx.dash(first);
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        for (i, row) in g.iter().enumerate() {
            match point_at(ctx, row) {
                Some(pt) => {
                    run.push(pt);
                    if (i % every == 0) && items < MAX_ITEMS {
                        ctx.item(
                            out,
                            Rect::new(pt.0 - 4.0, pt.1 - 4.0, 8.0, 8.0),
                            Some(Hit::Circle { x: pt.0, y: pt.1, r: 8.0 }),
                            row,
                        );
                        items += 1;
                    }
                }
                None => {
                    *out.dropped += 1;
                    if !run.is_empty() {
                        runs.push(std::mem::take(&mut run));
                    }
                }
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        for r in &runs {
            let path = interpolate(r, &how, horizontal);
            if path.len() == 1 {
                out.layout.shapes.push(filled(
                    Geom::Circle { x: path[0].0, y: path[0].1, r: width.max(2.0) },
                    Some(stroke),
                    None,
                    0.0,
                    Vec::new(),
                ));
            } else {
                out.layout.shapes.push(filled(Geom::Line(path), None, Some(stroke), width, dash.clone()));
            }
            if points {
                *out.overlay += r.len();
                for p in r {
                    out.layout.shapes.push(filled(
                        Geom::Circle { x: p.0, y: p.1, r: 3.0 },
                        Some(stroke),
                        None,
                        0.0,
                        Vec::new(),
                    ));
                }
            }
        }
        if !runs.is_empty() {
            *out.count += 1;
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn steps_and_monotone_curves_pass_through_the_points() {
        let p = [(0.0, 0.0), (10.0, 10.0), (20.0, 5.0)];
        assert_eq!(
            interpolate(&p, "step-after", false),
            vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (20.0, 10.0), (20.0, 5.0)]
        );
        let m = interpolate(&p, "monotone", false);
        assert_eq!(m.first(), Some(&(0.0, 0.0)));
        assert_eq!(m.last(), Some(&(20.0, 5.0)));
        assert!(m.contains(&(10.0, 10.0)));
        // Monotone: never above the local maximum between the points.
        assert!(m.iter().all(|&(_, y)| (-1e-9..=10.0 + 1e-9).contains(&y)));
    }
}
