//! The tick mark: a short line across the continuous axis at each value (a strip plot),
//! `thickness` px wide and as long as the other axis's band (or 14 px).

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::layout::{Geom, Hit};

/// Draws the unit's ticks.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    // Vertical ticks mark x values (spread along a y band); horizontal ticks mark y values.
    let vertical = ctx.def(Channel::X).is_some_and(|d| !d.ty.is_discrete())
        || ctx.def(Channel::Y).is_none_or(|d| d.ty.is_discrete());
    let thickness = ctx.prop("thickness").unwrap_or(1.0).max(0.5);
    out.layout.across = vertical;
    for row in ctx.rows() {
        let (x, y) = (ctx.pos(Channel::X, row), ctx.pos(Channel::Y, row));
        let seg = if vertical {
            let Some(x) = x else {
                *out.dropped += 1;
                continue;
            };
            let bw = ctx.band(Channel::Y);
            let len = ctx.number(Channel::Size, row, "size").unwrap_or(if bw > 0.0 { bw * 0.75 } else { 14.0 });
            let cy = y.map(|y| y + bw / 2.0).unwrap_or(ctx.plot.y + ctx.plot.h / 2.0);
            vec![(x, cy - len / 2.0), (x, cy + len / 2.0)]
        } else {
            let Some(y) = y else {
                *out.dropped += 1;
                continue;
            };
            let bw = ctx.band(Channel::X);
            let len = ctx.number(Channel::Size, row, "size").unwrap_or(if bw > 0.0 { bw * 0.75 } else { 14.0 });
            let cx = x.map(|x| x + bw / 2.0).unwrap_or(ctx.plot.x + ctx.plot.w / 2.0);
            vec![(cx - len / 2.0, y), (cx + len / 2.0, y)]
        };
        let (_, stroke) = ctx.paints(row, false);
        let hit = Hit::Segments { points: seg.clone(), tol: 4.0 };
        ctx.emit(out, filled(Geom::Line(seg), None, stroke, thickness, Vec::new()), Some(hit), row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Geom;

    #[test]
    fn ticks_are_vertical_at_their_x_and_span_three_quarters_of_the_band() {
        let c = test_layout(
            r#"{"data": {"values": [{"v": 0, "g": "a"}, {"v": 10, "g": "a"}, {"v": 5, "g": "b"}]}, "mark": "tick",
            "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "g", "type": "nominal"}}}"#,
        );
        let lines: Vec<&Vec<(f64, f64)>> =
            c.layout.shapes.iter().filter_map(|s| if let Geom::Line(p) = &s.geom { Some(p) } else { None }).collect();
        assert_eq!(lines.len(), 3);
        for l in &lines {
            assert_eq!(l[0].0, l[1].0, "vertical");
        }
        let plot = c.layout.plot;
        assert!(
            (lines[0][0].0 - plot.x).abs() < 1e-9 && (lines[1][0].0 - plot.right()).abs() < 1e-9,
            "0 and 10 at the plot's ends"
        );
    }
}
