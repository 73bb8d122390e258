//! What a mark tells the reader besides its pixels: the fields it shows (its tooltip heading
//! and lines, ending with the source), its record for "Get the data", and the hit item that
//! tooltips, taps and keyboard steps use (with the 24 px touch minimum around small marks).

use crate::grammar::encoding::{Channel, FieldDef, FieldType};
use crate::grammar::guide::format::format_value;
use crate::grammar::{words, Value};
use crate::layout::{Hit, Item, Rect, Shape};

use super::common::{bounds, Ctx, Out};

impl<'a> Ctx<'a> {
    /// Channels shown in tooltips and records, in a stable order, with their titles.
    pub fn shown(&self) -> Vec<(Channel, &'a FieldDef)> {
        if let Some(list) = &self.unit.encoding.tooltip {
            if !list.is_empty() {
                return list.iter().map(|d| (Channel::Tooltip, d)).collect();
            }
        }
        let order = [
            Channel::X,
            Channel::X2,
            Channel::Y,
            Channel::Y2,
            Channel::Theta,
            Channel::Radius,
            Channel::Color,
            Channel::Fill,
            Channel::Stroke,
            Channel::Size,
            Channel::Shape,
            Channel::Opacity,
            Channel::Text,
            Channel::StrokeDash,
            Channel::XOffset,
            Channel::YOffset,
        ];
        let mut out: Vec<(Channel, &FieldDef)> = Vec::new();
        for c in order {
            if let Some(d) = self.def(c) {
                if (d.field.is_some() || d.aggregate.is_some()) && !out.iter().any(|(_, o)| o.column() == d.column()) {
                    out.push((c, d));
                }
            }
        }
        out.extend(self.unit.encoding.detail.iter().map(|d| (Channel::Detail, d)));
        out
    }

    /// The record of `row`: each shown field's title and value (stacked measures give the
    /// segment's own value).
    pub fn record(&self, row: &[Value]) -> Vec<(String, Value)> {
        self.shown()
            .into_iter()
            .map(|(_, d)| {
                let col = d.column().unwrap_or_default();
                let mut v = self.cell(row, &col);
                if let Some(end) = d.bin_end() {
                    let e = self.cell(row, &end);
                    if !v.is_missing() && !e.is_missing() {
                        v = Value::str(&format!(
                            "{} – {}",
                            format_value(d, &v, self.loc),
                            format_value(d, &e, self.loc)
                        ));
                    }
                }
                (d.label(), v)
            })
            .collect()
    }

    /// Tooltip heading and lines for `row`.
    pub fn tooltip(&self, row: &[Value]) -> (String, Vec<String>) {
        let shown = self.shown();
        let mut lines = Vec::new();
        let mut title = String::new();
        for (c, d) in &shown {
            let col = d.column().unwrap_or_default();
            let v = self.cell(row, &col);
            let mut text =
                if v.is_missing() { words::not_reported(self.loc).to_string() } else { format_value(d, &v, self.loc) };
            if let Some(end) = d.bin_end() {
                let e = self.cell(row, &end);
                if !e.is_missing() && !v.is_missing() {
                    text = format!("{text} – {}", format_value(d, &e, self.loc));
                }
            }
            if title.is_empty() && (d.ty.is_discrete() || d.ty == FieldType::Temporal) && *c != Channel::Tooltip {
                title = text;
                continue;
            }
            lines.push(words::pair(self.loc, &d.label(), &text));
        }
        if title.is_empty() {
            title = lines.first().cloned().unwrap_or_else(|| self.unit.mark.ty.name().to_string());
            if lines.len() > 1 {
                lines.remove(0);
            }
        }
        if lines.is_empty() {
            lines.push(title.clone());
        }
        lines.extend(self.source.map(str::to_string));
        (title, lines)
    }

    /// Pushes a drawn mark and its hit item, and records the row. `hit` is the exact area
    /// (`None`: the bounding box); small marks get the 24 px touch minimum around them.
    pub fn emit(&self, out: &mut Out, shape: Shape, hit: Option<Hit>, row: &[Value]) {
        let bbox = bounds(&shape.geom);
        out.layout.shapes.push(shape);
        // Past MAX_ITEMS marks, every k-th gets a hit item (tooltips and keyboard steps stay
        // fast); every mark keeps its record for "Get the data".
        let every = self.rows().len().div_ceil(crate::grammar::mark::line::MAX_ITEMS).max(1);
        if every > 1 && *out.count % every != 0 {
            out.records.push(self.record(row));
            return;
        }
        self.item(out, bbox, hit, row);
    }

    /// True for `tooltip: null`: the marks show no tooltip and are no keyboard stop (value
    /// labels written over bars, decorations); their rows are still recorded.
    pub fn silent(&self) -> bool {
        matches!(&self.unit.encoding.tooltip, Some(list) if list.is_empty())
    }

    /// Pushes a hit item for `row` over `bbox` (a mark drawn as part of a larger shape, like
    /// a point of a line), and records the row.
    pub fn item(&self, out: &mut Out, bbox: Rect, hit: Option<Hit>, row: &[Value]) {
        if self.silent() {
            out.records.push(self.record(row));
            return;
        }
        let (title, lines) = self.tooltip(row);
        let small = bbox.w < 24.0 || bbox.h < 24.0;
        let rect = if small {
            let (w, h) = (bbox.w.max(24.0), bbox.h.max(24.0));
            Rect::new(bbox.x + bbox.w / 2.0 - w / 2.0, bbox.y + bbox.h / 2.0 - h / 2.0, w, h)
        } else {
            bbox
        };
        let hit = match hit {
            Some(Hit::Circle { x, y, r }) => Some(Hit::Circle { x, y, r: r.max(12.0) }),
            Some(Hit::Segments { points, tol }) => Some(Hit::Segments { points, tol: tol.max(8.0) }),
            Some(h) if !small => Some(h),
            _ => None,
        };
        out.layout.items.push(Item { hit, rect, anchor: (bbox.x + bbox.w / 2.0, bbox.y), mark: bbox, title, lines });
        out.item_records.push(out.records.len());
        out.records.push(self.record(row));
    }
}
