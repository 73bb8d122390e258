//! `champions-by-industry`: one row per industry with a bar for the start year and one for the
//! latest reported year. Industries without reported counts are written "not reported" and
//! never drawn as zero; a figure for a year other than the story's end year carries that year.
//! The bars, the value axis and the legend are a Vega-Lite spec ([`spec`]) drawn by the
//! grammar; the story writes the industry names above their bars (whole words, wrapped, at any
//! width), the value labels, the "not reported" rows, its tooltips and the keyboard pieces.

use super::{compile, take_marks, union, ROW};
use crate::data::{Dataset, Lang, Value};
use crate::error::Error;
use crate::format::{num, percent, signed};
use crate::grammar::encoding::Channel;
use crate::grammar::Json;
use crate::layout::{measure, wrap, Anchor, Item, Label, Layout, Part, Rect};
use crate::query::change;
use crate::text;
use crate::theme::Theme;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const SMALL: f64 = 12.0;
const LINE_H: f64 = 16.0;
/// The two bars of a row and the gap between them.
const BLOCK: f64 = 32.0;
const ROW_GAP: f64 = 10.0;

/// One industry's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryRow<'a> {
    /// Industry id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The start-year value entry, if the dataset has one.
    pub start: Option<&'a Value>,
    /// The latest value entry after the start year, if any.
    pub later: Option<&'a Value>,
}

impl IndustryRow<'_> {
    fn reported(&self) -> bool {
        self.start.and_then(|v| v.value).is_some() || self.later.and_then(|v| v.value).is_some()
    }
}

/// All industries, those with any reported figure first, otherwise in dataset order.
pub fn rows(d: &Dataset, lang: Lang) -> Vec<IndustryRow<'_>> {
    let start_year = d.period[0];
    let mut out: Vec<IndustryRow> = d
        .industries
        .iter()
        .map(|c| {
            let of = |v: &&Value| v.industry.as_deref() == Some(c.id.as_str());
            let start = d.values.iter().filter(of).find(|v| v.year == start_year);
            // Latest reported year after the start; else the latest entry at all.
            let after: Vec<&Value> = d.values.iter().filter(of).filter(|v| v.year > start_year).collect();
            let later = after
                .iter()
                .filter(|v| v.value.is_some())
                .max_by_key(|v| v.year)
                .or_else(|| after.iter().max_by_key(|v| v.year))
                .copied();
            IndustryRow { id: &c.id, name: c.name.get(lang), start, later }
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| b.reported().cmp(&a.reported()));
    out
}

/// The drawn bars: (industry row, slot 0 start / 1 later, value entry).
fn drawn<'a>(rows: &[IndustryRow<'a>]) -> Vec<(usize, usize, &'a Value)> {
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        for (slot, e) in [r.start, r.later].into_iter().enumerate() {
            if let Some(e) = e.filter(|e| e.value.is_some()) {
                out.push((i, slot, e));
            }
        }
    }
    out
}

/// Each industry's name, wrapped at whole words to the chart's width.
fn name_lines(rows: &[IndustryRow], width: f64) -> Vec<Vec<String>> {
    rows.iter().map(|r| wrap(r.name, SIZE, false, width - 2.0 * PAD)).collect()
}

/// Row geometry: the step of each row and the fraction of it above the bars (the name's room).
fn bands(lines: &[Vec<String>]) -> (f64, f64) {
    let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    let above = most * LINE_H + ROW_GAP;
    (above + BLOCK, above / (above + BLOCK))
}

/// The chart as a Vega-Lite spec: horizontal bars per industry (every industry keeps its
/// band, drawn or not), one per year of the period, offset within the band.
pub fn spec(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> Json {
    let rows = rows(d, lang);
    let [a, z] = d.period;
    let slots = [text::year(lang, a), text::year(lang, z)];
    let values: Vec<Json> = drawn(&rows)
        .iter()
        .enumerate()
        .map(|(i, (r, slot, e))| {
            crate::json!({"industry": (rows[*r].name), "year": (slots[*slot].as_str()), "count": (e.value), "row": i})
        })
        .collect();
    let (step, inner) = bands(&name_lines(&rows, width));
    let n = rows.len().max(1) as f64;
    let names: Vec<&str> = rows.iter().map(|r| r.name).collect();
    crate::json!({
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        // d3's band scale over n rows of `step`, with the name's room above every band: half
        // the inner padding outside, all of it aligned to the top.
        "height": (step * n),
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "y": {"field": "industry", "type": "nominal", "axis": null,
                  "scale": {"domain": names, "paddingInner": inner, "paddingOuter": (inner / 2.0), "align": 1}},
            "yOffset": {"field": "year", "type": "nominal",
                        "scale": {"domain": (slots.to_vec()), "paddingInner": 0.1, "paddingOuter": 0}},
            "x": {"field": "count", "type": "quantitative",
                  "axis": {"title": null, "grid": false, "tickCount": (if width < 400.0 { 3 } else { 5 })}},
            "color": {"field": "year", "type": "nominal",
                      "scale": {"domain": (slots.to_vec()), "range": [(theme.years[0].hex()), (theme.years[1].hex())]},
                      "legend": {"orient": "top", "title": null}},
            "tooltip": [{"field": ROW, "type": "quantitative"}]
        }
    })
}

