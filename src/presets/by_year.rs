//! `champions-by-year`: one stacked bar per year of the story's period, split into products
//! first in the world and products first in China only (total minus global, computed), with
//! each segment's value and the total written on the bars. The bars, axes, legend and totals
//! are a Vega-Lite spec ([`spec`]) drawn by the grammar; the story adds its tooltips, the
//! segments a keyboard reader steps through, and the segment labels, placed clear of each other.

use super::{compile, take_marks, union, ROW};
use crate::data::{Dataset, Lang, Scope};
use crate::error::Error;
use crate::format::{num, percent};
use crate::grammar::encoding::Channel;
use crate::grammar::{Json, Value};
use crate::layout::{measure, Anchor, Item, Label, Layout, Part, Rect};
use crate::query::{city_value, share};
use crate::text;
use crate::theme::Theme;

const SIZE: f64 = 13.0;

/// One year's bar, resolved from the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBar {
    /// The year.
    pub year: i32,
    /// Total (global or national), if reported.
    pub total: Option<f64>,
    /// First in the world, if reported.
    pub global: Option<f64>,
    /// First in China only: total minus global, when both are reported.
    pub national_only: Option<f64>,
    /// Source id of the total.
    pub source: String,
}

/// The bars' data: the start and end year of the dataset's period.
pub fn bars(d: &Dataset) -> Vec<YearBar> {
    let metric = d.values.first().map(|v| v.metric.as_str()).unwrap_or_default();
    d.period
        .iter()
        .map(|&year| {
            let total_v = city_value(d, metric, year, Scope::GlobalOrNational);
            let total = total_v.and_then(|v| v.value);
            let global = city_value(d, metric, year, Scope::Global).and_then(|v| v.value);
            let national_only = match (total, global) {
                (Some(t), Some(g)) => Some(t - g),
                _ => None,
            };
            let source = total_v.map(|v| v.source.clone()).unwrap_or_default();
            YearBar { year, total, global, national_only, source }
        })
        .collect()
}

/// One drawn segment: bar `bar`'s piece, bottom-up.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    bar: usize,
    /// 0 first in the world, 1 first in China only, 2 a total whose split is not reported.
    scope: usize,
    value: f64,
    /// What this segment alone shows, for keyboard steps.
    label: String,
}

fn segments(data: &[YearBar], lang: Lang) -> Vec<Segment> {
    let mut out = Vec::new();
    for (i, b) in data.iter().enumerate() {
        let Some(total) = b.total else { continue };
        let t = num(total, 1);
        match (b.global, b.national_only) {
            (Some(g), Some(n)) => {
                out.push(Segment { bar: i, scope: 0, value: g, label: text::global_line(lang, &num(g, 1)) });
                let label = text::national_line(lang, &num(n, 1), &t, &num(g, 1));
                out.push(Segment { bar: i, scope: 1, value: n, label });
            }
            _ => out.push(Segment { bar: i, scope: 2, value: total, label: text::total_line(lang, &t) }),
        }
    }
    out
}

fn scope_names(lang: Lang) -> [&'static str; 3] {
    [text::first_in_world(lang), text::first_in_china_only(lang), text::pick(lang, "Split not reported", "构成未报道")]
}

/// A value written in full when that fits in `room` px, else short (`1.2M`).
fn short(v: f64, size: f64, room: f64) -> String {
    let full = num(v, 1);
    if measure(&full, size, true) <= room {
        full
    } else {
        crate::format::compact(v)
    }
}

/// The plot's height at `width`: half the width, within 200 to 300 px.
fn plot_height(width: f64) -> f64 {
    (width * 0.5).clamp(200.0, 300.0)
}

