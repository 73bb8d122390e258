//! The text mark: the `text` channel's value (formatted as its definition says) at (x, y),
//! with `align`, `baseline`, `dx`, `dy`, `angle` (quarter turns), `fontSize` and `size`; with
//! `theta`, around the plot's centre at the middle of its slice ([`super::arc::polar_at`]).

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::guide::format::format_value;
use crate::grammar::mark::common::{Ctx, Out};
use crate::grammar::mark::line::point_at;
use crate::grammar::{words, Json};
use crate::layout::{Anchor, Label};

/// Draws the unit's texts.
pub fn draw(ctx: &Ctx, out: &mut Out) -> Result<(), Error> {
    let anchor = match ctx.prop_text("align").as_deref() {
        Some("left") => Anchor::Start,
        Some("right") => Anchor::End,
        _ => Anchor::Middle,
    };
    let dx = ctx.prop("dx").unwrap_or(0.0);
    let dy = ctx.prop("dy").unwrap_or(0.0);
    let angle = ctx.prop("angle").unwrap_or(0.0).rem_euclid(360.0);
    let angle = if angle == 90.0 {
        90.0
    } else if angle == 270.0 {
        -90.0
    } else {
        0.0
    };
    let bold = matches!(ctx.unit.mark.get("fontWeight"), Some(Json::Str(s)) if s == "bold")
        || matches!(ctx.unit.mark.get("fontWeight"), Some(Json::Num(n)) if *n >= 600.0);
    for row in ctx.rows() {
        let at = match crate::grammar::mark::arc::polar_at(ctx, row) {
            Some(polar) => polar,
            None => point_at(ctx, row),
        };
        let Some((x, y)) = at else {
            *out.dropped += 1;
            continue;
        };
        let text = match ctx.def(Channel::Text) {
            Some(d) => {
                let d = ctx.applying(d, row);
                match (&d.value, d.column()) {
                    (Some(Json::Str(s)), None) => s.clone(),
                    (Some(v), None) => v.to_text(),
                    (_, Some(col)) => {
                        let v = ctx.cell(row, &col);
                        if v.is_missing() {
                            words::not_reported(ctx.loc).to_string()
                        } else {
                            format_value(d, &v, ctx.loc)
                        }
                    }
                    _ => String::new(),
                }
            }
            None => ctx.prop_text("text").unwrap_or_default(),
        };
        if text.is_empty() {
            // Nothing to draw, but a mark all the same (Vega draws an empty text item).
            *out.count += 1;
            continue;
        }
        let size = ctx.number(Channel::Size, row, "fontSize").unwrap_or(11.0).clamp(4.0, 80.0);
        let baseline_shift = match ctx.prop_text("baseline").as_deref() {
            Some("top") => size * 0.6,
            Some("bottom") | Some("alphabetic") | Some("line-bottom") => -size * 0.5,
            _ => 0.0,
        };
        // Text is in the text colour unless a colour is encoded or given (Vega-Lite's default
        // text fill is black, not the first category colour).
        let coloured = ctx.color(Channel::Color, row).is_some() || ctx.color(Channel::Fill, row).is_some();
        let (fill, _) = ctx.paints(row, true);
        let color = if coloured { fill.map(|p| p.color).unwrap_or(ctx.theme.text) } else { ctx.theme.text };
        let mut lab = Label::new(text, x + dx, y + dy + baseline_shift, size, color, anchor);
        if bold {
            lab = lab.bold();
        }
        let lab = lab.rotated(angle);
        let bbox = lab.bbox();
        out.layout.labels.push(lab);
        ctx.item(out, bbox, None, row);
        *out.count += 1;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;
    use crate::layout::Anchor;

    #[test]
    fn texts_write_formatted_values_and_say_not_reported() {
        let c = test_layout(
            r#"{"data": {"values": [{"k": "a", "v": 1234.5}, {"k": "b", "v": null}]}, "mark": {"type": "text", "align": "left"},
            "encoding": {"y": {"field": "k", "type": "nominal"}, "text": {"field": "v", "type": "quantitative", "format": ",.1f"}}}"#,
        );
        let texts: Vec<&str> = c.layout.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"1,234.5"), "{texts:?}");
        assert!(texts.contains(&"not reported"), "{texts:?}");
        assert!(c.layout.labels.iter().any(|l| l.text == "1,234.5" && l.anchor == Anchor::Start));
    }

    #[test]
    fn labels_with_tooltip_null_are_no_keyboard_stops() {
        let spec = |tooltip: &str| {
            format!(
                r#"{{"data": {{"values": [{{"k": "a", "v": 3}}, {{"k": "b", "v": 5}}]}}, "layer": [
                {{"mark": "bar", "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}}}}},
                {{"mark": {{"type": "text", "dy": -8}}, "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}},
                  "text": {{"field": "v", "type": "quantitative"}}{tooltip}}}}}]}}"#
            )
        };
        let silent = test_layout(&spec(r#", "tooltip": null"#));
        assert_eq!(silent.layout.items.len(), 2, "only the bars are stops");
        assert_eq!(silent.records.len(), 4, "every mark is still recorded");
        assert_eq!(silent.item_records, [0, 1], "the stops point at the bars' records");
        let loud = test_layout(&spec(""));
        assert_eq!(loud.layout.items.len(), 4);
    }
}
