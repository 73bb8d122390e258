//! Draws a resolved [`Layout`] on any plotters backend with plotters' primitive elements. The
//! browser passes a canvas backend, tests and static export an SVG backend; this code never
//! builds one. `scale` maps CSS px to backend pixels (the device pixel ratio on a canvas).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::Error;
use crate::layout::{Anchor, Geom, Layout, Paint, Shape};
use crate::theme::Rgb;

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn err<E: std::fmt::Debug>(e: E) -> Error {
    Error::Draw(format!("{e:?}"))
}

/// plotters' SVG backend writes `font-size` as the style's size divided by 1.24 (its point to
/// pixel factor); the canvas backend writes it unchanged. Pass this as `font_factor` for SVG.
pub const SVG_FONT_FACTOR: f64 = 1.24;

/// Draws `layout` onto `area`, scaled by `scale` (device pixels per CSS px); text sizes are
/// multiplied by `font_factor` to undo a backend's own unit conversion (1.0 for a canvas).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    scale: f64,
    font_factor: f64,
) -> Result<(), Error> {
    let px = |v: f64| (v * scale).round() as i32;
    area.fill(&color(layout.background)).map_err(err)?;
    for r in &layout.rules {
        let style = ShapeStyle {
            color: color(r.color).to_rgba(),
            filled: false,
            stroke_width: (r.width * scale).round().max(1.0) as u32,
        };
        area.draw(&PathElement::new(vec![(px(r.x1), px(r.y1)), (px(r.x2), px(r.y2))], style)).map_err(err)?;
    }
    for s in &layout.swatches {
        let rect = [(px(s.rect.x), px(s.rect.y)), (px(s.rect.right()), px(s.rect.bottom()))];
        area.draw(&Rectangle::new(rect, color(s.color).filled())).map_err(err)?;
    }
    for b in &layout.bars {
        let rect = [(px(b.rect.x), px(b.rect.y)), (px(b.rect.right()), px(b.rect.bottom()))];
        area.draw(&Rectangle::new(rect, color(b.color).filled())).map_err(err)?;
    }
    for p in &layout.paths {
        let style = ShapeStyle {
            color: color(p.color).to_rgba(),
            filled: false,
            stroke_width: (p.width * scale).round().max(1.0) as u32,
        };
        let pts: Vec<(i32, i32)> = p.points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        area.draw(&PathElement::new(pts, style)).map_err(err)?;
    }
    for d in &layout.dots {
        let r = (d.r * scale).round().max(1.0) as i32;
        area.draw(&Circle::new((px(d.x), px(d.y)), r, color(d.color).filled())).map_err(err)?;
    }
    for sh in &layout.shapes {
        shape(area, sh, scale)?;
    }
    for l in &layout.labels {
        let h = match l.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let weight = if l.bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = FontDesc::new(FontFamily::Name(&layout.font), l.size * scale * font_factor, weight);
        let fill = color(l.color);
        let mut style = TextStyle::from(font).color(&fill).pos(Pos::new(h, VPos::Center));
        if l.angle > 45.0 {
            style = style.transform(FontTransform::Rotate90);
        } else if l.angle < -45.0 {
            style = style.transform(FontTransform::Rotate270);
        }
        // Control characters cannot appear in SVG (XML) text; show them as U+FFFD.
        let text: String = l.text.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
        area.draw(&Text::new(text.as_str(), (px(l.x), px(l.y)), style)).map_err(err)?;
    }
    area.present().map_err(err)
}

fn rgba(p: Paint) -> RGBAColor {
    RGBAColor(p.color.0, p.color.1, p.color.2, p.opacity.clamp(0.0, 1.0))
}

/// Splits a polyline into its dashes (`on`, `off`, ... lengths in CSS px, repeated).
fn dashes(points: &[(f64, f64)], pattern: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let total: f64 = pattern.iter().sum();
    if pattern.is_empty() || total <= 0.0 || pattern.iter().any(|d| !d.is_finite() || *d < 0.0) {
        return vec![points.to_vec()];
    }
    let mut out = Vec::new();
    let (mut k, mut left, mut on) = (0usize, pattern[0], true);
    let mut cur: Vec<(f64, f64)> = points.first().map(|p| vec![*p]).unwrap_or_default();
    for w in points.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut len = (b.0 - a.0).hypot(b.1 - a.1);
        while len > left {
            let t = left / len;
            let m = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if on {
                cur.push(m);
                out.push(std::mem::take(&mut cur));
            } else {
                cur = vec![m];
            }
            len -= left;
            a = m;
            k = (k + 1) % pattern.len();
            left = pattern[k];
            on = !on;
            if out.len() > 100_000 {
                return out;
            }
        }
        left -= len;
        if on {
            cur.push(b);
        }
    }
    if on && cur.len() > 1 {
        out.push(cur);
    }
    out
}