/// The chart as a Vega-Lite spec: stacked bars per year (the x domain is the whole period,
/// so a year whose total was not reported keeps its place), the totals written above them.
pub fn spec(d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> Json {
    let data = bars(d);
    let segs = segments(&data, lang);
    let names = scope_names(lang);
    let years: Vec<String> = data.iter().map(|b| text::year(lang, b.year)).collect();
    // Each year's band over a plot about the width less the axis.
    let step = (width - 60.0) / data.len().max(1) as f64;
    let values: Vec<Json> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let total = data[s.bar].total;
            crate::json!({
                "year": (years[s.bar].as_str()), "scope": (names[s.scope]), "order": (s.scope), "count": (s.value),
                "total": total, "first": (i == 0 || segs[i - 1].bar != s.bar), "row": i,
                "total_text": (total.map(|t| short(t, SIZE + 1.0, step - 6.0)))
            })
        })
        .collect();
    let used: Vec<usize> = (0..3).filter(|k| segs.iter().any(|s| s.scope == *k)).collect();
    let colors = [theme.series[0], theme.series[1], theme.muted];
    // Bars half their band, at most 110 px.
    let bar_w = (step * 0.5).clamp(8.0, 110.0);
    // Room over the tallest bar for its total: the domain's top is the nice number at least
    // 21 px above it (the axis still starts at zero).
    let ticks = if width < 400.0 { 4 } else { 6 };
    let tallest = data.iter().filter_map(|b| b.total).fold(0.0, f64::max);
    let top = crate::layout::nice_ticks(tallest / (1.0 - 21.0 / plot_height(width)), ticks).max;
    let x = crate::json!({
        "field": "year", "type": "ordinal", "scale": {"domain": (years.clone())},
        "axis": {"title": null, "labelAngle": 0, "ticks": false, "labelFontSize": SIZE}
    });
    let scope_domain: Vec<&str> = used.iter().map(|k| names[*k]).collect();
    let scope_range: Vec<String> = used.iter().map(|k| colors[*k].hex()).collect();
    crate::json!({
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": (plot_height(width)),
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "bar", "size": bar_w},
                "encoding": {
                    "x": (x.clone()),
                    "y": {"field": "count", "type": "quantitative", "stack": "zero",
                          "scale": {"domain": [0, top]},
                          "axis": {"title": null, "domain": false, "ticks": false, "tickCount": ticks}},
                    "color": {"field": "scope", "type": "nominal",
                              "scale": {"domain": scope_domain, "range": scope_range},
                              "legend": {"orient": "top", "title": null}},
                    "order": {"field": "order", "type": "quantitative"},
                    "tooltip": [{"field": ROW, "type": "quantitative"}]
                }
            },
            {
                "transform": [{"filter": "datum.first"}],
                "mark": {"type": "text", "dy": (-11.0), "fontSize": (SIZE + 1.0), "fontWeight": "bold",
                         "color": (theme.text.hex())},
                "encoding": {
                    "x": x,
                    "y": {"field": "total", "type": "quantitative"},
                    "text": {"field": "total_text", "type": "nominal"},
                    "tooltip": null
                }
            }
        ]
    })
}

/// Lays the chart out at `width` CSS px.
pub fn layout(d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let data = bars(d);
    let segs = segments(&data, lang);
    let mut c = compile(&spec(d, lang, width, theme), width, lang, theme)?;
    let marks = take_marks(&mut c);
    let x = c.scales.get(Channel::X).ok_or_else(|| Error::Draw("by-year: the grammar resolved no x scale".into()))?;
    let (step, band) = (x.scale.step(), x.scale.bandwidth());
    let mut l = c.layout;
    let plot = l.plot;
    l.across = true;
    for (i, b) in data.iter().enumerate() {
        let cx = plot.x + x.scale.map(&Value::str(&text::year(lang, b.year))).unwrap_or(0.0) + band / 2.0;
        let col = Rect::new(cx - step * 0.45, plot.y, step * 0.9, plot.h);
        let source = text::source_line(lang, d, &b.source);
        let mine: Vec<(usize, Rect)> =
            marks.iter().filter(|(r, _)| segs.get(*r).is_some_and(|s| s.bar == i)).copied().collect();
        let mut lines = Vec::new();
        let Some(total) = b.total else {
            l.labels.push(Label::new(
                text::not_reported(lang),
                cx,
                plot.bottom() - 12.0,
                SIZE,
                theme.muted,
                Anchor::Middle,
            ));
            lines.push(text::total_line(lang, text::not_reported(lang)));
            lines.push(source);
            l.items.push(Item {
                hit: None,
                rect: col,
                anchor: (cx, plot.bottom() - 24.0),
                mark: col,
                title: text::year(lang, b.year),
                lines,
            });
            continue;
        };
        let item = l.items.len();
        label_segments(&mut l, &segs, &mine, theme, (plot.x + step * i as f64, plot.x + step * (i as f64 + 1.0)));
        for (r, rect) in &mine {
            l.parts.push(Part { item, rect: *rect, label: segs[*r].label.clone() });
        }
        let t = num(total, 1);
        lines.push(text::total_line(lang, &t));
        match (b.global, b.national_only) {
            (Some(g), Some(n)) => {
                lines.push(text::global_line(lang, &num(g, 1)));
                lines.push(text::national_line(lang, &num(n, 1), &t, &num(g, 1)));
                if let Some(s) = share(g, total) {
                    lines.push(text::share_line(lang, &percent(s, false)));
                }
            }
            _ => lines.push(text::pair(lang, text::first_in_world(lang), text::not_reported(lang))),
        }
        lines.push(source);
        let mark = union(mine.iter().map(|m| m.1)).unwrap_or(col);
        l.items.push(Item { hit: None, rect: col, anchor: (cx, mark.y), mark, title: text::year(lang, b.year), lines });
    }
    Ok(l)
}

