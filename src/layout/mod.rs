//! The resolved layout: everything a chart needs to be drawn, as plain numbers in CSS pixels
//! (bars, rules, text labels with their boxes, hit-test items with tooltip text). One file per
//! chart kind builds a [`Layout`]; [`crate::draw`] draws it; tests check it directly.

mod geometry;
mod legend;
mod merge;
mod scale;
mod shape;
pub mod xy;

pub use geometry::{fit_text, in_polygon, measure, segment_distance, wrap, Rect};
pub use legend::legend;
pub use scale::{nice_ticks, span_ticks, Ticks};
pub use shape::{Geom, Hit, Paint, Shape};

use crate::theme::Rgb;

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at `x`.
    Start,
    /// Text is centred on `x`.
    Middle,
    /// Text ends at `x`.
    End,
}

/// A text label, with its estimated box.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text (one line).
    pub text: String,
    /// Anchor point x.
    pub x: f64,
    /// Vertical centre of the line.
    pub y: f64,
    /// Font size in CSS px.
    pub size: f64,
    /// Bold weight.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
    /// How `x` anchors the text.
    pub anchor: Anchor,
    /// Rotation in degrees, clockwise, about `(x, y)`: 0, 90 or -90 (plotters draws text at
    /// quarter turns only).
    pub angle: f64,
}

impl Label {
    /// A label centred vertically on `y`.
    pub fn new(text: impl Into<String>, x: f64, y: f64, size: f64, color: Rgb, anchor: Anchor) -> Label {
        Label { text: text.into(), x, y, size, bold: false, color, anchor, angle: 0.0 }
    }

    /// The same label in bold.
    pub fn bold(mut self) -> Label {
        self.bold = true;
        self
    }

    /// The same label turned by `angle` degrees (0, 90 or -90).
    pub fn rotated(mut self, angle: f64) -> Label {
        self.angle = angle;
        self
    }

    /// The estimated box the text covers.
    pub fn bbox(&self) -> Rect {
        let w = measure(&self.text, self.size, self.bold);
        let along = match self.anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -w / 2.0,
            Anchor::End => -w,
        };
        let h = self.size * 1.2;
        if self.angle.abs() > 45.0 {
            // Turned a quarter: the text runs down (90) or up (-90) from its anchor.
            let (y0, y1) = if self.angle > 0.0 {
                (self.y + along, self.y + along + w)
            } else {
                (self.y - along - w, self.y - along)
            };
            return Rect::new(self.x - h / 2.0, y0, h, y1 - y0);
        }
        Rect::new(self.x + along, self.y - self.size * 0.6, w, h)
    }
}

/// A filled rectangle that shows data.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Where it is.
    pub rect: Rect,
    /// Fill colour.
    pub color: Rgb,
}

/// One piece of an item that a keyboard reader can step into: a segment of a stack, a bar of
/// a group, one year of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Index into [`Layout::items`] of the item it belongs to.
    pub item: usize,
    /// The piece's own extent (its focus ring).
    pub rect: Rect,
    /// What this piece alone shows ("4 first in the world").
    pub label: String,
}

/// A straight line (grid line, axis, legend rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Start x.
    pub x1: f64,
    /// Start y.
    pub y1: f64,
    /// End x.
    pub x2: f64,
    /// End y.
    pub y2: f64,
    /// Colour.
    pub color: Rgb,
    /// Width in CSS px.
    pub width: f64,
}

/// A filled decoration that is not data (legend swatch, verdict chip).
#[derive(Debug, Clone, PartialEq)]
pub struct Swatch {
    /// Where it is.
    pub rect: Rect,
    /// Fill colour.
    pub color: Rgb,
}

/// A polyline that shows data (a line chart's series).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Points in order.
    pub points: Vec<(f64, f64)>,
    /// Colour.
    pub color: Rgb,
    /// Width in CSS px.
    pub width: f64,
}

/// A filled circle that shows data.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Radius in CSS px.
    pub r: f64,
    /// Colour.
    pub color: Rgb,
}

/// Something the reader can point at, focus or tap, with what its tooltip says.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The mark's exact area inside `rect` (grammar marks); `None` means `rect` itself.
    pub hit: Option<Hit>,
    /// Hit area.
    pub rect: Rect,
    /// Where the tooltip points (top centre of the mark).
    pub anchor: (f64, f64),
    /// The marks' own extent (focus ring); the hit area may be larger for touch.
    pub mark: Rect,
    /// Tooltip heading.
    pub title: String,
    /// Tooltip lines, exact figures first, source last.
    pub lines: Vec<String>,
}

/// A chart resolved to plain numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Where data marks may go.
    pub plot: Rect,
    /// Background colour.
    pub background: Rgb,
    /// Font family stack (the theme's, or the embedding page's `--ni-font`).
    pub font: String,
    /// Grid lines and axes, drawn first.
    pub rules: Vec<Rule>,
    /// Decorations.
    pub swatches: Vec<Swatch>,
    /// Data marks.
    pub bars: Vec<Bar>,
    /// Data lines.
    pub paths: Vec<Path>,
    /// Data dots.
    pub dots: Vec<Dot>,
    /// Grammar marks, in drawing order (after rules, swatches, bars, paths and dots).
    pub shapes: Vec<Shape>,
    /// Text, drawn last.
    pub labels: Vec<Label>,
    /// Hit-test items, in reading order.
    pub items: Vec<Item>,
    /// Pieces of items, in order within each item (bottom-up in a stack, left to right along a
    /// row, top to bottom in a group).
    pub parts: Vec<Part>,
    /// Items run across (columns, points along x) rather than down (rows): the arrow keys
    /// along that direction step between items, the others between an item's bars.
    pub across: bool,
}

