//! The bar mark: vertical or horizontal bars from a band (or binned, or ranged) category
//! channel and a measure that starts at zero, at a stack's start, or at `x2`/`y2`; grouped with
//! `xOffset`/`yOffset`, rounded with `cornerRadius`.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::grammar::scales::orient;
use crate::layout::{Geom, Rect};

/// Draws the unit's bars.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let horizontal = orient(ctx.unit) == Some(true);
    let (cat, cat2, off, meas, meas2) = if horizontal {
        (Channel::Y, Channel::Y2, Channel::YOffset, Channel::X, Channel::X2)
    } else {
        (Channel::X, Channel::X2, Channel::XOffset, Channel::Y, Channel::Y2)
    };
    let spacing = ctx.prop("binSpacing").unwrap_or(1.0).max(0.0);
    let radius = ctx.prop("cornerRadius").unwrap_or(0.0).max(0.0);
    out.layout.across = !horizontal;
    let extent = |lo: f64, hi: f64| {
        if horizontal {
            (ctx.plot.y, ctx.plot.bottom(), lo, hi)
        } else {
            (ctx.plot.x, ctx.plot.right(), lo, hi)
        }
    };
    for row in ctx.rows() {
        let size = ctx.number(Channel::Size, row, "size");
        let band = ctx.band(cat);
        let cat_def = ctx.def(cat);
        let unit_end = cat_def
            .filter(|d| d.time_unit.is_some())
            .and_then(|d| d.column())
            .map(|c| format!("{c}_end"))
            .filter(|c| ctx.flowed.table.col(c).is_some());
        let binned_end = cat_def.and_then(|d| d.bin_end()).or(unit_end);
        let across = if let Some(end) = binned_end.as_ref().filter(|_| cat_def.is_some_and(|d| d.aggregate.is_none())) {
            let s = ctx.pos(cat, row);
            let origin = if horizontal { ctx.plot.y } else { ctx.plot.x };
            let e = ctx.scales.get(cat).and_then(|r| r.scale.map(&ctx.cell(row, end))).map(|v| origin + v);
            match (s, e) {
                (Some(a), Some(b)) => {
                    let (a, b) = (a.min(b), a.max(b));
                    Some((a + spacing.min((b - a) / 2.0), b))
                }
                _ => None,
            }
        } else if ctx.def(cat2).is_some() {
            match (ctx.pos(cat, row), ctx.pos(cat2, row)) {
                (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
                _ => None,
            }
        } else if band > 0.0 {
            ctx.pos(cat, row).map(|p| {
                let (mut a, mut w) = (p, band);
                if ctx.def(off).is_some() {
                    if let Some(o) = ctx.pos(off, row) {
                        a += o;
                        w = ctx.band(off);
                    }
                }
                if let Some(s) = size {
                    a += (w - s) / 2.0;
                    w = s;
                }
                (a, a + w)
            })
        } else if ctx.def(cat).is_some() {
            let w = size.unwrap_or(5.0);
            ctx.pos(cat, row).map(|c| (c - w / 2.0, c + w / 2.0))
        } else {
            let (lo, hi, _, _) = extent(0.0, 0.0);
            let w = size.unwrap_or(hi - lo);
            Some(((lo + hi) / 2.0 - w / 2.0, (lo + hi) / 2.0 + w / 2.0))
        };
        let along = if let Some(s) = ctx.stack_start(meas, row) {
            ctx.pos(meas, row).map(|e| (s, e))
        } else if ctx.def(meas2).is_some() {
            match (ctx.pos(meas, row), ctx.pos(meas2, row)) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            }
        } else {
            match (ctx.pos(meas, row), ctx.baseline(meas)) {
                (Some(v), Some(z)) => Some((z, v)),
                _ => None,
            }
        };
        let (Some((a0, a1)), Some((m0, m1))) = (across, along) else {
            *out.dropped += 1;
            continue;
        };
        let (m0, m1) = (m0.min(m1), m0.max(m1));
        let rect = if horizontal { Rect::new(m0, a0, m1 - m0, a1 - a0) } else { Rect::new(a0, m0, a1 - a0, m1 - m0) };
        let clip = ctx.plot;
        let x = rect.x.max(clip.x);
        let y = rect.y.max(clip.y);
        let rect = Rect::new(
            x,
            y,
            (rect.right().min(clip.right()) - x).max(0.0),
            (rect.bottom().min(clip.bottom()) - y).max(0.0),
        );
        let (fill, stroke) = ctx.paints(row, ctx.unit.mark.flag("filled").ok().flatten().unwrap_or(true));
        let width = ctx.number(Channel::StrokeWidth, row, "strokeWidth").unwrap_or(1.0);
        ctx.emit(out, filled(Geom::Rect { rect, radius }, fill, stroke, width, ctx.dash(row)), None, row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Geom;

    #[test]
    fn bars_rise_from_zero_in_proportion_and_negative_ones_hang_below() {
        let c = test_layout(
            r#"{"data": {"values": [{"k": "a", "v": 10}, {"k": "b", "v": 30}, {"k": "c", "v": -10}]}, "mark": "bar",
            "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#,
        );
        let rects: Vec<_> = c
            .layout
            .shapes
            .iter()
            .filter_map(|s| if let Geom::Rect { rect, .. } = s.geom { Some(rect) } else { None })
            .collect();
        assert_eq!(rects.len(), 3);
        let zero = rects[0].bottom();
        assert!((rects[1].bottom() - zero).abs() < 1e-9, "a and b share the zero baseline");
        assert!((rects[1].h / rects[0].h - 3.0).abs() < 1e-9, "30 is three times 10");
        assert!((rects[2].y - zero).abs() < 1e-9 && (rects[2].h - rects[0].h).abs() < 1e-9, "-10 hangs below zero");
        // Band padding 0.1 inner: bars are 90 % of their step.
        let step = rects[1].x - rects[0].x;
        assert!((rects[0].w / step - 0.9).abs() < 1e-9);
    }

    #[test]
    fn grouped_bars_divide_their_band_and_horizontal_ones_run_top_down() {
        let rects = |spec: &str| -> Vec<crate::layout::Rect> {
            let c = test_layout(spec);
            let plot = c.layout.plot;
            c.layout
                .shapes
                .iter()
                .filter_map(|s| match s.geom {
                    Geom::Rect { rect, .. } if plot.encloses(&rect) => Some(rect),
                    _ => None,
                })
                .collect()
        };
        let data = r#""data": {"values": [{"k": "a", "g": "p", "v": 1}, {"k": "a", "g": "q", "v": 2}, {"k": "b", "g": "p", "v": 3}]}"#;
        let r = rects(&format!(
            r#"{{{data}, "mark": "bar", "encoding": {{"x": {{"field": "k", "type": "nominal"}},
            "xOffset": {{"field": "g", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}}}}}"#
        ));
        assert_eq!(r.len(), 3);
        // x: 2 bands with the padding 0.2 Vega-Lite gives a scale with an offset (band = 0.8
        // step); the offset scale splits one band in 2 with no padding (vega-lite 6.5: range
        // [0, bandwidth('x')]).
        let (step, band) = (r[2].x - r[0].x, r[1].right() - r[0].x);
        let x_band = step * 0.8;
        let off_step = x_band / 2.0;
        assert!((r[0].w - off_step).abs() < 1e-6, "{r:?}");
        assert!((r[1].x - r[0].x - off_step).abs() < 1e-6);
        assert!(band <= x_band + 1e-6, "the group stays inside its band");
        let h = rects(&format!(
            r#"{{{data}, "mark": "bar", "encoding": {{"y": {{"field": "k", "type": "nominal"}},
            "x": {{"field": "v", "type": "quantitative", "aggregate": "sum"}}}}}}"#
        ));
        assert!(h[0].y < h[1].y, "the first category is at the top, as in Vega-Lite");
    }
}
