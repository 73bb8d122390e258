//! The trail mark: a line whose width follows the `size` channel point by point (Vega-Lite's
//! size range for trails is 1 to 4 px), one filled shape per series (colour, detail; unlike a
//! line, `size` does not split series), broken at missing values like a line. The outline
//! runs along each point's normal (the mean of its neighbouring segments' directions) at half
//! its width, with round ends. Each point is a hit item, as on a line.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::mark::common::{filled, Ctx, Out};
use crate::grammar::mark::line::{point_at, series_by, MAX_ITEMS};
use crate::layout::{Geom, Hit, Paint, Rect};

/// Width where neither `size` nor the mark's `size` says (Vega's default stroke width).
const DEFAULT_WIDTH: f64 = 2.0;

/// Draws the unit's trails.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let horizontal = crate::grammar::scales::orient(ctx.unit) == Some(true)
        && ctx.def(Channel::Y).is_some_and(|d| !d.ty.is_discrete());
    out.layout.across = true;
    let every = ctx.rows().len().div_ceil(MAX_ITEMS).max(1);
    let mut items = 0usize;
    for g in series_by(ctx, horizontal, false) {
        let Some(first) = g.first() else { continue };
        let (fill, _) = ctx.paints(first, true);
        let fill = fill.unwrap_or(Paint { color: ctx.accent, opacity: 1.0 });
        let mut run: Vec<(f64, f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (i, row) in g.iter().enumerate() {
            match point_at(ctx, row) {
                Some((x, y)) => {
                    let w = ctx.number(Channel::Size, row, "size").unwrap_or(DEFAULT_WIDTH).max(0.0);
                    run.push((x, y, w));
                    if i % every == 0 && items < MAX_ITEMS {
                        let r = (w / 2.0).max(4.0);
                        ctx.item(
                            out,
                            Rect::new(x - r, y - r, 2.0 * r, 2.0 * r),
                            Some(Hit::Circle { x, y, r: r.max(8.0) }),
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
            for (geom, _) in outline(r) {
                out.layout.shapes.push(filled(geom, Some(fill), None, 0.0, Vec::new()));
            }
        }
        if !runs.is_empty() {
            *out.count += 1;
        }
    }
    Ok(())
}

/// The shapes of one run of `(x, y, width)` points: the body as a polygon and a disc at each
/// end (one disc for a single point). The second value says which is which (true: body).
pub fn outline(pts: &[(f64, f64, f64)]) -> Vec<(Geom, bool)> {
    let n = pts.len();
    let disc = |p: &(f64, f64, f64)| (Geom::Circle { x: p.0, y: p.1, r: p.2 / 2.0 }, false);
    if n == 1 {
        return vec![disc(&pts[0])];
    }
    let dir = |a: &(f64, f64, f64), b: &(f64, f64, f64)| {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len > 0.0 {
            (dx / len, dy / len)
        } else {
            (0.0, 0.0)
        }
    };
    let mut left = Vec::with_capacity(n);
    let mut right = Vec::with_capacity(n);
    for i in 0..n {
        let before = if i > 0 { dir(&pts[i - 1], &pts[i]) } else { dir(&pts[i], &pts[i + 1]) };
        let after = if i + 1 < n { dir(&pts[i], &pts[i + 1]) } else { before };
        let (mut tx, mut ty) = (before.0 + after.0, before.1 + after.1);
        let len = (tx * tx + ty * ty).sqrt();
        if len > 0.0 {
            tx /= len;
            ty /= len;
        } else {
            (tx, ty) = after;
        }
        let h = pts[i].2 / 2.0;
        let (nx, ny) = (-ty, tx);
        left.push((pts[i].0 + nx * h, pts[i].1 + ny * h));
        right.push((pts[i].0 - nx * h, pts[i].1 - ny * h));
    }
    right.reverse();
    left.extend(right);
    vec![(Geom::Polygon(left), true), disc(&pts[0]), disc(&pts[n - 1])]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::mark::test_layout;

    #[test]
    fn a_horizontal_run_is_as_wide_as_its_sizes() {
        let shapes = outline(&[(0.0, 10.0, 2.0), (10.0, 10.0, 6.0), (20.0, 10.0, 4.0)]);
        let Geom::Polygon(p) = &shapes[0].0 else { panic!("{shapes:?}") };
        // One side at y + w/2 at each point, then the other side back at y - w/2.
        let ys: Vec<f64> = p.iter().map(|q| q.1).collect();
        for (got, want) in ys.iter().zip([11.0, 13.0, 12.0, 8.0, 7.0, 9.0]) {
            assert!((got - want).abs() < 1e-9, "{ys:?}");
        }
        assert_eq!(shapes.len(), 3, "a body and two round ends");
        assert_eq!(outline(&[(1.0, 1.0, 4.0)]), [(Geom::Circle { x: 1.0, y: 1.0, r: 2.0 }, false)]);
    }

    #[test]
    fn one_trail_per_series_whatever_the_sizes() {
        let c = test_layout(
            r#"{"data": {"values": [{"t": 1, "v": 3, "n": 10, "g": "a"}, {"t": 2, "v": 5, "n": 40, "g": "a"},
              {"t": 3, "v": 4, "n": 20, "g": "a"}, {"t": 1, "v": 1, "n": 5, "g": "b"}, {"t": 2, "v": null, "n": 5, "g": "b"}, {"t": 3, "v": 2, "n": 30, "g": "b"}]},
            "mark": "trail", "encoding": {"x": {"field": "t", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"},
            "size": {"field": "n", "type": "quantitative"}, "color": {"field": "g", "type": "nominal"}}}"#,
        );
        assert_eq!(c.counts, [(crate::grammar::mark::MarkType::Trail, 2)]);
        assert_eq!(c.layout.items.len(), 5, "one per drawn point; the null breaks b's trail");
        let size = c.scales.get(Channel::Size).unwrap();
        assert_eq!(size.scale.range_ends(), Some((1.0, 4.0)), "Vega-Lite's size range for trails");
    }
}
