//! The arc mark: pie, donut and radial charts. `theta` (stacked: each slice from its start to
//! its end angle, clockwise from 12 o'clock) and `radius` (or the plot's half-size) around the
//! plot's centre; `innerRadius` makes a donut, `padAngle` separates slices.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::layout::{Geom, Hit};

/// The polygon of an annular sector (angles in radians, clockwise from 12 o'clock).
pub fn sector(cx: f64, cy: f64, r0: f64, r1: f64, a0: f64, a1: f64) -> Vec<(f64, f64)> {
    // At most 2 px of arc per edge, so the curve stays round at any size and pixel ratio.
    let steps = ((a1 - a0).abs() * r1.max(1.0) / 2.0).ceil().clamp(2.0, 2000.0) as usize;
    let at = |r: f64, a: f64| (cx + r * a.sin(), cy - r * a.cos());
    let mut pts: Vec<(f64, f64)> = (0..=steps).map(|i| at(r1, a0 + (a1 - a0) * i as f64 / steps as f64)).collect();
    if r0 > 0.0 {
        pts.extend((0..=steps).rev().map(|i| at(r0, a0 + (a1 - a0) * i as f64 / steps as f64)));
    } else {
        pts.push((cx, cy));
    }
    pts
}

/// A row's start and end angles, if it has them.
fn angles(ctx: &Ctx, row: &[crate::grammar::Value]) -> Option<(f64, f64)> {
    let theta_scale = ctx.scales.get(Channel::Theta);
    match (ctx.stack_start(Channel::Theta, row), ctx.pos(Channel::Theta, row)) {
        (Some(s), Some(e)) => Some((s, e)),
        (None, Some(e)) if ctx.def(Channel::Theta2).is_some() => ctx.pos(Channel::Theta2, row).map(|s| (s, e)),
        (None, Some(e)) if theta_scale.is_some_and(|s| !s.ty.is_continuous()) => {
            Some((e, e + ctx.band(Channel::Theta)))
        }
        (None, Some(e)) => Some((0.0, e)),
        (None, None) if ctx.def(Channel::Theta).is_none() => Some((0.0, std::f64::consts::TAU)),
        _ => None,
    }
}

/// Where a non-arc mark with `theta` goes: at the middle angle of its slice (a stacked theta
/// is centred, as Vega-Lite centres stacks for text), at the mark's `radius` (or the `radius`
/// channel's, or half the outer radius) from the plot's centre. `None` when it has no theta.
pub fn polar_at(ctx: &Ctx, row: &[crate::grammar::Value]) -> Option<Option<(f64, f64)>> {
    ctx.def(Channel::Theta)?;
    let p = ctx.plot;
    let (cx, cy) = (p.x + p.w / 2.0, p.y + p.h / 2.0);
    let Some((a0, a1)) = angles(ctx, row) else {
        return Some(None);
    };
    let r = match ctx.def(Channel::Radius) {
        Some(_) => ctx.pos(Channel::Radius, row),
        None => Some(ctx.prop("radius").unwrap_or(p.w.min(p.h) / 4.0)),
    };
    let mid = (a0 + a1) / 2.0;
    Some(r.map(|r| (cx + r * mid.sin(), cy - r * mid.cos())))
}

/// Draws the unit's arcs.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let p = ctx.plot;
    let (cx, cy) = (p.x + p.w / 2.0, p.y + p.h / 2.0);
    let outer_default = p.w.min(p.h) / 2.0;
    let pad = ctx.prop("padAngle").unwrap_or(0.0).max(0.0);
    for row in ctx.rows() {
        let Some((a0, a1)) = angles(ctx, row) else {
            *out.dropped += 1;
            continue;
        };
        let r1 = match ctx.def(Channel::Radius) {
            Some(_) => match ctx.pos(Channel::Radius, row) {
                Some(r) => r,
                None => {
                    *out.dropped += 1;
                    continue;
                }
            },
            None => ctx.prop("outerRadius").or(ctx.prop("radius")).unwrap_or(outer_default),
        }
        .clamp(0.0, outer_default);
        let r0 = ctx.prop("innerRadius").or(ctx.prop("radius2")).unwrap_or(0.0).clamp(0.0, r1);
        let (a0, a1) = (a0.min(a1) + pad / 2.0, a0.max(a1) - pad / 2.0);
        if a1 <= a0 {
            continue;
        }
        let (fill, stroke) = ctx.paints(row, true);
        let width = ctx.number(Channel::StrokeWidth, row, "strokeWidth").unwrap_or(0.0);
        let poly = sector(cx, cy, r0, r1, a0, a1);
        ctx.emit(
            out,
            filled(Geom::Polygon(poly), fill, stroke, width, Vec::new()),
            Some(Hit::Sector { cx, cy, r0, r1, a0, a1 }),
            row,
        );
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::mark::test_layout;
    use crate::layout::Hit;

    #[test]
    fn slices_cover_the_circle_in_proportion() {
        let c = test_layout(
            r#"{"data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 3}]}, "mark": {"type": "arc", "innerRadius": 20},
            "encoding": {"theta": {"field": "v", "type": "quantitative"}, "color": {"field": "k", "type": "nominal"}}}"#,
        );
        let sectors: Vec<(f64, f64, f64)> = c
            .layout
            .items
            .iter()
            .filter_map(|i| match i.hit {
                Some(Hit::Sector { a0, a1, r0, .. }) => Some((a0, a1, r0)),
                _ => None,
            })
            .collect();
        assert_eq!(sectors.len(), 2);
        let tau = std::f64::consts::TAU;
        assert!((sectors[0].1 - sectors[0].0 - tau / 4.0).abs() < 1e-9, "1 of 4 is a quarter turn");
        assert!((sectors[1].1 - tau).abs() < 1e-9, "the slices end at a full turn");
        assert_eq!(sectors[0].2, 20.0, "innerRadius makes a donut");
        let p = sector(0.0, 0.0, 0.0, 10.0, 0.0, tau / 4.0);
        assert_eq!(p.last(), Some(&(0.0, 0.0)), "a pie slice closes at the centre");
    }
}
