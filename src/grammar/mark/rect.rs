//! The rect mark: a rectangle per row, from band cells (heatmaps) or from x..x2 and y..y2.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::layout::{Geom, Rect};

/// One axis's extent for a row: band cell, binned range, or c..c2.
fn span(ctx: &Ctx, c: Channel, c2: Channel, row: &[crate::grammar::Value], lo: f64, hi: f64) -> Option<(f64, f64)> {
    if ctx.def(c).is_none() {
        return Some((lo, hi));
    }
    let a = ctx.pos(c, row)?;
    if ctx.def(c2).is_some() {
        let b = ctx.pos(c2, row)?;
        return Some((a.min(b), a.max(b)));
    }
    if let Some(end) = ctx.def(c).and_then(|d| d.bin_end()) {
        let origin = if c == Channel::X { ctx.plot.x } else { ctx.plot.y };
        let b = origin + ctx.scales.get(c)?.scale.map(&ctx.cell(row, &end))?;
        return Some((a.min(b), a.max(b)));
    }
    let bw = ctx.band(c);
    if bw > 0.0 {
        return Some((a, a + bw));
    }
    Some((a - 2.5, a + 2.5))
}

/// Draws the unit's rectangles.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let p = ctx.plot;
    let radius = ctx.prop("cornerRadius").unwrap_or(0.0).max(0.0);
    for row in ctx.rows() {
        let xs = span(ctx, Channel::X, Channel::X2, row, p.x, p.right());
        let ys = span(ctx, Channel::Y, Channel::Y2, row, p.y, p.bottom());
        let (Some((x0, x1)), Some((y0, y1))) = (xs, ys) else {
            *out.dropped += 1;
            continue;
        };
        let (fill, stroke) = ctx.paints(row, true);
        let width = ctx.number(Channel::StrokeWidth, row, "strokeWidth").unwrap_or(1.0);
        let missing = ctx.colour_missing(row);
        // A cell whose value is not reported: a dashed outline inset by a pixel, so it reads as
        // "no value" and stays inside its own cell.
        let r = if missing {
            Rect::new(x0 + 1.0, y0 + 1.0, (x1 - x0 - 2.0).max(0.0), (y1 - y0 - 2.0).max(0.0))
        } else {
            Rect::new(x0, y0, x1 - x0, y1 - y0)
        };
        let dash = if missing { vec![3.0, 3.0] } else { Vec::new() };
        ctx.emit(out, filled(Geom::Rect { rect: r, radius }, fill, stroke, width, dash), None, row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Geom;

    #[test]
    fn heatmap_cells_fill_their_bands_and_missing_values_are_outlines() {
        let c = test_layout(
            r#"{"data": {"values": [{"x": "a", "y": "p", "v": 1}, {"x": "b", "y": "p", "v": 5}, {"x": "a", "y": "q", "v": null}]}, "mark": "rect",
            "encoding": {"x": {"field": "x", "type": "nominal"}, "y": {"field": "y", "type": "nominal"}, "color": {"field": "v", "type": "quantitative"}}}"#,
        );
        let plot = c.layout.plot;
        let inside = |r: &crate::layout::Rect| {
            r.x >= plot.x - 1.0
                && r.right() <= plot.right() + 1.0
                && r.y >= plot.y - 1.0
                && r.bottom() <= plot.bottom() + 1.0
        };
        // (The colour legend's gradient is drawn with rects too, outside the plot.)
        let cells: Vec<_> = c
            .layout
            .shapes
            .iter()
            .filter_map(|s| if let Geom::Rect { rect, .. } = s.geom { Some((rect, s)) } else { None })
            .filter(|(r, _)| inside(r))
            .collect();
        assert_eq!(cells.len(), 3);
        assert!((cells[0].0.w - plot.w / 2.0).abs() < 1e-9, "two columns, no padding for rects");
        assert!(cells[2].1.fill.is_none() && !cells[2].1.dash.is_empty(), "the cell not reported is a dashed outline");
        assert_ne!(cells[0].1.fill.unwrap().color, cells[1].1.fill.unwrap().color);
    }
}
