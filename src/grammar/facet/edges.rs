//! A grid's row headers on its left edge, as Vega-Lite draws a `row` facet: each row's label
//! once beside its panels, turned to read upwards (or level, `labelAngle: 0`), and the row
//! field's title beside them all. The grid (grid.rs) then writes each column's label once,
//! over its top panel, and the column's title centred over the columns. A grid that reflows
//! to fewer columns on a narrow screen has no rows and columns left to head: it writes every
//! panel's values over the panel instead.

use crate::grammar::compile::Chart;
use crate::grammar::facet::cells::field_header;
use crate::grammar::facet::Facet;
use crate::grammar::format::Locale;
use crate::grammar::guide::header::HeaderStyle;
use crate::layout::Layout;
use crate::theme::Theme;

/// The row headers of a grid, planned before its panels are sized.
#[derive(Debug, Clone)]
pub struct Side {
    /// Each grid row's label, by row number (`None`: labels off).
    labels: Vec<Option<String>>,
    /// The row field's title, if it has one.
    title: Option<String>,
    style: HeaderStyle,
    label_w: f64,
    /// Width of the whole band left of the y axes, px.
    pub width: f64,
}

impl Side {
    /// The row headers of facet `f` for a chart `width` px wide, when its rows are headed on
    /// the left (the row's default); `None` for a wrapped facet or rows headed above.
    pub fn plan(chart: &Chart, f: &Facet, width: f64, loc: Locale) -> Option<Side> {
        let row = f.side_rows()?;
        if f.wrap.is_some() {
            return None;
        }
        let rows = chart.panels.iter().map(|p| p.key.row + 1).max().unwrap_or(0);
        let mut labels = vec![None; rows];
        for p in &chart.panels {
            if labels[p.key.row].is_none() {
                labels[p.key.row] = field_header(f, 0, &p.key, loc);
            }
        }
        let texts: Vec<String> = labels.iter().flatten().cloned().collect();
        let label_w = if texts.is_empty() { 0.0 } else { row.style.side_band(&texts, (width * 0.2).max(40.0)) };
        let title = row.title.clone().filter(|t| !t.is_empty());
        let title_w = if title.is_some() { row.style.side_title_band() } else { 0.0 };
        Some(Side { labels, title, style: row.style, label_w, width: label_w + title_w })
    }

    /// Writes each row's label beside its plots (`rows[r]`: the row's plot top and height)
    /// and the title beside them all, in the band that starts at `left`.
    pub fn draw(&self, l: &mut Layout, left: f64, rows: &[(f64, f64)], theme: &Theme) {
        for (r, &(y, h)) in rows.iter().enumerate() {
            if let Some(Some(t)) = self.labels.get(r) {
                l.labels.push(self.style.side_label(t, left + self.width, self.label_w, y, h, theme));
            }
        }
        if let (Some(t), Some(first), Some(last)) = (&self.title, rows.first(), rows.last()) {
            l.labels.push(self.style.side_title(t, left, first.0, last.0 + last.1 - first.0, theme));
        }
    }
}