/// Writes each segment's value inside it when it fits, else beside the bar (right, then
/// left) within the bar's own column `slot`, pushed apart upwards so that small neighbouring
/// segments never stack their labels; a value with no room stays in the tooltip and table.
fn label_segments(l: &mut Layout, segs: &[Segment], mine: &[(usize, Rect)], theme: &Theme, slot: (f64, f64)) {
    let mut outside_y = f64::MAX;
    let bottom = l.plot.bottom();
    for (r, rect) in mine {
        let s = &segs[*r];
        if s.value <= 0.0 {
            continue;
        }
        let text = short(s.value, SIZE, slot.1 - slot.0 - 6.0);
        let cx = rect.x + rect.w / 2.0;
        if rect.h >= SIZE + 6.0 && measure(&text, SIZE, true) <= rect.w - 8.0 {
            let ink = [theme.series[0], theme.series[1], theme.muted][s.scope].ink();
            l.labels.push(Label::new(text, cx, rect.y + rect.h / 2.0, SIZE, ink, Anchor::Middle).bold());
            continue;
        }
        // Never below the baseline, where the year labels are.
        let y = (rect.y + rect.h / 2.0).min(outside_y - SIZE * 1.25).min(bottom - SIZE * 0.6 - 1.0);
        outside_y = y;
        let right = Label::new(text.clone(), rect.right() + 5.0, y, SIZE, theme.text, Anchor::Start).bold();
        let left = Label::new(text, rect.x - 5.0, y, SIZE, theme.text, Anchor::End).bold();
        let free = |lab: &Label| {
            let b = lab.bbox();
            b.x >= slot.0 && b.right() <= slot.1.min(l.width - 1.0) && !l.labels.iter().any(|o| o.bbox().intersects(&b))
        };
        if free(&right) {
            l.labels.push(right);
        } else if free(&left) {
            l.labels.push(left);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::presets::{bars_drawn, texts};
    use crate::theme::ThemeName;

    fn at(w: f64) -> Layout {
        layout(&Dataset::binzhou(), w, Lang::En, &Theme::get(ThemeName::Light)).unwrap()
    }

    #[test]
    fn data_is_the_reported_totals_split_by_scope() {
        let b = bars(&Dataset::binzhou());
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].year, b[0].total, b[0].global, b[0].national_only), (2021, Some(37.0), Some(4.0), Some(33.0)));
        assert_eq!(
            (b[1].year, b[1].total, b[1].global, b[1].national_only),
            (2023, Some(53.0), Some(15.0), Some(38.0))
        );
    }

    #[test]
    fn the_spec_is_plain_vega_lite_with_the_computed_numbers() {
        let d = Dataset::binzhou();
        let j = spec(&d, Lang::En, 640.0, &Theme::get(ThemeName::Light)).to_text();
        for part in [
            r#""count":4"#,
            r#""count":33"#,
            r#""count":15"#,
            r#""count":38"#,
            r#""total":53"#,
            r#""scope":"First in China only""#,
            r#""stack":"zero""#,
        ] {
            assert!(j.contains(part), "{part} missing from {j}");
        }
    }

    #[test]
    fn clean_at_every_width() {
        for w in [320.0, 375.0, 640.0, 1280.0, 2000.0] {
            assert_clean(&at(w), &format!("by-year at {w}"));
        }
    }

    #[test]
    fn segment_heights_are_proportional_to_values() {
        let l = at(640.0);
        assert_eq!(l.parts.len(), 4);
        let h: Vec<f64> = l.parts.iter().map(|b| b.rect.h).collect();
        // 4, 33, 15, 38 on one scale.
        assert!((h[1] / h[0] - 33.0 / 4.0).abs() < 1e-6, "{h:?}");
        assert!((h[3] / h[2] - 38.0 / 15.0).abs() < 1e-6);
        assert!(((h[2] + h[3]) / (h[0] + h[1]) - 53.0 / 37.0).abs() < 1e-6);
        // Stacked: national-only sits right on top of global.
        assert!((l.parts[1].rect.bottom() - l.parts[0].rect.y).abs() < 1e-6);
        assert_eq!(bars_drawn(&l), 4, "the grammar drew four segments");
    }

    #[test]
    fn every_figure_is_labelled_on_the_chart() {
        for w in [320.0, 375.0, 1280.0] {
            let l = at(w);
            let texts = texts(&l);
            for v in ["4", "33", "37", "15", "38", "53", "2021", "2023", "First in the world", "First in China only"] {
                assert!(texts.contains(&v), "{w}: {v} missing from {texts:?}");
            }
        }
    }

    #[test]
    fn tooltip_of_2023_has_exact_figures_and_source() {
        let l = at(640.0);
        let (x, y) = l.items[1].anchor;
        let i = l.hit(x, y + 5.0).expect("a bar under the pointer");
        let it = &l.items[i];
        assert_eq!(it.title, "2023");
        assert_eq!(it.lines[0], "53 champion products in all");
        assert_eq!(it.lines[1], "15 first in the world");
        assert_eq!(it.lines[2], "38 first in China only (53 − 15, computed)");
        assert_eq!(it.lines[3], "World-first share: 28.3% (computed)");
        assert!(it.lines[4].contains("2024-02-19"));
        assert_eq!(l.hit(1.0, 1.0), None);
    }

    #[test]
    fn an_unreported_total_is_written_not_drawn_as_zero() {
        let mut d = Dataset::binzhou();
        d.values.iter_mut().find(|v| v.id == "F1").unwrap().value = None;
        let l = layout(&d, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_eq!(l.parts.len(), 2, "only 2023's two segments are drawn");
        assert_eq!(bars_drawn(&l), 2);
        assert!(l.labels.iter().any(|x| x.text == "not reported"));
        assert!(l.labels.iter().any(|x| x.text == "2021"), "the year keeps its place on the axis");
        assert!(l.items[0].lines[0].contains("not reported"));
    }

    #[test]
    fn a_total_without_its_split_is_one_neutral_segment() {
        let mut d = Dataset::binzhou();
        let g = d.values.iter().position(|v| v.year == 2021 && v.scope == Scope::Global).unwrap();
        d.values[g].value = None;
        let l = layout(&d, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_eq!(l.parts(0).len(), 1);
        assert_eq!(l.parts[0].label, "37 champion products in all");
        assert!(texts(&l).contains(&"Split not reported"), "the legend names the neutral colour");
        assert_eq!(l.items[0].lines[1], "First in the world: not reported");
    }

    #[test]
    fn each_segment_says_what_it_shows_for_keyboard_stepping() {
        let l = at(640.0);
        assert!(l.across, "years run across: left and right step between them");
        let parts: Vec<&str> = l.parts(1).into_iter().map(|b| l.parts[b].label.as_str()).collect();
        assert_eq!(parts, ["15 first in the world", "38 first in China only (53 − 15, computed)"]);
        assert_eq!(l.parts(0).len(), 2);
        assert!(l.parts(2).is_empty());
    }

    #[test]
    fn hit_areas_are_touch_sized() {
        let l = at(320.0);
        for it in &l.items {
            assert!(it.rect.w >= 44.0 && it.rect.h >= 44.0);
        }
    }
}
