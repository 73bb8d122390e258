//! A colour legend: swatch plus text per entry, flowing onto further lines when narrow.

use super::{measure, Anchor, Label, Layout, Rect, Swatch};
use crate::theme::Rgb;

const SWATCH: f64 = 12.0;
const GAP: f64 = 16.0;
const LINE: f64 = 20.0;

/// Adds a legend to `l` starting at `(x, y)`, at most `max_w` wide; returns the y below it.
pub fn legend(l: &mut Layout, entries: &[(Rgb, String)], x: f64, y: f64, max_w: f64, size: f64, text: Rgb) -> f64 {
    let (mut cx, mut cy) = (x, y);
    for (color, name) in entries {
        let w = SWATCH + 6.0 + measure(name, size, false);
        if cx > x && cx + w > x + max_w {
            cx = x;
            cy += LINE;
        }
        l.swatches.push(Swatch { rect: Rect::new(cx, cy + (LINE - SWATCH) / 2.0, SWATCH, SWATCH), color: *color });
        l.labels.push(Label::new(name.clone(), cx + SWATCH + 6.0, cy + LINE / 2.0, size, text, Anchor::Start));
        cx += w + GAP;
    }
    cy + LINE
}
