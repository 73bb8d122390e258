//! The area mark: per series, a band between the line of `y` (or a stack's end) and its
//! baseline (zero, the stack's start, or `y2`); horizontal when x is the measure. Broken at
//! missing values like lines; each point is a hit item.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::grammar::mark::line::{interpolate, series, MAX_ITEMS};
use crate::layout::{Geom, Hit, Paint, Rect};

/// A point of the area's top line and the matching point of its baseline.
type Edge = ((f64, f64), (f64, f64));

/// Draws the unit's areas.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let horizontal = crate::grammar::scales::orient(ctx.unit) == Some(true);
    let (along, meas, meas2) =
        if horizontal { (Channel::Y, Channel::X, Channel::X2) } else { (Channel::X, Channel::Y, Channel::Y2) };
    let how = ctx.prop_text("interpolate").unwrap_or_else(|| "linear".into());
    let opacity = ctx.prop("opacity").unwrap_or(0.7);
    let line_on_top = ctx.unit.mark.flag("line").ok().flatten().unwrap_or(false);
    out.layout.across = !horizontal;
    let mut items = 0usize;
    let every = ctx.rows().len().div_ceil(MAX_ITEMS).max(1);
    for g in series(ctx, horizontal) {
        let Some(first) = g.first() else { continue };
        let (fill, _) = ctx.paints(first, true);
        let mut fill = fill.unwrap_or(Paint { color: ctx.accent, opacity: 1.0 });
        if ctx.def(Channel::Opacity).is_none() && ctx.unit.mark.get("fillOpacity").is_none() {
            fill.opacity = opacity;
        }
        let mut runs: Vec<Vec<Edge>> = vec![Vec::new()];
        for (i, row) in g.iter().enumerate() {
            let a = ctx.pos(along, row).map(|v| v + ctx.band(along) / 2.0);
            let top = ctx.pos(meas, row);
            let base = ctx.stack_start(meas, row).or_else(|| {
                if ctx.def(meas2).is_some() {
                    ctx.pos(meas2, row)
                } else {
                    ctx.baseline(meas)
                }
            });
            match (a, top, base) {
                (Some(a), Some(t), Some(b)) => {
                    let (p, q) = if horizontal { ((t, a), (b, a)) } else { ((a, t), (a, b)) };
                    if let Some(r) = runs.last_mut() {
                        r.push((p, q));
                    }
                    if i % every == 0 && items < MAX_ITEMS {
                        ctx.item(
                            out,
                            Rect::new(p.0 - 4.0, p.1 - 4.0, 8.0, 8.0),
                            Some(Hit::Circle { x: p.0, y: p.1, r: 8.0 }),
                            row,
                        );
                        items += 1;
                    }
                }
                _ => {
                    *out.dropped += 1;
                    runs.push(Vec::new());
                }
            }
        }
        let mut drew = false;
        for r in runs.into_iter().filter(|r| !r.is_empty()) {
            let tops: Vec<(f64, f64)> = interpolate(&r.iter().map(|p| p.0).collect::<Vec<_>>(), &how, horizontal);
            let mut bases: Vec<(f64, f64)> = interpolate(&r.iter().map(|p| p.1).collect::<Vec<_>>(), &how, horizontal);
            bases.reverse();
            let mut poly = tops.clone();
            poly.extend(bases);
            out.layout.shapes.push(filled(Geom::Polygon(poly), Some(fill), None, 0.0, Vec::new()));
            if line_on_top {
                out.layout.shapes.push(filled(
                    Geom::Line(tops),
                    None,
                    Some(Paint { color: fill.color, opacity: 1.0 }),
                    2.0,
                    Vec::new(),
                ));
            }
            drew = true;
        }
        if drew {
            *out.count += 1;
            if line_on_top {
                *out.overlay += 1;
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Geom;

    #[test]
    fn stacked_areas_share_their_boundary() {
        let c = test_layout(
            r#"{"data": {"values": [{"t": 0, "s": "a", "v": 1}, {"t": 1, "s": "a", "v": 2}, {"t": 0, "s": "b", "v": 3}, {"t": 1, "s": "b", "v": 3}]},
            "mark": "area", "encoding": {"x": {"field": "t", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}, "color": {"field": "s", "type": "nominal"}}}"#,
        );
        let polys: Vec<&Vec<(f64, f64)>> = c
            .layout
            .shapes
            .iter()
            .filter_map(|s| if let Geom::Polygon(p) = &s.geom { Some(p) } else { None })
            .collect();
        assert_eq!(polys.len(), 2, "one band per series");
        // Polygon = top line then baseline reversed: series a's top at t=0 is series b's... one
        // band's top line is the other's baseline (stacked, descending by colour: b at the bottom).
        let (a, b) = (polys[0], polys[1]);
        let a_base: Vec<(f64, f64)> = a[2..].iter().rev().copied().collect();
        let b_top: Vec<(f64, f64)> = b[..2].to_vec();
        assert!(
            a_base.iter().zip(&b_top).all(|(p, q)| (p.0 - q.0).abs() < 1e-9 && (p.1 - q.1).abs() < 1e-9),
            "{a_base:?} vs {b_top:?}"
        );
        assert_eq!(c.counts[0].1, 2);
    }
}