/// A rounded rectangle as a polygon (quarter circles of 6 segments).
fn rounded(r: &crate::layout::Rect, radius: f64) -> Vec<(f64, f64)> {
    let rad = radius.min(r.w / 2.0).min(r.h / 2.0).max(0.0);
    let corners = [
        (r.right() - rad, r.y + rad, -90.0f64),
        (r.right() - rad, r.bottom() - rad, 0.0),
        (r.x + rad, r.bottom() - rad, 90.0),
        (r.x + rad, r.y + rad, 180.0),
    ];
    let mut pts = Vec::with_capacity(28);
    for (cx, cy, start) in corners {
        for i in 0..=6 {
            let a = (start + 15.0 * i as f64).to_radians();
            pts.push((cx + rad * a.cos(), cy + rad * a.sin()));
        }
    }
    pts
}

fn shape<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, sh: &Shape, scale: f64) -> Result<(), Error> {
    let px = |(x, y): (f64, f64)| ((x * scale).round() as i32, (y * scale).round() as i32);
    let stroke = sh.stroke.filter(|p| p.opacity > 0.0 && sh.stroke_width > 0.0).map(|p| ShapeStyle {
        color: rgba(p),
        filled: false,
        stroke_width: (sh.stroke_width * scale).round().max(1.0) as u32,
    });
    let fill =
        sh.fill.filter(|p| p.opacity > 0.0).map(|p| ShapeStyle { color: rgba(p), filled: true, stroke_width: 0 });
    let outline = |pts: Vec<(f64, f64)>, closed: bool| -> Result<(), Error> {
        if let Some(st) = stroke {
            let mut pts = pts;
            if closed {
                if let Some(f) = pts.first().copied() {
                    pts.push(f);
                }
            }
            for run in dashes(&pts, &sh.dash) {
                area.draw(&PathElement::new(run.into_iter().map(px).collect::<Vec<_>>(), st)).map_err(err)?;
            }
        }
        Ok(())
    };
    match &sh.geom {
        Geom::Rect { rect, radius } if *radius > 0.0 => {
            let pts = rounded(rect, *radius);
            if let Some(f) = fill {
                area.draw(&Polygon::new(pts.iter().copied().map(px).collect::<Vec<_>>(), f)).map_err(err)?;
            }
            outline(pts, true)?;
        }
        Geom::Rect { rect, .. } => {
            let corners = [px((rect.x, rect.y)), px((rect.right(), rect.bottom()))];
            if let Some(f) = fill {
                area.draw(&Rectangle::new(corners, f)).map_err(err)?;
            }
            outline(
                vec![(rect.x, rect.y), (rect.right(), rect.y), (rect.right(), rect.bottom()), (rect.x, rect.bottom())],
                true,
            )?;
        }
        Geom::Polygon(pts) => {
            if let Some(f) = fill {
                area.draw(&Polygon::new(pts.iter().copied().map(px).collect::<Vec<_>>(), f)).map_err(err)?;
            }
            outline(pts.clone(), true)?;
        }
        Geom::Line(pts) => outline(pts.clone(), false)?,
        Geom::Circle { x, y, r } => {
            let c = px((*x, *y));
            let rr = (r * scale).round().max(1.0) as i32;
            if let Some(f) = fill {
                area.draw(&Circle::new(c, rr, f)).map_err(err)?;
            }
            if let Some(st) = stroke {
                if sh.dash.is_empty() {
                    area.draw(&Circle::new(c, rr, st)).map_err(err)?;
                } else {
                    let pts: Vec<(f64, f64)> = (0..=48)
                        .map(|i| {
                            let a = i as f64 / 48.0 * std::f64::consts::TAU;
                            (x + r * a.cos(), y + r * a.sin())
                        })
                        .collect();
                    outline(pts, false)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn dashes_split_a_line_into_runs() {
        let runs = dashes(&[(0.0, 0.0), (10.0, 0.0)], &[2.0, 3.0]);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0], vec![(0.0, 0.0), (2.0, 0.0)]);
        assert_eq!(runs[1], vec![(5.0, 0.0), (7.0, 0.0)]);
        assert_eq!(dashes(&[(0.0, 0.0), (1.0, 0.0)], &[]).len(), 1);
    }
}
