//! The story's preset charts, written on the grammar engine. Each preset builds the Vega-Lite
//! spec of its chart from the dataset (every number computed here, in Rust, from the
//! dataset's figures), the grammar draws it (scales, axes, legend, marks), and the preset adds
//! what is the story's own: tooltips and announcements in its words, the pieces of each item a
//! keyboard reader steps into, and value labels placed clear of each other and of the bars.
//! The claims check is the story's own layout of text and paired bars ([`claims_check`]).

pub mod by_industry;
pub mod by_year;
pub mod claims_check;

use crate::chart::locale;
use crate::data::Lang;
use crate::error::Error;
use crate::grammar::{Chart, Compiled, Json, Value};
#[cfg(all(test, not(target_arch = "wasm32")))]
use crate::layout::Layout;
use crate::layout::{Item, Rect};
use crate::theme::Theme;

/// The field each preset's data rows carry with their own index, shown as the bars' only
/// tooltip field so that every grammar mark can be traced back to the row it draws.
pub const ROW: &str = "row";

/// Compiles a preset's spec (inline data only) and lays it out at `width`.
pub fn compile(spec: &Json, width: f64, lang: Lang, theme: &Theme) -> Result<Compiled, Error> {
    let chart = Chart::new(spec, &|url| Err(format!("a preset reads no files ({url})")))?;
    chart.layout(width, locale(lang), theme)
}

/// Takes the grammar's hit items out of the layout: for each, the index of the preset row it
/// draws (from its record's [`ROW`] field) and the mark's extent.
pub fn take_marks(c: &mut Compiled) -> Vec<(usize, Rect)> {
    let items: Vec<Item> = c.layout.items.drain(..).collect();
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let record = c.records.get(*c.item_records.get(i)?)?;
            let row = record.iter().find(|(k, _)| k == ROW).and_then(|(_, v)| match v {
                Value::Num(n) if *n >= 0.0 => Some(*n as usize),
                _ => None,
            })?;
            Some((row, it.mark))
        })
        .collect()
}

/// The smallest rectangle holding all of `rects` (`None` for none).
pub fn union(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
    rects.into_iter().reduce(|a, b| {
        let (x, y) = (a.x.min(b.x), a.y.min(b.y));
        Rect::new(x, y, a.right().max(b.right()) - x, a.bottom().max(b.bottom()) - y)
    })
}

/// A layout's tick labels and legend entries are the grammar's; tests of a preset check that
/// the words it adds fit too.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn texts(l: &Layout) -> Vec<&str> {
    l.labels.iter().map(|x| x.text.as_str()).collect()
}

/// How many rectangles the grammar drew inside the plot (bars; legend swatches lie outside).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn bars_drawn(l: &Layout) -> usize {
    l.shapes
        .iter()
        .filter(|s| matches!(s.geom, crate::layout::Geom::Rect { rect, .. } if l.plot.encloses(&rect)))
        .count()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    #[test]
    fn marks_are_traced_back_to_their_rows() {
        let spec = crate::json!({
            "data": {"values": [{"k": "a", "v": 3, "row": 0}, {"k": "b", "v": 5, "row": 1}]},
            "layer": [
                {"mark": "bar", "encoding": {
                    "x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"},
                    "tooltip": [{"field": "row", "type": "quantitative"}]}},
                {"mark": "text", "encoding": {
                    "x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"},
                    "text": {"field": "v", "type": "quantitative"}, "tooltip": null}}
            ]
        });
        let mut c = compile(&spec, 400.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        let marks = take_marks(&mut c);
        assert!(c.layout.items.is_empty());
        assert_eq!(marks.iter().map(|m| m.0).collect::<Vec<_>>(), [0, 1]);
        assert!(marks[1].1.h > marks[0].1.h, "5 is taller than 3");
        assert!(texts(&c.layout).contains(&"5"), "the text layer is drawn");
    }

    #[test]
    fn union_covers_every_rect() {
        let u = union([Rect::new(0.0, 10.0, 5.0, 5.0), Rect::new(3.0, 0.0, 10.0, 2.0)]).unwrap();
        assert_eq!(u, Rect::new(0.0, 0.0, 13.0, 15.0));
        assert_eq!(union([]), None);
    }
}