/// Lays the chart out at `width` CSS px.
pub fn layout(d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let rows = rows(d, lang);
    let bars = drawn(&rows);
    let end_year = d.period[1];
    let lines_of = name_lines(&rows, width);
    let (step, _) = bands(&lines_of);
    let mut c = compile(&spec(d, lang, width, theme), width, lang, theme)?;
    let marks = take_marks(&mut c);
    let y =
        c.scales.get(Channel::Y).ok_or_else(|| Error::Draw("by-industry: the grammar resolved no y scale".into()))?;
    let off = c.scales.get(Channel::YOffset);
    let band = y.scale.bandwidth();
    let mut l = c.layout;
    let plot = l.plot;
    for (i, r) in rows.iter().enumerate() {
        let top = plot.y + y.scale.map(&crate::grammar::Value::str(r.name)).unwrap_or(0.0);
        // The name sits in the room above its bars, its last line just over them.
        for (k, line) in lines_of[i].iter().rev().enumerate() {
            let ly = top - 6.0 - LINE_H * (k as f64 + 0.5);
            l.labels.push(Label::new(line.clone(), PAD, ly, SIZE, theme.text, Anchor::Start));
        }
        let item = l.items.len();
        let mine: Vec<(usize, usize, Rect)> =
            marks.iter().filter_map(|(b, rect)| bars.get(*b).filter(|x| x.0 == i).map(|x| (x.1, *b, *rect))).collect();
        let mut lines = Vec::new();
        for (slot, entry) in [r.start, r.later].into_iter().enumerate() {
            let year = entry.map(|v| v.year).unwrap_or(d.period[slot]);
            let value = entry.and_then(|v| v.value);
            let line = text::year_value_line(lang, year, value.map(|v| num(v, 1)).as_deref());
            lines.push(line.clone());
            match mine.iter().find(|m| m.0 == slot) {
                Some(&(_, b, rect)) => {
                    l.parts.push(Part { item, rect, label: line });
                    let e = bars[b].2;
                    let v = num(e.value.unwrap_or(0.0), 1);
                    let s = if slot == 1 && e.year != end_year { text::value_with_year(lang, &v, e.year) } else { v };
                    value_label(&mut l, s, rect, theme.years[slot].ink(), theme.text);
                }
                None if r.reported() => {
                    let sub = off.map_or(0.0, |o| {
                        o.scale.map(&crate::grammar::Value::str(&text::year(lang, d.period[slot]))).unwrap_or(0.0)
                            + o.scale.bandwidth() / 2.0
                    });
                    l.labels.push(Label::new(
                        text::not_reported(lang),
                        plot.x + 4.0,
                        top + sub,
                        SMALL,
                        theme.muted,
                        Anchor::Start,
                    ));
                }
                None => {}
            }
        }
        if !r.reported() {
            l.labels.push(Label::new(
                text::not_reported(lang),
                plot.x + 6.0,
                top + band / 2.0,
                SIZE,
                theme.muted,
                Anchor::Start,
            ));
        }
        if let (Some(a), Some(b)) = (r.start.and_then(|v| v.value), r.later.and_then(|v| v.value)) {
            let c = change(a, b);
            let pct = c.percent.map(|p| percent(p, true)).unwrap_or_else(|| "–".into());
            lines.push(text::change_line(lang, &signed(c.absolute, 1), &pct));
        }
        for v in [r.start, r.later].into_iter().flatten() {
            if let Some(n) = &v.note {
                lines.push(n.get(lang).to_string());
            }
        }
        let src = r.later.or(r.start).map(|v| v.source.as_str()).unwrap_or_default();
        lines.push(text::source_line(lang, d, src));
        let row_top = top + band - step;
        let hit = Rect::new(PAD, row_top, width - 2.0 * PAD, step);
        let empty = Rect::new(plot.x, top, measure(text::not_reported(lang), SIZE, false) + 12.0, band);
        let mark = union(mine.iter().map(|m| m.2)).unwrap_or(empty);
        l.items.push(Item {
            hit: None,
            rect: hit,
            anchor: (mark.x + mark.w / 2.0, top),
            mark,
            title: r.name.to_string(),
            lines,
        });
    }
    if rows.iter().any(|r| r.later.is_some_and(|v| v.year != end_year && v.value.is_some())) {
        let mut bottom = l.height;
        for line in wrap(text::other_year_note(lang), SMALL, false, width - 2.0 * PAD) {
            l.labels.push(Label::new(line, PAD, bottom + LINE_H / 2.0, SMALL, theme.muted, Anchor::Start));
            bottom += LINE_H;
        }
        l.height = (bottom + 8.0).ceil();
    }
    Ok(l)
}

