//! The rule mark: a line from (x, y) to (x2, y2); with only `x` a vertical line across the
//! plot, with only `y` a horizontal one (reference lines, whiskers).

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::layout::{Geom, Hit};

/// Draws the unit's rules.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let p = ctx.plot;
    let has = |c: Channel| ctx.def(c).is_some();
    for row in ctx.rows() {
        let bx = ctx.band(Channel::X) / 2.0;
        let by = ctx.band(Channel::Y) / 2.0;
        let x = ctx.pos(Channel::X, row).map(|v| v + bx);
        let y = ctx.pos(Channel::Y, row).map(|v| v + by);
        let x2 = if has(Channel::X2) { ctx.pos(Channel::X2, row).map(|v| v + bx) } else { None };
        let y2 = if has(Channel::Y2) { ctx.pos(Channel::Y2, row).map(|v| v + by) } else { None };
        let seg = match (has(Channel::X), has(Channel::Y)) {
            (true, false) => x.map(|x| vec![(x, p.y), (x2.unwrap_or(x), p.bottom())]),
            (false, true) => y.map(|y| vec![(p.x, y), (p.right(), y2.unwrap_or(y))]),
            (true, true) => match (x, y) {
                (Some(x), Some(y)) if has(Channel::X2) || has(Channel::Y2) => {
                    let (xe, ye) =
                        (if has(Channel::X2) { x2 } else { Some(x) }, if has(Channel::Y2) { y2 } else { Some(y) });
                    match (xe, ye) {
                        (Some(xe), Some(ye)) => Some(vec![(x, y), (xe, ye)]),
                        _ => None,
                    }
                }
                _ => None,
            },
            (false, false) => None,
        };
        let Some(seg) = seg else {
            *out.dropped += 1;
            continue;
        };
        let seg: Vec<(f64, f64)> =
            seg.into_iter().map(|(x, y)| (x.clamp(p.x, p.right()), y.clamp(p.y, p.bottom()))).collect();
        let (_, stroke) = ctx.paints(row, false);
        let width = ctx.number(Channel::StrokeWidth, row, "strokeWidth").unwrap_or(1.0);
        let hit = Hit::Segments { points: seg.clone(), tol: 4.0 + width / 2.0 };
        ctx.emit(out, filled(Geom::Line(seg), None, stroke, width, ctx.dash(row)), Some(hit), row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Geom;

    #[test]
    fn a_rule_with_only_y_crosses_the_plot_at_that_value() {
        let c = test_layout(
            r#"{"data": {"values": [{"v": 2}, {"v": 4}, {"v": 9}]}, "layer": [
            {"mark": "point", "encoding": {"y": {"field": "v", "type": "quantitative"}}},
            {"mark": "rule", "encoding": {"y": {"aggregate": "mean", "field": "v"}}}]}"#,
        );
        let rule = c
            .layout
            .shapes
            .iter()
            .rev()
            .find_map(|s| if let Geom::Line(p) = &s.geom { Some(p.clone()) } else { None })
            .unwrap();
        let plot = c.layout.plot;
        assert_eq!((rule[0].0, rule[1].0), (plot.x, plot.right()));
        // Mean 5 on the domain [0, 9] (zero included; d3's nice with 10 ticks keeps 9).
        let want = plot.bottom() - plot.h * 5.0 / 9.0;
        assert!((rule[0].1 - want).abs() < 1e-9, "{} vs {want}", rule[0].1);
    }
}
