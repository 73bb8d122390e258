//! A row's headers beside the panels ([`HeaderStyle`]'s side methods): the band they take left
//! of the y axes, each row's label (turned a quarter to read upwards, or level and set against
//! the panels), the row field's title beside them, and a grid's column title centred over
//! its columns. Read from the spec in `header.rs`; placed by the facet grid (`facet/edges.rs`).

use super::header::{limited, HeaderStyle};
use crate::layout::{fit_text, measure, Anchor, Label};
use crate::theme::Theme;

impl HeaderStyle {
    /// Width of the band a row's labels take left of the panels, its padding included: a
    /// turned label's line, or the widest level one of `texts` (within `labelLimit` and `max`).
    pub fn side_band(&self, texts: &[String], max: f64) -> f64 {
        let s = &self.label;
        if self.angle != 0.0 {
            return s.size + 4.0 + s.padding;
        }
        let w = texts.iter().map(|t| measure(t, s.size, s.bold)).fold(0.0, f64::max);
        limited(w.min(max), s.limit).ceil() + s.padding
    }

    /// Width of the band a row's title takes left of its labels (its padding included).
    pub fn side_title_band(&self) -> f64 {
        self.title.size + 4.0 + self.title.padding
    }

    /// A row's label in the band that ends at `right` (`band` wide), beside the row's plots
    /// `[y0, y0 + h]`: turned, placed along them by `labelAlign`; level, centred on them and
    /// set against the panels.
    pub fn side_label(&self, text: &str, right: f64, band: f64, y0: f64, h: f64, theme: &Theme) -> Label {
        let s = &self.label;
        let color = s.color.unwrap_or(theme.text);
        let l = if self.angle != 0.0 {
            let t = fit_text(text, s.size, s.bold, limited(h, s.limit));
            // Read upwards (-90) a label starts at the bottom; downwards (90) at the top.
            let (start, end) = if self.angle < 0.0 { (y0 + h, y0) } else { (y0, y0 + h) };
            let y = match self.align {
                Anchor::Start => start,
                Anchor::Middle => y0 + h / 2.0,
                Anchor::End => end,
            };
            Label::new(t, right - s.padding - s.size / 2.0 - 2.0, y, s.size, color, self.align).rotated(self.angle)
        } else {
            let t = fit_text(text, s.size, s.bold, (band - s.padding).max(1.0));
            Label::new(t, right - s.padding, y0 + h / 2.0, s.size, color, Anchor::End)
        };
        if s.bold {
            l.bold()
        } else {
            l
        }
    }

    /// A row's title in the band that starts at `left`, read upwards, centred on `[y0, y0 + h]`.
    pub fn side_title(&self, text: &str, left: f64, y0: f64, h: f64, theme: &Theme) -> Label {
        let s = &self.title;
        let t = fit_text(text, s.size, s.bold, limited(h, s.limit));
        // Read upwards: the start is the bottom of the rows.
        let anchor = self.title_anchor.unwrap_or(Anchor::Middle);
        let y = match anchor {
            Anchor::Start => y0 + h,
            Anchor::Middle => y0 + h / 2.0,
            Anchor::End => y0,
        };
        let l =
            Label::new(t, left + 2.0 + s.size / 2.0, y, s.size, s.color.unwrap_or(theme.muted), anchor).rotated(-90.0);
        if s.bold {
            l.bold()
        } else {
            l
        }
    }

    /// The title over `[x, x + w]`, centred unless `titleAnchor` says otherwise, in the band
    /// that starts at `top` (a grid's column title, over the columns it heads).
    pub fn title_over(&self, text: &str, x: f64, w: f64, top: f64, theme: &Theme) -> Label {
        let centred = HeaderStyle { title_anchor: Some(self.title_anchor.unwrap_or(Anchor::Middle)), ..*self };
        centred.title_at(text, x, w, top, theme)
    }
}
