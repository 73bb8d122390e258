//! The point, circle and square marks: a symbol per row at (x, y), its area from `size`
//! (30 px² by default, as Vega-Lite), its shape from `shape` (circle, square, cross, diamond,
//! triangles). Points are outlined unless `filled`; circles and squares are filled.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::grammar::mark::line::point_at;
use crate::grammar::mark::MarkType;
use crate::layout::{Geom, Hit};

/// Vega's symbol shapes, in the order a shape scale hands them out.
pub const SHAPES: [&str; 8] =
    ["circle", "square", "cross", "diamond", "triangle-up", "triangle-down", "triangle-right", "triangle-left"];

/// The outline of symbol `i` (an index into [`SHAPES`]) of `area` px² centred on `(x, y)`.
pub fn symbol(i: usize, x: f64, y: f64, area: f64) -> Vec<(f64, f64)> {
    let r = (area.max(1.0)).sqrt() / 2.0;
    let tri = |a0: f64| -> Vec<(f64, f64)> {
        let rr = r * 1.2;
        (0..3)
            .map(|k| {
                let a = (a0 + 120.0 * k as f64).to_radians();
                (x + rr * a.sin(), y - rr * a.cos())
            })
            .collect()
    };
    match SHAPES[i % SHAPES.len()] {
        "square" => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
        "cross" => {
            let t = r / 2.5;
            vec![
                (x - t, y - r),
                (x + t, y - r),
                (x + t, y - t),
                (x + r, y - t),
                (x + r, y + t),
                (x + t, y + t),
                (x + t, y + r),
                (x - t, y + r),
                (x - t, y + t),
                (x - r, y + t),
                (x - r, y - t),
                (x - t, y - t),
            ]
        }
        "diamond" => vec![(x, y - r * 1.3), (x + r, y), (x, y + r * 1.3), (x - r, y)],
        "triangle-up" => tri(0.0),
        "triangle-down" => tri(180.0),
        "triangle-right" => tri(90.0),
        "triangle-left" => tri(270.0),
        _ => (0..24)
            .map(|k| {
                let a = k as f64 / 24.0 * std::f64::consts::TAU;
                let rc = (area.max(1.0) / std::f64::consts::PI).sqrt();
                (x + rc * a.cos(), y + rc * a.sin())
            })
            .collect(),
    }
}

/// Draws the unit's points.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let ty = ctx.unit.mark.ty;
    let default_fill = ty != MarkType::Point;
    let fill_it = ctx.unit.mark.flag("filled").ok().flatten().unwrap_or(default_fill);
    let fixed = match ty {
        MarkType::Square => Some(1),
        MarkType::Circle => Some(0),
        _ => ctx.prop_text("shape").and_then(|s| SHAPES.iter().position(|n| *n == s)),
    };
    out.layout.across = true;
    for row in ctx.rows() {
        let Some((x, y)) = point_at(ctx, row) else {
            *out.dropped += 1;
            continue;
        };
        let area = ctx.number(Channel::Size, row, "size").unwrap_or(30.0).max(0.0);
        let shape = ctx.index(Channel::Shape, row).or(fixed).unwrap_or(0);
        let (fill, stroke) = ctx.paints(row, fill_it);
        let width = ctx.number(Channel::StrokeWidth, row, "strokeWidth").unwrap_or(if fill_it { 0.0 } else { 1.5 });
        let geom = if shape == 0 {
            Geom::Circle { x, y, r: (area / std::f64::consts::PI).sqrt() }
        } else {
            Geom::Polygon(symbol(shape, x, y, area))
        };
        let r = (area / std::f64::consts::PI).sqrt();
        ctx.emit(out, filled(geom, fill, stroke, width, ctx.dash(row)), Some(Hit::Circle { x, y, r }), row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::mark::test_layout;

    #[test]
    fn point_areas_follow_size_and_shapes_follow_the_shape_scale() {
        let c = test_layout(
            r#"{"data": {"values": [{"x": 1, "y": 1, "n": 100, "g": "p"}, {"x": 2, "y": 2, "n": 400, "g": "q"}]}, "mark": "point",
            "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}, "shape": {"field": "g", "type": "nominal"},
            "size": {"field": "n", "type": "quantitative", "scale": {"range": [0, 400]}}}}"#,
        );
        let s = &c.layout.shapes;
        assert!(matches!(s[0].geom, Geom::Circle { .. }), "the first shape value is a circle");
        assert!(matches!(s[1].geom, Geom::Polygon(ref p) if p.len() == 4), "the second is a square");
        // Size is an area: 100 of a [0, 400] domain on a [0, 400] range gives 100 px².
        if let Geom::Circle { r, .. } = s[0].geom {
            assert!((std::f64::consts::PI * r * r - 100.0).abs() < 1e-6, "area {}", std::f64::consts::PI * r * r);
        }
        assert!(s[0].fill.is_none() && s[0].stroke.is_some(), "points are outlined unless filled");
        assert_eq!(symbol(3, 0.0, 0.0, 64.0).len(), 4, "a diamond has four corners");
    }
}
