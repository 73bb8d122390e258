//! SVG export: renders a chart's [`Layout`] to SVG text with plotters' SVG backend, for snapshot
//! tests, pre-rendered fallbacks and the reader's "Download image" (SVG) action.

use plotters::prelude::*;
use plotters_svg::SVGBackend;

use crate::draw::{draw, SVG_FONT_FACTOR};
use crate::error::Error;
use crate::layout::Layout;

/// The layout as an SVG document, at 1 SVG unit per CSS px.
pub fn svg(layout: &Layout) -> Result<String, Error> {
    let mut out = String::new();
    {
        let size = (layout.width.round() as u32, layout.height.round() as u32);
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area, layout, 1.0, SVG_FONT_FACTOR)?;
    }
    Ok(out)
}