impl Layout {
    /// An empty layout of the given size.
    pub fn new(width: f64, background: Rgb, font: &str) -> Layout {
        Layout {
            width,
            height: 0.0,
            plot: Rect::new(0.0, 0.0, 0.0, 0.0),
            background,
            font: font.to_string(),
            rules: Vec::new(),
            swatches: Vec::new(),
            bars: Vec::new(),
            paths: Vec::new(),
            dots: Vec::new(),
            shapes: Vec::new(),
            labels: Vec::new(),
            items: Vec::new(),
            parts: Vec::new(),
            across: false,
        }
    }

    /// Indices into [`Layout::parts`] of item `i`'s pieces, in order.
    pub fn parts(&self, i: usize) -> Vec<usize> {
        (0..self.parts.len()).filter(|&b| self.parts[b].item == i).collect()
    }

    /// The topmost item under the point `(x, y)`, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.items.iter().rposition(|it| it.rect.contains(x, y) && it.hit.as_ref().is_none_or(|h| h.contains(x, y)))
    }

    /// Pairs of labels whose boxes overlap (should always be empty).
    pub fn overlapping_labels(&self) -> Vec<(usize, usize)> {
        let boxes: Vec<Rect> = self.labels.iter().map(Label::bbox).collect();
        let mut out = Vec::new();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                if boxes[i].intersects(&boxes[j]) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    /// Pairs (label, box) where a label partly covers a bar or an item's part (indices past
    /// the bars are parts): a label is either clear of every bar or written wholly inside one
    /// (should always be empty).
    pub fn labels_over_bars(&self) -> Vec<(usize, usize)> {
        let boxes: Vec<Rect> = self.bars.iter().map(|b| b.rect).chain(self.parts.iter().map(|p| p.rect)).collect();
        let mut out = Vec::new();
        for (i, lab) in self.labels.iter().enumerate() {
            let b = lab.bbox();
            for (j, r) in boxes.iter().enumerate() {
                if b.intersects(r) && !r.encloses(&b) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    /// Labels whose box leaves the layout's bounds (should always be empty).
    pub fn clipped_labels(&self) -> Vec<usize> {
        let frame = Rect::new(0.0, 0.0, self.width, self.height);
        (0..self.labels.len()).filter(|&i| !frame.encloses(&self.labels[i].bbox())).collect()
    }

    /// Bars, dots and line points that leave the plot area (should always be empty).
    pub fn bars_outside_plot(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.bars.len()).filter(|&i| !self.plot.encloses(&self.bars[i].rect)).collect();
        let inside = |x: f64, y: f64| self.plot.encloses(&Rect::new(x, y, 0.0, 0.0));
        out.extend(self.dots.iter().enumerate().filter(|(_, d)| !inside(d.x, d.y)).map(|(i, _)| 10_000 + i));
        for (i, p) in self.paths.iter().enumerate() {
            if p.points.iter().any(|&(x, y)| !inside(x, y)) {
                out.push(20_000 + i);
            }
        }
        out
    }
}

/// Adds value-axis tick labels along a horizontal axis at height `y`, kept inside the frame and
/// thinned so that no two touch: the first is always kept, then each that clears the last kept.
pub fn x_tick_labels(l: &mut Layout, ticks: &[(f64, String)], y: f64, size: f64, color: Rgb) {
    let mut last_right = f64::MIN;
    for (x, text) in ticks {
        let text = &fit_text(text, size, false, l.width - 2.0);
        let half = measure(text, size, false) / 2.0;
        let x = x.max(half + 1.0).min(l.width - half - 1.0);
        if x - half < last_right + 6.0 {
            continue;
        }
        last_right = x + half;
        l.labels.push(Label::new(text.clone(), x, y, size, color, Anchor::Middle));
    }
}

/// Checks shared by every chart kind's tests: nothing overlaps, nothing is clipped, marks stay
/// inside the plot, every item has a hit area.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn assert_clean(l: &Layout, what: &str) {
    let overlaps = l.overlapping_labels();
    assert!(
        overlaps.is_empty(),
        "{what}: overlapping labels {:?}",
        overlaps
            .iter()
            .map(|&(a, b)| (&l.labels[a].text, l.labels[a].bbox(), &l.labels[b].text, l.labels[b].bbox()))
            .collect::<Vec<_>>()
    );
    let clipped = l.clipped_labels();
    assert!(
        clipped.is_empty(),
        "{what}: clipped labels {:?}",
        clipped.iter().map(|&i| &l.labels[i].text).collect::<Vec<_>>()
    );
    assert!(l.bars_outside_plot().is_empty(), "{what}: bars outside the plot");
    let over = l.labels_over_bars();
    assert!(
        over.is_empty(),
        "{what}: labels over bars {:?}",
        over.iter().map(|&(i, j)| (&l.labels[i].text, j)).collect::<Vec<_>>()
    );
    assert!(l.height > 0.0 && l.width > 0.0);
    for it in &l.items {
        assert!(it.rect.w > 0.0 && it.rect.h > 0.0, "{what}: empty hit area for {}", it.title);
        assert!(!it.lines.is_empty());
    }
}