/// A bar's value inside its end when it fits there, else just right of it when that stays on
/// the chart; a value with no room at all stays in the tooltip and the table.
fn value_label(l: &mut Layout, s: String, rect: Rect, ink: crate::theme::Rgb, text: crate::theme::Rgb) {
    let w = measure(&s, SIZE, true);
    let cy = rect.y + rect.h / 2.0;
    if rect.right() + 4.0 + w <= l.width - PAD {
        l.labels.push(Label::new(s, rect.right() + 4.0, cy, SIZE, text, Anchor::Start).bold());
    } else if measure(&s, SMALL, true) + 8.0 <= rect.w && rect.h >= SMALL * 1.2 {
        l.labels.push(Label::new(s, rect.right() - 4.0, cy, SMALL, ink, Anchor::End).bold());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::presets::bars_drawn;
    use crate::theme::ThemeName;

    fn at(w: f64) -> Layout {
        layout(&Dataset::binzhou(), w, Lang::En, &Theme::get(ThemeName::Light)).unwrap()
    }

    #[test]
    fn all_eight_industries_reported_ones_first() {
        let d = Dataset::binzhou();
        let r = rows(&d, Lang::En);
        assert_eq!(r.len(), 8);
        assert_eq!(r[0].id, "chemicals");
        assert_eq!(r[1].id, "textiles");
        assert_eq!(r[1].later.unwrap().year, 2024);
        assert!(r[2..].iter().all(|x| !x.reported()));
    }

    #[test]
    fn clean_at_every_width() {
        for w in [240.0, 320.0, 375.0, 640.0, 1280.0, 2000.0] {
            assert_clean(&at(w), &format!("by-industry at {w}"));
        }
    }

    #[test]
    fn only_reported_values_are_drawn() {
        let l = at(640.0);
        assert_eq!(bars_drawn(&l), 4, "12, 14, 2, 6 and nothing for the six unreported industries");
        assert_eq!(l.parts.len(), 4);
        let w: Vec<f64> = l.parts.iter().map(|b| b.rect.w).collect();
        assert!((w[1] / w[0] - 14.0 / 12.0).abs() < 1e-6, "{w:?}");
        assert!((w[3] / w[2] - 3.0).abs() < 1e-6);
        let nr = l.labels.iter().filter(|x| x.text == "not reported").count();
        assert_eq!(nr, 6);
        assert_eq!(l.items.len(), 8);
    }

    #[test]
    fn the_2024_textiles_figure_carries_its_year() {
        let l = at(640.0);
        assert!(l.labels.iter().any(|x| x.text == "6 (2024)"));
        assert!(l.labels.iter().any(|x| x.text.starts_with("Year in brackets")));
        let t = &l.items[1];
        assert_eq!(t.title, "Textiles");
        assert_eq!(t.lines[0], "2021: 2");
        assert_eq!(t.lines[1], "2024: 6");
        assert_eq!(t.lines[2], "Change: +4 (+200%, computed)");
        assert!(t.lines.iter().any(|x| x.contains("2024, not 2023")));
    }

    #[test]
    fn names_never_break_inside_a_word_and_sit_above_their_bars() {
        let d = Dataset::binzhou();
        for w in [240.0, 260.0, 288.0, 300.0, 320.0, 360.0, 640.0] {
            let l = layout(&d, w, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
            assert_clean(&l, &format!("by-industry at {w}"));
            for c in &d.industries {
                for word in c.name.en.split(' ') {
                    assert!(
                        l.labels.iter().any(|x| x.text.split(' ').any(|t| t == word)),
                        "{w}px: \"{word}\" of \"{}\" is broken",
                        c.name.en
                    );
                }
            }
            let name = l.labels.iter().find(|x| x.text == "Chemicals").unwrap();
            assert!(name.bbox().bottom() <= l.parts[0].rect.y, "{w}px: the name is above the bars");
            assert!(l.items[0].rect.encloses(&name.bbox()), "{w}px: the name is inside its row's hit area");
        }
    }

    #[test]
    fn rows_are_touch_sized_and_do_not_overlap() {
        let l = at(375.0);
        for pair in l.items.windows(2) {
            assert!(pair[0].rect.h >= 44.0);
            assert!(pair[0].rect.bottom() <= pair[1].rect.y + 1e-6);
        }
        // The second row, textiles, lies about 100 px below the top of the canvas.
        assert_eq!(l.hit(200.0, 100.0), Some(1));
    }

    #[test]
    fn unreported_tooltips_say_so() {
        let l = at(640.0);
        let alu = l.items.iter().find(|i| i.title == "Aluminum").unwrap();
        assert_eq!(alu.lines[0], "2021: not reported");
        assert_eq!(alu.lines[1], "2023: not reported");
    }
}
