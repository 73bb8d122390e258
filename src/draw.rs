//! Draws a resolved [`Layout`] on any plotters backend with plotters' primitive elements. The
//! browser passes a canvas backend, tests and static export an SVG backend; this code never
//! builds one. `scale` maps CSS px to backend pixels (the device pixel ratio on a canvas).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::Error;
use crate::layout::{Anchor, Layout};
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
    for l in &layout.labels {
        let h = match l.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let weight = if l.bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = FontDesc::new(FontFamily::Name(&layout.font), l.size * scale * font_factor, weight);
        let fill = color(l.color);
        let style = TextStyle::from(font).color(&fill).pos(Pos::new(h, VPos::Center));
        // Control characters cannot appear in SVG (XML) text; show them as U+FFFD.
        let text: String = l.text.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
        area.draw(&Text::new(text.as_str(), (px(l.x), px(l.y)), style)).map_err(err)?;
    }
    area.present().map_err(err)
}
